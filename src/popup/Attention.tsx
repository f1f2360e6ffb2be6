import type { AccountStatus, PairResult, Provider } from '../shared/messaging/types.ts';
import type { PairConfig } from '../shared/pair.ts';
import type { CalendarIndex } from '../shared/ui/calendar-cache.ts';
import { eventStart } from '../shared/ui/format.ts';
import { useAction } from '../shared/ui/hooks.ts';
import { t } from '../shared/ui/i18n.ts';
import { pairLabel } from '../shared/ui/PairCalendars.tsx';
import type { Accounts, PopupActions } from './model.ts';

export interface AttentionProps {
  readonly accounts: Accounts;
  readonly pairs: readonly PairConfig[];
  readonly results: Readonly<Record<string, PairResult>>;
  readonly calendars: Readonly<Record<Provider, CalendarIndex>>;
  readonly actions: Pick<PopupActions, 'openOptions' | 'resolvePause'>;
}

const SHOWN_PENDING = 5;

/** What needs the user: accounts to sign in to again, and pairs paused on a bulk deletion. */
export function Attention({ accounts, pairs, results, calendars, actions }: AttentionProps) {
  const signIn = Object.values(accounts).filter((a) => a.state !== 'signed-in');
  const paused = pairs.filter((p) => (results[p.id]?.paused ?? null) !== null);
  if (signIn.length === 0 && paused.length === 0) return null;
  return (
    <section class="attention" aria-label={t('attentionLabel')}>
      {signIn.map((account) => (
        <SignInItem key={account.provider} account={account} onSignIn={() => actions.openOptions({ section: 'accounts' })} />
      ))}
      {paused.map((pair) => (
        <PausedItem key={pair.id} label={pairLabel(pair, calendars)} pair={pair} result={results[pair.id]!} onResolve={actions.resolvePause} />
      ))}
    </section>
  );
}

function SignInItem({ account, onSignIn }: { readonly account: AccountStatus; readonly onSignIn: () => void }) {
  const name = account.provider === 'google' ? t('providerGoogle') : t('providerMicrosoft');
  const expired = account.state === 'sign-in-needed';
  return (
    <div class={`notice ${expired ? 'danger' : 'warn'}`} data-testid={`sign-in-${account.provider}`}>
      <h3>{expired ? t('signInNeededTitle', name) : t('notConnectedTitle', name)}</h3>
      <p class="small">{expired ? (account.reason ?? t('signInNeededDefault')) : t('notConnectedText')}</p>
      <button type="button" class="primary small" onClick={onSignIn}>
        {expired ? t('actionSignIn') : t('actionConnect')}
      </button>
    </div>
  );
}

interface PausedProps {
  readonly label: string;
  readonly pair: PairConfig;
  readonly result: PairResult;
  readonly onResolve: PopupActions['resolvePause'];
}

function PausedItem({ label, pair, result, onResolve }: PausedProps) {
  const resolve = useAction((decision: 'confirm' | 'keep') => onResolve(pair.id, decision));
  const shown = result.pending.slice(0, SHOWN_PENDING);
  const more = result.pending.length - shown.length;
  return (
    <div class="notice warn paused" data-testid={`paused-${pair.id}`}>
      <h3>{t('pausedTitle', label)}</h3>
      <p class="small">{result.paused}</p>
      {shown.length > 0 && (
        <>
          <p class="small">{t('pausedWouldDelete', result.pending.length)}</p>
          <ul class="pending small">
            {shown.map((item, index) => (
              <li key={index}>
                <span class="title">{item.title || t('untitledEvent')}</span>{' '}
                <span class="muted">{t('pendingWhere', item.side === 'google' ? t('sideGoogle') : t('sideOutlook'), eventStart(item.start))}</span>
              </li>
            ))}
            {more > 0 && <li class="muted">{t('pendingMore', more)}</li>}
          </ul>
        </>
      )}
      <div class="row wrap">
        <button type="button" class="danger small" onClick={() => resolve.run('confirm')} disabled={resolve.busy} aria-busy={resolve.busy}>
          {t('pausedConfirm')}
        </button>
        <button type="button" class="small" onClick={() => resolve.run('keep')} disabled={resolve.busy}>
          {t('pausedKeep')}
        </button>
      </div>
      {resolve.busy && <p class="muted small" role="status">{t('pausedWorking')}</p>}
      {resolve.error && <p class="error small" role="alert">{resolve.error}</p>}
    </div>
  );
}
