import { describe, expect, it } from 'vitest';
import { createBadgeService, NUDGE_BACKSTOP_MS, type BadgeService } from '../../../../src/background/badges/index.ts';
import { MemoryStore } from '../../../../src/background/sync/memory-store.ts';
import type { PairReport } from '../../../../src/background/sync/report.ts';
import { PairStore, type Link } from '../../../../src/background/sync/state.ts';
import { CONTENT_PROTOCOL_VERSION as v, type BackgroundToContent } from '../../../../src/shared/messaging/content-protocol.ts';
import type { PairConfig } from '../../../../src/shared/pair.ts';
import { ManualTimers } from '../dom.ts';
import { link, pair } from './builders.ts';

const ID = 'nlbikdfbadfllbfnnjfbffaihjhkbomc';
const GOOGLE_PAGE = { id: ID, url: 'https://calendar.google.com/calendar/u/0/r/week', tab: { id: 11, url: 'https://calendar.google.com/calendar/u/0/r/week' } };
const OUTLOOK_PAGE = { id: ID, url: 'https://outlook.cloud.microsoft/calendar/view/week', tab: { id: 12, url: 'https://outlook.cloud.microsoft/calendar/view/week' } };

async function rig(links: Link[] = [link('google', 'g1', 'o1')], pairs: PairConfig[] = [pair()]) {
  const state = new MemoryStore();
  await new PairStore(state, 'p1').saveLinks(links, []);
  const timers = new ManualTimers();
  const synced: (readonly string[])[] = [];
  const sent: { tabId: number; message: BackgroundToContent }[] = [];
  const injected: number[] = [];
  const loads = { count: 0 };
  const backstops: number[] = [];
  const service = createBadgeService({
    extensionId: ID,
    simulator: false,
    state,
    pairs: () => {
      loads.count++;
      return Promise.resolve(pairs);
    },
    syncPairs: async (ids) => {
      synced.push(ids);
      await new PairStore(state, 'p1').saveLinks([link('google', 'g2', 'o2', { syncedAt: timers.now() })], []);
    },
    backstop: (when) => {
      backstops.push(when);
      return Promise.resolve();
    },
    lastResults: () => Promise.resolve({}),
    tabs: {
      send: (tabId, message) => {
        sent.push({ tabId, message });
        return Promise.resolve();
      },
      calendarTabs: () => Promise.resolve([3, 4]),
      inject: (tabId) => {
        injected.push(tabId);
        return tabId === 4 ? Promise.reject(new Error('Cannot access a chrome:// URL')) : Promise.resolve();
      },
    },
    clock: { now: timers.now },
    timers,
    log: {},
  });
  return { service, state, timers, synced, sent, injected, loads, backstops };
}

const lookup = (app: 'google' | 'outlook', ...ids: string[]) => ({ v, type: 'badges/lookup', app, queries: ids.map((id) => ({ by: 'id', id, calendar: null })) });
const nudge = (app: 'google' | 'outlook', ids: string[], calendars: string[] = [], ageMs = 700) => ({ v, type: 'badges/nudge', app, reason: 'chips', calendars, ids, ageMs });

async function ask(service: BadgeService, message: unknown, sender: object = GOOGLE_PAGE): Promise<unknown> {
  return service.handleContentMessage(message, sender);
}

async function advance(timers: ManualTimers, ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 100) {
    timers.advance(100);
    for (let i = 0; i < 10; i++) await Promise.resolve();
  }
}

