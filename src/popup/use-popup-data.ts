/**
 * The popup's data: one round of requests when it opens, then the background's broadcasts keep it
 * current — so a popup reopened mid-sync shows the run's progress at once and follows it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Activity, SyncState } from '../shared/messaging/types.ts';
import { ask, onBackgroundUpdate } from '../shared/messaging/ui-client.ts';
import type { PairConfig } from '../shared/pair.ts';
import { readCalendars, rememberCalendars, indexCalendars, type CalendarIndex } from '../shared/ui/calendar-cache.ts';
import { messageOf, type Loadable } from '../shared/ui/hooks.ts';
import type { Accounts, PopupModel } from './model.ts';

interface Base {
  readonly simulatorBuild: boolean;
  readonly pairs: readonly PairConfig[];
  readonly activity: Activity;
}

export interface PopupData {
  readonly model: Loadable<PopupModel>;
  readonly setSync: (state: SyncState) => void;
  readonly setActivity: (activity: Activity) => void;
  readonly reloadActivity: () => Promise<void>;
}

const TICK_MS = 30_000;

export function usePopupData(): PopupData {
  const [base, setBase] = useState<Loadable<Base>>({ state: 'loading' });
  const [sync, setSyncState] = useState<SyncState | null>(null);
  const [accounts, setAccounts] = useState<Accounts | null>(null);
  const [calendars, setCalendars] = useState(() => ({ google: readCalendars('google'), microsoft: readCalendars('microsoft') }));
  const [now, setNow] = useState(Date.now());
  const wasRunning = useRef(false);

  const reloadActivity = async (): Promise<void> => {
    const activity = await ask('activity/get');
    setBase((b) => (b.state === 'ready' ? { state: 'ready', value: { ...b.value, activity } } : b));
  };
  const setSync = (state: SyncState): void => {
    // A run just ended: its conflicts and deletions are new activity.
    if (wasRunning.current && !state.running) void reloadActivity().catch(() => undefined);
    wasRunning.current = state.running;
    setSyncState(state);
    setNow(Date.now());
  };

  useEffect(() => {
    let live = true;
    const stop = onBackgroundUpdate((update) => {
      if (!live) return;
      if (update.type === 'sync/changed') setSync(update.state);
      else setAccounts(update.accounts);
    });
    const load = Promise.all([ask('status/get'), ask('accounts/get'), ask('pairs/list'), ask('sync/state'), ask('activity/get')]);
    load.then(
      ([status, accountsNow, pairs, state, activity]) => {
        if (!live) return;
        setAccounts((current) => current ?? accountsNow);
        setSyncState((current) => current ?? state);
        wasRunning.current = state.running;
        setBase({ state: 'ready', value: { simulatorBuild: status.simulatorBuild, pairs, activity } });
        if (pairs.length > 0) refreshCalendars(accountsNow, (provider, index) => live && setCalendars((c) => ({ ...c, [provider]: index })));
      },
      (error: unknown) => live && setBase({ state: 'error', message: messageOf(error) }),
    );
    const tick = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => {
      live = false;
      stop();
      clearInterval(tick);
    };
  }, []);

  const model: Loadable<PopupModel> =
    base.state !== 'ready' ? base : sync && accounts ? { state: 'ready', value: { ...base.value, sync, accounts, calendars, now } } : { state: 'loading' };
  const setActivity = (activity: Activity): void => setBase((b) => (b.state === 'ready' ? { state: 'ready', value: { ...b.value, activity } } : b));
  return { model, setSync, setActivity, reloadActivity };
}

/** Names and colours from the services, for the signed-in accounts (cached for the next open). */
function refreshCalendars(accounts: Accounts, update: (provider: 'google' | 'microsoft', index: CalendarIndex) => void): void {
  for (const provider of ['google', 'microsoft'] as const) {
    if (accounts[provider].state !== 'signed-in') continue;
    ask('calendars/list', { provider }).then(
      (list) => {
        rememberCalendars(provider, list);
        update(provider, indexCalendars(list));
      },
      // Names are a nicety: the cached or fallback labels stay, the pair's own status tells the error.
      () => undefined,
    );
  }
}
