// These tests read the simulator's JSON replies (typed `any` by the test client): their shape is what is under test.
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access */
import { describe, expect, it } from 'vitest';
import { changedRows, deltaRound, IMMUTABLE, removedIds, startGraph, timed, UPN } from './test-helpers.ts';

const RANGE = 'startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-04-01T00:00:00Z';
const inMarch = (day: number, subject = `Day ${day}`) =>
  timed(subject, `2026-03-${String(day).padStart(2, '0')}T09:00:00`, `2026-03-${String(day).padStart(2, '0')}T10:00:00`);

describe('Graph simulator: calendarView', () => {
  it('lists what overlaps the window, paged with $top/$skip and @odata.nextLink, and requires the window', async () => {
    const { api, calendarId } = await startGraph();
    for (let day = 1; day <= 5; day++) await api.post('/me/events', inMarch(day));
    await api.post('/me/events', timed('April', '2026-04-02T09:00:00', '2026-04-02T10:00:00'));
    await api.post('/me/events', timed('Straddles', '2026-02-28T23:00:00', '2026-03-01T01:00:00'));
    const first = await api.get(`/me/calendars/${calendarId}/calendarView?${RANGE}&$top=4`);
    expect(first.body.value.map((e: { subject: string }) => e.subject)).toEqual(['Straddles', 'Day 1', 'Day 2', 'Day 3']);
    expect(first.body['@odata.nextLink']).toContain('$skip=4');
    const second = await api.get(first.body['@odata.nextLink'] as string);
    expect(second.body.value.map((e: { subject: string }) => e.subject)).toEqual(['Day 4', 'Day 5']);
    expect(second.body['@odata.nextLink']).toBeUndefined();
    const missing = await api.get(`/me/calendars/${calendarId}/calendarView?startDateTime=2026-03-01T00:00:00Z`);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({
      code: 'ErrorInvalidParameter',
      message: 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
    });
  });
});