describe('the badge service', () => {
  it('answers lookups from its index, one view per query', async () => {
    const { service } = await rig();
    const reply = (await ask(service, lookup('google', 'g1', 'nope'))) as { version: number; views: unknown[] };
    expect(reply.views).toHaveLength(2);
    expect(reply.views[0]).toMatchObject({ state: 'synced', role: 'source' });
    expect(reply.views[1]).toBeNull();
    const outlook = (await ask(service, lookup('outlook', 'o1'), OUTLOOK_PAGE)) as { views: { counterpart: { url: string } }[] };
    expect(outlook.views[0]!.counterpart.url).toMatch(/^https:\/\/calendar\.google\.com\//);
  });

  it('gives no answer at all to strangers or to anything but the exact messages', async () => {
    const { service } = await rig();
    expect(service.handleContentMessage(lookup('google', 'g1'), { ...GOOGLE_PAGE, id: 'someoneelse' })).toBeUndefined();
    expect(service.handleContentMessage(lookup('google', 'g1'), { id: ID, url: `chrome-extension://${ID}/src/options/index.html` })).toBeUndefined();
    expect(service.handleContentMessage({ ...lookup('google', 'g1'), extra: 1 }, GOOGLE_PAGE)).toBeUndefined();
    expect(service.handleContentMessage({ v: 1, type: 'sync/now', pairId: null }, GOOGLE_PAGE)).toBeUndefined();
    // An Outlook page cannot speak for Google Calendar.
    expect(service.handleContentMessage(lookup('google', 'g1'), OUTLOOK_PAGE)).toBeUndefined();
  });

  it('turns a nudge into one debounced incremental sync of the pair, with pending badges meanwhile', async () => {
    const { service, timers, synced, sent } = await rig();
    await ask(service, lookup('google', 'g1'));
    expect(await ask(service, nudge('google', ['g1'], ['pat@gmail.com']))).toEqual({ accepted: true });
    expect(sent.at(-1)).toMatchObject({ tabId: 11, message: { type: 'badges/changed' } });
    const pending = (await ask(service, lookup('google', 'g1', 'gNew'))) as { views: { state: string }[] };
    expect(pending.views[0]!.state).toBe('pending');
    expect(pending.views[1]).toBeNull();
    for (let i = 0; i < 50; i++) await ask(service, nudge('google', ['g1'], ['pat@gmail.com']));
    await advance(timers, 3_000);
    expect(synced).toEqual([['p1']]);
    const after = (await ask(service, lookup('google', 'g1', 'g2'))) as { version: number; views: { state: string }[] };
    expect(after.views.map((view) => view.state)).toEqual(['synced', 'synced']);
    expect(sent.filter((s) => s.message.type === 'badges/changed').length).toBeGreaterThanOrEqual(2);
  });

  it('sets a backstop for every accepted nudge, so a worker that dies first still syncs within a minute', async () => {
    const { service, timers, backstops } = await rig();
    const start = timers.now();
    await ask(service, nudge('google', ['g1'], ['pat@gmail.com']));
    expect(backstops).toEqual([start + NUDGE_BACKSTOP_MS]);
    // Calendars no pair syncs: nothing to sync, no backstop.
    expect(await ask(service, nudge('google', ['x1'], ['someone.else@gmail.com']))).toEqual({ accepted: false });
    expect(backstops).toHaveLength(1);
  });

  it('shows a new event as pending until its sync, then as what the sync made of it', async () => {
    const { service, timers } = await rig();
    await ask(service, nudge('google', ['g2'], ['pat@gmail.com']));
    const before = (await ask(service, lookup('google', 'g2'))) as { views: ({ state: string; counterpart: { url: string | null } } | null)[] };
    expect(before.views[0]).toMatchObject({ state: 'pending', counterpart: { url: null } });
    await advance(timers, 3_000);
    const after = (await ask(service, lookup('google', 'g2'))) as { views: { state: string }[] };
    expect(after.views[0]!.state).toBe('synced');
  });

  it('ignores nudges for calendars no pair syncs, and the echo of its own fresh mirrors', async () => {
    const { service, timers, synced } = await rig([link('google', 'g1', 'o1', { syncedAt: 0 })]);
    expect(await ask(service, nudge('google', ['x1'], ['someone.else@gmail.com']))).toEqual({ accepted: false });
    await advance(timers, 3_000);
    expect(await ask(service, nudge('google', [], ['pat@gmail.com']))).toEqual({ accepted: true });
    await advance(timers, 3_000);
    expect(synced).toEqual([['p1']]);
    // The run wrote mirror o2 just now; Outlook showing it is no reason to sync again.
    expect(await ask(service, nudge('outlook', ['o2']), OUTLOOK_PAGE)).toEqual({ accepted: false });
    // An Outlook event it does not know may belong to the pair's calendar: sync.
    expect(await ask(service, nudge('outlook', ['oNew']), OUTLOOK_PAGE)).toEqual({ accepted: true });
  });

  it('does not sync again for a change a run that started after it already carried', async () => {
    const { service, timers, synced } = await rig();
    await ask(service, { ...nudge('google', [], ['pat@gmail.com']), reason: 'save' });
    await advance(timers, 2_000);
    expect(synced).toHaveLength(1);
    // The chip change behind that save, reported a moment later: it was on screen before the run.
    expect(await ask(service, nudge('google', ['g1'], ['pat@gmail.com'], 1_900))).toEqual({ accepted: false });
    const views = (await ask(service, lookup('google', 'g1'))) as { views: { state: string }[] };
    expect(views.views[0]!.state).toBe('synced');
    // A change made after the run started is another matter.
    expect(await ask(service, nudge('google', ['g1'], ['pat@gmail.com'], 100))).toEqual({ accepted: true });
    await advance(timers, 25_000);
    expect(synced).toHaveLength(2);
  });

  it('rebuilds after a sync and tells the tabs that asked', async () => {
    const { service, state, sent } = await rig();
    await ask(service, lookup('google', 'g1'), GOOGLE_PAGE);
    await new PairStore(state, 'p1').saveLinks([link('google', 'g3', 'o3')], []);
    service.onSyncFinished();
    await service.index();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent.map((s) => s.tabId)).toEqual([11]);
    const reply = (await ask(service, lookup('google', 'g3'))) as { views: { state: string }[] };
    expect(reply.views[0]!.state).toBe('synced');
  });

  it('does not rebuild after every sync while no calendar tab is open', async () => {
    const { service, loads } = await rig();
    service.onSyncFinished();
    service.onSyncFinished();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loads.count).toBe(0);
    await ask(service, lookup('google', 'g1'));
    expect(loads.count).toBe(1);
  });

  it('remembers exclusions from the reports, across runs, under the pair', async () => {
    const { service, state } = await rig();
    const report = { pairId: 'p1', skipped: [{ side: 'google', id: 'gPrivate', title: 'Secret', reason: 'private' }], errors: [] } as unknown as PairReport;
    await service.recordReport(report);
    await service.recordReport({ ...report, skipped: [] });
    const reply = (await ask(service, lookup('google', 'gPrivate'))) as { views: { state: string; detail: string }[] };
    expect(reply.views[0]).toMatchObject({ state: 'excluded', detail: 'The pair skips private events.' });
    expect(JSON.stringify(reply)).not.toContain('Secret');
    expect(Object.keys(await state.scan('tandem/pair/p1/'))).toContain('tandem/pair/p1/badges');
  });

  it('runs the content script in calendar tabs open at install, past tabs that refuse', async () => {
    const { service, injected } = await rig();
    await service.injectIntoOpenTabs();
    expect(injected).toEqual([3, 4]);
  });
});
