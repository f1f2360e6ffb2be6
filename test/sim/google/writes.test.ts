import { describe, expect, it } from 'vitest';
import type { GEvent } from './model.ts';
import { ANN, BOB, errorOf, startGoogle, timed } from './test-kit.ts';

describe('Google sim: insert', () => {
  it('keeps a client-supplied base32hex id, defaults iCalUID to id@google.com, and sets the server fields', async () => {
    const { api } = await startGoogle();
    const reply = await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { id: 'abc123def456' }));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      kind: 'calendar#event',
      id: 'abc123def456',
      iCalUID: 'abc123def456@google.com',
      status: 'confirmed',
      sequence: 0,
      created: '2026-03-01T09:00:00.000Z',
      updated: '2026-03-01T09:00:00.000Z',
      organizer: { email: ANN, self: true },
      creator: { email: ANN, self: true },
      reminders: { useDefault: true },
      eventType: 'default',
    });
    expect(reply.body.etag).toMatch(/^"\d+"$/);
    expect(reply.body.htmlLink).toMatch(/^https:\/\/www\.google\.com\/calendar\/event\?eid=/);
  });

  it('generates an id when none is given', async () => {
    const { api } = await startGoogle();
    const reply = await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00'));
    expect(reply.body.id).toMatch(/^[a-v0-9]{26}$/);
    expect(reply.body.iCalUID).toBe(`${reply.body.id}@google.com`);
  });

  it('rejects ids outside ^[a-v0-9]{5,1024}$ with 400 invalid', async () => {
    const { api } = await startGoogle();
    for (const id of ['abcd', 'ABCDEF', 'xyz123', 'abc_123', 'a'.repeat(1025)]) {
      const reply = await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { id }));
      expect(errorOf(reply), id).toMatchObject({ code: 400, reason: 'invalid', message: 'Invalid resource id value.' });
    }
    expect((await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { id: 'a'.repeat(1024) }))).status).toBe(200);
  });

  it('answers a reused id with 409 duplicate, even after the first event was deleted', async () => {
    const { api } = await startGoogle();
    const body = timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { id: 'dup0000001' });
    expect((await api.insert('primary', body)).status).toBe(200);
    const again = await api.insert('primary', body);
    expect(errorOf(again)).toEqual({ code: 409, reason: 'duplicate', domain: 'global', message: 'The requested identifier already exists.' });
    await api.event('primary', 'dup0000001', 'DELETE');
    expect((await api.insert('primary', body)).status).toBe(409);
  });

  it('validates start and end', async () => {
    const { api } = await startGoogle();
    const insert = (event: GEvent) => api.insert('primary', event);
    expect(errorOf(await insert({ end: { date: '2026-03-02' } }))).toMatchObject({ code: 400, reason: 'required', message: 'Missing start time.' });
    expect(errorOf(await insert({ start: { date: '2026-03-02' } }))).toMatchObject({ code: 400, reason: 'required', message: 'Missing end time.' });
    const mixed = await insert({ start: { date: '2026-03-02' }, end: { dateTime: '2026-03-02T10:00:00Z' } });
    expect(errorOf(mixed)).toMatchObject({ code: 400, reason: 'invalid' });
    const backwards = await insert(timed('2026-03-02T11:00:00', '2026-03-02T10:00:00'));
    expect(errorOf(backwards)).toMatchObject({ code: 400, reason: 'timeRangeEmpty', domain: 'calendar' });
    const noZone = await insert({ start: { dateTime: '2026-03-02T10:00:00' }, end: { dateTime: '2026-03-02T11:00:00' } });
    expect(errorOf(noZone)).toMatchObject({ code: 400, message: 'Missing time zone definition for start time.' });
    const badZone = await insert({ start: { dateTime: '2026-03-02T10:00:00Z', timeZone: 'Nowhere/City' }, end: { dateTime: '2026-03-02T11:00:00Z' } });
    expect(errorOf(badZone)).toMatchObject({ code: 400 });
    // Zero-length timed events exist in Google Calendar; an offset makes timeZone optional.
    expect((await insert({ start: { dateTime: '2026-03-02T10:00:00+01:00' }, end: { dateTime: '2026-03-02T10:00:00+01:00' } })).status).toBe(200);
  });

  it('requires a time zone on timed recurring events', async () => {
    const { api } = await startGoogle();
    const reply = await api.insert('primary', {
      start: { dateTime: '2026-03-02T10:00:00+01:00' },
      end: { dateTime: '2026-03-02T11:00:00+01:00' },
      recurrence: ['RRULE:FREQ=WEEKLY'],
    });
    expect(errorOf(reply)).toMatchObject({ code: 400, message: 'Missing time zone definition for start time.' });
  });

  it('validates reminders: at most 5 overrides, minutes 0–40320, not together with useDefault', async () => {
    const { api } = await startGoogle();
    const withReminders = (reminders: NonNullable<GEvent['reminders']>) => api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { reminders }));
    const six = Array.from({ length: 6 }, (_, i) => ({ method: 'popup', minutes: i }));
    expect(errorOf(await withReminders({ useDefault: false, overrides: six }))).toMatchObject({ code: 400 });
    expect(errorOf(await withReminders({ useDefault: false, overrides: [{ method: 'popup', minutes: 40321 }] }))).toMatchObject({ code: 400 });
    expect(errorOf(await withReminders({ useDefault: false, overrides: [{ method: 'sms', minutes: 5 }] }))).toMatchObject({ code: 400 });
    const both = await withReminders({ useDefault: true, overrides: [{ method: 'popup', minutes: 5 }] });
    expect(errorOf(both)).toMatchObject({ code: 400, reason: 'cannotUseDefaultRemindersAndSpecifyOverride' });
    const ok = await withReminders({ useDefault: false, overrides: [{ method: 'email', minutes: 40320 }, { method: 'popup', minutes: 0 }] });
    expect(ok.body.reminders).toEqual({ useDefault: false, overrides: [{ method: 'email', minutes: 40320 }, { method: 'popup', minutes: 0 }] });
  });

  it('drops extended property keys over 44 characters and truncates values over 1024', async () => {
    const { api } = await startGoogle();
    const longKey = 'k'.repeat(45);
    const reply = await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', {
      extendedProperties: { private: { [longKey]: 'lost', ['k'.repeat(44)]: 'v'.repeat(1500) }, shared: { s: 'x' } },
    }));
    expect(reply.status).toBe(200);
    const props = reply.body.extendedProperties!;
    expect(Object.keys(props.private!)).toEqual(['k'.repeat(44)]);
    expect(props.private!['k'.repeat(44)]).toHaveLength(1024);
    expect(props.shared).toEqual({ s: 'x' });
  });

  it('answers malformed JSON with 400 parseError', async () => {
    const { api } = await startGoogle();
    const reply = await api.call('POST', '/calendars/primary/events', { body: '{"summary":' });
    expect(errorOf(reply)).toMatchObject({ code: 400, reason: 'parseError' });
  });

  it('keeps conferenceData only with conferenceDataVersion=1, creating a Meet for a createRequest', async () => {
    const { sim, api } = await startGoogle();
    const request = { conferenceData: { createRequest: { requestId: 'req-1', conferenceSolutionKey: { type: 'hangoutsMeet' } } } };
    const ignored = await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', request));
    expect(ignored.body.conferenceData).toBeUndefined();
    const created = await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', request), { conferenceDataVersion: 1 });
    expect(created.body.hangoutLink).toMatch(/^https:\/\/meet\.google\.com\//);
    expect(created.body.conferenceData!.createRequest!.status).toEqual({ statusCode: 'success' });
    expect(sim.counters.conferencesCreated).toBe(1);
    // A later write without conferenceDataVersion leaves the conference alone.
    const patched = await api.event('primary', created.body.id!, 'PATCH', { body: { summary: 'x', conferenceData: null } });
    expect(patched.body.hangoutLink).toBe(created.body.hangoutLink);
  });
});

