// These tests read the simulator's JSON replies (typed `any` by the test client): their shape is what is under test.
/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access */
import { describe, expect, it } from 'vitest';
import { IMMUTABLE, startGraph, timed, UPN } from './test-helpers.ts';

describe('Graph simulator: mailboxes and calendars', () => {
  it('GET /me returns the signed-in mailbox', async () => {
    const { api, sim } = await startGraph();
    const me = await api.get('/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ displayName: 'Ann Example', mail: UPN, userPrincipalName: UPN });
    expect(me.body.id).toMatch(/^[0-9a-f-]{36}$/);
    sim.addMailbox('bob@contoso.com', { displayName: 'Bob' });
    const bob = await api.get('/me', { authorization: `Bearer ${sim.issueToken('bob@contoso.com')}` });
    expect(bob.body.userPrincipalName).toBe('bob@contoso.com');
  });

  it('GET /me/mailboxSettings reports the Windows time zone name', async () => {
    const { api } = await startGraph();
    const settings = await api.get('/me/mailboxSettings');
    expect(settings.body.timeZone).toBe('Pacific Standard Time');
  });

  it('lists calendars with their properties; hexColor is empty until set', async () => {
    const { api, sim } = await startGraph();
    sim.addCalendar(UPN, { name: 'Work', hexColor: '#ff8c00' });
    const list = await api.get('/me/calendars');
    expect(list.status).toBe(200);
    const [primary, work] = list.body.value;
    expect(primary).toMatchObject({
      name: 'Calendar',
      color: 'auto',
      hexColor: '',
      isDefaultCalendar: true,
      canEdit: true,
      canShare: true,
      canViewPrivateItems: true,
      isRemovable: false,
      owner: { name: 'Ann Example', address: UPN },
    });
    expect(typeof primary.changeKey).toBe('string');
    expect(work).toMatchObject({ name: 'Work', hexColor: '#ff8c00', isDefaultCalendar: false, isRemovable: true });
  });

  it('pages /me/calendars with @odata.nextLink', async () => {
    const { api, sim } = await startGraph();
    for (let i = 0; i < 4; i++) sim.addCalendar(UPN, { name: `Extra ${i}` });
    const first = await api.get('/me/calendars?$top=2');
    expect(first.body.value).toHaveLength(2);
    const second = await api.get(first.body['@odata.nextLink']);
    const third = await api.get(second.body['@odata.nextLink']);
    expect(third.body.value).toHaveLength(1);
    expect(third.body['@odata.nextLink']).toBeUndefined();
    const names = [...first.body.value, ...second.body.value, ...third.body.value].map((c: { name: string }) => c.name);
    expect(names).toEqual(['Calendar', 'Extra 0', 'Extra 1', 'Extra 2', 'Extra 3']);
  });

  it('GET /me/calendars/{id} and /me/calendar (the default)', async () => {
    const { api, sim, calendarId } = await startGraph();
    const work = sim.addCalendar(UPN, { name: 'Work' });
    expect((await api.get(`/me/calendars/${work}`)).body).toMatchObject({ id: work, name: 'Work' });
    expect((await api.get('/me/calendar')).body).toMatchObject({ id: calendarId, isDefaultCalendar: true });
    const missing = await api.get('/me/calendars/AAMkNope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('ErrorItemNotFound');
  });

  it("does not show another mailbox's calendar", async () => {
    const { api, sim } = await startGraph();
    const { defaultCalendarId } = sim.addMailbox('bob@contoso.com');
    expect((await api.get(`/me/calendars/${defaultCalendarId}`)).status).toBe(404);
  });

  it('rejects writes to a calendar shared read-only (canEdit: false) with 403 ErrorAccessDenied', async () => {
    const { api, sim } = await startGraph();
    const shared = sim.addCalendar(UPN, { name: 'Boss', canEdit: false });
    const seeded = sim.seedEvent(UPN, shared, timed('Board meeting', '2026-03-10T09:00:00', '2026-03-10T10:00:00'));
    const calendar = await api.get(`/me/calendars/${shared}`);
    expect(calendar.body).toMatchObject({ canEdit: false, canShare: false });
    for (const attempt of [
      api.post(`/me/calendars/${shared}/events`, timed('Mine', '2026-03-11T09:00:00', '2026-03-11T10:00:00')),
      api.patch(`/me/events/${seeded.id}`, { subject: 'Changed' }),
      api.delete(`/me/events/${seeded.id}`),
    ]) {
      const reply = await attempt;
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe('ErrorAccessDenied');
    }
    expect(sim.getStoredEvent(seeded.id!)?.subject).toBe('Board meeting');
  });

  it('serves /beta like /v1.0', async () => {
    const { api, sim } = await startGraph();
    const beta = await api.get(`${sim.url}/beta/me/calendars`);
    expect(beta.status).toBe(200);
    expect(beta.body['@odata.context']).toContain('/beta/');
  });

  it('answers unknown segments with 400 BadRequest in the Graph error envelope', async () => {
    const { api } = await startGraph();
    const reply = await api.get('/me/notes');
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: 'BadRequest', message: "Resource not found for the segment 'notes'." });
  });

  it('sends request-id on every response and echoes client-request-id in headers and innerError', async () => {
    const { api } = await startGraph();
    const okReply = await api.get('/me', { 'client-request-id': 'c0ffee00-0000-4000-8000-000000000001' });
    expect(okReply.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(okReply.headers.get('client-request-id')).toBe('c0ffee00-0000-4000-8000-000000000001');
    const error = await api.get('/me/events/nope', { 'client-request-id': 'c0ffee00-0000-4000-8000-000000000002' });
    expect(error.body.error.innerError).toEqual({
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/) as unknown,
      'request-id': error.headers.get('request-id'),
      'client-request-id': 'c0ffee00-0000-4000-8000-000000000002',
    });
  });
});