describe('Graph simulator: calendarView delta', () => {
  it('requires the window on the initial request and refuses $select/$expand/$filter/$orderby/$search', async () => {
    const { api, calendarId } = await startGraph();
    const noRange = await api.get(`/me/calendars/${calendarId}/calendarView/delta`);
    expect(noRange.status).toBe(400);
    expect(noRange.body.error.code).toBe('ErrorInvalidParameter');
    for (const option of ['$select=subject', '$expand=attachments', '$filter=subject eq %27x%27', '$orderby=subject', '$search=x']) {
      const reply = await api.get(`/me/calendars/${calendarId}/calendarView/delta?${RANGE}&${option}`);
      expect(reply.status, option).toBe(400);
    }
  });

  it('pages by odata.maxpagesize (default 10) with $skiptoken links and ends with a $deltatoken link', async () => {
    const { api, calendarId } = await startGraph();
    for (let day = 1; day <= 23; day++) await api.post('/me/events', inMarch(day));
    const start = `/me/calendars/${calendarId}/calendarView/delta?${RANGE}`;
    const first = await api.get(start);
    expect(first.body.value).toHaveLength(10);
    expect(first.body['@odata.nextLink']).toMatch(/\/v1\.0\/me\/calendars\/.+\/calendarView\/delta\?\$skiptoken=/);
    expect(first.body['@odata.deltaLink']).toBeUndefined();
    const small = await deltaRound(api, start, { prefer: `odata.maxpagesize=5, ${IMMUTABLE}` });
    expect(small.pages).toBe(5);
    expect(small.rows).toHaveLength(23);
    expect(small.deltaLink).toMatch(/\$deltatoken=/);
    expect(small.rows[0]).toMatchObject({ '@odata.type': '#microsoft.graph.event', subject: 'Day 1', type: 'singleInstance' });
    const next = await deltaRound(api, small.deltaLink);
    expect(next.rows).toEqual([]);
    expect(next.deltaLink).toMatch(/\$deltatoken=/);
  });

  it('lists occurrences and exceptions, never series masters', async () => {
    const { api } = await startGraph();
    const master = await api.post('/me/events', {
      ...inMarch(2, 'Weekly'),
      recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'sunday' }, range: { type: 'noEnd', startDate: '2026-03-02' } },
    });
    const occurrences = await api.get(`/me/events/${master.body.id as string}/instances?${RANGE}`);
    await api.patch(`/me/events/${occurrences.body.value[0].id as string}`, { subject: 'Special' });
    const { rows } = await deltaRound(api, `/me/calendarView/delta?${RANGE}`);
    expect(rows.map((r) => r['type'])).toEqual(['exception', 'occurrence', 'occurrence', 'occurrence', 'occurrence']);
    expect(rows.every((r) => r['seriesMasterId'] === master.body.id && typeof r['originalStart'] === 'string')).toBe(true);
  });

  it('later rounds return only changes: new and updated rows in full, @removed for deletions', async () => {
    const { api, sim } = await startGraph();
    const keep = await api.post('/me/events', inMarch(2, 'Keep'));
    const change = await api.post('/me/events', inMarch(3, 'Change'));
    const remove = await api.post('/me/events', inMarch(4, 'Remove'));
    const initial = await deltaRound(api, `/me/calendarView/delta?${RANGE}`);
    await api.patch(`/me/events/${change.body.id as string}`, { subject: 'Changed' });
    await api.delete(`/me/events/${remove.body.id as string}`);
    const added = sim.userCreateEvent(UPN, sim.defaultCalendarId(UPN), inMarch(5, 'Added in Outlook'));
    const round = await deltaRound(api, initial.deltaLink);
    expect(changedRows(round.rows).map((r) => [r['id'], r['subject']])).toEqual([
      [change.body.id, 'Changed'],
      [added.id, 'Added in Outlook'],
    ]);
    expect(round.rows.find((r) => '@removed' in r)).toEqual({ '@odata.type': '#microsoft.graph.event', id: remove.body.id, '@removed': { reason: 'deleted' } });
    expect(round.rows.some((r) => r['id'] === keep.body.id)).toBe(false);
  });

  it('reports @removed for events that left the window, and for changes outside it', async () => {
    const { api } = await startGraph();
    const leaving = await api.post('/me/events', inMarch(10, 'Leaving'));
    const outside = await api.post('/me/events', timed('Outside', '2026-06-01T09:00:00', '2026-06-01T10:00:00'));
    const initial = await deltaRound(api, `/me/calendarView/delta?${RANGE}`);
    expect(initial.rows.map((r) => r['id'])).toEqual([leaving.body.id]);
    await api.patch(`/me/events/${leaving.body.id as string}`, { start: { dateTime: '2026-05-10T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-05-10T10:00:00', timeZone: 'UTC' } });
    await api.patch(`/me/events/${outside.body.id as string}`, { subject: 'Still outside' });
    const round = await deltaRound(api, initial.deltaLink);
    expect(removedIds(round.rows).sort()).toEqual([leaving.body.id, outside.body.id].sort());
    expect(changedRows(round.rows)).toEqual([]);
  });

  it('reports a cancelled occurrence as @removed with its id, and only the edited occurrence when one changes', async () => {
    const { api } = await startGraph();
    const master = await api.post('/me/events', {
      ...inMarch(2, 'Daily'),
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: 5 } },
    });
    const initial = await deltaRound(api, `/me/calendarView/delta?${RANGE}`);
    const ids = initial.rows.map((r) => r['id'] as string);
    await api.delete(`/me/events/${ids[1]!}`);
    await api.patch(`/me/events/${ids[3]!}`, { subject: 'Edited' });
    const round = await deltaRound(api, initial.deltaLink);
    expect(removedIds(round.rows)).toEqual([ids[1]]);
    expect(changedRows(round.rows).map((r) => [r['id'], r['type'], r['subject']])).toEqual([[ids[3], 'exception', 'Edited']]);
    await api.delete(`/me/events/${master.body.id as string}`);
    const deletion = await deltaRound(api, round.deltaLink);
    expect(removedIds(deletion.rows).sort()).toEqual([ids[0], ids[2], ids[3], ids[4]].sort());
  });

  it('keeps working with links copied verbatim; tokens are bound to their calendar', async () => {
    const { api, sim } = await startGraph();
    await api.post('/me/events', inMarch(2));
    const other = sim.addCalendar(UPN, { name: 'Other' });
    const initial = await deltaRound(api, `/me/calendarView/delta?${RANGE}`);
    const copied = `${initial.deltaLink}`;
    expect((await api.get(copied)).status).toBe(200);
    expect((await api.get(copied)).status).toBe(200); // a deltaLink may be replayed
    const foreign = copied.replace('/me/calendarView/delta', `/me/calendars/${other}/calendarView/delta`);
    expect((await api.get(foreign)).status).toBe(410);
  });

  it('serves the default calendar at /me/calendarView/delta and any calendar under /beta as well', async () => {
    const { api, sim, calendarId } = await startGraph();
    const work = sim.addCalendar(UPN, { name: 'Work' });
    await api.post('/me/events', inMarch(2, 'Default'));
    await api.post(`/me/calendars/${work}/events`, inMarch(3, 'Work'));
    const defaultRows = (await deltaRound(api, `/me/calendarView/delta?${RANGE}`)).rows;
    expect(defaultRows.map((r) => r['subject'])).toEqual(['Default']);
    const explicit = (await deltaRound(api, `/me/calendars/${calendarId}/calendarView/delta?${RANGE}`)).rows;
    expect(explicit.map((r) => r['subject'])).toEqual(['Default']);
    const beta = await deltaRound(api, `${sim.url}/beta/me/calendars/${work}/calendarView/delta?${RANGE}`);
    expect(beta.rows.map((r) => r['subject'])).toEqual(['Work']);
    expect(beta.deltaLink).toContain('/beta/');
  });

  it('answers 410 syncStateNotFound for tokens invalidated by the service', async () => {
    const { api, sim } = await startGraph();
    for (let day = 1; day <= 12; day++) await api.post('/me/events', inMarch(day));
    const first = await api.get(`/me/calendarView/delta?${RANGE}`);
    const { deltaLink } = await deltaRound(api, `/me/calendarView/delta?${RANGE}`);
    sim.invalidateDeltaTokens();
    for (const link of [deltaLink, first.body['@odata.nextLink'] as string]) {
      const reply = await api.get(link);
      expect(reply.status).toBe(410);
      expect(reply.body.error.code).toBe('syncStateNotFound');
    }
    expect((await api.get(`/me/calendarView/delta?${RANGE}`)).status).toBe(200);
  });

  it('answers a tenant reset with 410 and a Location header for a fresh initial round', async () => {
    const { api, sim } = await startGraph();
    await api.post('/me/events', inMarch(2));
    const { deltaLink } = await deltaRound(api, `/me/calendarView/delta?${RANGE}`);
    sim.resetTenant();
    const reply = await api.get(deltaLink);
    expect(reply.status).toBe(410);
    const location = reply.headers.get('location')!;
    expect(location).toMatch(/\/me\/calendarView\/delta\?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-04-01T00:00:00Z&\$deltatoken=$/);
    const restart = await deltaRound(api, location);
    expect(restart.rows).toHaveLength(1);
  });

  it('renders timed rows in outlook.timezone but all-day rows midnight to midnight', async () => {
    const { api } = await startGraph();
    await api.post('/me/events', { ...timed('Holiday', '2026-03-10T00:00:00', '2026-03-11T00:00:00', 'Pacific Standard Time'), isAllDay: true });
    await api.post('/me/events', timed('Call', '2026-03-10T17:00:00', '2026-03-10T18:00:00'));
    const { rows } = await deltaRound(api, `/me/calendarView/delta?${RANGE}`, { prefer: `outlook.timezone="Tokyo Standard Time", ${IMMUTABLE}` });
    const byName = Object.fromEntries(rows.map((r) => [r['subject'], r]));
    expect(byName['Holiday']).toMatchObject({
      isAllDay: true,
      start: { dateTime: '2026-03-10T00:00:00.0000000', timeZone: 'Tokyo Standard Time' },
      end: { dateTime: '2026-03-11T00:00:00.0000000', timeZone: 'Tokyo Standard Time' },
    });
    expect(byName['Call']).toMatchObject({ start: { dateTime: '2026-03-11T02:00:00.0000000', timeZone: 'Tokyo Standard Time' } });
  });

  it('can replay the previous round’s changes (M-DQO "replays") when asked', async () => {
    const { api, sim } = await startGraph();
    const initial = await deltaRound(api, `/me/calendarView/delta?${RANGE}`);
    const created = await api.post('/me/events', inMarch(2));
    const first = await deltaRound(api, initial.deltaLink);
    expect(first.rows.map((r) => r['id'])).toEqual([created.body.id]);
    sim.setDeltaReplays(true);
    const replayed = await deltaRound(api, first.deltaLink);
    expect(replayed.rows.map((r) => r['id'])).toEqual([created.body.id]);
    sim.setDeltaReplays(false);
    expect((await deltaRound(api, replayed.deltaLink)).rows).toEqual([]);
  });

  it('reports occurrences the user edits or deletes in Outlook', async () => {
    const { api, sim } = await startGraph();
    const master = sim.userCreateEvent(UPN, sim.defaultCalendarId(UPN), {
      ...inMarch(2, 'Daily'),
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: 3 } },
    });
    const initial = await deltaRound(api, `/me/calendarView/delta?${RANGE}`);
    const ids = initial.rows.map((r) => r['id'] as string);
    const edited = sim.userUpdateOccurrence(master.id!, '2026-03-03T09:00:00Z', { subject: 'Late start' });
    expect(edited).toMatchObject({ id: ids[1], type: 'exception', originalStart: '2026-03-03T09:00:00Z' });
    expect(sim.getStoredEvent(ids[1]!)).toMatchObject({ subject: 'Late start' });
    sim.userDeleteOccurrence(master.id!, '2026-03-04T09:00:00Z');
    expect(sim.getStoredEvent(ids[2]!)).toBeUndefined();
    const round = await deltaRound(api, initial.deltaLink);
    expect(changedRows(round.rows).map((r) => [r['id'], r['subject']])).toEqual([[ids[1], 'Late start']]);
    expect(removedIds(round.rows)).toEqual([ids[2]]);
  });

  it('reports an event moved to another calendar as removed from one feed and added to the other', async () => {
    const { api, sim, calendarId } = await startGraph();
    const work = sim.addCalendar(UPN, { name: 'Work' });
    const created = await api.post('/me/events', inMarch(2, 'Wandering'));
    const regularBefore = (await api.get(`/me/events/${created.body.id as string}`, { prefer: '' })).body.id as string;
    const source = await deltaRound(api, `/me/calendars/${calendarId}/calendarView/delta?${RANGE}`, { prefer: '' });
    const target = await deltaRound(api, `/me/calendars/${work}/calendarView/delta?${RANGE}`, { prefer: '' });
    sim.userMoveEvent(created.body.id as string, work);
    const sourceRound = await deltaRound(api, source.deltaLink, { prefer: '' });
    expect(removedIds(sourceRound.rows)).toEqual([regularBefore]);
    const targetRound = await deltaRound(api, target.deltaLink, { prefer: '' });
    expect(changedRows(targetRound.rows).map((r) => r['subject'])).toEqual(['Wandering']);
    expect(targetRound.rows[0]!['id']).not.toBe(regularBefore);
  });

  it('changes made in Outlook appear in delta but are not API requests', async () => {
    const { api, sim } = await startGraph();
    const initial = await deltaRound(api, `/me/calendarView/delta?${RANGE}`);
    const before = sim.log.count();
    sim.userCreateEvent(UPN, sim.defaultCalendarId(UPN), inMarch(7, 'From OWA'));
    expect(sim.log.count()).toBe(before);
    expect(sim.counters.writes).toBe(0);
    expect((await deltaRound(api, initial.deltaLink)).rows.map((r) => r['subject'])).toEqual(['From OWA']);
  });
});
