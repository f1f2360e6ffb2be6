import type { PairResult, Provider } from '../shared/messaging/types.ts';
import type { PairConfig } from '../shared/pair.ts';
import type { CalendarIndex } from '../shared/ui/calendar-cache.ts';
import { dateTime, relativeTime, sideChanges } from '../shared/ui/format.ts';
import { useAction } from '../shared/ui/hooks.ts';
import { t } from '../shared/ui/i18n.ts';
import { PairCalendars } from '../shared/ui/PairCalendars.tsx';
import type { PopupActions } from './model.ts';

export interface PairCardProps {
  readonly pair: PairConfig;
  readonly result: PairResult | undefined;
  readonly calendars: Readonly<Record<Provider, CalendarIndex>>;
  /** This pair is being synced right now. */
  readonly syncing: boolean;
  readonly now: number;
  readonly actions: Pick<PopupActions, 'openOptions' | 'syncNow'>;
}

const SHOWN_ERRORS = 3;

/** One pair: its calendars and direction, how its last sync went, and what fixes its errors. */
export function PairCard({ pair, result, calendars, syncing, now, actions }: PairCardProps) {
  return (
    <li class="card pair" data-testid={`pair-${pair.id}`}>
      <PairCalendars pair={pair} calendars={calendars} />
      <p class="pair-status small">
        <StatusLine result={result} syncing={syncing} now={now} />
      </p>
      {result && !result.paused && !syncing && <Changes result={result} />}
      {result && result.errors.length > 0 && <Errors pair={pair} result={result} actions={actions} />}
    </li>
  );
}

function StatusLine({ result, syncing, now }: { readonly result: PairResult | undefined; readonly syncing: boolean; readonly now: number }) {
  if (syncing) return <span class="state busy">{t('pairSyncing')}</span>;
  if (!result) return <span class="state muted">{t('pairNeverSynced')}</span>;
  if (result.paused) return <span class="state warn">{t('pairPaused')}</span>;
  const when = relativeTime(result.finishedAt, now);
  return (
    <span class={`state ${result.ok ? 'ok' : 'error'}`} title={dateTime(result.finishedAt)}>
      <span aria-hidden="true">{result.ok ? '✓ ' : '! '}</span>
      {result.ok ? t('pairSynced', when) : t('pairProblems', when)}
    </span>
  );
}

function Changes({ result }: { readonly result: PairResult }) {
  const google = sideChanges('google', result);
  const outlook = sideChanges('outlook', result);
  if (!google && !outlook && result.conflicts === 0) return result.ok ? <p class="muted small changes">{t('changesNone')}</p> : null;
  return (
    <ul class="changes small">
      {google && <li>{t('changesInGoogle', google)}</li>}
      {outlook && <li>{t('changesInOutlook', outlook)}</li>}
      {result.conflicts > 0 && <li>{t('changesConflicts', result.conflicts)}</li>}
    </ul>
  );
}

function Errors({ pair, result, actions }: { readonly pair: PairConfig; readonly result: PairResult; readonly actions: PairCardProps['actions'] }) {
  const shown = result.errors.slice(0, SHOWN_ERRORS);
  const more = result.errors.length - shown.length;
  return (
    <ul class="errors small">
      {shown.map((error, index) => (
        <ErrorItem key={index} pairId={pair.id} error={error} actions={actions} />
      ))}
      {more > 0 && <li class="muted">{t('errorsMore', more)}</li>}
    </ul>
  );
}

/** An error in plain words, with the button that fixes it when there is one. */
function ErrorItem({ pairId, error, actions }: { readonly pairId: string; readonly error: PairResult['errors'][number]; readonly actions: PairCardProps['actions'] }) {
  const retry = useAction(actions.syncNow);
  return (
    <li>
      <span class="message">{error.message}</span>
      {error.action === 'sign-in' && (
        <button type="button" class="small" onClick={() => actions.openOptions({ section: 'accounts' })}>
          {t('actionSignIn')}
        </button>
      )}
      {error.action === 'retry' && (
        <button type="button" class="small" onClick={() => retry.run()} disabled={retry.busy}>
          {t('actionRetry')}
        </button>
      )}
      {error.action === 'check-settings' && (
        <button type="button" class="small" onClick={() => actions.openOptions({ pair: pairId })}>
          {t('actionCheckSettings')}
        </button>
      )}
      {retry.error && <span class="error" role="alert">{retry.error}</span>}
    </li>
  );
}
