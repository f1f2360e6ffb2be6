/**
 * "Keep" for the harder kinds of paused deletions: series (with moved and cancelled occurrences)
 * in either role, mirrors whose source only became filtered out, and events that vanished from a
 * calendar Tandem may not write to.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createWorld, gTimed, GOOGLE_USER, MS_USER, totalWrites, type World } from './harness.ts';

const FROM = '2026-03-01T00:00:00Z';
const TO = '2026-04-30T00:00:00Z';

/** What each calendar shows, occurrence by occurrence (via the simulators' own HTTP APIs). */
async function outlookView(world: World): Promise<string[]> {
  const token = world.sims.graph.issueToken(MS_USER);
  const url = `${world.sims.endpoints.graphApi}/me/calendars/${encodeURIComponent(world.outlookCalendar)}/calendarView?startDateTime=${FROM}&endDateTime=${TO}&$top=500`;
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, prefer: 'outlook.timezone="W. Europe Standard Time"' } });
  const body = (await response.json()) as { value: { subject: string; start: { dateTime: string }; end: { dateTime: string } }[] };
  return body.value.map((e) => `${e.subject} ${e.start.dateTime.slice(0, 16)}-${e.end.dateTime.slice(11, 16)}`).sort();
}

async function googleView(world: World): Promise<string[]> {
  const token = world.sims.google.issueToken(GOOGLE_USER);
  const url = `${world.sims.endpoints.googleApi}/calendars/${encodeURIComponent(GOOGLE_USER)}/events?singleEvents=true&timeMin=${FROM}&timeMax=${TO}&timeZone=Europe/Berlin&maxResults=2500`;
  const body = (await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { summary: string; start: { dateTime: string }; end: { dateTime: string } }[] };
  return body.items.map((e) => `${e.summary} ${e.start.dateTime.slice(0, 16)}-${e.end.dateTime.slice(11, 16)}`).sort();
}

describe('engine: keeping paused deletions of every kind', () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  /** Six singles and a weekly series with one moved and one cancelled occurrence, on Google. */
  function seedGoogle(): string[] {
    const singles = Array.from({ length: 6 }, (_, i) => world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gTimed(`Event ${i}`, `2026-03-1${i}`, '10:00', '11:00')).id!);
    const series = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Running club', '2026-03-04', '19:00', '20:00'), recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=WE;COUNT=6'] });
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, `${series.id}_20260311T180000Z`, gTimed('Running club (park)', '2026-03-12', '18:30', '19:30'));
    world.sims.google.userDeleteEvent(GOOGLE_USER, GOOGLE_USER, `${series.id}_20260318T180000Z`);
    return [...singles, series.id!];
  }

  it('keeps a deleted source series: it comes back with its moved and cancelled occurrences', async () => {
    world = await createWorld();
    const ids = seedGoogle();
    await world.sync();
    const [google, outlook] = [await googleView(world), await outlookView(world)];
    expect(google).toContain('Running club (park) 2026-03-12T18:30-19:30');
    const outlookIds = world.outlookEvents().map((e) => e.id).sort();
    for (const id of ids) world.sims.google.userDeleteEvent(GOOGLE_USER, GOOGLE_USER, id);
    expect((await world.sync()).paused?.deletions).toHaveLength(7);

    const kept = await world.sync({ keepPaused: true });
    expect(kept.errors).toEqual([]);
    expect(kept.paused).toBeNull();
    expect(kept.deleted).toEqual({ google: 0, outlook: 0 });
    expect(await googleView(world)).toEqual(google);
    expect(await outlookView(world)).toEqual(outlook);
    expect(world.outlookEvents().map((e) => e.id).sort()).toEqual(outlookIds);
    expect(totalWrites(await world.sync())).toBe(0);
    // Lost state: the mirror series re-links to the restored series by its marker (not replaced).
    world.store.clear();
    const relinked = await world.sync();
    expect(relinked.paused).toBeNull();
    expect(relinked.created).toEqual({ google: 0, outlook: 0 });
    expect(relinked.deleted.google).toBe(0);
    expect(world.outlookEvents().map((e) => e.id).sort()).toEqual(outlookIds);
  });

  it('keeps a deleted mirror series: it is made again and aligned with its source', async () => {
    world = await createWorld();
    seedGoogle();
    await world.sync();
    const [google, outlook] = [await googleView(world), await outlookView(world)];
    for (const event of world.outlookEvents()) world.sims.graph.userDeleteEvent(event.id!);
    expect((await world.sync()).paused?.reason).toBe('mass-deletion');

    const kept = await world.sync({ keepPaused: true });
    expect(kept.errors).toEqual([]);
    expect(kept.paused).toBeNull();
    expect(kept.created).toEqual({ google: 0, outlook: 7 });
    expect(await outlookView(world)).toEqual(outlook);
    expect(await googleView(world)).toEqual(google);
    expect(totalWrites(await world.sync())).toBe(0);
  });

  it('keeps mirrors whose sources only became filtered out: nothing deleted, nothing made', async () => {
    world = await createWorld({ filters: { skipFree: false, skipTentative: false, skipDeclined: true, skipPrivate: true, skipAllDay: false, titleExclude: null } });
    const ids = Array.from({ length: 10 }, (_, i) => world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gTimed(`Event ${i}`, '2026-03-10', `1${i}:00`, `1${i}:30`)).id!);
    await world.sync();
    for (const id of ids.slice(0, 6)) world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, id, { visibility: 'private' });
    expect((await world.sync()).paused?.deletions).toHaveLength(6);

    const kept = await world.sync({ keepPaused: true });
    expect(kept.errors).toEqual([]);
    expect(kept.paused).toBeNull();
    expect(totalWrites(kept)).toBe(0);
    expect(world.outlookEvents()).toHaveLength(10);
    expect(totalWrites(await world.sync())).toBe(0);
    expect(world.outlookEvents()).toHaveLength(10);
  });

  it('keeps the mirrors of events gone from a read-only calendar, which it cannot write back', async () => {
    world = await createWorld({ direction: 'google-to-outlook' });
    world.sims.google.addUser('bob@example.com', { timeZone: 'Europe/Berlin' });
    const shared = world.sims.google.addCalendar('bob@example.com', { summary: 'Team holidays' });
    world.sims.google.shareCalendar(shared, GOOGLE_USER, 'reader');
    const ids = Array.from({ length: 10 }, (_, i) => world.sims.google.userCreateEvent('bob@example.com', shared, gTimed(`Holiday ${i}`, `2026-03-1${i}`, '09:00', '17:00')).id!);
    const pair = { googleCalendarId: shared };
    await world.sync({ pair });
    expect(world.outlookTitles()).toHaveLength(10);
    for (const id of ids.slice(0, 6)) world.sims.google.userDeleteEvent('bob@example.com', shared, id);
    expect((await world.sync({ pair })).paused?.deletions).toHaveLength(6);

    const kept = await world.sync({ pair, keepPaused: true });
    expect(kept.errors).toEqual([]);
    expect(kept.paused).toBeNull();
    expect(totalWrites(kept)).toBe(0);
    expect(world.outlookTitles()).toHaveLength(10);
    // Not deleted later either, when a full read finds them gone again.
    world.sims.graph.invalidateDeltaTokens();
    world.sims.google.invalidateSyncTokens();
    const again = await world.sync({ pair });
    expect(again.paused).toBeNull();
    expect(totalWrites(again)).toBe(0);
    expect(world.outlookTitles()).toHaveLength(10);
    expect(world.sims.google.listStoredEvents(shared).filter((e) => e.status !== 'cancelled')).toHaveLength(4);
  });
});
