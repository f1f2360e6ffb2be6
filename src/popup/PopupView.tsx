import type { Loadable } from '../shared/ui/hooks.ts';
import { t } from '../shared/ui/i18n.ts';
import { Loaded } from '../shared/ui/Loaded.tsx';
import { pairLabel } from '../shared/ui/PairCalendars.tsx';
import { ConflictList } from './ActivityLists.tsx';
import { DeletionList } from './DeletionList.tsx';
import { Attention } from './Attention.tsx';
import { FirstRun } from './FirstRun.tsx';
import type { PopupActions, PopupModel } from './model.ts';
import { PairCard } from './PairCard.tsx';
import { SyncPanel } from './SyncPanel.tsx';

export interface PopupViewProps {
  readonly model: Loadable<PopupModel>;
  readonly actions: PopupActions;
}

/** The toolbar popup, from data alone: the container (PopupApp) fills the model and the actions. */
export function PopupView({ model, actions }: PopupViewProps) {
  const simulator = model.state === 'ready' && model.value.simulatorBuild;
  return (
    <div class="popup">
      <header class="row popup-header">
        <img src="/icons/icon-32.png" width={20} height={20} alt="" />
        <h1>{t('appName')}</h1>
        {simulator && <span class="tag warn">{t('simulatorBuild')}</span>}
        <span class="spacer" />
        <button type="button" class="icon" onClick={() => actions.openOptions()} aria-label={t('openSettings')} title={t('openSettings')}>
          <span aria-hidden="true">⚙</span>
        </button>
      </header>
      <main>
        <Loaded value={model}>{(value) => <Body model={value} actions={actions} />}</Loaded>
      </main>
    </div>
  );
}

function Body({ model, actions }: { readonly model: PopupModel; readonly actions: PopupActions }) {
  const { pairs, sync, accounts, calendars, activity, now } = model;
  if (pairs.length === 0) return <FirstRun accounts={accounts} onSetUp={actions.openOptions} />;
  const current = sync.running && sync.progress ? pairs.find((p) => p.id === sync.progress?.pairId) : undefined;
  return (
    <>
      <Attention accounts={accounts} pairs={pairs} results={sync.results} calendars={calendars} actions={actions} />
      <SyncPanel sync={sync} now={now} currentPair={current && pairs.length > 1 ? pairLabel(current, calendars) : null} onSyncNow={actions.syncNow} onCancel={actions.cancelSync} />
      <section aria-label={t('pairsLabel')}>
        <ul class="pairs">
          {pairs.map((pair) => (
            <PairCard key={pair.id} pair={pair} result={sync.results[pair.id]} calendars={calendars} syncing={current?.id === pair.id} now={now} actions={actions} />
          ))}
        </ul>
      </section>
      <ConflictList conflicts={activity.conflicts} now={now} />
      <DeletionList deletions={activity.deletions} now={now} onUndo={actions.undo} />
      <footer class="popup-footer">
        <button type="button" class="link" onClick={() => actions.openOptions({ section: 'pairs' })}>
          {t('managePairs')}
        </button>
      </footer>
    </>
  );
}
