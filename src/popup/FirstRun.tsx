import { t } from '../shared/ui/i18n.ts';
import type { OptionsTarget } from '../shared/ui/options-link.ts';
import type { Accounts } from './model.ts';

export interface FirstRunProps {
  readonly accounts: Accounts;
  readonly onSetUp: (target: OptionsTarget) => void;
}

/** No pair yet: what Tandem does, the three steps to a working pair, and where they are done. */
export function FirstRun({ accounts, onSetUp }: FirstRunProps) {
  const google = accounts.google.state === 'signed-in';
  const microsoft = accounts.microsoft.state === 'signed-in';
  const next: OptionsTarget = google && microsoft ? { section: 'pairs' } : { section: 'accounts' };
  return (
    <section class="first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">{t('firstRunTitle')}</h2>
      <p class="muted">{t('firstRunIntro')}</p>
      <ol class="steps">
        <Step done={google} text={t('firstRunStepGoogle')} />
        <Step done={microsoft} text={t('firstRunStepMicrosoft')} />
        <Step done={false} text={t('firstRunStepPair')} />
      </ol>
      <button type="button" class="primary wide" onClick={() => onSetUp(next)}>
        {google || microsoft ? t('firstRunContinue') : t('firstRunStart')}
      </button>
    </section>
  );
}

function Step({ done, text }: { readonly done: boolean; readonly text: string }) {
  return (
    <li class={done ? 'done' : undefined}>
      <span class="mark" aria-hidden="true">
        {done ? '✓' : ''}
      </span>
      <span>{text}</span>
      {done && <span class="visually-hidden"> {t('stepDone')}</span>}
    </li>
  );
}
