/**
 * The badge service: answers the content scripts in the calendar web apps (badge lookups and
 * sync-on-view nudges), keeps the compact index they are answered from, and tells their tabs when
 * it changes. Built from injected pieces (no browser API here), wired in src/background/index.ts.
 */
import type { Logger } from '../../shared/logger.ts';
import { isContentToBackground } from '../../shared/messaging/content-guards.ts';
import type { BackgroundToContent, BadgeQuery, BadgeView, ContentReplies, ContentToBackground } from '../../shared/messaging/content-protocol.ts';
import type { PairResult } from '../../shared/messaging/types.ts';
import type { PairConfig } from '../../shared/pair.ts';
import type { Side } from '../sync/model.ts';
import type { KeyValueStore } from '../sync/ports.ts';
import type { PairReport } from '../sync/report.ts';
import { PairStore } from '../sync/state.ts';
import { BadgeIndex, type PairInput } from './badge-index.ts';
import { IndexCache } from './index-cache.ts';
import { nudgeTargets, PendingChanges } from './changes.ts';
import { loadMemory, recordReport } from './memory.ts';
import { NudgeScheduler, type NudgePolicy, type NudgeTimers } from './nudges.ts';
import { trustedPage, type ContentSender, type TrustedPage } from './sender.ts';
import { TabRegistry } from './tabs.ts';
import { pendingView, toView } from './views.ts';

export type { ContentSender } from './sender.ts';
export { DEFAULT_NUDGE_POLICY, type NudgePolicy, type NudgeTimers } from './nudges.ts';

export interface ContentTabs {
  /** Sends to the content script of a tab. */
  send(tabId: number, message: BackgroundToContent): Promise<void>;
  /** Ids of open tabs showing one of the calendar web apps. */
  calendarTabs(): Promise<readonly number[]>;
  /** Runs the content script in a tab (tabs opened before the extension was installed or updated). */
  inject(tabId: number): Promise<void>;
}

export interface BadgeServiceDeps {
  readonly extensionId: string;
  /** Simulator build: loopback pages stand in for the calendar hosts. */
  readonly simulator: boolean;
  /** The engine's state (IndexedDB): links, occurrences, conflicts, pauses. Read, plus this service's own memory. */
  readonly state: KeyValueStore;
  readonly pairs: () => Promise<readonly PairConfig[]>;
  /** Runs an incremental sync of these pairs that starts after the call (waiting out one already going). */
  readonly syncPairs: (pairIds: readonly string[]) => Promise<void>;
  /**
   * Makes sure a regular sync starts by this time even if the worker dies first: the nudge timers
   * live in the worker, and MV3 may stop it at any moment.
   */
  readonly backstop?: (when: number) => Promise<void>;
  readonly lastResults: () => Promise<Readonly<Record<string, PairResult>>>;
  readonly tabs: ContentTabs;
  readonly clock: { now(): number };
  readonly log: Logger;
  readonly timers?: NudgeTimers;
  readonly policy?: NudgePolicy;
}

export interface BadgeService {
  /** For runtime.onMessage: a promise of the reply, or undefined (no answer) for anything not ours. */
  handleContentMessage(message: unknown, sender: ContentSender): Promise<unknown> | undefined;
  /** After every sync run: rebuild the index and tell the calendar tabs. */
  onSyncFinished(): void;
  /** Optional: each pair's report, for "excluded by a filter" and per-event error badges. */
  recordReport(report: PairReport): Promise<void>;
  /** On install and update: run the content script in calendar tabs already open. */
  injectIntoOpenTabs(): Promise<void>;
  /** The current index (rebuilt if stale). */
  index(): Promise<BadgeIndex>;
}

const DEFAULT_OUTLOOK_HOST = 'outlook.office.com';
/** A nudged change reaches the other side within this long even if the worker dies meanwhile. */
export const NUDGE_BACKSTOP_MS = 60_000;

