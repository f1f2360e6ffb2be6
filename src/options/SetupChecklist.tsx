import { t } from '../shared/ui/i18n.ts';
import type { Accounts } from './model.ts';

/** Until a pair exists: the three steps to a working pair, each linked to where it is done. */
export function SetupChecklist({ accounts, pairs }: { readonly accounts: Accounts; readonly pairs: number }) {
  if (pairs > 0) return null;
  const steps = [
    { done: accounts.google.state === 'signed-in', text: t('firstRunStepGoogle'), href: '#accounts' },
    { done: accounts.microsoft.state === 'signed-in', text: t('firstRunStepMicrosoft'), href: '#accounts' },
    { done: false, text: t('firstRunStepPair'), href: '#pairs' },
  ];
  return (
    <section class="notice checklist" aria-labelledby="checklist-title" data-testid="setup-checklist">
      <h2 id="checklist-title">{t('checklistTitle')}</h2>
      <p class="small">{t('checklistIntro')}</p>
      <ol>
        {steps.map((step) => (
          <li key={step.text} class={step.done ? 'done' : undefined}>
            <a href={step.href}>{step.text}</a>
            {step.done && <span class="tag ok">{t('checklistDone')}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
