/**
 * The background runtime: storage, settings, the sync service, the schedule, the badge and the
 * answers to UI requests, assembled from injected browser pieces so it runs in Node tests too.
 */
import type { AccountsSnapshot, AuthService } from '../auth/types.ts';
import type { Logger } from '../../shared/logger.ts';
import type { StatusSnapshot, SyncState } from '../../shared/messaging/protocol.ts';
import { PROTOCOL_VERSION } from '../../shared/messaging/protocol.ts';
import { GoogleCalendarProvider } from '../providers/google/index.ts';
import { GraphCalendarProvider } from '../providers/graph/index.ts';
import type { UiHandlers } from '../router.ts';
import type { EngineDeps } from '../sync/context.ts';
import type { Clock, KeyValueStore } from '../sync/ports.ts';
import type { PairReport } from '../sync/report.ts';
import { AreaStore, type StorageAreaLike } from './area-store.ts';
import type { DiagnosticsLog } from './diagnostics.ts';
import { badgeFor, newNotices, type Badge, type Notice } from './badge.ts';
import { createHandlers } from './handlers.ts';
import { Lease } from './lease.ts';
import { mailboxFactsCache } from './mailbox-facts.ts';
import { migrate } from './migrations.ts';
import { PairActions } from './pair-actions.ts';
import { Scheduler, SYNC_ALARM, type AlarmsLike } from './schedule.ts';
import { SettingsStore } from './settings.ts';
import { SyncService, type Trigger } from './sync-service.ts';

export interface RuntimeDeps {
  readonly localArea: StorageAreaLike;
  /** The engine's state (IndexedDB in the extension). */
  readonly state: KeyValueStore;
  readonly alarms: AlarmsLike;
  readonly auth: AuthService;
  readonly clock: Clock;
  readonly log: Logger;
  readonly endpoints: { readonly googleApi: string; readonly graphApi: string };
  readonly status: () => StatusSnapshot;
  readonly broadcast: (message: unknown) => void;
  readonly setBadge: (badge: Badge) => Promise<void>;
  /** Each pair's full report after its run (the badge service remembers exclusions and errors). */
  readonly onReport?: (report: PairReport) => Promise<void>;
  readonly notify: (notice: Notice) => Promise<void>;
  /** Recent log entries, redacted, for the diagnostics download (log through `log`, which feeds it). */
  readonly diagnostics: DiagnosticsLog;
  /** Random per worker start: the lease owner. */
  readonly instanceId: string;
  readonly fetch?: typeof fetch;
}

export interface Runtime {
  readonly handlers: UiHandlers;
  /** Resolves when the wake's migrations ran (handlers wait for it themselves). */
  readonly ready: Promise<void>;
  readonly sync: SyncService;
  onAlarm(name: string): Promise<void>;
  onStartup(): Promise<void>;
  /** Makes sure a scheduled run of every pair starts by `when` (a backstop for a nudge). */
  syncNoLaterThan(when: number): Promise<void>;
}

export function createRuntime(deps: RuntimeDeps): Runtime {
  const local = new AreaStore(deps.localArea);
  const settings = new SettingsStore(local);
  const scheduler = new Scheduler(deps.alarms);
  const ready = migrate(local, deps.state).then(() => undefined);
  const common = { clock: deps.clock, logger: deps.log, ...(deps.fetch ? { fetch: deps.fetch } : {}) };
  // Adapters are cheap and hold no state beyond their token source (and the mailbox facts kept
  // between workers): one per use keeps it simple.
  const mailboxFacts = mailboxFactsCache(deps.state, async () => (await deps.auth.status()).microsoft.address);
  const engine = (): EngineDeps => ({
    google: new GoogleCalendarProvider({ ...common, baseUrl: deps.endpoints.googleApi, tokens: deps.auth.tokenSource('google') }),
    outlook: new GraphCalendarProvider({ ...common, baseUrl: deps.endpoints.graphApi, tokens: deps.auth.tokenSource('microsoft'), mailboxFacts }),
    clock: deps.clock,
    logger: deps.log,
  });
  const attention = attentionTracker(deps);
  const sync = new SyncService({
    local,
    state: deps.state,
    settings,
    engine,
    lease: new Lease(local, deps.clock, deps.instanceId),
    ...(deps.onReport ? { onReport: deps.onReport } : {}),
    scheduler,
    clock: deps.clock,
    log: deps.log,
    broadcast: (state) => {
      deps.broadcast({ v: PROTOCOL_VERSION, type: 'sync/changed', state });
      void attention.update(undefined, state);
    },
  });
  deps.auth.onChange((accounts) => {
    deps.broadcast({ v: PROTOCOL_VERSION, type: 'accounts/changed', accounts });
    void attention.update(accounts, undefined);
  });
  const pairs = new PairActions({ settings, local, state: deps.state, engine, sync });
  const rescheduled = async (): Promise<void> => {
    await scheduler.ensure(deps.clock.now(), (await settings.settings()).syncIntervalMinutes);
  };
  const inner = createHandlers({ status: deps.status, settings, auth: deps.auth, engine, sync, pairs, rescheduled, local, state: deps.state, diagnostics: deps.diagnostics });
  const handlers = afterReady(inner, ready);

  const runScheduled = async (trigger: Trigger): Promise<void> => {
    await ready;
    await sync.run(trigger);
  };
  void ready
    .then(rescheduled)
    .then(() => sync.resumeInterrupted())
    .catch((error: unknown) => deps.log.error?.('start-up failed', { error: String(error) }));
  void ready.then(() => attention.refresh(sync)).catch(() => undefined);
  return {
    handlers,
    ready,
    sync,
    onAlarm: (name) => (name === SYNC_ALARM ? runScheduled('alarm') : Promise.resolve()),
    onStartup: () => runScheduled('startup'),
    syncNoLaterThan: async (when) => {
      await ready;
      await scheduler.noLaterThan(when);
    },
  };
}

/** Every handler waits for the wake's migrations before touching state. */
function afterReady(handlers: UiHandlers, ready: Promise<void>): UiHandlers {
  const wrapped: Record<string, (request: never) => Promise<unknown>> = {};
  for (const [type, handler] of Object.entries(handlers) as [string, (request: never) => Promise<unknown>][]) {
    wrapped[type] = async (request) => {
      await ready;
      return handler(request);
    };
  }
  return wrapped as unknown as UiHandlers;
}

/** Keeps the badge current and raises a notification when a state needing the user begins. */
function attentionTracker(deps: RuntimeDeps) {
  let accounts: AccountsSnapshot | null = null;
  let sync: SyncState | null = null;
  let last: { accounts: AccountsSnapshot; sync: SyncState } | null = null;
  const update = async (nextAccounts?: AccountsSnapshot, nextSync?: SyncState): Promise<void> => {
    accounts = nextAccounts ?? accounts ?? (await deps.auth.status());
    sync = nextSync ?? sync;
    if (!sync) return;
    const now = { accounts, sync };
    try {
      await deps.setBadge(badgeFor(accounts, sync));
      // The first state of a wake is the baseline: a worker wakes often, and a state that began in
      // an earlier wake was announced then.
      if (last) for (const notice of newNotices(last, now)) await deps.notify(notice);
    } catch (error) {
      deps.log.warn?.('could not update the badge', { error: String(error) });
    }
    last = now;
  };
  return {
    update,
    refresh: async (service: SyncService): Promise<void> => update(undefined, await service.state()),
  };
}
