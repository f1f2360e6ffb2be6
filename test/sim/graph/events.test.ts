// These tests read the simulator's JSON replies (typed `any` by the test client): their shape is what is under test.
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access */
import { describe, expect, it } from 'vitest';
import { IMMUTABLE, startGraph, timed, UPN } from './test-helpers.ts';

const MISMATCH =
  'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.';

describe('Graph simulator: event create, read, update, delete', () => {
  it('POST returns 201 with the full event: ids, changeKey, etag, timestamps, organizer', async () => {
    const { api, calendarId, clock } = await startGraph();
    clock.freeze();
    const reply = await api.post(`/me/calendars/${calendarId}/events`, {
      ...timed('Planning', '2026-03-10T09:00:00', '2026-03-10T10:00:00', 'Pacific Standard Time'),
      body: { contentType: 'html', content: '<p>Agenda:&nbsp;<b>all</b></p>' },
      location: { displayName: 'Room 1' },
    });
    expect(reply.status).toBe(201);
    const event = reply.body;
    expect(event['@odata.etag']).toBe(`W/"${event.changeKey as string}"`);
    expect(event).toMatchObject({
      type: 'singleInstance',
      isOrganizer: true,
      subject: 'Planning',
      bodyPreview: 'Agenda: all',
      organizer: { emailAddress: { name: 'Ann Example', address: UPN } },
      responseStatus: { response: 'organizer' },
      originalStartTimeZone: 'Pacific Standard Time',
      transactionId: null,
      seriesMasterId: null,
      location: { displayName: 'Room 1' },
      locations: [{ displayName: 'Room 1' }],
      start: { dateTime: '2026-03-10T16:00:00.0000000', timeZone: 'UTC' },
    });
    expect(event.iCalUId).toMatch(/^040000008200E00074C5B7101A82E00800000000/);
    expect(event.webLink).toMatch(/^https:\/\/outlook\.office365\.com\/owa\/\?itemid=/);
    expect(event.createdDateTime).toBe(`${new Date(clock.now()).toISOString().slice(0, 23)}0000Z`);
    expect(event.lastModifiedDateTime).toBe(event.createdDateTime);
    const fetched = await api.get(`/me/events/${event.id as string}`);
    expect(fetched.body.changeKey).toBe(event.changeKey);
    expect((await api.get(`/me/calendars/${calendarId}/events/${event.id as string}`)).status).toBe(200);
  });

  it('POST /me/events creates in the default calendar', async () => {
    const { api, sim, calendarId } = await startGraph();
    const reply = await api.post('/me/events', timed('Default', '2026-03-10T09:00:00', '2026-03-10T10:00:00'));
    expect(sim.listStoredEvents(calendarId).map((e) => e.id)).toEqual([reply.body.id]);
  });

  it('answers a repeated POST with the same transactionId in the same calendar with the first event (201, no duplicate)', async () => {
    const { api, sim, calendarId } = await startGraph();
    const body = { ...timed('Once', '2026-03-10T09:00:00', '2026-03-10T10:00:00'), transactionId: 'ocs-abc' };
    const first = await api.post('/me/events', body);
    const retry = await api.post('/me/events', body);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.body.transactionId).toBe('ocs-abc');
    expect(sim.listStoredEvents(calendarId)).toHaveLength(1);
    expect(sim.counters.writes).toBe(1);
    const other = sim.addCalendar(UPN, { name: 'Other' });
    const elsewhere = await api.post(`/me/calendars/${other}/events`, body);
    expect(elsewhere.body.id).not.toBe(first.body.id);
  });

  it('PATCH merges, rotates changeKey and lastModifiedDateTime', async () => {
    const { api, clock } = await startGraph();
    const created = await api.post('/me/events', { ...timed('Old', '2026-03-10T09:00:00', '2026-03-10T10:00:00'), categories: ['Red category'] });
    clock.advance(5_000);
    const patched = await api.patch(`/me/events/${created.body.id as string}`, { subject: 'New' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ subject: 'New', categories: ['Red category'], start: created.body.start });
    expect(patched.body.changeKey).not.toBe(created.body.changeKey);
    expect(Date.parse(patched.body.lastModifiedDateTime as string)).toBeGreaterThan(Date.parse(created.body.lastModifiedDateTime as string));
  });

  it('PATCH with a stale If-Match answers 412 ErrorIrresolvableConflict; the current etag succeeds', async () => {
    const { api } = await startGraph();
    const created = await api.post('/me/events', timed('Race', '2026-03-10T09:00:00', '2026-03-10T10:00:00'));
    const id = created.body.id as string;
    const staleEtag = created.body['@odata.etag'] as string;
    const first = await api.patch(`/me/events/${id}`, { subject: 'First' }, { 'if-match': staleEtag });
    expect(first.status).toBe(200);
    const second = await api.patch(`/me/events/${id}`, { subject: 'Second' }, { 'if-match': staleEtag });
    expect(second.status).toBe(412);
    expect(second.body.error).toMatchObject({ code: 'ErrorIrresolvableConflict', message: MISMATCH });
    const third = await api.patch(`/me/events/${id}`, { subject: 'Third' }, { 'if-match': first.body['@odata.etag'] as string });
    expect(third.status).toBe(200);
  });

  it('DELETE answers 204, then GET answers 404 ErrorItemNotFound', async () => {
    const { api } = await startGraph();
    const created = await api.post('/me/events', timed('Doomed', '2026-03-10T09:00:00', '2026-03-10T10:00:00'));
    const id = created.body.id as string;
    expect((await api.delete(`/me/events/${id}`)).status).toBe(204);
    const gone = await api.get(`/me/events/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error).toMatchObject({ code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' });
    expect((await api.delete(`/me/events/${id}`)).status).toBe(404);
  });
});

describe('Graph simulator: event validation', () => {
  it('requires start and end, and end not before start', async () => {
    const { api } = await startGraph();
    const noEnd = await api.post('/me/events', { subject: 'x', start: { dateTime: '2026-03-10T09:00:00', timeZone: 'UTC' } });
    expect(noEnd.status).toBe(400);
    expect(noEnd.body.error.code).toBe('ErrorInvalidRequest');
    const backwards = await api.post('/me/events', timed('x', '2026-03-10T10:00:00', '2026-03-10T09:00:00'));
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.code).toBe('ErrorCalendarEndDateIsEarlierThanStartDate');
  });

  it('accepts Windows zone names and the documented IANA names, rejects other zones with TimeZoneNotSupportedException', async () => {
    const { api } = await startGraph();
    for (const zone of ['W. Europe Standard Time', 'Europe/Berlin', 'Asia/Kolkata', 'Europe/Kyiv', 'UTC']) {
      const reply = await api.post('/me/events', timed('ok', '2026-03-10T09:00:00', '2026-03-10T10:00:00', zone));
      expect(reply.status, zone).toBe(201);
    }
    for (const zone of ['Europe/Vienna', 'Greenwich Mean Time', 'Mars/Olympus']) {
      const reply = await api.post('/me/events', timed('no', '2026-03-10T09:00:00', '2026-03-10T10:00:00', zone));
      expect(reply.status, zone).toBe(400);
      expect(reply.body.error).toMatchObject({
        code: 'TimeZoneNotSupportedException',
        message: `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${zone}'.`,
      });
    }
  });

  it('maps an IANA start zone to its Windows name in originalStartTimeZone', async () => {
    const { api } = await startGraph();
    const reply = await api.post('/me/events', timed('Berlin', '2026-03-10T09:00:00', '2026-03-10T10:00:00', 'Europe/Berlin'));
    expect(reply.body.originalStartTimeZone).toBe('W. Europe Standard Time');
  });

  it('requires an all-day event to start and end at midnight, in one zone, at least a day apart', async () => {
    const { api } = await startGraph();
    const good = await api.post('/me/events', { ...timed('Holiday', '2026-03-10T00:00:00', '2026-03-12T00:00:00', 'Pacific Standard Time'), isAllDay: true });
    expect(good.status).toBe(201);
    const bad = [
      timed('noon', '2026-03-10T12:00:00', '2026-03-11T00:00:00'),
      { subject: 'zones', start: { dateTime: '2026-03-10T00:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-03-11T00:00:00', timeZone: 'Tokyo Standard Time' } },
      timed('empty', '2026-03-10T00:00:00', '2026-03-10T00:00:00'),
    ];
    for (const body of bad) {
      const reply = await api.post('/me/events', { ...body, isAllDay: true });
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.code).toBe('ErrorInvalidRequest');
    }
    const patched = await api.patch(`/me/events/${good.body.id as string}`, { end: { dateTime: '2026-03-11T08:00:00', timeZone: 'Pacific Standard Time' } });
    expect(patched.status).toBe(400);
  });

  it('rejects unknown properties, wrong JSON types and unknown enum values with 400 RequestBodyRead', async () => {
    const { api } = await startGraph();
    const base = timed('x', '2026-03-10T09:00:00', '2026-03-10T10:00:00');
    for (const extra of [{ colour: 'red' }, { subject: 42 }, { showAs: 'sleeping' }]) {
      const reply = await api.post('/me/events', { ...base, ...extra });
      expect(reply.status, JSON.stringify(extra)).toBe(400);
      expect(reply.body.error.code).toBe('RequestBodyRead');
    }
    const malformed = await api.post('/me/events', '{"subject": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('BadRequest');
  });

  it('ignores read-only properties such as isOrganizer and organizer on create', async () => {
    const { api } = await startGraph();
    const reply = await api.post('/me/events', {
      ...timed('Mine', '2026-03-10T09:00:00', '2026-03-10T10:00:00'),
      isOrganizer: false,
      organizer: { emailAddress: { address: 'boss@contoso.com' } },
      id: 'made-up',
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ isOrganizer: true, organizer: { emailAddress: { address: UPN } } });
    expect(reply.body.id).not.toBe('made-up');
  });

  it("refuses content edits to someone else's meeting (400) but allows the attendee's own settings", async () => {
    const { api, sim, calendarId } = await startGraph();
    const invite = sim.seedEvent(UPN, calendarId, {
      ...timed('Their meeting', '2026-03-10T09:00:00', '2026-03-10T10:00:00'),
      isOrganizer: false,
      organizer: { emailAddress: { name: 'Boss', address: 'boss@contoso.com' } },
      responseStatus: { response: 'accepted' },
    });
    const fetched = await api.get(`/me/events/${invite.id!}`);
    expect(fetched.body).toMatchObject({ isOrganizer: false, organizer: { emailAddress: { address: 'boss@contoso.com' } }, responseStatus: { response: 'accepted' } });
    const edit = await api.patch(`/me/events/${invite.id!}`, { subject: 'Mine now' });
    expect(edit.status).toBe(400);
    expect(edit.body.error.code).toBe('ErrorInvalidRequest');
    const personal = await api.patch(`/me/events/${invite.id!}`, { isReminderOn: false, categories: ['Blue category'] });
    expect(personal.status).toBe(200);
    expect(personal.body).toMatchObject({ subject: 'Their meeting', isReminderOn: false });
  });
});

