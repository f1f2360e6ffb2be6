/**
 * The options page's data: loaded once, then kept current by the background's broadcasts and by
 * the replies to the page's own requests. Each side's calendars are listed once its account is
 * connected.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { StatusSnapshot } from '../shared/messaging/protocol.ts';
import type { AccountStatus, PairResult, Provider, Settings } from '../shared/messaging/types.ts';
import { ask, onBackgroundUpdate } from '../shared/messaging/ui-client.ts';
import type { PairConfig } from '../shared/pair.ts';
import { rememberCalendars } from '../shared/ui/calendar-cache.ts';
import { messageOf, type Loadable } from '../shared/ui/hooks.ts';
import { DEFAULT_CLIENT_IDS } from '../shared/endpoints.ts';
import type { Accounts, CalendarList, OptionsModel } from './model.ts';

interface Base {
  readonly status: StatusSnapshot;
  readonly settings: Settings;
  readonly pairs: readonly PairConfig[];
}

export interface OptionsData {
  readonly model: Loadable<OptionsModel>;
  readonly setBase: (update: (base: Base) => Base) => void;
  /** One account's new state (the reply to a sign-in or sign-out). */
  readonly setAccount: (account: AccountStatus) => void;
  readonly loadCalendars: (provider: Provider) => void;
}

const IDLE: Readonly<Record<Provider, CalendarList>> = { google: { state: 'idle' }, microsoft: { state: 'idle' } };

export function useOptionsData(): OptionsData {
  const [base, setBaseState] = useState<Loadable<Base>>({ state: 'loading' });
  const [accounts, setAccountsState] = useState<Accounts | null>(null);
  const [results, setResults] = useState<Readonly<Record<string, PairResult>>>({});
  const [calendars, setCalendars] = useState(IDLE);
  const live = useRef(true);

  const loadCalendars = (provider: Provider): void => {
    setCalendars((c) => ({ ...c, [provider]: { state: 'loading' } }));
    ask('calendars/list', { provider }).then(
      (list) => {
        rememberCalendars(provider, list);
        if (live.current) setCalendars((c) => ({ ...c, [provider]: { state: 'ready', value: list } }));
      },
      (error: unknown) => live.current && setCalendars((c) => ({ ...c, [provider]: { state: 'error', message: messageOf(error) } })),
    );
  };

  /** New account states: list the calendars of a side that just connected, forget a disconnected one's. */
  const updateAccounts = (update: (before: Accounts | null) => Accounts): void => {
    setAccountsState((before) => {
      const next = update(before);
      for (const provider of ['google', 'microsoft'] as const) {
        const was = before?.[provider].state;
        const is = next[provider].state;
        if (is === 'signed-in' && was !== 'signed-in') queueMicrotask(() => loadCalendars(provider));
        if (is === 'signed-out' && was !== 'signed-out') setCalendars((c) => ({ ...c, [provider]: { state: 'idle' } }));
      }
      return next;
    });
  };
  const setAccounts = (next: Accounts): void => updateAccounts(() => next);
  const setAccount = (account: AccountStatus): void => updateAccounts((before) => ({ ...(before ?? { google: account, microsoft: account }), [account.provider]: account }));

  useEffect(() => {
    live.current = true;
    const stop = onBackgroundUpdate((update) => {
      if (update.type === 'accounts/changed') setAccounts(update.accounts);
      else setResults(update.state.results);
    });
    Promise.all([ask('status/get'), ask('settings/get'), ask('accounts/get'), ask('pairs/list'), ask('sync/state')]).then(
      ([status, settings, accountsNow, pairs, sync]) => {
        if (!live.current) return;
        setBaseState({ state: 'ready', value: { status, settings, pairs } });
        setResults(sync.results);
        setAccounts(accountsNow);
      },
      (error: unknown) => live.current && setBaseState({ state: 'error', message: messageOf(error) }),
    );
    return () => {
      live.current = false;
      stop();
    };
  }, []);

  const model: Loadable<OptionsModel> =
    base.state !== 'ready'
      ? base
      : accounts
        ? { state: 'ready', value: { ...base.value, accounts, results, calendars, defaultClientIds: DEFAULT_CLIENT_IDS, now: Date.now() } }
        : { state: 'loading' };
  const setBase = (update: (b: Base) => Base): void => setBaseState((b) => (b.state === 'ready' ? { state: 'ready', value: update(b.value) } : b));
  return { model, setBase, setAccount, loadCalendars };
}
