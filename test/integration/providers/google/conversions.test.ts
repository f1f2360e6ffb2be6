/** Unit tests of the adapter's pure conversions: RRULE, recurrence lines, times, batch codec, errors. */
import { describe, expect, it } from 'vitest';
import { batchUrl, decodeBatch, encodeBatch } from '../../../../src/background/providers/google/batch.ts';
import { retryAfterMs, toSyncError } from '../../../../src/background/providers/google/errors.ts';
import { readRecurrence } from '../../../../src/background/providers/google/recurrence-lines.ts';
import { formatRRule, parseRRule, type SeriesFrame } from '../../../../src/background/providers/google/rrule.ts';
import { instanceId, readTime, toInstant, writeTime } from '../../../../src/background/providers/google/time.ts';
import { patchBody } from '../../../../src/background/providers/google/to-google.ts';
import {
  AuthRequiredError, ConflictError, CursorExpiredError, ForbiddenError, InvalidRequestError, NotFoundError, RateLimitedError, ServerError,
} from '../../../../src/background/sync/errors.ts';
import type { RecurrenceRule } from '../../../../src/background/sync/recurrence.ts';
import { canonical } from './harness.ts';

const BERLIN: SeriesFrame = { allDay: false, zone: 'Europe/Berlin', startTime: '09:00:00' };
const ALL_DAY: SeriesFrame = { allDay: true, zone: 'Europe/Berlin' };

describe('RRULE ⇄ RecurrenceRule', () => {
  it.each<[string, SeriesFrame, RecurrenceRule]>([
    ['FREQ=DAILY', BERLIN, { freq: 'DAILY', interval: 1 }],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR;WKST=SU;COUNT=12', BERLIN, { freq: 'WEEKLY', interval: 2, byDay: [{ day: 'MO' }, { day: 'WE' }, { day: 'FR' }], weekStart: 'SU', count: 12 }],
    ['FREQ=MONTHLY;BYDAY=-1FR', BERLIN, { freq: 'MONTHLY', interval: 1, byDay: [{ day: 'FR', ordinal: -1 }] }],
    ['FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', BERLIN, { freq: 'MONTHLY', interval: 1, byDay: ['MO', 'TU', 'WE', 'TH', 'FR'].map((day) => ({ day: day as 'MO' })), bySetPos: [-1] }],
    ['FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15', BERLIN, { freq: 'MONTHLY', interval: 3, byMonthDay: [15] }],
    ['FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1', BERLIN, { freq: 'YEARLY', interval: 1, byMonth: [3], byMonthDay: [1] }],
    ['FREQ=YEARLY;BYMONTH=11;BYDAY=4TH', BERLIN, { freq: 'YEARLY', interval: 1, byMonth: [11], byDay: [{ day: 'TH', ordinal: 4 }] }],
    ['FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231T225959Z', BERLIN, { freq: 'WEEKLY', interval: 1, byDay: [{ day: 'MO' }], until: '2026-12-31' }],
    ['FREQ=DAILY;UNTIL=20260630', ALL_DAY, { freq: 'DAILY', interval: 1, until: '2026-06-30' }],
  ])('parses %s and writes it back unchanged', (text, frame, rule) => {
    expect(parseRRule(text, frame)).toEqual({ rule });
    expect(formatRRule(rule, frame)).toBe(`RRULE:${text}`);
  });

  it('reads UNTIL as the last local date an occurrence can start on', () => {
    // 08:00Z = 09:00 Berlin: the occurrence that day still happens.
    expect(parseRRule('FREQ=DAILY;UNTIL=20260315T080000Z', BERLIN)).toEqual({ rule: { freq: 'DAILY', interval: 1, until: '2026-03-15' } });
    // 07:59:59Z = 08:59:59 Berlin: that day's 09:00 occurrence is past the end.
    expect(parseRRule('FREQ=DAILY;UNTIL=20260315T075959Z', BERLIN)).toEqual({ rule: { freq: 'DAILY', interval: 1, until: '2026-03-14' } });
    // 23:30Z on the 15th is already the 16th in Berlin, but before 09:00 there.
    expect(parseRRule('FREQ=DAILY;UNTIL=20260315T233000Z', BERLIN)).toEqual({ rule: { freq: 'DAILY', interval: 1, until: '2026-03-15' } });
    expect(parseRRule('FREQ=DAILY;UNTIL=20260315T100000', BERLIN)).toEqual({ rule: { freq: 'DAILY', interval: 1, until: '2026-03-15' } });
    expect(parseRRule('FREQ=DAILY;UNTIL=20260315', BERLIN)).toEqual({ rule: { freq: 'DAILY', interval: 1, until: '2026-03-15' } });
    // Written back as the last second of the local day (summer time: UTC+2).
    expect(formatRRule({ freq: 'DAILY', interval: 1, until: '2026-07-15' }, BERLIN)).toBe('RRULE:FREQ=DAILY;UNTIL=20260715T215959Z');
  });

  it.each([
    ['FREQ=SECONDLY', /FREQ=SECONDLY/],
    ['FREQ=DAILY;BYMINUTE=30', /BYMINUTE/],
    ['FREQ=YEARLY;BYYEARDAY=100', /BYYEARDAY/],
    ['FREQ=MONTHLY;BYDAY=10MO', /BYDAY=10MO/],
    ['FREQ=WEEKLY;BYDAY=1MO', /ordinals with FREQ=WEEKLY/],
    ['FREQ=DAILY;COUNT=3;UNTIL=20260101', /both COUNT and UNTIL/],
    ['FREQ=DAILY;INTERVAL=0', /INTERVAL=0/],
    ['FREQ=DAILY;FREQ=WEEKLY', /not understood/],
    ['INTERVAL=2', /no supported FREQ/],
    ['RSCALE=GREGORIAN;FREQ=MONTHLY;BYMONTHDAY=31;SKIP=BACKWARD', /RSCALE/],
    ['FREQ=MONTHLY;BYMONTHDAY=32', /BYMONTHDAY=32/],
    ['FREQ=DAILY;UNTIL=2026', /UNTIL=2026/],
  ])('refuses %s', (text, reason) => {
    const parsed = parseRRule(text, BERLIN);
    expect('unsupported' in parsed && parsed.unsupported).toMatch(reason);
  });
});

