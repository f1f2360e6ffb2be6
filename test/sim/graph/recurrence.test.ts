// These tests read the simulator's JSON replies (typed `any` by the test client): their shape is what is under test.
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return */
import { describe, expect, it } from 'vitest';
import { IMMUTABLE, sharedGraph, timed, type GraphApi } from './test-helpers.ts';

type Pattern = Record<string, unknown>;
type Range = Record<string, unknown>;

/** Creates a series starting at `start` (local, in `zone`) and returns the master id. */
async function series(api: GraphApi, start: string, pattern: Pattern, range: Range, zone = 'UTC', minutes = 30): Promise<string> {
  const end = new Date(Date.parse(`${start}Z`) + minutes * 60_000).toISOString().slice(0, 19);
  const reply = await api.post('/me/events', {
    ...timed('Series', start, end, zone),
    recurrence: { pattern, range: { startDate: start.slice(0, 10), ...range } },
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.id as string;
}

/** Local start times of the instances in a window, rendered in `zone`. */
async function starts(api: GraphApi, masterId: string, from: string, to: string, zone = 'UTC'): Promise<string[]> {
  const reply = await api.get(`/me/events/${masterId}/instances?startDateTime=${from}&endDateTime=${to}&$top=100`, {
    prefer: `outlook.timezone="${zone}", ${IMMUTABLE}`,
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.value.map((e: { start: { dateTime: string } }) => e.start.dateTime.slice(0, 16));
}

const dates = (values: string[]) => values.map((v) => v.slice(0, 10));

// Each test reads back only the series it created, so one simulator serves the whole file.
const graph = sharedGraph();

describe('Graph simulator: recurrence patterns (expanded natively)', () => {
  it('daily with an interval and a numbered range', async () => {
    const { api } = graph();
    const id = await series(api, '2026-03-01T09:00:00', { type: 'daily', interval: 2 }, { type: 'numbered', numberOfOccurrences: 4 });
    expect(dates(await starts(api, id, '2026-01-01', '2027-01-01'))).toEqual(['2026-03-01', '2026-03-03', '2026-03-05', '2026-03-07']);
  });

  it('weekly on several days every other week, weeks starting on firstDayOfWeek', async () => {
    const { api } = graph();
    const pattern = { type: 'weekly', interval: 2, daysOfWeek: ['sunday', 'monday'] };
    const range = { type: 'numbered', numberOfOccurrences: 4 };
    const sundayWeeks = await series(api, '2026-03-01T09:00:00', { ...pattern, firstDayOfWeek: 'sunday' }, range);
    const mondayWeeks = await series(api, '2026-03-01T09:00:00', { ...pattern, firstDayOfWeek: 'monday' }, range);
    expect(dates(await starts(api, sundayWeeks, '2026-01-01', '2027-01-01'))).toEqual(['2026-03-01', '2026-03-02', '2026-03-15', '2026-03-16']);
    expect(dates(await starts(api, mondayWeeks, '2026-01-01', '2027-01-01'))).toEqual(['2026-03-01', '2026-03-09', '2026-03-15', '2026-03-23']);
  });

  it('starts on the first matching day when the start date does not match the pattern', async () => {
    const { api } = graph();
    const id = await series(api, '2026-03-04T09:00:00', { type: 'weekly', interval: 1, daysOfWeek: ['friday'], firstDayOfWeek: 'sunday' }, { type: 'numbered', numberOfOccurrences: 2 });
    expect(dates(await starts(api, id, '2026-01-01', '2027-01-01'))).toEqual(['2026-03-06', '2026-03-13']);
  });

  it('absoluteMonthly on day 31 falls on the last day of shorter months (Outlook behaviour)', async () => {
    const { api } = graph();
    const id = await series(api, '2026-01-31T09:00:00', { type: 'absoluteMonthly', interval: 1, dayOfMonth: 31 }, { type: 'numbered', numberOfOccurrences: 4 });
    expect(dates(await starts(api, id, '2026-01-01', '2027-01-01'))).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
  });

  it('relativeMonthly: the index-th weekday, and with several days the index-th day matching any of them', async () => {
    const { api } = graph();
    const second = await series(api, '2026-01-08T09:00:00', { type: 'relativeMonthly', interval: 1, daysOfWeek: ['thursday'], index: 'second' }, { type: 'numbered', numberOfOccurrences: 3 });
    expect(dates(await starts(api, second, '2026-01-01', '2027-01-01'))).toEqual(['2026-01-08', '2026-02-12', '2026-03-12']);
    const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
    const firstWeekday = await series(api, '2026-02-02T09:00:00', { type: 'relativeMonthly', interval: 1, daysOfWeek: weekdays }, { type: 'numbered', numberOfOccurrences: 4 });
    expect(dates(await starts(api, firstWeekday, '2026-01-01', '2027-01-01'))).toEqual(['2026-02-02', '2026-03-02', '2026-04-01', '2026-05-01']);
    const lastWeekend = await series(api, '2026-01-31T09:00:00', { type: 'relativeMonthly', interval: 1, daysOfWeek: ['saturday', 'sunday'], index: 'last' }, { type: 'numbered', numberOfOccurrences: 3 });
    expect(dates(await starts(api, lastWeekend, '2026-01-01', '2027-01-01'))).toEqual(['2026-01-31', '2026-02-28', '2026-03-29']);
  });

  it('absoluteYearly on 29 February falls on the 28th in common years', async () => {
    const { api } = graph();
    const id = await series(api, '2024-02-29T09:00:00', { type: 'absoluteYearly', interval: 1, dayOfMonth: 29, month: 2 }, { type: 'endDate', endDate: '2028-12-31' });
    expect(dates(await starts(api, id, '2024-01-01', '2029-01-01'))).toEqual(['2024-02-29', '2025-02-28', '2026-02-28', '2027-02-28', '2028-02-29']);
  });

  it('relativeYearly: the fourth Thursday of November', async () => {
    const { api } = graph();
    const id = await series(api, '2026-11-26T12:00:00', { type: 'relativeYearly', interval: 1, daysOfWeek: ['thursday'], index: 'fourth', month: 11 }, { type: 'noEnd' });
    expect(dates(await starts(api, id, '2026-01-01', '2029-01-01'))).toEqual(['2026-11-26', '2027-11-25', '2028-11-23']);
  });

  it('endDate ranges include the end date; noEnd ranges run on in any window', async () => {
    const { api } = graph();
    const until = await series(api, '2026-03-01T09:00:00', { type: 'daily', interval: 1 }, { type: 'endDate', endDate: '2026-03-03' });
    expect(dates(await starts(api, until, '2026-01-01', '2027-01-01'))).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    const forever = await series(api, '2020-01-06T09:00:00', { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'sunday' }, { type: 'noEnd' });
    expect(dates(await starts(api, forever, '2031-03-01T00:00:00Z', '2031-03-15T00:00:00Z'))).toEqual(['2031-03-03', '2031-03-10']);
  });

  it('keeps the wall-clock time across DST in the series zone (the UTC time moves)', async () => {
    const { api } = graph();
    const id = await series(api, '2026-03-02T09:00:00', { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'sunday' }, { type: 'numbered', numberOfOccurrences: 3 }, 'Pacific Standard Time');
    expect(await starts(api, id, '2026-03-01', '2026-04-01', 'Pacific Standard Time')).toEqual(['2026-03-02T09:00', '2026-03-09T09:00', '2026-03-16T09:00']);
    expect(await starts(api, id, '2026-03-01', '2026-04-01')).toEqual(['2026-03-02T17:00', '2026-03-09T16:00', '2026-03-16T16:00']);
    const berlin = await series(api, '2026-10-19T09:00:00', { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'monday' }, { type: 'numbered', numberOfOccurrences: 2 }, 'Europe/Berlin');
    expect(await starts(api, berlin, '2026-10-01', '2026-11-01')).toEqual(['2026-10-19T07:00', '2026-10-26T08:00']);
  });

  it('expands all-day series midnight to midnight', async () => {
    const { api } = graph();
    const reply = await api.post('/me/events', {
      ...timed('Trash day', '2026-03-03T00:00:00', '2026-03-04T00:00:00', 'Pacific Standard Time'),
      isAllDay: true,
      recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['tuesday'], firstDayOfWeek: 'sunday' }, range: { type: 'numbered', startDate: '2026-03-03', numberOfOccurrences: 2 } },
    });
    const instances = await api.get(`/me/events/${reply.body.id as string}/instances?startDateTime=2026-03-01&endDateTime=2026-04-01`, { prefer: `outlook.timezone="Tokyo Standard Time", ${IMMUTABLE}` });
    expect(instances.body.value.map((e: { start: unknown; end: unknown }) => [e.start, e.end])).toEqual([
      [{ dateTime: '2026-03-03T00:00:00.0000000', timeZone: 'Tokyo Standard Time' }, { dateTime: '2026-03-04T00:00:00.0000000', timeZone: 'Tokyo Standard Time' }],
      [{ dateTime: '2026-03-10T00:00:00.0000000', timeZone: 'Tokyo Standard Time' }, { dateTime: '2026-03-11T00:00:00.0000000', timeZone: 'Tokyo Standard Time' }],
    ]);
  });
});

describe('Graph simulator: recurrence validation', () => {
  const start = '2026-03-02T09:00:00';
  const invalid: Array<[string, Pattern, Range, string]> = [
    ['weekly without daysOfWeek', { type: 'weekly', interval: 1, firstDayOfWeek: 'sunday' }, { type: 'noEnd' }, 'ErrorInvalidRequest'],
    ['weekly without firstDayOfWeek', { type: 'weekly', interval: 1, daysOfWeek: ['monday'] }, { type: 'noEnd' }, 'ErrorInvalidRequest'],
    ['absoluteMonthly without dayOfMonth', { type: 'absoluteMonthly', interval: 1 }, { type: 'noEnd' }, 'ErrorInvalidRequest'],
    ['absoluteYearly without month', { type: 'absoluteYearly', interval: 1, dayOfMonth: 2 }, { type: 'noEnd' }, 'ErrorInvalidRequest'],
    ['relativeYearly without daysOfWeek', { type: 'relativeYearly', interval: 1, month: 3 }, { type: 'noEnd' }, 'ErrorInvalidRequest'],
    ['interval 0', { type: 'daily', interval: 0 }, { type: 'noEnd' }, 'ErrorInvalidRequest'],
    ['dayOfMonth 32', { type: 'absoluteMonthly', interval: 1, dayOfMonth: 32 }, { type: 'noEnd' }, 'ErrorInvalidRequest'],
    ['unknown pattern type', { type: 'hourly', interval: 1 }, { type: 'noEnd' }, 'RequestBodyRead'],
    ['unknown index', { type: 'relativeMonthly', interval: 1, daysOfWeek: ['monday'], index: 'fifth' }, { type: 'noEnd' }, 'RequestBodyRead'],
    ['unknown day', { type: 'weekly', interval: 1, daysOfWeek: ['funday'], firstDayOfWeek: 'sunday' }, { type: 'noEnd' }, 'RequestBodyRead'],
    ['unknown pattern property', { type: 'daily', interval: 1, byHour: 9 }, { type: 'noEnd' }, 'RequestBodyRead'],
    ['unknown range type', { type: 'daily', interval: 1 }, { type: 'forever' }, 'RequestBodyRead'],
    ['endDate range without endDate', { type: 'daily', interval: 1 }, { type: 'endDate' }, 'ErrorInvalidRequest'],
    ['numbered range with 0 occurrences', { type: 'daily', interval: 1 }, { type: 'numbered', numberOfOccurrences: 0 }, 'ErrorInvalidRequest'],
    ['startDate other than the start', { type: 'daily', interval: 1 }, { type: 'noEnd', startDate: '2026-03-03' }, 'ErrorInvalidRequest'],
    ['unsupported recurrenceTimeZone', { type: 'daily', interval: 1 }, { type: 'noEnd', recurrenceTimeZone: 'Europe/Vienna' }, 'TimeZoneNotSupportedException'],
  ];
  for (const [name, pattern, range, code] of invalid) {
    it(`rejects ${name} with 400 ${code}`, async () => {
      const { api } = graph();
      const reply = await api.post('/me/events', {
        ...timed('Bad', start, '2026-03-02T09:30:00'),
        recurrence: { pattern, range: { startDate: '2026-03-02', ...range } },
      });
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe(code);
    });
  }
});

const WINDOW = 'startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-04-01T00:00:00Z';

/** A daily 09:00–09:30 UTC series of five occurrences from Monday 2 March 2026. */
async function dailySeries(api: GraphApi, extra: Record<string, unknown> = {}) {
  const reply = await api.post('/me/events', {
    ...timed('Daily', '2026-03-02T09:00:00', '2026-03-02T09:30:00'),
    recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: 5 } },
    ...extra,
  });
  expect(reply.status).toBe(201);
  const masterId = reply.body.id as string;
  const instances = await api.get(`/me/events/${masterId}/instances?${WINDOW}`);
  return { masterId, master: reply.body, occurrences: instances.body.value as Array<Record<string, unknown> & { id: string }> };
}

