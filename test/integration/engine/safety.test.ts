import { afterEach, describe, expect, it } from 'vitest';
import { createWorld, gTimed, GOOGLE_USER, MS_USER, oTimed, totalWrites, type World } from './harness.ts';

describe('engine: safety', () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  function seedGoogle(count: number): string[] {
    return Array.from({ length: count }, (_, i) => world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gTimed(`Event ${i}`, '2026-03-10', `${String(8 + (i % 10)).padStart(2, '0')}:00`, `${String(8 + (i % 10)).padStart(2, '0')}:30`)).id!);
  }

  it('pauses instead of deleting many events at once, and deletes only after confirmation', async () => {
    world = await createWorld();
    const ids = seedGoogle(20);
    await world.sync();
    for (const id of ids.slice(0, 8)) world.sims.google.userDeleteEvent(GOOGLE_USER, GOOGLE_USER, id);
    const paused = await world.sync();
    expect(paused.paused?.reason).toBe('mass-deletion');
    expect(paused.paused?.deletions).toHaveLength(8);
    expect(world.outlookEvents()).toHaveLength(20);
    expect((await world.sync()).paused?.reason).toBe('mass-deletion'); // still waiting for the user
    const confirmed = await world.sync({ confirmDeletions: true });
    expect(confirmed.paused).toBeNull();
    expect(confirmed.deleted.outlook).toBe(8);
    expect(world.outlookEvents()).toHaveLength(12);
  });

  it('pauses when a calendar suddenly reads empty, changing nothing', async () => {
    world = await createWorld();
    const ids = seedGoogle(6);
    await world.sync();
    for (const id of ids) world.sims.google.userDeleteEvent(GOOGLE_USER, GOOGLE_USER, id);
    world.sims.google.invalidateSyncTokens();
    const report = await world.sync();
    expect(report.paused?.reason).toBe('empty-calendar');
    expect(world.outlookEvents()).toHaveLength(6);
  });

  it('after a 410 and an expired delta state, re-reads and reconciles: no wipe, no duplicate, edits kept', async () => {
    world = await createWorld();
    seedGoogle(3);
    world.sims.graph.userCreateEvent(MS_USER, world.outlookCalendar, oTimed('Outlook one', '2026-03-11', '10:00', '11:00'));
    await world.sync();
    world.sims.google.invalidateSyncTokens();
    world.sims.graph.invalidateDeltaTokens();
    const added = world.sims.graph.userCreateEvent(MS_USER, world.outlookCalendar, oTimed('Added meanwhile', '2026-03-12', '10:00', '11:00'));
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    expect(report.created).toEqual({ google: 1, outlook: 0 });
    expect(report.deleted).toEqual({ google: 0, outlook: 0 });
    expect(world.googleTitles()).toEqual(['Added meanwhile', 'Event 0', 'Event 1', 'Event 2', 'Outlook one']);
    expect(world.outlookTitles()).toEqual(['Added meanwhile', 'Event 0', 'Event 1', 'Event 2', 'Outlook one']);
    expect(added.id).toBeDefined();
  });

  it('re-links mirrors by their markers when local state is lost: no duplicate, no deletion', async () => {
    world = await createWorld();
    seedGoogle(4);
    world.sims.graph.userCreateEvent(MS_USER, world.outlookCalendar, oTimed('From Outlook', '2026-03-11', '10:00', '11:00'));
    await world.sync();
    world.store.clear();
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    expect(report.created).toEqual({ google: 0, outlook: 0 });
    expect(report.deleted).toEqual({ google: 0, outlook: 0 });
    expect(world.googleEvents()).toHaveLength(5);
    expect(world.outlookEvents()).toHaveLength(5);
    expect(totalWrites(await world.sync())).toBe(0);
  });

  it('leaves no duplicate when the worker dies between a write and saving it', async () => {
    world = await createWorld();
    seedGoogle(3);
    world.sims.graph.userCreateEvent(MS_USER, world.outlookCalendar, oTimed('From Outlook', '2026-03-11', '10:00', '11:00'));
    const realSave = world.store.set.bind(world.store);
    let crash = true;
    world.store.set = (entries) => {
      if (crash && Object.keys(entries).some((k) => k.includes('/link/'))) return Promise.reject(new Error('worker killed'));
      return realSave(entries);
    };
    await expect(world.sync()).rejects.toThrow('worker killed');
    crash = false;
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    expect(world.googleEvents()).toHaveLength(4);
    expect(world.outlookEvents()).toHaveLength(4);
    expect(totalWrites(await world.sync())).toBe(0);
  });

  it('never writes to a read-only calendar, but mirrors from it', async () => {
    world = await createWorld();
    const shared = world.sims.graph.addCalendar(MS_USER, { name: 'Team holidays', canEdit: false });
    world.sims.graph.seedEvent(MS_USER, shared, oTimed('Company holiday', '2026-03-13', '09:00', '17:00'));
    world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gTimed('Private errand', '2026-03-13', '12:00', '13:00'));
    const report = await world.sync({ pair: { outlookCalendarId: shared } });
    expect(report.errors).toEqual([]);
    expect(report.created).toEqual({ google: 1, outlook: 0 });
    expect(report.skipped.map((s) => s.reason)).toContain('target-read-only');
    expect(world.sims.graph.listStoredEvents(shared).map((e) => e.subject)).toEqual(['Company holiday']);
  });

  it("keeps mirrors of someone else's meetings one-way: edits on the mirror are undone", async () => {
    world = await createWorld();
    world.sims.google.seedEvent(GOOGLE_USER, GOOGLE_USER, {
      ...gTimed('Board meeting', '2026-03-12', '10:00', '11:00'),
      organizer: { email: 'ceo@example.com' },
      attendees: [{ email: GOOGLE_USER, responseStatus: 'accepted' }, { email: 'ceo@example.com', responseStatus: 'accepted' }],
    });
    await world.sync();
    const mirror = world.outlookEvents().find((e) => e.subject === 'Board meeting')!;
    expect(mirror.attendees ?? []).toEqual([]);
    world.sims.graph.userUpdateEvent(mirror.id!, { subject: 'Board meeting (moved by me)' });
    const report = await world.sync();
    expect(report.overwritten).toBe(1);
    expect(world.outlookTitles()).toEqual(['Board meeting']);
    expect(world.googleTitles()).toEqual(['Board meeting']);
  });

  it('does not mirror declined invitations, and removes the mirror when one is declined later', async () => {
    world = await createWorld();
    const invite = world.sims.google.seedEvent(GOOGLE_USER, GOOGLE_USER, {
      ...gTimed('Vendor pitch', '2026-03-12', '15:00', '16:00'),
      organizer: { email: 'sales@vendor.example' },
      attendees: [{ email: GOOGLE_USER, responseStatus: 'needsAction' }],
    });
    world.sims.google.seedEvent(GOOGLE_USER, GOOGLE_USER, {
      ...gTimed('Spam webinar', '2026-03-12', '17:00', '18:00'),
      organizer: { email: 'spam@example.com' },
      attendees: [{ email: GOOGLE_USER, responseStatus: 'declined' }],
    });
    const first = await world.sync();
    expect(first.skipped.map((s) => s.reason)).toContain('declined');
    expect(world.outlookTitles()).toEqual(['Vendor pitch']);
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, invite.id!, { attendees: [{ email: GOOGLE_USER, responseStatus: 'declined' }] });
    await world.sync();
    expect(world.outlookTitles()).toEqual([]);
  });

  it('mirrors private events as busy placeholders, and everything as busy in busy mode', async () => {
    world = await createWorld();
    world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Therapy', '2026-03-12', '08:00', '09:00'), visibility: 'private', description: 'room 3' });
    await world.sync();
    const placeholder = world.outlookEvents()[0]!;
    expect(placeholder).toMatchObject({ subject: 'Busy', sensitivity: 'private' });
    expect(placeholder.body?.content ?? '').toBe('');
  });

  it('honours a one-way direction: edits on the mirror side are not carried back', async () => {
    world = await createWorld({ direction: 'google-to-outlook' });
    world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gTimed('Source', '2026-03-12', '08:00', '09:00'));
    world.sims.graph.userCreateEvent(MS_USER, world.outlookCalendar, oTimed('Outlook only', '2026-03-12', '10:00', '11:00'));
    const report = await world.sync();
    expect(report.created).toEqual({ google: 0, outlook: 1 });
    expect(world.googleTitles()).toEqual(['Source']);
  });

  it('does not delete a mirror when its Outlook source only moved out of the window', async () => {
    world = await createWorld({ futureDays: 30 });
    const far = world.sims.graph.userCreateEvent(MS_USER, world.outlookCalendar, oTimed('Trip', '2026-03-20', '09:00', '10:00'));
    await world.sync();
    world.sims.graph.userUpdateEvent(far.id!, oTimed('Trip', '2026-09-20', '09:00', '10:00'));
    const report = await world.sync();
    expect(report.deleted).toEqual({ google: 0, outlook: 0 });
    expect(world.googleEvents().find((e) => e.summary === 'Trip')?.start?.dateTime?.slice(0, 10)).toBe('2026-09-20');
  });
});