describe('Graph simulator: bearer tokens', () => {
  it('answers 401 InvalidAuthenticationToken without a token, with an unknown one, or one for another API', async () => {
    const { api, tokens } = await startGraph();
    const google = tokens.issue(UPN, 'google-calendar', ['calendar']).token;
    const cases = [
      [{ authorization: '' }, 'Access token is empty.'],
      [{ authorization: 'Bearer not-a-token' }, 'Access token validation failure.'],
      [{ authorization: `Bearer ${google}` }, 'Access token validation failure. Invalid audience.'],
    ] as const;
    for (const [headers, message] of cases) {
      const reply = await api.get('/me', headers);
      expect(reply.status).toBe(401);
      expect(reply.body.error).toMatchObject({ code: 'InvalidAuthenticationToken', message });
      expect(reply.headers.get('www-authenticate')).toContain('Bearer');
    }
  });

  it('rejects an expired token with "Lifetime validation failed, the token is expired."', async () => {
    const { api, sim, clock } = await startGraph();
    api.token = sim.issueToken(UPN, 60_000);
    expect((await api.get('/me')).status).toBe(200);
    clock.advance(60_000);
    const reply = await api.get('/me');
    expect(reply.status).toBe(401);
    expect(reply.body.error).toMatchObject({
      code: 'InvalidAuthenticationToken',
      message: 'Lifetime validation failed, the token is expired.',
    });
  });

  it('answers 404 MailboxNotEnabledForRESTAPI for a valid token of an account with no mailbox', async () => {
    const { api, sim } = await startGraph();
    const reply = await api.get('/me/calendars', { authorization: `Bearer ${sim.issueToken('nobody@contoso.com')}` });
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('MailboxNotEnabledForRESTAPI');
  });
});

