/**
 * The user's answers to a paused pair, end to end through the real adapters: "keep" brings back
 * what vanished (each event in its old role, markers consistent, nothing duplicated even after a
 * crash or when the calendar only read empty), and "confirm" deletes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { calendar_v3 } from '@googleapis/calendar';
import type { Event as GraphEvent } from '@microsoft/microsoft-graph-types';
import type { CalendarProvider } from '../../../src/background/sync/ports.ts';
import { syncPair, type SyncOptions } from '../../../src/background/sync/run.ts';
import { PairStore } from '../../../src/background/sync/state.ts';
import { createWorld, gTimed, GOOGLE_USER, MS_USER, oTimed, totalWrites, type World } from './harness.ts';

class WorkerKilled extends Error {}

describe('engine: answering a paused pair', () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  const hour = (i: number): string => String(8 + (i % 10)).padStart(2, '0');
  function seedGoogle(count: number): string[] {
    return Array.from({ length: count }, (_, i) => world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gTimed(`Event ${i}`, `2026-03-${10 + (i % 5)}`, `${hour(i)}:00`, `${hour(i)}:30`)).id!);
  }
  function seedOutlook(count: number): string[] {
    return Array.from({ length: count }, (_, i) => world.sims.graph.userCreateEvent(MS_USER, world.outlookCalendar, oTimed(`Meeting ${i}`, `2026-03-${10 + (i % 5)}`, `${hour(i)}:00`, `${hour(i)}:45`)).id!);
  }
  /** Title → start and end instants, per side (what the user sees in each calendar). */
  const instant = (t: { dateTime?: string | null; date?: string | null; timeZone?: string | null } | undefined): string =>
    t?.date ?? new Date(Date.parse(/[Zz]|[+-]\d\d:\d\d$/.test(t?.dateTime ?? '') ? t!.dateTime! : `${t?.dateTime}Z`)).toISOString();
  const googleView = (): string[] => world.googleEvents().filter((e) => !e.recurringEventId).map((e: calendar_v3.Schema$Event) => `${e.summary} ${instant(e.start)} ${instant(e.end)}`).sort();
  const outlookView = (): string[] => world.outlookEvents().map((e: GraphEvent) => `${e.subject} ${instant(e.start ?? undefined)} ${instant(e.end ?? undefined)}`).sort();
  const outlookIds = (): string[] => world.outlookEvents().map((e) => e.id!).sort();
  const googleIds = (): string[] => world.googleEvents().map((e) => e.id!).sort();
  const history = () => new PairStore(world.store, world.pair.id).history();
  const invitations = (): number => world.sims.google.counters.invitationsSent + world.sims.graph.counters.invitationsSent;

  /** After local state is lost, every event re-links by its marker: nothing created, nothing deleted. */
  async function expectMarkersConsistent(): Promise<void> {
    world.store.clear();
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    expect(report.paused).toBeNull();
    expect(report.created).toEqual({ google: 0, outlook: 0 });
    expect(report.deleted).toEqual({ google: 0, outlook: 0 });
  }

  it('keep after a mass deletion of Google events: they come back, Outlook untouched, markers follow', async () => {
    world = await createWorld();
    const ids = seedGoogle(20);
    await world.sync();
    const [google, outlook, outlookBefore] = [googleView(), outlookView(), outlookIds()];
    for (const id of ids.slice(0, 8)) world.sims.google.userDeleteEvent(GOOGLE_USER, GOOGLE_USER, id);
    expect((await world.sync()).paused?.deletions).toHaveLength(8);

    const kept = await world.sync({ keepPaused: true });
    expect(kept.paused).toBeNull();
    expect(kept.errors).toEqual([]);
    expect(kept.created).toEqual({ google: 8, outlook: 0 });
    expect(kept.deleted).toEqual({ google: 0, outlook: 0 });
    expect(googleView()).toEqual(google);
    expect(outlookView()).toEqual(outlook);
    expect(outlookIds()).toEqual(outlookBefore);
    // Restored as the user's own events: no marker.
    const restored = world.googleEvents().filter((e) => !ids.includes(e.id!));
    expect(restored).toHaveLength(8);
    for (const event of restored) expect(event.extendedProperties?.private ?? {}).toEqual({});
    expect(await history()).toEqual([]);

    expect(totalWrites(await world.sync())).toBe(0);
    // An edit of a restored event still reaches its (old) mirror.
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, restored[0]!.id!, { summary: 'Renamed after keep' });
    const edit = await world.sync();
    expect(edit.updated).toEqual({ google: 0, outlook: 1 });
    expect(world.outlookTitles()).toContain('Renamed after keep');
    expect(outlookIds()).toEqual(outlookBefore);
    await expectMarkersConsistent();
    expect(world.googleEvents()).toHaveLength(20);
    expect(invitations()).toBe(0);
  });

  it('keep after a mass deletion of Outlook events: they come back as Outlook events, Google mirrors re-pointed', async () => {
    world = await createWorld();
    const ids = seedOutlook(12);
    await world.sync();
    const [google, outlook, googleBefore] = [googleView(), outlookView(), googleIds()];
    for (const id of ids.slice(0, 6)) world.sims.graph.userDeleteEvent(id);
    expect((await world.sync()).paused?.reason).toBe('mass-deletion');

    const kept = await world.sync({ keepPaused: true });
    expect(kept.errors).toEqual([]);
    expect(kept.paused).toBeNull();
    expect(kept.created).toEqual({ google: 0, outlook: 6 });
    expect(outlookView()).toEqual(outlook);
    expect(googleView()).toEqual(google);
    expect(googleIds()).toEqual(googleBefore);
    expect(totalWrites(await world.sync())).toBe(0);
    await expectMarkersConsistent();
    expect(world.outlookEvents()).toHaveLength(12);
    expect(invitations()).toBe(0);
  });

  it('keep after a mass deletion of mirrors: the mirrors are made again, the sources stay', async () => {
    world = await createWorld();
    seedGoogle(20);
    await world.sync();
    const [google, outlook, googleBefore] = [googleView(), outlookView(), googleIds()];
    for (const mirror of world.outlookEvents().slice(0, 7)) world.sims.graph.userDeleteEvent(mirror.id!);
    const paused = await world.sync();
    expect(paused.paused?.deletions.map((d) => d.side)).toEqual(Array(7).fill('google'));

    const kept = await world.sync({ keepPaused: true });
    expect(kept.errors).toEqual([]);
    expect(kept.paused).toBeNull();
    expect(kept.created).toEqual({ google: 0, outlook: 7 });
    expect(kept.deleted).toEqual({ google: 0, outlook: 0 });
    expect(outlookView()).toEqual(outlook);
    expect(googleView()).toEqual(google);
    expect(googleIds()).toEqual(googleBefore);
    expect(await history()).toEqual([]);
    expect(totalWrites(await world.sync())).toBe(0);
    await expectMarkersConsistent();
    expect(world.outlookEvents()).toHaveLength(20);
    expect(invitations()).toBe(0);
  });

  it('keep after an empty-calendar pause restores what is really gone into that calendar', async () => {
    world = await createWorld();
    const ids = seedGoogle(6);
    await world.sync();
    const [google, outlookBefore] = [googleView(), outlookIds()];
    for (const id of ids) world.sims.google.userDeleteEvent(GOOGLE_USER, GOOGLE_USER, id);
    world.sims.google.invalidateSyncTokens();
    expect((await world.sync()).paused).toMatchObject({ reason: 'empty-calendar', side: 'google' });

    const kept = await world.sync({ keepPaused: true });
    expect(kept.errors).toEqual([]);
    expect(kept.paused).toBeNull();
    expect(kept.created).toEqual({ google: 6, outlook: 0 });
    expect(googleView()).toEqual(google);
    expect(outlookIds()).toEqual(outlookBefore);
    expect(totalWrites(await world.sync())).toBe(0);
  });

  it('keep after an empty-calendar glitch: the events were there all along, nothing is duplicated', async () => {
    world = await createWorld();
    seedGoogle(6);
    await world.sync();
    const [google, outlook] = [googleView(), outlookView()];
    // Google lists nothing (a glitch) although every event is still there.
    let glitch = true;
    const real = world.deps.google;
    const glitchy: CalendarProvider = Object.assign(Object.create(real) as CalendarProvider, {
      readChanges: async (request: Parameters<CalendarProvider['readChanges']>[0]) => {
        const result = await real.readChanges(request);
        return glitch ? { ...result, rows: [], full: true } : result;
      },
    });
    const sync = (options: SyncOptions = {}) => syncPair({ ...world.deps, google: glitchy }, world.store, world.pair, options);
    expect((await sync()).paused?.reason).toBe('empty-calendar');

    // Kept while the listing still reads empty: every event answers its GET, so nothing is made.
    const kept = await sync({ keepPaused: true });
    expect(kept.errors).toEqual([]);
    expect(kept.paused).toBeNull();
    expect(totalWrites(kept)).toBe(0);
    glitch = false;
    expect(totalWrites(await sync())).toBe(0);
    expect(googleView()).toEqual(google);
    expect(outlookView()).toEqual(outlook);
  });

  it.each([
    ['Google sources', 'google', 'google'],
    ['Outlook sources', 'outlook', 'outlook'],
    ['Outlook mirrors', 'google', 'outlook'],
  ] as const)('a worker killed after restoring %s but before saving: the next run makes no duplicate', async (_what, seededOn, side) => {
    world = await createWorld();
    const seeded = seededOn === 'google' ? seedGoogle(20) : seedOutlook(20);
    await world.sync();
    const [google, outlook] = [googleView(), outlookView()];
    const vanishing = seededOn === side ? seeded.slice(0, 8) : world.outlookEvents().slice(0, 8).map((e) => e.id!);
    for (const id of vanishing) {
      if (side === 'google') world.sims.google.userDeleteEvent(GOOGLE_USER, GOOGLE_USER, id);
      else world.sims.graph.userDeleteEvent(id);
    }
    expect((await world.sync()).paused?.reason).toBe('mass-deletion');

    // The creates reach the service, then the worker dies before it sees the answer.
    const real = world.deps[side];
    const dying: CalendarProvider = {
      side: real.side,
      listCalendars: (signal) => real.listCalendars(signal),
      readChanges: (request) => real.readChanges(request),
      getEvents: (calendarId, eventIds, signal) => real.getEvents(calendarId, eventIds, signal),
      listOccurrences: (calendarId, seriesId, window, signal) => real.listOccurrences(calendarId, seriesId, window, signal),
      listSeriesOccurrences: (calendarId, seriesIds, window, signal) => real.listSeriesOccurrences(calendarId, seriesIds, window, signal),
      findMirrors: (calendarId, pair, signal) => real.findMirrors(calendarId, pair, signal),
      canStore: (rule, start) => real.canStore(rule, start),
      write: async (calendarId, ops, signal) => {
        const outcomes = await real.write(calendarId, ops, signal);
        if (ops.some((op) => op.op === 'create')) throw new WorkerKilled('worker killed');
        return outcomes;
      },
    };
    await expect(syncPair({ ...world.deps, [side]: dying }, world.store, world.pair, { keepPaused: true })).rejects.toThrow('worker killed');
    expect(world.googleEvents().length + world.outlookEvents().length).toBe(40);

    // The answer was stored: an ordinary run, a while later, finishes the keep.
    world.sims.clock.advance(5 * 60_000);
    const next = await world.sync();
    expect(next.paused).toBeNull();
    expect(next.errors).toEqual([]);
    expect(googleView()).toEqual(google);
    expect(outlookView()).toEqual(outlook);
    expect(totalWrites(await world.sync())).toBe(0);
    await expectMarkersConsistent();
    expect(world.googleEvents().length + world.outlookEvents().length).toBe(40);
  });

  it('confirm still deletes, and records what it deleted', async () => {
    world = await createWorld();
    const ids = seedGoogle(20);
    await world.sync();
    for (const id of ids.slice(0, 8)) world.sims.google.userDeleteEvent(GOOGLE_USER, GOOGLE_USER, id);
    expect((await world.sync()).paused?.reason).toBe('mass-deletion');
    await expect(world.sync({ confirmDeletions: true, keepPaused: true })).rejects.toThrow(/one/);
    const confirmed = await world.sync({ confirmDeletions: true });
    expect(confirmed.paused).toBeNull();
    expect(confirmed.deleted).toEqual({ google: 0, outlook: 8 });
    expect(world.outlookEvents()).toHaveLength(12);
    expect(world.googleEvents()).toHaveLength(12);
    expect(await history()).toHaveLength(8);
    expect(totalWrites(await world.sync())).toBe(0);
  });
});