describe('recurrence lines', () => {
  it('takes one RRULE and turns EXDATEs of every form into original starts', () => {
    const read = readRecurrence(
      ['RRULE:FREQ=DAILY', 'EXDATE;TZID=Europe/Berlin:20260406T090000,20260407T090000', 'EXDATE:20260408T070000Z', 'EXDATE;VALUE=DATE:20260409', 'EXDATE;TZID=America/New_York:20260410T030000'],
      BERLIN,
    );
    expect(read.unsupported).toBeUndefined();
    expect(read.rule).toEqual({ freq: 'DAILY', interval: 1 });
    expect(read.removed.map((t) => ('instant' in t ? t.instant : t.date))).toEqual([
      '2026-04-06T07:00:00Z', '2026-04-07T07:00:00Z', '2026-04-08T07:00:00Z', '2026-04-09T07:00:00Z', '2026-04-10T07:00:00Z',
    ]);
    expect(readRecurrence(['RRULE:FREQ=DAILY', 'EXDATE;VALUE=DATE:20260409,20260410'], ALL_DAY).removed).toEqual([{ date: '2026-04-09' }, { date: '2026-04-10' }]);
  });

  it('calls anything else unsupported, with the reason', () => {
    expect(readRecurrence(['EXDATE:20260101T000000Z'], BERLIN)).toMatchObject({ rule: null, unsupported: 'no RRULE' });
    expect(readRecurrence(['RRULE:FREQ=DAILY', 'EXDATE;TZID=Mars/Base:20260101T000000'], BERLIN).unsupported).toMatch(/EXDATE/);
    expect(readRecurrence(['RRULE:FREQ=DAILY', 'EXDATE:yesterday'], BERLIN).unsupported).toMatch(/EXDATE yesterday/);
    expect(readRecurrence(['RRULE:FREQ=DAILY', 'DTSTART:20260101T000000Z'], BERLIN).unsupported).toMatch(/DTSTART is not supported/);
  });
});