describe('Google sim: get, patch, update, delete', () => {
  it('patches by deep merge: nested objects merge, arrays replace, null deletes an extended property', async () => {
    const { api } = await startGoogle();
    const made = await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', {
      description: 'keep me',
      extendedProperties: { private: { a: '1', b: '2' }, shared: { s: '1' } },
      attendees: [{ email: 'x@other.org' }, { email: 'y@other.org' }],
    }));
    const patched = await api.event('primary', made.body.id!, 'PATCH', {
      query: { sendUpdates: 'none' },
      body: { summary: 'New', extendedProperties: { private: { a: null, c: '3' } }, attendees: [{ email: 'z@other.org' }] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ summary: 'New', description: 'keep me' });
    expect(patched.body.extendedProperties).toEqual({ private: { b: '2', c: '3' }, shared: { s: '1' } });
    expect(patched.body.attendees!.map((a) => a.email)).toEqual(['z@other.org']);
    expect(patched.body.start).toEqual(made.body.start);
  });

  it('replaces on update: fields left out are gone, extended properties included', async () => {
    const { api } = await startGoogle();
    const made = await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', {
      description: 'old', location: 'Room', extendedProperties: { private: { a: '1' } },
    }));
    const updated = await api.event('primary', made.body.id!, 'PUT', { body: timed('2026-03-02T12:00:00', '2026-03-02T13:00:00', { summary: 'Replaced' }) });
    expect(updated.body.summary).toBe('Replaced');
    expect(updated.body.description).toBeUndefined();
    expect(updated.body.location).toBeUndefined();
    expect(updated.body.extendedProperties).toBeUndefined();
    expect(updated.body.id).toBe(made.body.id);
    expect(updated.body.created).toBe(made.body.created);
  });

  it('checks If-Match on patch, update and delete (412 conditionNotMet), and If-None-Match on get (304)', async () => {
    const { sim, api } = await startGoogle();
    const made = await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00'));
    const id = made.body.id!;
    const stale = made.body.etag!;
    const fresh = await api.event('primary', id, 'PATCH', { body: { summary: 'v2' }, headers: { 'if-match': stale } });
    expect(fresh.status).toBe(200);
    const conflict = await api.event('primary', id, 'PATCH', { body: { summary: 'v3' }, headers: { 'if-match': stale } });
    expect(errorOf(conflict)).toEqual({ code: 412, reason: 'conditionNotMet', domain: 'global', message: 'Precondition Failed', location: 'If-Match' });
    expect((await api.event('primary', id, 'PUT', { body: timed('2026-03-02T10:00:00', '2026-03-02T11:00:00'), headers: { 'if-match': stale } })).status).toBe(412);
    expect((await api.event('primary', id, 'DELETE', { headers: { 'if-match': stale } })).status).toBe(412);
    expect(sim.counters.preconditionFailures).toBe(3);
    expect((await api.event('primary', id, 'GET', { headers: { 'if-none-match': fresh.body.etag! } })).status).toBe(304);
    expect((await api.event('primary', id, 'GET', { headers: { 'if-none-match': stale } })).status).toBe(200);
    expect((await api.event('primary', id, 'DELETE', { headers: { 'if-match': fresh.body.etag! } })).status).toBe(204);
  });

  it('deletes by cancelling: get still returns the event, a second delete is 410 deleted, unknown ids are 404', async () => {
    const { api } = await startGoogle();
    const made = await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { summary: 'Bye' }));
    const deleted = await api.event('primary', made.body.id!, 'DELETE');
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    const got = await api.event('primary', made.body.id!);
    expect(got.body).toMatchObject({ id: made.body.id, status: 'cancelled', summary: 'Bye' });
    const again = await api.event('primary', made.body.id!, 'DELETE');
    expect(errorOf(again)).toEqual({ code: 410, reason: 'deleted', domain: 'global', message: 'Resource has been deleted' });
    expect(errorOf(await api.event('primary', 'unknown0001'))).toEqual({ code: 404, reason: 'notFound', domain: 'global', message: 'Not Found' });
    expect((await api.event('primary', 'unknown0001', 'PATCH', { body: {} })).status).toBe(404);
  });

  it('purges deleted events after the configured TTL', async () => {
    const { sim, api, clock } = await startGoogle({ deletedEventTtlMs: 60_000 });
    const made = await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00'));
    await api.event('primary', made.body.id!, 'DELETE');
    clock.advance(59_999);
    expect((await api.event('primary', made.body.id!)).body.status).toBe('cancelled');
    clock.advance(1);
    expect(sim.listStoredEvents(ANN)).toHaveLength(1);
    sim.purgeDeleted();
    expect(sim.listStoredEvents(ANN)).toEqual([]);
    expect((await api.event('primary', made.body.id!)).status).toBe(404);
  });

  it('changes etag and updated on every change, but a reminder-only change keeps updated', async () => {
    const { api, clock } = await startGoogle();
    const v1 = await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00'));
    clock.advance(5_000);
    const v2 = await api.event('primary', v1.body.id!, 'PATCH', { body: { reminders: { useDefault: false, overrides: [{ method: 'popup', minutes: 3 }] } } });
    expect(v2.body.etag).not.toBe(v1.body.etag);
    expect(v2.body.updated).toBe(v1.body.updated);
    clock.advance(5_000);
    const v3 = await api.event('primary', v1.body.id!, 'PATCH', { body: { description: 'now' } });
    expect(v3.body.etag).not.toBe(v2.body.etag);
    expect(v3.body.updated).toBe('2026-03-01T09:00:10.000Z');
    // Even within one millisecond, every change gets a new etag.
    const v4 = await api.event('primary', v1.body.id!, 'PATCH', { body: { description: 'again' } });
    expect(v4.body.etag).not.toBe(v3.body.etag);
  });

  it('bumps sequence when the time changes, not for other changes', async () => {
    const { api } = await startGoogle();
    const v1 = await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00'));
    const v2 = await api.event('primary', v1.body.id!, 'PATCH', { body: { summary: 'renamed' } });
    expect(v2.body.sequence).toBe(0);
    const v3 = await api.event('primary', v1.body.id!, 'PATCH', { body: { end: { dateTime: '2026-03-02T11:30:00+01:00' } } });
    expect(v3.body.sequence).toBe(1);
    expect(v3.body.end).toEqual({ dateTime: '2026-03-02T11:30:00+01:00', timeZone: 'Europe/Berlin' });
  });

  it('refuses writes on reader and freeBusyReader calendars with 403 requiredAccessLevel', async () => {
    const { sim, api } = await startGoogle();
    const readOnly = sim.addCalendar(BOB, { summary: 'Bob read-only' });
    const freeBusy = sim.addCalendar(BOB, { summary: 'Bob free/busy' });
    sim.shareCalendar(readOnly, ANN, 'reader');
    sim.shareCalendar(freeBusy, ANN, 'freeBusyReader');
    const theirs = sim.seedEvent(BOB, readOnly, timed('2026-03-02T10:00:00', '2026-03-02T11:00:00'));
    for (const calendarId of [readOnly, freeBusy]) {
      const reply = await api.insert(calendarId, timed('2026-03-02T10:00:00', '2026-03-02T11:00:00'));
      expect(errorOf(reply)).toEqual({ code: 403, reason: 'requiredAccessLevel', domain: 'calendar', message: 'You need to have writer access to this calendar.' });
    }
    expect((await api.event(readOnly, theirs.id!, 'PATCH', { body: { summary: 'mine now' } })).status).toBe(403);
    expect((await api.event(readOnly, theirs.id!, 'DELETE')).status).toBe(403);
  });

  it('lets writers of a shared calendar write there: organizer is the calendar, creator the writer', async () => {
    const { sim, api } = await startGoogle();
    const team = sim.addCalendar(BOB, { summary: 'Team' });
    sim.shareCalendar(team, ANN, 'writer');
    const made = await api.insert(team, timed('2026-03-02T10:00:00', '2026-03-02T11:00:00'));
    expect(made.body.organizer).toEqual({ email: team, displayName: 'Team', self: true });
    expect(made.body.creator).toEqual({ email: ANN, displayName: 'Ann' });
  });

  it('hides details of private events from readers and shows free/busy readers only busy blocks', async () => {
    const { sim, client } = await startGoogle();
    const shared = sim.addCalendar(ANN, { summary: 'Shared' });
    sim.shareCalendar(shared, BOB, 'reader');
    sim.seedEvent(ANN, shared, timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { summary: 'Doctor', visibility: 'private' }));
    sim.seedEvent(ANN, shared, timed('2026-03-03T10:00:00', '2026-03-03T11:00:00', { summary: 'Standup' }));
    const bob = client(BOB);
    const asReader = await bob.events(shared, { singleEvents: true, orderBy: 'startTime' });
    expect(asReader.body.accessRole).toBe('reader');
    expect(asReader.body.items!.map((e) => e.summary)).toEqual([undefined, 'Standup']);
    expect(asReader.body.items![0]).toMatchObject({ visibility: 'private', start: { dateTime: '2026-03-02T10:00:00+01:00' } });
    sim.shareCalendar(shared, BOB, 'freeBusyReader');
    const asFreeBusy = await bob.events(shared);
    expect(asFreeBusy.body.items!.every((e) => e.summary === undefined && e.start !== undefined)).toBe(true);
  });
});