const startOf = (e: Record<string, unknown>) => (e['start'] as { dateTime: string }).dateTime.slice(0, 16);

describe('Graph simulator: series masters, occurrences and exceptions', () => {
  it('GET on the master returns type seriesMaster with the recurrence, defaults filled in', async () => {
    const { api } = graph();
    const { masterId } = await dailySeries(api);
    const master = await api.get(`/me/events/${masterId}`);
    expect(master.body.type).toBe('seriesMaster');
    expect(master.body.recurrence).toEqual({
      pattern: { type: 'daily', interval: 1, month: 0, dayOfMonth: 0, daysOfWeek: [], firstDayOfWeek: 'sunday', index: 'first' },
      range: { type: 'numbered', startDate: '2026-03-02', endDate: '0001-01-01', recurrenceTimeZone: 'UTC', numberOfOccurrences: 5 },
    });
  });

  it('returns occurrences with type, seriesMasterId and originalStart; their ids are stable and resolvable', async () => {
    const { api } = graph();
    const { masterId, master, occurrences } = await dailySeries(api);
    expect(occurrences).toHaveLength(5);
    expect(occurrences[1]).toMatchObject({ type: 'occurrence', seriesMasterId: masterId, originalStart: '2026-03-03T09:00:00Z', subject: 'Daily' });
    expect(occurrences[1]!['iCalUId']).not.toBe(master.iCalUId);
    expect((occurrences[1]!['iCalUId'] as string).slice(32, 40)).toBe('07EA0303'); // 2026-03-03
    const again = await api.get(`/me/events/${masterId}/instances?${WINDOW}`);
    expect(again.body.value.map((e: { id: string }) => e.id)).toEqual(occurrences.map((e) => e.id));
    const one = await api.get(`/me/events/${occurrences[2]!.id}`);
    expect(one.body).toMatchObject({ type: 'occurrence', originalStart: '2026-03-04T09:00:00Z' });
    const view = await api.get(`/me/calendarView?${WINDOW}&$top=1000`);
    const mine = view.body.value.filter((e: { seriesMasterId: string }) => e.seriesMasterId === masterId);
    expect(mine.map((e: { type: string }) => e.type)).toEqual(Array(5).fill('occurrence'));
    expect(view.body.value.some((e: { type: string }) => e.type === 'seriesMaster')).toBe(false);
  });

  it('PATCH on an occurrence makes it an exception that keeps its originalStart', async () => {
    const { api } = graph();
    const { masterId, occurrences } = await dailySeries(api);
    const target = occurrences[2]!;
    const patched = await api.patch(`/me/events/${target.id}`, {
      subject: 'Moved',
      start: { dateTime: '2026-03-04T14:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-03-04T15:00:00', timeZone: 'UTC' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id: target.id, type: 'exception', originalStart: '2026-03-04T09:00:00Z', subject: 'Moved' });
    expect(patched.body.changeKey).not.toBe(target['changeKey']);
    const instances = await api.get(`/me/events/${masterId}/instances?${WINDOW}`);
    const exception = instances.body.value.find((e: { id: string }) => e.id === target.id);
    expect(exception).toMatchObject({ type: 'exception', subject: 'Moved' });
    expect(startOf(exception as Record<string, unknown>)).toBe('2026-03-04T14:00');
    expect((await api.get(`/me/events/${masterId}`)).body.subject).toBe('Daily');
  });

  it('refuses to move an occurrence onto or past a neighbouring occurrence’s day (ErrorOccurrenceCrossingBoundary)', async () => {
    const { api } = graph();
    const { occurrences } = await dailySeries(api);
    const target = occurrences[2]!; // 4 March
    const moveTo = (day: string) =>
      api.patch(`/me/events/${target.id}`, { start: { dateTime: `${day}T09:00:00`, timeZone: 'UTC' }, end: { dateTime: `${day}T09:30:00`, timeZone: 'UTC' } });
    for (const day of ['2026-03-03', '2026-03-05', '2026-03-09']) {
      const reply = await moveTo(day);
      expect(reply.status, day).toBe(400);
      expect(reply.body.error).toMatchObject({ code: 'ErrorOccurrenceCrossingBoundary', message: 'Modified occurrence is crossing or overlapping adjacent occurrence.' });
    }
    const weekly = await api.post('/me/events', {
      ...timed('Weekly', '2026-03-02T09:00:00', '2026-03-02T09:30:00'),
      recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'sunday' }, range: { type: 'noEnd', startDate: '2026-03-02' } },
    });
    const mondays = await api.get(`/me/events/${weekly.body.id as string}/instances?${WINDOW}`);
    const thursday = await api.patch(`/me/events/${mondays.body.value[1].id as string}`, {
      start: { dateTime: '2026-03-12T09:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-03-12T09:30:00', timeZone: 'UTC' },
    });
    expect(thursday.status).toBe(200);
  });

  it('DELETE on an occurrence cancels it: gone from instances and calendarView, 404 on GET, listed in beta cancelledOccurrences', async () => {
    const { api, sim } = graph();
    const { masterId, occurrences } = await dailySeries(api);
    expect((await api.delete(`/me/events/${occurrences[1]!.id}`)).status).toBe(204);
    expect((await api.get(`/me/events/${occurrences[1]!.id}`)).status).toBe(404);
    const instances = await api.get(`/me/events/${masterId}/instances?${WINDOW}`);
    expect(instances.body.value.map((e: { id: string }) => e.id)).toEqual(occurrences.filter((_, i) => i !== 1).map((e) => e.id));
    const beta = await api.get(`${sim.url}/beta/me/events/${masterId}?$select=cancelledOccurrences`);
    expect(beta.body.cancelledOccurrences).toEqual([`OID.${masterId}.2026-03-03`]);
  });

  it('changing the master’s recurrence or start drops its exceptions and cancellations', async () => {
    const { api } = graph();
    const { masterId, occurrences } = await dailySeries(api);
    await api.patch(`/me/events/${occurrences[0]!.id}`, { subject: 'Special' });
    await api.delete(`/me/events/${occurrences[3]!.id}`);
    const subjectOnly = await api.patch(`/me/events/${masterId}`, { subject: 'Renamed' });
    expect(subjectOnly.status).toBe(200);
    let instances = await api.get(`/me/events/${masterId}/instances?${WINDOW}`);
    expect(instances.body.value.map((e: { subject: string }) => e.subject)).toEqual(['Special', 'Renamed', 'Renamed', 'Renamed']);
    await api.patch(`/me/events/${masterId}`, {
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: 5 } },
    });
    instances = await api.get(`/me/events/${masterId}/instances?${WINDOW}`);
    expect(instances.body.value.map((e: { type: string }) => e.type)).toEqual(Array(5).fill('occurrence'));
    expect(instances.body.value.map((e: { subject: string }) => e.subject)).toEqual(Array(5).fill('Renamed'));
  });

  it('moving the master to another time of day drops exceptions too, and the occurrences follow', async () => {
    const { api } = graph();
    const { masterId, occurrences } = await dailySeries(api);
    await api.patch(`/me/events/${occurrences[1]!.id}`, { subject: 'Special' });
    const moved = await api.patch(`/me/events/${masterId}`, {
      start: { dateTime: '2026-03-02T11:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-03-02T11:30:00', timeZone: 'UTC' },
    });
    expect(moved.status).toBe(200);
    const instances = await api.get(`/me/events/${masterId}/instances?${WINDOW}`);
    expect(instances.body.value.map((e: { subject: string }) => e.subject)).toEqual(Array(5).fill('Daily'));
    expect(instances.body.value.map(startOf)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'].map((d) => `${d}T11:00`));
    const toOtherDay = await api.patch(`/me/events/${masterId}`, {
      start: { dateTime: '2026-03-03T11:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-03-03T11:30:00', timeZone: 'UTC' },
    });
    expect(toOtherDay.status).toBe(400); // range.startDate must still equal the start date
  });

  it('deleting the master deletes the whole series', async () => {
    const { api } = graph();
    const { masterId, occurrences } = await dailySeries(api);
    expect((await api.delete(`/me/events/${masterId}`)).status).toBe(204);
    expect((await api.get(`/me/events/${masterId}`)).status).toBe(404);
    expect((await api.get(`/me/events/${occurrences[0]!.id}`)).status).toBe(404);
    const view = await api.get(`/me/calendarView?${WINDOW}&$top=1000`);
    expect(view.body.value.filter((e: { seriesMasterId: string }) => e.seriesMasterId === masterId)).toEqual([]);
  });

  it('requires a time window on instances and refuses instances of a single event', async () => {
    const { api } = graph();
    const { masterId } = await dailySeries(api);
    const noWindow = await api.get(`/me/events/${masterId}/instances`);
    expect(noWindow.status).toBe(400);
    expect(noWindow.body.error.code).toBe('ErrorInvalidParameter');
    const single = await api.post('/me/events', timed('One', '2026-03-02T09:00:00', '2026-03-02T10:00:00'));
    expect((await api.get(`/me/events/${single.body.id as string}/instances?${WINDOW}`)).status).toBe(400);
  });
});
