import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restoreDeleted } from '../../../src/background/sync/restore.ts';
import { PairStore } from '../../../src/background/sync/state.ts';
import { createWorld, gTimed, GOOGLE_USER, oTimed, totalWrites, type World } from './harness.ts';

describe('engine: undo of a deletion', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it('brings back a mirror the sync deleted, as the user event, and mirrors it again', async () => {
    const source = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Dentist', '2026-03-05', '09:00', '10:00'), location: 'Main Street 5' });
    await world.sync();
    world.sims.google.userDeleteEvent(GOOGLE_USER, GOOGLE_USER, source.id!);
    expect((await world.sync()).deleted.outlook).toBe(1);
    expect(world.outlookTitles()).toEqual([]);

    const [record] = await new PairStore(world.store, world.pair.id).history();
    expect(record).toMatchObject({ side: 'outlook', title: 'Dentist' });
    const signal = new AbortController().signal;
    await restoreDeleted(world.deps, world.pair, record!, signal);
    // Undo retried (a crash before it was recorded): still one event.
    await restoreDeleted(world.deps, world.pair, record!, signal);
    const back = world.outlookEvents();
    expect(back.map((e) => [e.subject, e.location?.displayName, e.start?.dateTime?.slice(0, 16)])).toEqual([['Dentist', 'Main Street 5', '2026-03-05T08:00']]);

    const report = await world.sync();
    expect(report.created.google).toBe(1);
    expect(world.googleTitles()).toEqual(['Dentist']);
    expect(totalWrites(await world.sync())).toBe(0);
  });

  it('brings back a Google event without a marker, so it is the user’s own again', async () => {
    const meeting = world.sims.graph.userCreateEvent(world.msUser, world.outlookCalendar, oTimed('Board meeting', '2026-03-06', '14:00', '15:00'));
    await world.sync();
    world.sims.graph.userDeleteEvent(meeting.id!);
    expect((await world.sync()).deleted.google).toBe(1);
    const [record] = await new PairStore(world.store, world.pair.id).history();
    await restoreDeleted(world.deps, world.pair, record!, new AbortController().signal);
    const restored = world.googleEvents();
    expect(restored.map((e) => e.summary)).toEqual(['Board meeting']);
    expect(restored[0]?.extendedProperties?.private ?? {}).toEqual({});
    await world.sync();
    expect(world.outlookTitles()).toEqual(['Board meeting']);
  });
});
