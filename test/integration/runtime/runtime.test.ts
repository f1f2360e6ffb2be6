import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEASE_KEY, LEASE_TTL_MS } from '../../../src/background/runtime/lease.ts';
import { RESULTS_KEY } from '../../../src/background/runtime/results.ts';
import { SYNC_ALARM } from '../../../src/background/runtime/schedule.ts';
import type { UiHandlers } from '../../../src/background/router.ts';
import { PROTOCOL_VERSION, type PairResult, type UiRequestType, type UiToBackground } from '../../../src/shared/messaging/protocol.ts';
import { withDefaults } from '../../../src/shared/pair.ts';
import { SimClock } from '../../sim/core/clock.ts';
import { startSimulators, type Simulators } from '../../sim/index.ts';
import { GOOGLE_USER, MS_USER, startRuntime, type RuntimeWorld } from './world.ts';

type Payload<T extends UiRequestType> = Omit<Extract<UiToBackground, { type: T }>, 'v' | 'type'>;

function ask<T extends UiRequestType>(world: RuntimeWorld, type: T, payload: Payload<T> = {} as Payload<T>) {
  const handler = world.runtime.handlers[type] as unknown as (request: unknown) => ReturnType<UiHandlers[T]>;
  return handler({ v: PROTOCOL_VERSION, type, ...payload });
}

let sims: Simulators;
let calendarId: string;

/** Fresh simulators per test, with the accounts the runtime's fake auth signs in as. */
beforeEach(async () => {
  sims = await startSimulators({ ports: 'random', clock: new SimClock(() => Date.parse('2026-03-02T08:00:00Z')) });
  sims.google.addUser(GOOGLE_USER, { name: 'Ann', timeZone: 'Europe/Berlin' });
  calendarId = sims.graph.addMailbox(MS_USER, { displayName: 'Ann', timeZone: 'W. Europe Standard Time' }).defaultCalendarId;
});
afterEach(async () => {
  await sims.close();
});

function event(summary: string, day: string) {
  return { summary, start: { dateTime: `${day}T09:00:00`, timeZone: 'Europe/Berlin' }, end: { dateTime: `${day}T10:00:00`, timeZone: 'Europe/Berlin' } };
}

const pair = () => withDefaults({ id: 'pair-1', googleCalendarId: GOOGLE_USER, outlookCalendarId: calendarId });