const MARKER = 'String {66f5a359-4659-4830-9070-00047ec6ac6e} Name ocsGoogleRef';
const OTHER = 'String {66f5a359-4659-4830-9070-00047ec6ac6e} Name other';
const expandMarker = `$expand=singleValueExtendedProperties($filter=id eq '${MARKER}')`;
const filterFor = (value: string, id = MARKER) =>
  `$filter=singleValueExtendedProperties/Any(ep: ep/id eq '${id}' and ep/value eq '${value}')`;

describe('Graph simulator: single-value extended properties', () => {
  it('stores them on POST and returns them only when $expand asks for them by id', async () => {
    const { api } = await startGraph();
    const created = await api.post('/me/events', {
      ...timed('Mirrored', '2026-03-10T09:00:00', '2026-03-10T10:00:00'),
      singleValueExtendedProperties: [
        { id: MARKER, value: 'gcal:primary|abc123' },
        { id: OTHER, value: 'x' },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body.singleValueExtendedProperties).toBeUndefined();
    const id = created.body.id as string;
    const plain = await api.get(`/me/events/${id}`);
    expect(plain.body.singleValueExtendedProperties).toBeUndefined();
    const expanded = await api.get(`/me/events/${id}?${expandMarker}`);
    expect(expanded.body.singleValueExtendedProperties).toEqual([{ id: MARKER, value: 'gcal:primary|abc123' }]);
    const both = await api.get(`/me/events/${id}?$expand=singleValueExtendedProperties($filter=id eq '${MARKER}' or id eq '${OTHER}')`);
    expect(both.body.singleValueExtendedProperties).toHaveLength(2);
  });

  it('upserts them on PATCH without dropping the others', async () => {
    const { api } = await startGraph();
    const created = await api.post('/me/events', {
      ...timed('P', '2026-03-10T09:00:00', '2026-03-10T10:00:00'),
      singleValueExtendedProperties: [{ id: MARKER, value: 'v1' }, { id: OTHER, value: 'keep' }],
    });
    const id = created.body.id as string;
    await api.patch(`/me/events/${id}`, { singleValueExtendedProperties: [{ id: MARKER, value: 'v2' }] });
    const read = await api.get(`/me/events/${id}?$expand=singleValueExtendedProperties($filter=id eq '${MARKER}' or id eq '${OTHER}')`);
    expect(read.body.singleValueExtendedProperties).toEqual([
      { id: MARKER, value: 'v2' },
      { id: OTHER, value: 'keep' },
    ]);
  });

  it('expands them on lists and calendarView', async () => {
    const { api, calendarId } = await startGraph();
    await api.post('/me/events', { ...timed('L', '2026-03-10T09:00:00', '2026-03-10T10:00:00'), singleValueExtendedProperties: [{ id: MARKER, value: 'm' }] });
    const list = await api.get(`/me/calendars/${calendarId}/events?${expandMarker}`);
    expect(list.body.value[0].singleValueExtendedProperties).toEqual([{ id: MARKER, value: 'm' }]);
    const view = await api.get(`/me/calendarView?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-04-01T00:00:00Z&${expandMarker}`);
    expect(view.body.value[0].singleValueExtendedProperties).toEqual([{ id: MARKER, value: 'm' }]);
  });

  it('finds events with $filter=singleValueExtendedProperties/Any(...): value case-insensitive, name case-sensitive', async () => {
    const { api, sim, calendarId } = await startGraph();
    const other = sim.addCalendar(UPN, { name: 'Other' });
    const wanted = await api.post('/me/events', { ...timed('Wanted', '2026-03-10T09:00:00', '2026-03-10T10:00:00'), singleValueExtendedProperties: [{ id: MARKER, value: 'gcal:Primary|E1' }] });
    await api.post(`/me/calendars/${other}/events`, { ...timed('Elsewhere', '2026-03-10T09:00:00', '2026-03-10T10:00:00'), singleValueExtendedProperties: [{ id: MARKER, value: 'gcal:primary|e1' }] });
    await api.post('/me/events', { ...timed('Unmarked', '2026-03-10T09:00:00', '2026-03-10T10:00:00') });
    const mailboxWide = await api.get(`/me/events?${filterFor('GCAL:PRIMARY|E1')}`);
    expect(mailboxWide.body.value.map((e: { subject: string }) => e.subject).sort()).toEqual(['Elsewhere', 'Wanted']);
    const oneCalendar = await api.get(`/me/calendars/${calendarId}/events?${filterFor('gcal:primary|e1')}`);
    expect(oneCalendar.body.value.map((e: { id: string }) => e.id)).toEqual([wanted.body.id]);
    const wrongCase = await api.get(`/me/events?${filterFor('gcal:primary|e1', MARKER.replace('ocsGoogleRef', 'ocsgoogleref'))}`);
    expect(wrongCase.body.value).toEqual([]);
  });

  it('supports startswith and contains on the value', async () => {
    const { api } = await startGraph();
    await api.post('/me/events', { ...timed('S', '2026-03-10T09:00:00', '2026-03-10T10:00:00'), singleValueExtendedProperties: [{ id: MARKER, value: 'gcal:work|xyz' }] });
    const prefix = await api.get(`/me/events?$filter=singleValueExtendedProperties/Any(ep: ep/id eq '${MARKER}' and startswith(ep/value, 'GCAL:WORK'))`);
    expect(prefix.body.value).toHaveLength(1);
    const inner = await api.get(`/me/events?$filter=singleValueExtendedProperties/Any(ep: ep/id eq '${MARKER}' and contains(ep/value, '|xy'))`);
    expect(inner.body.value).toHaveLength(1);
    const miss = await api.get(`/me/events?$filter=singleValueExtendedProperties/Any(ep: ep/id eq '${MARKER}' and startswith(ep/value, 'xyz'))`);
    expect(miss.body.value).toHaveLength(0);
  });

  it('is not expandable in delta, and rejects malformed property ids', async () => {
    const { api } = await startGraph();
    const delta = await api.get(`/me/calendarView/delta?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-04-01T00:00:00Z&${expandMarker}`, { prefer: IMMUTABLE });
    expect(delta.status).toBe(400);
    const bad = await api.post('/me/events', { ...timed('B', '2026-03-10T09:00:00', '2026-03-10T10:00:00'), singleValueExtendedProperties: [{ id: 'Name ocsGoogleRef', value: 'x' }] });
    expect(bad.status).toBe(400);
  });
});

const attendees = (...addresses: string[]) => addresses.map((address) => ({ emailAddress: { address }, type: 'required' }));

describe('Graph simulator: attendees and the mail Graph sends', () => {
  it('stores attendees and counts an invitation per attendee when an event is created with them', async () => {
    const { api, sim } = await startGraph();
    const reply = await api.post('/me/events', { ...timed('Kick-off', '2026-03-10T09:00:00', '2026-03-10T10:00:00'), attendees: attendees('bob@fabrikam.com', 'cy@fabrikam.com') });
    expect(reply.body.attendees).toEqual([
      { type: 'required', status: { response: 'none', time: '0001-01-01T00:00:00Z' }, emailAddress: { name: 'bob@fabrikam.com', address: 'bob@fabrikam.com' } },
      { type: 'required', status: { response: 'none', time: '0001-01-01T00:00:00Z' }, emailAddress: { name: 'cy@fabrikam.com', address: 'cy@fabrikam.com' } },
    ]);
    expect(sim.counters.invitationsSent).toBe(2);
    expect(sim.mails).toEqual([
      expect.objectContaining({ kind: 'invitation', actor: 'api', eventId: reply.body.id as string, subject: 'Kick-off', recipients: ['bob@fabrikam.com', 'cy@fabrikam.com'] }),
    ]);
    await api.post('/me/events', timed('Alone', '2026-03-11T09:00:00', '2026-03-11T10:00:00'));
    expect(sim.counters.invitationsSent).toBe(2);
  });

  it('counts invitations again when an update sets attendees, and meeting updates when it changes the meeting', async () => {
    const { api, sim } = await startGraph();
    const created = await api.post('/me/events', timed('Review', '2026-03-10T09:00:00', '2026-03-10T10:00:00'));
    const id = created.body.id as string;
    await api.patch(`/me/events/${id}`, { attendees: attendees('bob@fabrikam.com') });
    expect(sim.counters.invitationsSent).toBe(1);
    await api.patch(`/me/events/${id}`, { location: { displayName: 'Room 2' } });
    expect(sim.counters.updatesSent).toBe(1);
    await api.patch(`/me/events/${id}`, { isReminderOn: false });
    expect(sim.counters.updatesSent).toBe(1);
    expect(sim.describeMails()).toEqual(['invitation (api) "Review" → bob@fabrikam.com', 'update (api) "Review" → bob@fabrikam.com']);
  });

  it('sends cancellations when an organised meeting or one of its occurrences is deleted', async () => {
    const { api, sim } = await startGraph();
    const single = await api.post('/me/events', { ...timed('Sync', '2026-03-10T09:00:00', '2026-03-10T10:00:00'), attendees: attendees('bob@fabrikam.com') });
    await api.delete(`/me/events/${single.body.id as string}`);
    expect(sim.counters.cancellationsSent).toBe(1);
    const series = await api.post('/me/events', {
      ...timed('Weekly sync', '2026-03-02T09:00:00', '2026-03-02T10:00:00'),
      attendees: attendees('bob@fabrikam.com', 'cy@fabrikam.com'),
      recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'sunday' }, range: { type: 'noEnd', startDate: '2026-03-02' } },
    });
    const instances = await api.get(`/me/events/${series.body.id as string}/instances?startDateTime=2026-03-01&endDateTime=2026-04-01`);
    await api.delete(`/me/events/${instances.body.value[1].id as string}`);
    expect(sim.counters.cancellationsSent).toBe(3);
    expect(sim.mails.at(-1)).toMatchObject({ kind: 'cancellation', occurrence: '2026-03-09T09:00:00Z', recipients: ['bob@fabrikam.com', 'cy@fabrikam.com'] });
  });

  it("sends nothing for someone else's meeting, and does not count the user's own Outlook actions", async () => {
    const { api, sim, calendarId } = await startGraph();
    const theirs = sim.seedEvent(UPN, calendarId, {
      ...timed('Their meeting', '2026-03-10T09:00:00', '2026-03-10T10:00:00'),
      isOrganizer: false,
      organizer: { emailAddress: { address: 'boss@contoso.com' } },
      attendees: attendees(UPN, 'bob@fabrikam.com'),
    });
    await api.delete(`/me/events/${theirs.id!}`);
    sim.userCreateEvent(UPN, calendarId, { ...timed('My meeting', '2026-03-11T09:00:00', '2026-03-11T10:00:00'), attendees: attendees('bob@fabrikam.com') });
    expect(sim.counters).toMatchObject({ invitationsSent: 0, updatesSent: 0, cancellationsSent: 0 });
    expect(sim.mails.map((m) => [m.kind, m.actor])).toEqual([['invitation', 'user']]);
  });
});
