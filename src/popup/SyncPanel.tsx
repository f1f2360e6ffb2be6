import type { SyncProgress, SyncState } from '../shared/messaging/types.ts';
import { dateTime, relativeTime } from '../shared/ui/format.ts';
import { useAction } from '../shared/ui/hooks.ts';
import { t, type MessageKey } from '../shared/ui/i18n.ts';

export interface SyncPanelProps {
  readonly sync: SyncState;
  readonly now: number;
  /** The calendar pair being synced, as text (when there are several). */
  readonly currentPair: string | null;
  readonly onSyncNow: () => Promise<unknown>;
  readonly onCancel: () => Promise<unknown>;
}

const PHASES: Readonly<Record<string, MessageKey>> = {
  'reading-google': 'phaseReadingGoogle',
  'reading-outlook': 'phaseReadingOutlook',
  planning: 'phasePlanning',
  'writing-google': 'phaseWritingGoogle',
  'writing-outlook': 'phaseWritingOutlook',
  saving: 'phaseSaving',
  done: 'phaseSaving',
};

/** "Sync now", or — while a run is going — its phase, a progress bar and Cancel. */
export function SyncPanel({ sync, now, currentPair, onSyncNow, onCancel }: SyncPanelProps) {
  const start = useAction(onSyncNow);
  const cancel = useAction(onCancel);
  if (!sync.running) {
    return (
      <section class="sync-panel" aria-label={t('syncSectionLabel')}>
        <div class="row">
          <button type="button" class="primary" onClick={() => start.run()} disabled={start.busy} aria-busy={start.busy}>
            {t('syncNow')}
          </button>
          <span class="muted small" title={sync.nextRunAt === null ? undefined : dateTime(sync.nextRunAt)}>
            {sync.nextRunAt === null ? t('nextRunNone') : t('nextRunAt', relativeTime(sync.nextRunAt, now))}
          </span>
        </div>
        {start.error && <p class="error small" role="alert">{start.error}</p>}
      </section>
    );
  }
  return (
    <section class="sync-panel running" aria-label={t('syncSectionLabel')}>
      <div class="row">
        <div class="spacer">
          <p class="phase" role="status">
            {phaseText(sync.progress)}
          </p>
          {currentPair && <p class="muted small pair-now">{currentPair}</p>}
        </div>
        <button type="button" onClick={() => cancel.run()} disabled={cancel.busy}>
          {t('cancel')}
        </button>
      </div>
      <ProgressBar progress={sync.progress} />
      {cancel.error && <p class="error small" role="alert">{cancel.error}</p>}
    </section>
  );
}

function phaseText(progress: SyncProgress | null): string {
  if (!progress) return t('phaseStarting');
  const key = PHASES[progress.phase];
  return key ? t(key) : t('phaseSyncing');
}

/** Writing phases know their total: a determinate bar. Reading and planning do not. */
function ProgressBar({ progress }: { readonly progress: SyncProgress | null }) {
  const writing = progress !== null && progress.phase.startsWith('writing') && progress.total > 0;
  if (!writing) {
    const read = progress !== null && progress.phase.startsWith('reading') && progress.done > 0 ? t('progressRead', progress.done) : null;
    return (
      <>
        <div class="progress indeterminate" role="progressbar" aria-label={t('syncProgressLabel')}>
          <span />
        </div>
        {read && <p class="muted small count">{read}</p>}
      </>
    );
  }
  const done = Math.min(progress.done, progress.total);
  const text = t('progressCount', done, progress.total);
  return (
    <>
      <div class="progress" role="progressbar" aria-label={t('syncProgressLabel')} aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={done} aria-valuetext={text}>
        <span style={{ width: `${(100 * done) / progress.total}%` }} />
      </div>
      <p class="muted small count">{text}</p>
    </>
  );
}