describe('times', () => {
  it('reads instants to the second in UTC, local times in their zone, dates as dates', () => {
    expect(toInstant('2026-03-29T02:30:00.750+02:00', 'UTC')).toBe('2026-03-29T00:30:00Z');
    expect(toInstant('2026-07-01T09:00:00', 'Europe/Berlin')).toBe('2026-07-01T07:00:00Z');
    expect(readTime({ date: '2026-03-01' }, 'Europe/Berlin', 'x')).toEqual({ date: '2026-03-01' });
    expect(() => readTime({ dateTime: '2026-13-45T99:00:00Z' }, 'UTC', 'event x start')).toThrow(/event x start has a dateTime/);
  });

  it('writes local time with offset and the zone, or a date; unknown zones as UTC', () => {
    expect(writeTime({ instant: '2026-07-01T07:00:00Z', zone: 'Europe/Berlin' })).toEqual({ dateTime: '2026-07-01T09:00:00+02:00', timeZone: 'Europe/Berlin' });
    expect(writeTime({ instant: '2026-07-01T07:00:00Z', zone: 'Not/AZone' })).toEqual({ dateTime: '2026-07-01T07:00:00+00:00', timeZone: 'UTC' });
    expect(writeTime({ date: '2026-07-01' })).toEqual({ date: '2026-07-01' });
  });

  it('names instances as Google does', () => {
    expect(instanceId('abc', { instant: '2026-03-23T08:00:00Z', zone: 'Europe/Berlin' })).toBe('abc_20260323T080000Z');
    expect(instanceId('abc', { date: '2026-03-23' })).toBe('abc_20260323');
  });
});

describe('patch bodies', () => {
  it('carry only the changed fields, never conference, attendees or the meeting link', () => {
    const event = canonical({ meetingUrl: 'https://x', start: { date: '2026-03-02' }, end: { date: '2026-03-03' }, recurrence: { freq: 'DAILY', interval: 1 } });
    expect(patchBody(event, ['title'], false)).toEqual({ summary: 'Planning' });
    expect(patchBody(event, ['meetingUrl', 'endUnspecified'], false)).toEqual({ endTimeUnspecified: false });
    expect(patchBody({ ...event, endUnspecified: true }, ['endUnspecified'], false)).toEqual({});
    expect(patchBody(event, ['end'], false)).toEqual({ start: { date: '2026-03-02', dateTime: null, timeZone: null }, end: { date: '2026-03-03', dateTime: null, timeZone: null } });
    expect(patchBody(event, ['recurrence'], true)).toEqual({});
    expect(patchBody(event, ['recurrence'], false)).toEqual({ recurrence: ['RRULE:FREQ=DAILY'] });
  });
});

