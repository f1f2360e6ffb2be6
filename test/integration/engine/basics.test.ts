import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorld, gTimed, GOOGLE_USER, MS_USER, oTimed, totalWrites, type World } from './harness.ts';

describe('engine: two-way basics through the real adapters and simulators', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it('mirrors new events both ways, field by field, and sends no invitation', async () => {
    world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, {
      ...gTimed('Dentist', '2026-03-03', '08:30', '09:15'),
      location: 'Kastanienallee 12',
      description: 'Bring the insurance card',
      transparency: 'transparent',
      attendees: [{ email: 'friend@example.com' }],
    });
    world.sims.graph.userCreateEvent(MS_USER, world.outlookCalendar, {
      ...oTimed('Design review', '2026-03-04', '14:00', '15:00'),
      location: { displayName: 'Room 4' },
      body: { contentType: 'html', content: '<p>Bring <b>mockups</b></p>' },
      showAs: 'tentative',
      attendees: [{ type: 'required', emailAddress: { address: 'lee@contoso.com' } }],
    });
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    expect(report.created).toEqual({ google: 1, outlook: 1 });

    const dentist = world.outlookEvents().find((e) => e.subject === 'Dentist');
    expect(dentist).toMatchObject({ location: { displayName: 'Kastanienallee 12' }, showAs: 'free' });
    expect(dentist?.body?.content).toContain('Bring the insurance card');
    expect(dentist?.start?.dateTime?.slice(0, 16)).toBe('2026-03-03T07:30');
    expect(dentist?.attendees ?? []).toEqual([]);

    const review = world.googleEvents().find((e) => e.summary === 'Design review');
    expect(review).toMatchObject({ location: 'Room 4', description: 'Bring mockups', start: { timeZone: 'Europe/Berlin' } });
    expect(review?.attendees ?? []).toEqual([]);

    expect(world.sims.google.counters.invitationsSent).toBe(0);
    expect(world.sims.graph.counters.invitationsSent).toBe(0);
    expect(world.sims.google.writeRecords.every((w) => w.sendUpdates === 'none')).toBe(true);
  });

  it('does nothing on a sync with no changes, with one request per side', async () => {
    world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gTimed('Standup', '2026-03-03', '09:00', '09:15'));
    world.sims.graph.userCreateEvent(MS_USER, world.outlookCalendar, oTimed('Lunch', '2026-03-03', '12:00', '13:00'));
    await world.sync();
    await world.sync(); // our own writes come back once as changes: recognised, not echoed
    const google = world.sims.google.log.mark();
    const graph = world.sims.graph.log.mark();
    const quiet = await world.sync();
    expect(totalWrites(quiet)).toBe(0);
    expect(world.sims.google.log.since(google).filter((r) => !r.inBatch)).toHaveLength(1);
    expect(world.sims.graph.log.since(graph).filter((r) => !r.inBatch)).toHaveLength(1);
  });

  it('recognises its own writes when they come back and never echoes them', async () => {
    world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gTimed('Standup', '2026-03-03', '09:00', '09:15'));
    await world.sync();
    const echo = await world.sync();
    expect(totalWrites(echo)).toBe(0);
    expect(world.googleTitles()).toEqual(['Standup']);
    expect(world.outlookTitles()).toEqual(['Standup']);
  });

  it('carries edits and moves both ways', async () => {
    const g = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gTimed('Standup', '2026-03-03', '09:00', '09:15'));
    const o = world.sims.graph.userCreateEvent(MS_USER, world.outlookCalendar, oTimed('Lunch', '2026-03-03', '12:00', '13:00'));
    await world.sync();
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, g.id!, { ...gTimed('', '2026-03-05', '10:00', '10:15'), summary: 'Standup (moved)' });
    world.sims.graph.userUpdateEvent(o.id!, { location: { displayName: 'Canteen' } });
    const report = await world.sync();
    expect(report.updated).toEqual({ google: 1, outlook: 1 });
    const standup = world.outlookEvents().find((e) => e.subject === 'Standup (moved)');
    expect(standup?.start?.dateTime?.slice(0, 16)).toBe('2026-03-05T09:00');
    expect(world.googleEvents().find((e) => e.summary === 'Lunch')?.location).toBe('Canteen');
  });

  it('carries deletions both ways and remembers what it deleted', async () => {
    const g = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gTimed('Gym', '2026-03-03', '18:00', '19:00'));
    const o = world.sims.graph.userCreateEvent(MS_USER, world.outlookCalendar, oTimed('Offsite', '2026-03-06', '09:00', '17:00'));
    await world.sync();
    world.sims.google.userDeleteEvent(GOOGLE_USER, GOOGLE_USER, g.id!);
    world.sims.graph.userDeleteEvent(o.id!);
    const report = await world.sync();
    expect(report.deleted).toEqual({ google: 1, outlook: 1 });
    expect(world.googleTitles()).toEqual([]);
    expect(world.outlookTitles()).toEqual([]);
  });

  it('resolves a field edited on both sides in favour of the later edit, and records the conflict', async () => {
    const g = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gTimed('Planning', '2026-03-03', '09:00', '10:00'));
    await world.sync();
    const mirror = world.outlookEvents().find((e) => e.subject === 'Planning');
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, g.id!, { location: 'Room A' });
    world.sims.clock.advance(60_000);
    world.sims.graph.userUpdateEvent(mirror!.id!, { location: { displayName: 'Room B' } });
    const report = await world.sync();
    expect(report.conflicts).toBe(1);
    expect(world.googleEvents().find((e) => e.summary === 'Planning')?.location).toBe('Room B');
    expect(world.outlookEvents().find((e) => e.subject === 'Planning')?.location?.displayName).toBe('Room B');
  });
});