describe('Graph simulator: Prefer headers', () => {
  it('renders timed start/end in UTC by default and in the outlook.timezone zone (Windows or IANA name)', async () => {
    const { api } = await startGraph();
    const created = await api.post('/me/events', timed('Standup', '2026-07-01T09:00:00', '2026-07-01T09:15:00', 'Pacific Standard Time'));
    const id = created.body.id as string;
    expect(created.body.start).toEqual({ dateTime: '2026-07-01T16:00:00.0000000', timeZone: 'UTC' });
    const windows = await api.get(`/me/events/${id}`, { prefer: `outlook.timezone="Eastern Standard Time", ${IMMUTABLE}` });
    expect(windows.body.start).toEqual({ dateTime: '2026-07-01T12:00:00.0000000', timeZone: 'Eastern Standard Time' });
    const iana = await api.get(`/me/events/${id}`, { prefer: `outlook.timezone="Europe/Berlin", ${IMMUTABLE}` });
    expect(iana.body.end).toEqual({ dateTime: '2026-07-01T18:15:00.0000000', timeZone: 'Europe/Berlin' });
    expect(iana.headers.get('preference-applied')).toContain('outlook.timezone="Europe/Berlin"');
  });

  it('reads preferences from one comma-joined header and from repeated Prefer headers', async () => {
    const { api } = await startGraph();
    const created = await api.post('/me/events', timed('A', '2026-07-01T09:00:00', '2026-07-01T10:00:00'));
    const repeated = new Headers();
    repeated.append('prefer', 'outlook.timezone="Tokyo Standard Time"');
    repeated.append('prefer', IMMUTABLE);
    repeated.append('authorization', `Bearer ${api.token}`);
    const reply = await fetch(`${api.base}/me/events/${created.body.id as string}`, { headers: repeated });
    const body = (await reply.json()) as { id: string; start: { dateTime: string } };
    expect(body.id).toBe(created.body.id);
    expect(body.start.dateTime).toBe('2026-07-01T18:00:00.0000000');
  });

  it('ignores an unknown outlook.timezone and answers in UTC', async () => {
    const { api } = await startGraph();
    const created = await api.post('/me/events', timed('A', '2026-07-01T09:00:00', '2026-07-01T10:00:00'));
    const reply = await api.get(`/me/events/${created.body.id as string}`, { prefer: 'outlook.timezone="Mars/Olympus"' });
    expect(reply.body.start.timeZone).toBe('UTC');
  });

  it('returns immutable ids only with IdType="ImmutableId"; both forms resolve to the same event', async () => {
    const { api } = await startGraph();
    const immutable = await api.post('/me/events', timed('Ids', '2026-07-01T09:00:00', '2026-07-01T10:00:00'));
    const immutableId = immutable.body.id as string;
    expect(immutableId).toMatch(/^AAkALg/);
    const regular = await api.get(`/me/events/${immutableId}`, { prefer: '' });
    const regularId = regular.body.id as string;
    expect(regularId).toMatch(/^AAMkAG.*=$/);
    expect((await api.get(`/me/events/${encodeURIComponent(regularId)}`)).body.id).toBe(immutableId);
    expect((await api.patch(`/me/events/${regularId}`, { subject: 'Renamed' })).body.subject).toBe('Renamed');
    expect((await api.get(`/me/events/${immutableId}`)).body.subject).toBe('Renamed');
    expect((await api.get(`/me/events/${immutableId.toLowerCase()}`)).status).toBe(404); // ids are case-sensitive
  });

  it('changes the regular id, not the immutable id, when the event moves to another calendar', async () => {
    const { api, sim } = await startGraph();
    const work = sim.addCalendar(UPN, { name: 'Work' });
    const created = await api.post('/me/events', timed('Move me', '2026-07-01T09:00:00', '2026-07-01T10:00:00'));
    const immutableId = created.body.id as string;
    const regularBefore = (await api.get(`/me/events/${immutableId}`, { prefer: '' })).body.id as string;
    sim.userMoveEvent(immutableId, work);
    const after = await api.get(`/me/events/${immutableId}`, { prefer: '' });
    expect(after.status).toBe(200);
    expect(after.body.id).not.toBe(regularBefore);
    expect((await api.get(`/me/events/${regularBefore}`)).status).toBe(404);
    expect((await api.get(`/me/calendars/${work}/events/${immutableId}`)).body.id).toBe(immutableId);
  });

  it('applies odata.maxpagesize and says so in Preference-Applied', async () => {
    const { api } = await startGraph();
    for (let i = 0; i < 3; i++) await api.post('/me/events', timed(`E${i}`, '2026-07-01T09:00:00', '2026-07-01T10:00:00'));
    const page = await api.get('/me/events', { prefer: `odata.maxpagesize=2, ${IMMUTABLE}` });
    expect(page.body.value).toHaveLength(2);
    expect(page.body['@odata.nextLink']).toBeDefined();
    expect(page.headers.get('preference-applied')).toBe('odata.maxpagesize=2, IdType="ImmutableId"');
  });
});