describe('background runtime', () => {
  it('lists both sides calendars, saves a pair and syncs it at once, keeping the result', async () => {
    const world = startRuntime(sims);
    sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, event('Dentist', '2026-03-05'));
    const google = await ask(world, 'calendars/list', { provider: 'google' });
    expect(google.find((c) => c.primary)).toMatchObject({ id: GOOGLE_USER, readOnly: false });
    const outlook = await ask(world, 'calendars/list', { provider: 'microsoft' });
    expect(outlook.map((c) => c.id)).toContain(calendarId);

    await ask(world, 'pairs/save', { pair: pair() });
    await world.runtime.sync.idle();
    const state = await ask(world, 'sync/state');
    expect(state.running).toBe(false);
    expect(state.results[pair().id]).toMatchObject({ ok: true, created: { google: 0, outlook: 1 }, errors: [] });
    expect(sims.graph.listStoredEvents(calendarId).map((e) => e.subject)).toEqual(['Dentist']);
    // The next run is scheduled about one interval (5 min ± 10 %) later.
    const next = world.alarms.alarms.get(SYNC_ALARM) ?? 0;
    expect(next - sims.clock.now()).toBeGreaterThanOrEqual(4.5 * 60_000);
    expect(next - sims.clock.now()).toBeLessThanOrEqual(5.5 * 60_000);
    expect(world.broadcasts.some((m) => (m as { type: string }).type === 'sync/changed')).toBe(true);
    // The full report goes on to the badge service.
    expect(world.reports).toMatchObject([{ pairId: pair().id, created: { outlook: 1 } }]);
  });

  it('keeps the previous result when the user cancels a run', async () => {
    const world = startRuntime(sims);
    await ask(world, 'pairs/save', { pair: pair() });
    await world.runtime.sync.idle();
    const before = (await ask(world, 'sync/state')).results[pair().id];
    const run = world.runtime.sync.run('user');
    await ask(world, 'sync/cancel');
    await run;
    expect((await ask(world, 'sync/state')).results[pair().id]).toEqual(before);
  });

  it('runs one sync at a time: a second request joins the run already going', async () => {
    const world = startRuntime(sims);
    await ask(world, 'pairs/save', { pair: pair() });
    const first = world.runtime.sync.run('user');
    const second = world.runtime.sync.run('alarm');
    expect(second).toBe(first);
    await first;
  });

  it('waits for the lease of a killed worker to lapse, then resumes with no duplicate', async () => {
    for (const day of ['03', '04', '05', '06', '09', '10', '11']) sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, event(`Meeting ${day}`, `2026-03-${day}`));
    // The first worker dies once its 6th request has been answered: nothing it awaits later returns.
    let requests = 0;
    const dying: typeof fetch = (input, init) => (++requests <= 6 ? fetch(input, init) : new Promise<Response>(() => undefined));
    const first = startRuntime(sims, undefined, { fetch: dying });
    await first.runtime.ready;
    await first.local.set({ 'config/pairs': [pair()] });
    void first.runtime.sync.run('user');
    await until(() => requests > 6);

    const second = first.restart();
    const lease = first.local.data.get(LEASE_KEY) as { expiresAt: number };
    // The new worker notices the interrupted run on wake and arms the alarm for just after the
    // dead run's lease lapses.
    await until(() => second.alarms.alarms.get(SYNC_ALARM) === lease.expiresAt + 1_000);
    await ask(second, 'sync/now', { pairId: null });
    await second.runtime.sync.idle();
    // A sync asked for now is deferred too: the dead run's lease still holds.
    expect(second.alarms.alarms.get(SYNC_ALARM)).toBe(lease.expiresAt + 1_000);
    expect((await ask(second, 'sync/state')).results).toEqual({});

    sims.clock.advance(LEASE_TTL_MS + 1_000);
    await second.runtime.onAlarm(SYNC_ALARM);
    const result = (await ask(second, 'sync/state')).results[pair().id];
    expect(result).toMatchObject({ ok: true, errors: [] });
    const subjects = sims.graph.listStoredEvents(calendarId).map((e) => e.subject).sort();
    expect(subjects).toEqual(['Meeting 03', 'Meeting 04', 'Meeting 05', 'Meeting 06', 'Meeting 09', 'Meeting 10', 'Meeting 11']);
    // Converged: one more run writes nothing.
    await second.runtime.sync.run('user');
    const again = (await ask(second, 'sync/state')).results[pair().id] as PairResult;
    expect(again.created).toEqual({ google: 0, outlook: 0 });
    expect(again.updated).toEqual({ google: 0, outlook: 0 });
  });

  it('asks for sign-in in the badge and a notification, once, and says so in the result', async () => {
    const world = startRuntime(sims);
    await ask(world, 'pairs/save', { pair: pair() });
    await world.runtime.sync.idle();
    world.auth.expire('microsoft');
    await world.runtime.sync.run('alarm');
    const result = (await ask(world, 'sync/state')).results[pair().id] as PairResult;
    expect(result.ok).toBe(false);
    expect(result.errors[0]?.action).toBe('sign-in');
    expect(world.badges.at(-1)).toMatchObject({ text: '!', title: expect.stringContaining('Sign-in needed: Microsoft') as string });
    expect(world.notices.filter((n) => n.id === 'sign-in-microsoft')).toHaveLength(1);
    await world.runtime.sync.run('alarm');
    expect(world.notices.filter((n) => n.id === 'sign-in-microsoft')).toHaveLength(1);
  });

  it('removes a pair with its mirrors, or leaving them, as the user chose', async () => {
    const world = startRuntime(sims);
    sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, event('Dentist', '2026-03-05'));
    await ask(world, 'pairs/save', { pair: pair() });
    await world.runtime.sync.idle();
    expect(sims.graph.listStoredEvents(calendarId)).toHaveLength(1);
    await ask(world, 'pairs/remove', { pairId: pair().id, mirrors: 'delete' });
    expect(sims.graph.listStoredEvents(calendarId)).toHaveLength(0);
    expect(await ask(world, 'pairs/list')).toEqual([]);
    expect((await ask(world, 'sync/state')).results).toEqual({});
    // The source is untouched.
    expect(sims.google.listStoredEvents(GOOGLE_USER).filter((e) => e.status !== 'cancelled')).toHaveLength(1);
  });

  it('reports a full storage area instead of swallowing it', async () => {
    const world = startRuntime(sims);
    await world.runtime.ready;
    world.local.full = true;
    await expect(ask(world, 'pairs/save', { pair: pair() })).rejects.toThrow(/storage is full/);
    world.local.full = false;
    await ask(world, 'pairs/save', { pair: pair() });
    await world.runtime.sync.idle();
    world.local.full = true;
    // A run cannot record its result: the failure surfaces to the caller rather than vanishing.
    await expect(world.runtime.sync.run('alarm')).rejects.toThrow(/storage is full/);
    world.local.full = false;
    expect(world.local.data.has(RESULTS_KEY)).toBe(true);
  });

  it('a quiet run costs one request per side, though each run gets new adapters (a new worker)', async () => {
    const world = startRuntime(sims);
    sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, event('Dentist', '2026-03-05'));
    await ask(world, 'pairs/save', { pair: pair() });
    await world.runtime.sync.idle();
    const google = sims.google.log.mark();
    const graph = sims.graph.log.mark();
    await world.runtime.sync.run('alarm');
    expect(sims.google.log.since(google).map((e) => e.path)).toHaveLength(1);
    expect(sims.graph.log.since(graph).map((e) => e.path)).toEqual([expect.stringContaining('/calendarView/delta')]);
  });

  it('a run of one pair neither postpones the regular run nor drops a nudge backstop; a run of all re-arms', async () => {
    const world = startRuntime(sims);
    await ask(world, 'pairs/save', { pair: pair() });
    await world.runtime.sync.idle();
    await ask(world, 'settings/set', { settings: { syncIntervalMinutes: 30 } });
    const regular = sims.clock.now() + 20 * 60_000;
    await world.alarms.create(SYNC_ALARM, { when: regular });
    await world.runtime.sync.run('user', pair().id);
    expect(world.alarms.alarms.get(SYNC_ALARM)).toBe(regular);
    // A nudge's backstop brings the regular run forward; the nudged run of its pair keeps it.
    const backstop = sims.clock.now() + 60_000;
    await world.runtime.syncNoLaterThan(backstop);
    expect(world.alarms.alarms.get(SYNC_ALARM)).toBe(backstop);
    await world.runtime.sync.run('user', pair().id);
    expect(world.alarms.alarms.get(SYNC_ALARM)).toBe(backstop);
    // The backstop's run covers every pair and starts the regular wait again.
    await world.runtime.onAlarm(SYNC_ALARM);
    expect((world.alarms.alarms.get(SYNC_ALARM) ?? 0) - sims.clock.now()).toBeGreaterThanOrEqual(27 * 60_000);
  });

  it('keeps settings, falls back to the build default client ids, and re-arms the alarm when the interval changes', async () => {
    const world = startRuntime(sims);
    expect(await ask(world, 'settings/get')).toMatchObject({ syncIntervalMinutes: 5, microsoftTenant: 'common' });
    await ask(world, 'settings/set', { settings: { syncIntervalMinutes: 60 } });
    await world.alarms.create(SYNC_ALARM, { when: sims.clock.now() + 60 * 60_000 });
    await ask(world, 'settings/set', { settings: { syncIntervalMinutes: 1, microsoftTenant: ' contoso.onmicrosoft.com ' } });
    expect((world.alarms.alarms.get(SYNC_ALARM) ?? 0) - sims.clock.now()).toBeLessThanOrEqual(66_000);
    expect(await ask(world, 'settings/get')).toMatchObject({ syncIntervalMinutes: 1, microsoftTenant: 'contoso.onmicrosoft.com' });
    await expect(ask(world, 'settings/set', { settings: { microsoftTenant: 'bad tenant/..' } })).rejects.toThrow(/tenant/);
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error('condition not reached');
}

describe('background runtime: activity, settings file, diagnostics', () => {
  it('lists a deletion the sync made and undoes it', async () => {
    const world = startRuntime(sims);
    const source = sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, event('Dentist', '2026-03-05'));
    await ask(world, 'pairs/save', { pair: pair() });
    await world.runtime.sync.idle();
    sims.google.userDeleteEvent(GOOGLE_USER, GOOGLE_USER, source.id!);
    await world.runtime.sync.run('user');
    const activity = await ask(world, 'activity/get');
    expect(activity.deletions).toMatchObject([{ side: 'outlook', title: 'Dentist', undone: false }]);
    const after = await ask(world, 'activity/undo', { pairId: pair().id, deletionId: activity.deletions[0]!.id });
    expect(after.deletions[0]?.undone).toBe(true);
    await world.runtime.sync.idle();
    // Back in Outlook, and mirrored to Google again by the sync the undo started.
    expect(sims.graph.listStoredEvents(calendarId).map((e) => e.subject)).toEqual(['Dentist']);
    expect(sims.google.listStoredEvents(GOOGLE_USER).filter((e) => e.status !== 'cancelled').map((e) => e.summary)).toEqual(['Dentist']);
    await expect(ask(world, 'activity/undo', { pairId: pair().id, deletionId: activity.deletions[0]!.id })).rejects.toThrow(/already undone/);
  });

  it('exports settings and pairs and imports them on another install', async () => {
    const world = startRuntime(sims);
    await ask(world, 'settings/set', { settings: { syncIntervalMinutes: 15 } });
    await ask(world, 'pairs/save', { pair: pair() });
    await world.runtime.sync.idle();
    const json = await ask(world, 'settings/export');
    const fresh = startRuntime(sims);
    expect(await ask(fresh, 'settings/import', { json })).toEqual({ pairs: 1 });
    expect(await ask(fresh, 'pairs/list')).toEqual([pair()]);
    expect((await ask(fresh, 'settings/get')).syncIntervalMinutes).toBe(15);
    await expect(ask(fresh, 'settings/import', { json: '{"format":"x"}' })).rejects.toThrow(/not a Tandem settings file/);
  });

  it('gives a redacted diagnostics log without event text', async () => {
    const world = startRuntime(sims);
    sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, event('Very private title', '2026-03-05'));
    await ask(world, 'pairs/save', { pair: pair() });
    await world.runtime.sync.idle();
    const log = await ask(world, 'diagnostics/get');
    expect(log.split('\n').length).toBeGreaterThan(1);
    expect(log).toContain('sync started');
    expect(log).not.toContain('Very private title');
  });
});