describe('batch codec', () => {
  it('derives the batch endpoint from any base URL', () => {
    expect(batchUrl('https://www.googleapis.com/calendar/v3')).toBe('https://www.googleapis.com/batch/calendar/v3');
    expect(batchUrl('http://127.0.0.1:27801/calendar/v3/')).toBe('http://127.0.0.1:27801/batch/calendar/v3');
    expect(batchUrl('https://proxy.example:8443/google/calendar/v3')).toBe('https://proxy.example:8443/batch/google/calendar/v3');
  });

  it('encodes path-only parts and decodes answers by Content-ID, in any order', () => {
    const body = encodeBatch([
      { method: 'PATCH', path: '/calendars/a%40b/events/x1', query: { sendUpdates: 'none' }, headers: { 'If-Match': '"7"' }, body: { summary: 's' }, what: 'events.patch' },
      { method: 'GET', path: '/calendars/a%40b/events/x2', what: 'events.get' },
    ], '/calendar/v3', 'b0');
    expect(body).toContain('PATCH /calendar/v3/calendars/a%40b/events/x1?sendUpdates=none HTTP/1.1\r\nContent-Type: application/json; charset=UTF-8\r\nIf-Match: "7"\r\n\r\n{"summary":"s"}');
    expect(body).toContain('Content-ID: <item-1>\r\n\r\nGET /calendar/v3/calendars/a%40b/events/x2 HTTP/1.1\r\n\r\n');
    expect(body.endsWith('\r\n--b0--\r\n')).toBe(true);

    const reply = [
      '--r', 'Content-Type: application/http', 'Content-ID: <response-item-1>', '', 'HTTP/1.1 404 Not Found', 'Content-Type: application/json', '', '{"error":{}}',
      '--r', 'Content-Type: application/http', 'Content-ID: <response-item-0>', '', 'HTTP/1.1 200 OK', 'ETag: "8"', '', '{"id":"x1"}', '--r--', '',
    ].join('\r\n');
    const answers = decodeBatch({ status: 200, headers: new Headers({ 'content-type': 'multipart/mixed; boundary=r' }), text: reply }, 2);
    expect(answers.map((a) => [a.status, a.text, a.headers.get('etag')])).toEqual([[200, '{"id":"x1"}', '"8"'], [404, '{"error":{}}', null]]);
    expect(() => decodeBatch({ status: 200, headers: new Headers({ 'content-type': 'multipart/mixed; boundary=r' }), text: reply }, 3)).toThrow(/answers 2 of 3 parts/);
  });
});

describe('error mapping', () => {
  const answer = (status: number, reason?: string, retryAfter?: string) => ({
    status,
    headers: new Headers(retryAfter ? { 'retry-after': retryAfter } : {}),
    text: reason ? JSON.stringify({ error: { errors: [{ domain: 'global', reason, message: 'm' }], code: status, message: 'm' } }) : 'oops',
  });
  const NOW = Date.parse('2026-03-01T09:00:00Z');

  it.each([
    [401, 'authError', AuthRequiredError],
    [403, 'rateLimitExceeded', RateLimitedError],
    [403, 'userRateLimitExceeded', RateLimitedError],
    [403, 'quotaExceeded', RateLimitedError],
    [403, 'forbiddenForNonOrganizer', ForbiddenError],
    [403, 'requiredAccessLevel', ForbiddenError],
    [404, 'notFound', NotFoundError],
    [409, 'conflict', ServerError],
    [409, 'duplicate', InvalidRequestError],
    [410, 'fullSyncRequired', CursorExpiredError],
    [410, 'updatedMinTooLongAgo', CursorExpiredError],
    [410, 'deleted', NotFoundError],
    [412, 'conditionNotMet', ConflictError],
    [429, 'rateLimitExceeded', RateLimitedError],
    [400, 'invalid', InvalidRequestError],
    [500, undefined, ServerError],
    [503, 'backendError', ServerError],
  ])('%i %s → %o', (status, reason, type) => {
    expect(toSyncError(answer(status, reason), 'events.list', NOW)).toBeInstanceOf(type);
  });

  it('reads Retry-After in seconds or as a date, and says what failed without details', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '7' }), NOW)).toBe(7_000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Sun, 01 Mar 2026 09:00:30 GMT' }), NOW)).toBe(30_000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), NOW)).toBeUndefined();
    expect(toSyncError(answer(429, 'rateLimitExceeded', '2'), 'batch', NOW)).toMatchObject({ retryAfterMs: 2_000, message: 'Google batch failed: 429 rateLimitExceeded' });
    expect(toSyncError(answer(403, 'quotaExceeded'), 'events.insert', NOW)).toMatchObject({ quota: true });
    expect(toSyncError(answer(503, undefined, '4'), 'events.get', NOW)).toMatchObject({ status: 503, retryAfterMs: 4_000 });
  });
});