export function createBadgeService(deps: BadgeServiceDeps): BadgeService {
  const { log, clock } = deps;
  const timers: NudgeTimers = deps.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };
  const cache = new IndexCache(() => loadIndex(deps));
  const pending = new PendingChanges();
  const tabs = new TabRegistry((tabId, message) => deps.tabs.send(tabId, message), () => clock.now());
  let outlookHost = DEFAULT_OUTLOOK_HOST;

  const changed = (): void => {
    cache.invalidate();
    // With no calendar tab open, the index is rebuilt when one asks, not after every sync.
    if (tabs.empty) return;
    void cache.get().then(
      () => tabs.notify(cache.version),
      (error: unknown) => log.warn?.('badge index could not be rebuilt', { error: String(error) }),
    );
  };
  const scheduler = new NudgeScheduler(
    async (pairIds) => {
      log.debug?.('nudged sync', { pairs: pairIds.length });
      try {
        await deps.syncPairs(pairIds);
      } finally {
        pending.settle(pairIds);
        changed();
      }
    },
    () => clock.now(),
    timers,
    deps.policy,
    (error) => log.warn?.('nudged sync failed', { error: String(error) }),
  );

  async function lookup(page: TrustedPage, queries: readonly BadgeQuery[]): Promise<ContentReplies['badges/lookup']> {
    const index = await cache.get();
    const now = clock.now();
    const views = queries.map((query): BadgeView | null => {
      const waitingOn = query.by === 'id' ? pending.pairsOf(page.app, query.id, now) : null;
      const match = index.find(page.app, query);
      if (match) return toView(match, outlookHost, waitingOn?.has(match.entry.pairId) === true);
      const pair = waitingOn ? index.pairs.find((p) => waitingOn.has(p.id)) : undefined;
      return pair ? pendingView(pair, page.app) : null;
    });
    return { version: cache.version, views };
  }

  async function nudge(page: TrustedPage, message: Extract<ContentToBackground, { type: 'badges/nudge' }>): Promise<ContentReplies['badges/nudge']> {
    const side: Side = page.app;
    const targets = nudgeTargets(await cache.get(), side, message.calendars, message.ids, clock.now());
    const pairIds = targets.echo ? [] : scheduler.nudge(targets.pairIds, clock.now() - message.ageMs);
    if (pairIds.length > 0) void deps.backstop?.(clock.now() + NUDGE_BACKSTOP_MS).catch((error: unknown) => log.warn?.('could not set the nudge backstop', { error: String(error) }));
    log.debug?.('nudge', { app: side, reason: message.reason, ids: message.ids.length, pairs: targets.pairIds.length, echo: targets.echo, scheduled: pairIds.length });
    if (pairIds.length === 0) return { accepted: false };
    pending.add(side, message.ids, pairIds, clock.now());
    cache.bump();
    tabs.notify(cache.version);
    return { accepted: true };
  }

  return {
    handleContentMessage(message, sender) {
      const page = trustedPage(sender, deps.extensionId, deps.simulator);
      if (!page || !isContentToBackground(message) || message.app !== page.app) {
        if (page) log.debug?.('content message rejected');
        return undefined;
      }
      tabs.seen(page.tabId);
      if (page.app === 'outlook' && !page.loopback) outlookHost = page.host;
      return message.type === 'badges/lookup' ? lookup(page, message.queries) : nudge(page, message);
    },
    onSyncFinished: changed,
    recordReport: async (report) => {
      await recordReport(deps.state, report);
      cache.invalidate();
    },
    injectIntoOpenTabs: async () => {
      for (const tabId of await deps.tabs.calendarTabs()) {
        await deps.tabs.inject(tabId).catch((error: unknown) => log.debug?.('could not inject into a tab', { error: String(error) }));
      }
    },
    index: () => cache.get(),
  };
}

async function loadIndex(deps: BadgeServiceDeps): Promise<BadgeIndex> {
  const [pairs, results] = await Promise.all([deps.pairs(), deps.lastResults()]);
  const inputs = await Promise.all(
    pairs.map(async (pair): Promise<PairInput> => {
      const store = new PairStore(deps.state, pair.id);
      const [links, occurrences, meta, conflicts, memory] = await Promise.all([store.loadLinks(), store.loadOccurrenceIndex(), store.loadMeta(), store.conflicts(), loadMemory(deps.state, pair.id)]);
      return { pair, links, occurrences, conflicts, paused: meta.paused !== null, result: results[pair.id], memory };
    }),
  );
  return new BadgeIndex(inputs, deps.clock.now());
}
