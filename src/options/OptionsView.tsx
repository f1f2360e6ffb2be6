import type { Loadable } from '../shared/ui/hooks.ts';
import { t, type MessageKey } from '../shared/ui/i18n.ts';
import { Loaded } from '../shared/ui/Loaded.tsx';
import { AboutSection } from './AboutSection.tsx';
import { AccountsSection } from './AccountsSection.tsx';
import { BackupSection } from './BackupSection.tsx';
import { CalendarsSection } from './CalendarsSection.tsx';
import type { OptionsActions, OptionsModel } from './model.ts';
import { PairsSection } from './PairsSection.tsx';
import { SetupChecklist } from './SetupChecklist.tsx';
import { SyncSection } from './SyncSection.tsx';

export interface OptionsViewProps {
  readonly model: Loadable<OptionsModel>;
  readonly actions: OptionsActions;
  /** A pair to open in the editor (the popup's "Check settings"), or null. */
  readonly focusPair: string | null;
  readonly newId?: () => string;
}

const SECTIONS: readonly [string, MessageKey][] = [
  ['accounts', 'accountsTitle'],
  ['calendars', 'calendarsTitle'],
  ['pairs', 'pairsTitle'],
  ['sync', 'syncTitle'],
  ['backup', 'backupTitle'],
  ['about', 'aboutTitle'],
];

/** The options page, from data alone: the container (OptionsApp) fills the model and the actions. */
export function OptionsView({ model, actions, focusPair, newId }: OptionsViewProps) {
  return (
    <div class="options">
      <a class="skip-link" href="#content">
        {t('skipToContent')}
      </a>
      <header class="page-header">
        <div class="row">
          <img src="/icons/icon-48.png" width={32} height={32} alt="" />
          <h1>{t('optionsTitle')}</h1>
          {model.state === 'ready' && model.value.status.simulatorBuild && <span class="tag warn">{t('simulatorBuild')}</span>}
        </div>
      </header>
      <div class="layout">
        <nav aria-label={t('sectionsLabel')} class="side-nav">
          <ul>
            {SECTIONS.map(([id, key]) => (
              <li key={id}>
                <a href={`#${id}`}>{t(key)}</a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="content" tabIndex={-1}>
          <Loaded value={model}>{(value) => <Sections model={value} actions={actions} focusPair={focusPair} newId={newId} />}</Loaded>
        </main>
      </div>
    </div>
  );
}

function Sections({ model, actions, focusPair, newId }: { readonly model: OptionsModel; readonly actions: OptionsActions; readonly focusPair: string | null; readonly newId: (() => string) | undefined }) {
  const ready = model.accounts.google.state === 'signed-in' && model.accounts.microsoft.state === 'signed-in';
  return (
    <>
      <SetupChecklist accounts={model.accounts} pairs={model.pairs.length} />
      <AccountsSection model={model} actions={actions} />
      <CalendarsSection accounts={model.accounts} calendars={model.calendars} onReload={actions.reloadCalendars} />
      <PairsSection
        pairs={model.pairs}
        results={model.results}
        calendars={model.calendars}
        ready={ready}
        focusPair={focusPair}
        now={model.now}
        actions={actions}
        {...(newId ? { newId } : {})}
      />
      <SyncSection settings={model.settings} onSave={actions.saveSettings} />
      <BackupSection actions={actions} />
      <AboutSection status={model.status} />
    </>
  );
}
