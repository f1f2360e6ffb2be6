import { describe, expect, it } from 'vitest';
import { mirrorId } from '../../../../src/background/providers/google/index.ts';
import type { CanonicalEvent, SyncedField } from '../../../../src/background/sync/model.ts';
import type { RemoteEvent, WriteOp } from '../../../../src/background/sync/ports.ts';
import { ANN, BOB, MARKER, allDay, canonical, create, rowOf, signal, startHarness, timed, type Harness } from './harness.ts';

async function update(h: Harness, current: RemoteEvent, event: CanonicalEvent, changed: readonly SyncedField[]): Promise<RemoteEvent> {
  const op: WriteOp = { op: 'update', ref: 'u1', id: current.id, version: current.version, event, changed };
  const [outcome] = await h.provider.write(ANN, [op], signal);
  if (!outcome?.ok || !outcome.event) throw new Error(`update failed: ${outcome && !outcome.ok ? outcome.error.message : 'no event'}`);
  return outcome.event;
}

async function readOne(h: Harness, id: string): Promise<RemoteEvent> {
  return rowOf(await h.fullRead(), id);
}

describe('Google adapter: reading canonical fields', () => {
  it('reads text fields, HTML descriptions as text, and absent ones as empty', async () => {
    const h = await startHarness();
    h.seed(timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { id: 'titles0001', summary: 'Title', description: '<p>Hello&nbsp;<b>there</b></p><p>Line 2 &amp; more</p>', location: 'Berlin' }));
    h.seed({ id: 'bare000001', start: { dateTime: '2026-03-03T10:00:00+01:00' }, end: { dateTime: '2026-03-03T11:00:00+01:00' } });
    expect((await readOne(h, 'titles0001')).event).toMatchObject({ title: 'Title', description: 'Hello there\nLine 2 & more', location: 'Berlin' });
    expect((await readOne(h, 'bare000001')).event).toMatchObject({ title: '', description: '', location: '' });
  });

  it('reads times: instant in UTC to the second plus the event zone, else the calendar zone; all-day dates', async () => {
    const h = await startHarness();
    h.seed(timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { id: 'berlin0001' }));
    h.seed({ id: 'america001', start: { dateTime: '2026-07-01T09:15:30-04:00', timeZone: 'America/New_York' }, end: { dateTime: '2026-07-01T10:00:00-04:00', timeZone: 'America/New_York' } });
    h.seed({ id: 'noarea0001', start: { dateTime: '2026-03-04T12:00:00Z' }, end: { dateTime: '2026-03-04T13:00:00Z' } });
    h.seed(allDay('2026-03-05', '2026-03-08', { id: 'multi00001' }));
    h.seed({ id: 'noend00001', start: { dateTime: '2026-03-06T10:00:00+01:00' }, end: { dateTime: '2026-03-06T10:00:00+01:00' }, endTimeUnspecified: true });
    expect((await readOne(h, 'berlin0001')).event).toMatchObject({ start: { instant: '2026-03-02T09:00:00Z', zone: 'Europe/Berlin' }, end: { instant: '2026-03-02T10:00:00Z', zone: 'Europe/Berlin' } });
    expect((await readOne(h, 'america001')).event).toMatchObject({ start: { instant: '2026-07-01T13:15:30Z', zone: 'America/New_York' }, endUnspecified: false });
    expect((await readOne(h, 'noarea0001')).event?.start).toEqual({ instant: '2026-03-04T12:00:00Z', zone: 'Europe/Berlin' });
    expect((await readOne(h, 'multi00001')).event).toMatchObject({ start: { date: '2026-03-05' }, end: { date: '2026-03-08' } });
    expect((await readOne(h, 'noend00001')).event?.endUnspecified).toBe(true);
  });

  it('reads free/busy, privacy and tentative status', async () => {
    const h = await startHarness();
    h.seed(timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { id: 'free000001', transparency: 'transparent', visibility: 'private', status: 'tentative' }));
    h.seed(timed('2026-03-02T12:00:00', '2026-03-02T13:00:00', { id: 'opaque0001', transparency: 'opaque', visibility: 'confidential' }));
    h.seed(timed('2026-03-02T14:00:00', '2026-03-02T15:00:00', { id: 'plain00001' }));
    h.seed(timed('2026-03-02T16:00:00', '2026-03-02T17:00:00', { id: 'public0001', visibility: 'public' }));
    expect((await readOne(h, 'free000001')).event).toMatchObject({ freeBusy: 'free', privacy: 'private', tentative: true });
    expect((await readOne(h, 'opaque0001')).event).toMatchObject({ freeBusy: 'busy', privacy: 'confidential', tentative: false });
    expect((await readOne(h, 'plain00001')).event).toMatchObject({ freeBusy: 'busy', privacy: 'default', tentative: false });
    expect((await readOne(h, 'public0001')).event?.privacy).toBe('public');
  });

  it('reads reminders: the calendar defaults for useDefault, else every override, sorted and unique', async () => {
    const h = await startHarness();
    const quiet = h.sim.addCalendar(ANN, { summary: 'Quiet', defaultReminders: [{ method: 'popup', minutes: 30 }, { method: 'email', minutes: 5 }] });
    h.seed(timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { id: 'default001' }));
    h.seed(timed('2026-03-02T12:00:00', '2026-03-02T13:00:00', { id: 'override01', reminders: { useDefault: false, overrides: [{ method: 'email', minutes: 60 }, { method: 'popup', minutes: 15 }, { method: 'popup', minutes: 60 }] } }));
    h.seed(timed('2026-03-02T14:00:00', '2026-03-02T15:00:00', { id: 'none000001', reminders: { useDefault: false } }));
    h.seed(timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { id: 'quiet00001' }), quiet);
    expect((await readOne(h, 'default001')).event?.reminders).toEqual([10]);
    expect((await readOne(h, 'override01')).event?.reminders).toEqual([15, 60]);
    expect((await readOne(h, 'none000001')).event?.reminders).toEqual([]);
    expect(rowOf(await h.fullRead(quiet), 'quiet00001').event?.reminders).toEqual([5, 30]);
    // getEvents knows the defaults too (from the calendarList entry).
    expect((await h.adapter().getEvents(quiet, ['quiet00001'], signal)).get('quiet00001')?.event?.reminders).toEqual([5, 30]);
  });

  it('reads the colour and the meeting link (Meet, or the first video entry point)', async () => {
    const h = await startHarness();
    h.seed(timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { id: 'color00001', colorId: '5' }));
    h.seed(timed('2026-03-02T12:00:00', '2026-03-02T13:00:00', { id: 'meet000001', conferenceData: { conferenceId: 'abc-defg-hij', entryPoints: [{ entryPointType: 'phone', uri: 'tel:+1' }, { entryPointType: 'video', uri: 'https://meet.google.com/abc-defg-hij' }] } }));
    h.seed(timed('2026-03-02T14:00:00', '2026-03-02T15:00:00', { id: 'video00001', conferenceData: { conferenceId: '123', entryPoints: [{ entryPointType: 'video', uri: 'https://zoom.us/j/123' }] } }));
    const rows = await h.fullRead();
    expect(rowOf(rows, 'color00001').event).toMatchObject({ color: '5', meetingUrl: null });
    expect(rowOf(rows, 'meet000001').event?.meetingUrl).toBe('https://meet.google.com/abc-defg-hij');
    expect(rowOf(rows, 'video00001').event).toMatchObject({ meetingUrl: 'https://zoom.us/j/123', color: null });
  });

  it('reads facts: own events, invitations with the own response, locked copies, read-only calendars', async () => {
    const h = await startHarness();
    h.seed(timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { id: 'mine000001', attendees: [{ email: 'carol@example.com' }] }));
    h.seed(timed('2026-03-02T12:00:00', '2026-03-02T13:00:00', {
      id: 'invite0001',
      organizer: { email: BOB },
      attendees: [{ email: BOB, responseStatus: 'accepted' }, { email: ANN, responseStatus: 'tentative' }, { email: 'carol@example.com' }],
    }));
    h.seed(timed('2026-03-02T14:00:00', '2026-03-02T15:00:00', { id: 'locked0001', organizer: { email: BOB }, locked: true }));
    const rows = await h.fullRead();
    expect(rowOf(rows, 'mine000001').facts).toEqual({ organizer: true, response: 'organizer', attendeeCount: 1, readOnly: false });
    expect(rowOf(rows, 'invite0001').facts).toEqual({ organizer: false, response: 'tentative', attendeeCount: 2, readOnly: false });
    expect(rowOf(rows, 'locked0001').facts).toEqual({ organizer: false, response: 'none', attendeeCount: 0, readOnly: true });
    const bobs = h.sim.addCalendar(BOB, { summary: 'Bob' });
    h.sim.shareCalendar(bobs, ANN, 'reader');
    h.sim.seedEvent(BOB, bobs, timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { id: 'bobs000001' }));
    expect(rowOf(await h.fullRead(bobs), 'bobs000001').facts?.readOnly).toBe(true);
  });
});

