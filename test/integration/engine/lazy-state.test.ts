import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeyValueStore } from '../../../src/background/sync/ports.ts';
import { syncPair } from '../../../src/background/sync/run.ts';
import { PairStore, STATE_SCHEMA } from '../../../src/background/sync/state.ts';
import { createWorld, gTimed, GOOGLE_USER, MS_USER, oTimed, totalWrites, type World } from './harness.ts';

/** The world's store, with every access recorded. */
function counting(store: KeyValueStore): { store: KeyValueStore; gets: string[]; scans: string[]; sets: string[] } {
  const log = { gets: [] as string[], scans: [] as string[], sets: [] as string[] };
  return {
    ...log,
    store: {
      get: (keys) => (log.gets.push(...keys), store.get(keys)),
      scan: (prefix) => (log.scans.push(prefix), store.scan(prefix)),
      set: (entries) => (log.sets.push(...Object.keys(entries)), store.set(entries)),
      remove: (keys) => store.remove(keys),
    },
  };
}

const short = (keys: readonly string[]): string[] => keys.map((key) => key.replace('tandem/pair/pair1/', ''));

describe('engine: a run loads only the state it needs', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
    world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gTimed('Standup', '2026-03-03', '09:00', '09:15'));
    world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Weekly', '2026-03-04', '10:00', '11:00'), recurrence: ['RRULE:FREQ=WEEKLY;COUNT=6'] });
    world.sims.graph.userCreateEvent(MS_USER, world.outlookCalendar, oTimed('Lunch', '2026-03-03', '12:00', '13:00'));
    await world.sync();
    await world.sync(); // reads back its own writes
  });
  afterEach(async () => {
    await world.close();
  });

  it('a quiet run reads the meta and the link summary, and writes the meta only', async () => {
    const probe = counting(world.store);
    const report = await syncPair(world.deps, probe.store, world.pair);
    expect(totalWrites(report)).toBe(0);
    expect(probe.scans).toEqual([]);
    expect(short(probe.gets).sort()).toEqual(['links', 'meta']);
    // Neither links, nor the summary, nor the (unchanged) occurrence index are written again.
    expect(short(probe.sets)).toEqual(['meta']);
  });

  it('a run with one change loads that link alone', async () => {
    const lunch = world.sims.graph.listStoredEvents(world.outlookCalendar).find((e) => e.subject === 'Lunch');
    world.sims.graph.userUpdateEvent(lunch?.id ?? '', { subject: 'Long lunch' });
    const probe = counting(world.store);
    const report = await syncPair(world.deps, probe.store, world.pair);
    expect(report.updated).toEqual({ google: 1, outlook: 0 });
    expect(world.googleTitles()).toContain('Long lunch');
    expect(probe.scans).toEqual([]);
    const links = short(probe.gets).filter((key) => key.startsWith('link/'));
    expect(links).toEqual([`link/outlook:${lunch?.id ?? ''}`]);
  });

  it('the run that reads back a new mirror series does not store its unchanged occurrence links again', async () => {
    world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Daily', '2026-03-05', '08:00', '08:30'), recurrence: ['RRULE:FREQ=DAILY;COUNT=5'] });
    await world.sync();
    const echo = counting(world.store);
    const report = await syncPair(world.deps, echo.store, world.pair);
    expect(totalWrites(report)).toBe(0);
    const daily = (await new PairStore(world.store, world.pair.id).loadLinks()).find((l) => l.kind === 'series' && l.snapshots.google?.title === 'Daily');
    expect(daily).toBeDefined();
    expect(short(echo.sets).filter((key) => key.startsWith(`link/${daily?.key ?? ''}|`))).toEqual([]);
    expect(world.outlookTitles().filter((t) => t === 'Daily')).toHaveLength(1);
  });

  it('state from before the summary (schema 1) is read, and its summary built from the links', async () => {
    const pairStore = new PairStore(world.store, world.pair.id);
    const linkCount = (await pairStore.loadLinks()).length;
    await world.store.remove(['tandem/pair/pair1/links']);
    await world.store.set({ 'tandem/pair/pair1/meta': { ...(await pairStore.loadMeta()), schema: 1 } });

    const upgrade = counting(world.store);
    const report = await syncPair(world.deps, upgrade.store, world.pair);
    expect(report.errors).toEqual([]);
    expect(totalWrites(report)).toBe(0);
    expect(short(upgrade.scans)).toEqual(['link/']);
    expect((await pairStore.loadMeta()).schema).toBe(STATE_SCHEMA);
    expect((await pairStore.loadSummary())?.count).toBe(linkCount);

    const quiet = counting(world.store);
    await syncPair(world.deps, quiet.store, world.pair);
    expect(quiet.scans).toEqual([]);
    expect(world.googleTitles()).toEqual(['Lunch', 'Standup', 'Weekly']);
    expect(world.outlookTitles()).toEqual(['Lunch', 'Standup', 'Weekly']);
  });

  it('state of schema 2 (a summary entry per link) is upgraded: its summary built anew from the links', async () => {
    const pairStore = new PairStore(world.store, world.pair.id);
    const links = await pairStore.loadLinks();
    // Schema 2 stored the summary as a record of [Google id, Outlook id, flags] per link key.
    const old = Object.fromEntries(links.map((l) => [l.key, [l.google?.id ?? null, l.outlook?.id ?? null, 0]]));
    await world.store.set({ 'tandem/pair/pair1/links': old, 'tandem/pair/pair1/meta': { ...(await pairStore.loadMeta()), schema: 2 } });
    const lunch = world.sims.graph.listStoredEvents(world.outlookCalendar).find((e) => e.subject === 'Lunch');
    world.sims.graph.userUpdateEvent(lunch?.id ?? '', { subject: 'Long lunch' });

    const upgrade = counting(world.store);
    const report = await syncPair(world.deps, upgrade.store, world.pair);
    expect(report.errors).toEqual([]);
    expect(report.updated).toEqual({ google: 1, outlook: 0 });
    expect(short(upgrade.scans)).toEqual(['link/']);
    expect((await pairStore.loadMeta()).schema).toBe(STATE_SCHEMA);
    expect((await pairStore.loadSummary())?.count).toBe(links.length);

    const quiet = counting(world.store);
    expect(totalWrites(await syncPair(world.deps, quiet.store, world.pair))).toBe(0);
    expect(quiet.scans).toEqual([]);
    expect(world.googleTitles()).toEqual(['Long lunch', 'Standup', 'Weekly']);
  });
});
