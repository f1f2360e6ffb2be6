import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PairStore } from '../../../src/background/sync/state.ts';
import { unpair } from '../../../src/background/sync/unpair.ts';
import { createWorld, gTimed, GOOGLE_USER, oTimed, type World } from './harness.ts';

describe('engine: removing a pair', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld({ futureDays: 200 });
    world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gTimed('Dentist', '2026-03-05', '09:00', '10:00'));
    world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Yoga', '2026-03-03', '07:00', '08:00'), recurrence: ['RRULE:FREQ=WEEKLY;COUNT=5'] });
    // Every fifth Friday: Outlook has no pattern for it, so it is mirrored as separate events.
    world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Book club', '2026-01-30', '19:00', '21:00'), recurrence: ['RRULE:FREQ=MONTHLY;BYDAY=5FR'] });
    world.sims.graph.userCreateEvent(world.msUser, world.outlookCalendar, oTimed('Board meeting', '2026-03-06', '14:00', '15:00'));
    const report = await world.sync();
    expect(report.errors).toEqual([]);
  });
  afterEach(async () => {
    await world.close();
  });

  it('deletes only the mirrors on both sides, records them, and forgets the pair', async () => {
    expect(world.outlookTitles()).toEqual(['Board meeting', 'Book club', 'Book club', 'Dentist', 'Yoga']);
    const result = await unpair(world.deps, world.store, world.pair, 'delete', new AbortController().signal);
    expect(result.failed).toEqual([]);
    expect(result.deleted).toEqual({ google: 1, outlook: 4 });
    // The user's own events are untouched on both sides.
    expect(world.outlookTitles()).toEqual(['Board meeting']);
    expect(world.googleTitles()).toEqual(['Book club', 'Dentist', 'Yoga']);
    expect(await world.store.scan(`tandem/pair/${world.pair.id}/link/`)).toEqual({});
    expect(world.sims.google.counters.invitationsSent + world.sims.graph.counters.invitationsSent).toBe(0);
  });

  it('leaves the mirrors in place when asked to keep them', async () => {
    const result = await unpair(world.deps, world.store, world.pair, 'keep', new AbortController().signal);
    expect(result.deleted).toEqual({ google: 0, outlook: 0 });
    expect(world.outlookTitles()).toEqual(['Board meeting', 'Book club', 'Book club', 'Dentist', 'Yoga']);
    expect(world.googleTitles()).toEqual(['Board meeting', 'Book club', 'Dentist', 'Yoga']);
    expect(await new PairStore(world.store, world.pair.id).loadLinks()).toEqual([]);
  });
});