describe('Google adapter: writing canonical fields', () => {
  it('creates a mirror with every field, the marker and the derived id, and reads back what it wrote', async () => {
    const h = await startHarness();
    const input = canonical({ freeBusy: 'free', privacy: 'private', tentative: true, reminders: [30, 10, 10], color: '7', meetingUrl: 'https://teams.example/join' });
    const written = await create(h, input);
    const id = mirrorId('pair1|outlook|AAMkEvent1');
    expect(written.id).toBe(id);
    expect(written.marker).toEqual(MARKER);
    expect(written.event).toEqual({ ...input, reminders: [10, 30], meetingUrl: null });
    const stored = h.sim.getEvent(ANN, id)!;
    expect(stored).toMatchObject({
      summary: 'Planning',
      description: 'Agenda\nline two',
      location: 'Room 1',
      start: { dateTime: '2026-03-02T09:00:00Z', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2026-03-02T10:30:00Z', timeZone: 'Europe/Berlin' },
      transparency: 'transparent',
      visibility: 'private',
      status: 'tentative',
      colorId: '7',
      reminders: { useDefault: false, overrides: [{ method: 'popup', minutes: 10 }, { method: 'popup', minutes: 30 }] },
      extendedProperties: { private: { tandemPair: 'pair1', tandemSource: 'outlook', tandemSourceCalendar: 'AAMkCalendar', tandemSourceId: 'AAMkEvent1' } },
    });
    expect(stored.attendees).toBeUndefined();
    expect(stored.conferenceData).toBeUndefined();
    expect(stored.endTimeUnspecified).toBeUndefined();
    // What went over the wire: local time with offset plus the zone.
    expect(h.sim.log.all((e) => e.method === 'POST')[0]!.query).toBe('?sendUpdates=none');
  });

  it('creates all-day events, series with UNTIL at the end of the local day, and endUnspecified events', async () => {
    const h = await startHarness();
    const day = await create(h, canonical({ start: { date: '2026-03-05' }, end: { date: '2026-03-07' }, reminders: [] }), 'k-day');
    expect(h.sim.getEvent(ANN, day.id)).toMatchObject({ start: { date: '2026-03-05' }, end: { date: '2026-03-07' }, reminders: { useDefault: false } });
    expect(day.event).toMatchObject({ start: { date: '2026-03-05' }, end: { date: '2026-03-07' }, reminders: [] });

    const rule = { freq: 'WEEKLY', interval: 2, byDay: [{ day: 'MO' }, { day: 'WE' }], weekStart: 'SU', until: '2026-06-30' } as const;
    const series = await create(h, canonical({ start: { instant: '2026-03-02T14:00:00Z', zone: 'America/New_York' }, end: { instant: '2026-03-02T15:00:00Z', zone: 'America/New_York' }, recurrence: rule }), 'k-series');
    expect(h.sim.getEvent(ANN, series.id)!.recurrence).toEqual(['RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;WKST=SU;UNTIL=20260701T035959Z']);
    expect(series).toMatchObject({ shape: 'master', event: { recurrence: rule } });

    const lastFriday = { freq: 'MONTHLY', interval: 1, byDay: [{ day: 'FR', ordinal: -1 }], until: '2026-12-31' } as const;
    const allDaySeries = await create(h, canonical({ start: { date: '2026-03-27' }, end: { date: '2026-03-28' }, recurrence: lastFriday }), 'k-allday');
    expect(h.sim.getEvent(ANN, allDaySeries.id)!.recurrence).toEqual(['RRULE:FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231']);
    expect(allDaySeries.event?.recurrence).toEqual(lastFriday);

    const open = await create(h, canonical({ endUnspecified: true }), 'k-open');
    expect(h.sim.getEvent(ANN, open.id)!.endTimeUnspecified).toBeUndefined();
  });

  it('updates only the changed fields, with If-Match, and never writes the meeting link', async () => {
    const h = await startHarness();
    const first = await create(h, canonical({ color: '3' }));
    h.sim.userPatchEvent(ANN, ANN, first.id, { location: 'Changed by the user' });
    const current = (await h.provider.getEvents(ANN, [first.id], signal)).get(first.id)!;
    const wanted = canonical({ title: 'Renamed', location: 'Ignored', meetingUrl: 'https://meet.example/x', color: '3' });
    const updated = await update(h, current, wanted, ['title', 'meetingUrl']);
    expect(updated.event).toMatchObject({ title: 'Renamed', location: 'Changed by the user', meetingUrl: null, color: '3' });
    expect(updated.version).not.toBe(current.version);
    const patch = h.sim.log.all((e) => e.method === 'PATCH');
    expect(patch).toHaveLength(1);
    expect(patch[0]!.query).toBe('?sendUpdates=none');
  });

  it('updates every writable field to new values', async () => {
    const h = await startHarness();
    let current = await create(h, canonical({ color: '3', reminders: [10] }));
    const next = canonical({
      title: 'T2',
      description: 'D2',
      location: 'L2',
      start: { date: '2026-03-03' },
      end: { date: '2026-03-04' },
      freeBusy: 'free',
      privacy: 'confidential',
      tentative: true,
      reminders: [1, 2, 3, 4, 5, 6],
      color: null,
    });
    current = await update(h, current, next, ['title', 'description', 'location', 'start', 'end', 'freeBusy', 'privacy', 'tentative', 'reminders', 'color']);
    expect(current.event).toEqual({ ...next, reminders: [1, 2, 3, 4, 5] });
    expect(h.sim.getEvent(ANN, current.id)).toMatchObject({ start: { date: '2026-03-03' }, transparency: 'transparent', visibility: 'confidential', status: 'tentative' });
    expect(h.sim.getEvent(ANN, current.id)!.colorId).toBeUndefined();

    const back = canonical({ tentative: false, privacy: 'public', start: { instant: '2026-03-03T08:00:00Z', zone: 'Asia/Tokyo' }, end: { instant: '2026-03-03T09:00:00Z', zone: 'Asia/Tokyo' } });
    current = await update(h, current, back, ['tentative', 'privacy', 'start', 'end']);
    expect(current.event).toMatchObject({ tentative: false, privacy: 'public', start: back.start, end: back.end });
    expect(h.sim.getEvent(ANN, current.id)).toMatchObject({ status: 'confirmed', start: { dateTime: '2026-03-03T08:00:00Z', timeZone: 'Asia/Tokyo' } });
  });

  it('clears endTimeUnspecified when the end becomes real, and changes or removes a series rule', async () => {
    const h = await startHarness();
    h.seed({ id: 'noend00001', summary: 'x', start: { dateTime: '2026-03-06T10:00:00+01:00', timeZone: 'Europe/Berlin' }, end: { dateTime: '2026-03-06T10:00:00+01:00', timeZone: 'Europe/Berlin' }, endTimeUnspecified: true });
    const open = await readOne(h, 'noend00001');
    const closed = await update(h, open, { ...open.event!, endUnspecified: false }, ['endUnspecified']);
    expect(closed.event?.endUnspecified).toBe(false);

    const rule = { freq: 'DAILY', interval: 1, count: 5 } as const;
    let series = await create(h, canonical({ recurrence: rule }), 'k-series');
    series = await update(h, series, canonical({ recurrence: { ...rule, count: 3 } }), ['recurrence']);
    expect(h.sim.getEvent(ANN, series.id)!.recurrence).toEqual(['RRULE:FREQ=DAILY;COUNT=3']);
    series = await update(h, series, canonical(), ['recurrence']);
    expect(h.sim.getEvent(ANN, series.id)!.recurrence).toBeUndefined();
    expect(series.shape).toBe('single');
  });
});
