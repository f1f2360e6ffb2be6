/**
 * Pure pieces of the Graph adapter: times and zones, markers, request bodies, error mapping and
 * the base URL split. The integration tests drive the same code over HTTP.
 */
import { describe, expect, it } from 'vitest';
import { errorFor, parseRetryAfter, type HttpResult } from '../../../../src/background/providers/graph/http-errors.ts';
import { zoneOf } from '../../../../src/background/providers/graph/mailbox.ts';
import { anyPairFilter, EXPAND_MARKERS, markerProperties, readMarker, transactionIdFor } from '../../../../src/background/providers/graph/markers.ts';
import { createBody, patchBody } from '../../../../src/background/providers/graph/to-graph.ts';
import { readOriginalStart, readTime, writeTime } from '../../../../src/background/providers/graph/times.ts';
import { splitBase } from '../../../../src/background/providers/graph/transport.ts';
import { toIana, toWindows } from '../../../../src/background/providers/graph/zones.ts';
import { digestHex } from '../../../../src/background/sync/digest.ts';
import {
  AuthRequiredError,
  ConflictError,
  CursorExpiredError,
  ForbiddenError,
  InvalidRequestError,
  NotFoundError,
  RateLimitedError,
  ServerError,
} from '../../../../src/background/sync/errors.ts';
import type { CanonicalEvent } from '../../../../src/background/sync/model.ts';

const EVENT: CanonicalEvent = {
  title: 'Planning',
  description: 'Line one\nLine two',
  location: 'Room 1',
  start: { instant: '2026-07-01T07:00:00Z', zone: 'Europe/Berlin' },
  end: { instant: '2026-07-01T08:30:00Z', zone: 'Europe/Berlin' },
  endUnspecified: false,
  freeBusy: 'oof',
  privacy: 'public',
  tentative: true,
  reminders: [30, 10],
  color: 'Red category',
  meetingUrl: 'https://meet.example/abc',
  recurrence: null,
};
const MARKER = { pair: 'pair-1', sourceSide: 'google', sourceCalendar: 'ann@example.com', sourceId: 'evt1' } as const;
const ZONES = { allDayZone: 'W. Europe Standard Time' };

describe('zones and times', () => {
  it('maps Windows names to IANA through CLDR (territory 001) and back', () => {
    expect(toIana('W. Europe Standard Time', 'UTC')).toBe('Europe/Berlin');
    expect(toIana('Pacific Standard Time', 'UTC')).toBe('America/Los_Angeles');
    expect(toIana('UTC', 'x')).toBe('Etc/UTC');
    expect(toIana('Asia/Tokyo', 'UTC')).toBe('Asia/Tokyo');
    expect(toIana('tzone://Microsoft/Custom', 'Europe/Paris')).toBe('Europe/Paris');
    expect(toIana('Not a zone', 'Europe/Paris')).toBe('Europe/Paris');
    expect(toIana(null, 'Europe/Paris')).toBe('Europe/Paris');
    expect(toWindows('Europe/Vienna')).toBe('W. Europe Standard Time');
    expect(toWindows('Antarctica/Troll')).toBeUndefined();
  });

  it('reads the mailbox zone whether Graph names it the Windows or the IANA way', () => {
    expect(zoneOf('W. Europe Standard Time')).toEqual({ iana: 'Europe/Berlin', graphName: 'W. Europe Standard Time' });
    expect(zoneOf('Europe/Berlin')).toEqual({ iana: 'Europe/Berlin', graphName: 'W. Europe Standard Time' });
    expect(zoneOf(undefined)).toEqual({ iana: 'Etc/UTC', graphName: 'UTC' });
  });

  it('reads UTC wall-clock times as canonical instants (seconds, Z) and all-day times as dates', () => {
    expect(readTime({ dateTime: '2026-03-10T08:00:00.1234567', timeZone: 'UTC' }, false, 'Europe/Berlin')).toEqual({
      instant: '2026-03-10T08:00:00Z',
      zone: 'Europe/Berlin',
    });
    expect(readTime({ dateTime: '2026-03-10T09:00:00.0000000', timeZone: 'W. Europe Standard Time' }, false, 'Europe/Berlin')).toEqual({
      instant: '2026-03-10T08:00:00Z',
      zone: 'Europe/Berlin',
    });
    expect(readTime({ dateTime: '2026-03-10T00:00:00.0000000', timeZone: 'UTC' }, true, 'Europe/Berlin')).toEqual({ date: '2026-03-10' });
  });

  it("keys all-day occurrences by the date whose midnight the original start is, in the series' zone", () => {
    expect(readOriginalStart('2026-03-09T23:00:00Z', true, ['Europe/Berlin'])).toEqual({ date: '2026-03-10' });
    expect(readOriginalStart('2026-03-10T07:00:00Z', true, ['Asia/Tokyo', 'America/Los_Angeles'])).toEqual({ date: '2026-03-10' });
    expect(readOriginalStart('2026-03-09T23:00:00Z', true, ['Asia/Tokyo'])).toEqual({ date: '2026-03-10' }); // nearest UTC midnight
    expect(readOriginalStart('2026-03-10T08:00:00.0000000Z', false, ['Europe/Berlin'])).toEqual({ instant: '2026-03-10T08:00:00Z', zone: 'Europe/Berlin' });
  });

  it('writes wall-clock times in the Windows zone, UTC when Windows has no name, all-day at midnight in the mailbox zone', () => {
    expect(writeTime({ instant: '2026-07-01T07:00:00Z', zone: 'Europe/Berlin' }, 'UTC')).toEqual({ dateTime: '2026-07-01T09:00:00', timeZone: 'W. Europe Standard Time' });
    expect(writeTime({ instant: '2026-07-01T07:00:00Z', zone: 'Antarctica/Troll' }, 'UTC')).toEqual({ dateTime: '2026-07-01T07:00:00', timeZone: 'UTC' });
    expect(writeTime({ date: '2026-07-01' }, 'Pacific Standard Time')).toEqual({ dateTime: '2026-07-01T00:00:00', timeZone: 'Pacific Standard Time' });
  });
});

describe('markers', () => {
  it('writes the pair and source properties and a transactionId derived from the key', () => {
    expect(markerProperties(MARKER)).toEqual([
      { id: 'String {4f8c2d1e-7a3b-4c5d-9e6f-1a2b3c4d5e6f} Name TandemPair', value: 'pair-1' },
      { id: 'String {4f8c2d1e-7a3b-4c5d-9e6f-1a2b3c4d5e6f} Name TandemSource', value: 'google|ann@example.com|evt1' },
    ]);
    expect(transactionIdFor('k1')).toBe(`tandem-${digestHex('k1', 40)}`);
  });

  it('reads them back with the GUID in any case, but the name exactly', () => {
    const props = [
      { id: 'String {4F8C2D1E-7A3B-4C5D-9E6F-1A2B3C4D5E6F} Name TandemPair', value: 'pair-1' },
      { id: 'string {4f8c2d1e-7a3b-4c5d-9e6f-1a2b3c4d5e6f} Name TandemSource', value: 'google|cal|with|bars|evt1' },
    ];
    expect(readMarker(props)).toEqual({ pair: 'pair-1', sourceSide: 'google', sourceCalendar: 'cal|with|bars', sourceId: 'evt1' });
    expect(readMarker([{ ...props[0]!, id: props[0]!.id.replace('TandemPair', 'tandempair') }, props[1]!])).toBeUndefined();
    expect(readMarker([props[0]!])).toBeUndefined();
    expect(readMarker([props[0]!, { ...props[1]!, value: 'dropbox|x|y' }])).toBeUndefined();
  });

  it('searches for the pair property with any value and asks for both properties in $expand', () => {
    expect(decodeURIComponent(anyPairFilter())).toBe(
      "singleValueExtendedProperties/Any(ep: ep/id eq 'String {4f8c2d1e-7a3b-4c5d-9e6f-1a2b3c4d5e6f} Name TandemPair' and ep/value ne '')",
    );
    expect(decodeURIComponent(EXPAND_MARKERS)).toContain("id eq 'String {4f8c2d1e-7a3b-4c5d-9e6f-1a2b3c4d5e6f} Name TandemSource'");
  });
});

describe('request bodies', () => {
  it('creates with every synced field Outlook holds, the marker and the transactionId, never attendees or conferences', () => {
    const body = createBody(EVENT, 'key-1', MARKER, ZONES);
    expect(body).toEqual({
      subject: 'Planning',
      body: { contentType: 'text', content: 'Line one\nLine two' },
      location: { displayName: 'Room 1' },
      start: { dateTime: '2026-07-01T09:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-07-01T10:30:00', timeZone: 'W. Europe Standard Time' },
      isAllDay: false,
      showAs: 'oof',
      sensitivity: 'normal',
      isReminderOn: true,
      reminderMinutesBeforeStart: 10,
      categories: ['Red category'],
      transactionId: transactionIdFor('key-1'),
      singleValueExtendedProperties: markerProperties(MARKER),
    });
    expect(createBody({ ...EVENT, color: null, reminders: [] }, 'k', MARKER, ZONES)).not.toHaveProperty('categories');
  });

  it('updates only the changed fields; start or end always carries both and isAllDay', () => {
    expect(patchBody(EVENT, ['title'], ZONES, false)).toEqual({ subject: 'Planning' });
    expect(patchBody(EVENT, ['end'], ZONES, false)).toEqual({
      start: { dateTime: '2026-07-01T09:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-07-01T10:30:00', timeZone: 'W. Europe Standard Time' },
      isAllDay: false,
    });
    expect(patchBody(EVENT, ['tentative', 'meetingUrl', 'endUnspecified'], ZONES, false)).toEqual({});
    expect(patchBody({ ...EVENT, reminders: [] }, ['reminders'], ZONES, false)).toEqual({ isReminderOn: false });
    expect(patchBody({ ...EVENT, color: null }, ['color'], ZONES, false)).toEqual({ categories: [] });
    expect(patchBody({ ...EVENT, privacy: 'confidential', freeBusy: 'free' }, ['privacy', 'freeBusy'], ZONES, false)).toEqual({ sensitivity: 'confidential', showAs: 'free' });
  });

  it("re-sends a master's recurrence with new times (range.startDate must match), never on an occurrence", () => {
    const master: CanonicalEvent = { ...EVENT, recurrence: { freq: 'WEEKLY', interval: 1, byDay: [{ day: 'WE' }] } };
    expect(patchBody(master, ['start'], ZONES, false)).toMatchObject({
      recurrence: { pattern: { type: 'weekly', daysOfWeek: ['wednesday'] }, range: { type: 'noEnd', startDate: '2026-07-01', recurrenceTimeZone: 'W. Europe Standard Time' } },
    });
    expect(patchBody(master, ['start', 'recurrence'], ZONES, true)).not.toHaveProperty('recurrence');
    expect(patchBody({ ...EVENT, recurrence: null }, ['recurrence'], ZONES, false)).toEqual({ recurrence: null });
  });

  it('writes all-day events midnight to midnight in the mailbox zone, and all-day series in it too', () => {
    const allDay: CanonicalEvent = { ...EVENT, start: { date: '2026-07-01' }, end: { date: '2026-07-03' }, recurrence: { freq: 'YEARLY', interval: 1 } };
    expect(createBody(allDay, 'k', MARKER, ZONES)).toMatchObject({
      isAllDay: true,
      start: { dateTime: '2026-07-01T00:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-07-03T00:00:00', timeZone: 'W. Europe Standard Time' },
      recurrence: { pattern: { type: 'absoluteYearly', month: 7, dayOfMonth: 1 }, range: { recurrenceTimeZone: 'W. Europe Standard Time' } },
    });
  });

  it('refuses rules Outlook cannot store and mixed date/time ends', () => {
    const fifth: CanonicalEvent = { ...EVENT, recurrence: { freq: 'MONTHLY', interval: 1, byDay: [{ day: 'FR', ordinal: 5 }] } };
    expect(() => createBody(fifth, 'k', MARKER, ZONES)).toThrow(InvalidRequestError);
    expect(() => patchBody({ ...EVENT, end: { date: '2026-07-02' } }, ['start'], ZONES, false)).toThrow(InvalidRequestError);
  });
});

describe('errors', () => {
  const answer = (status: number, code = '', retryAfter: string | null = null): HttpResult => ({
    status,
    header: (name) => (name.toLowerCase() === 'retry-after' ? retryAfter : null),
    body: code ? { error: { code, message: 'text' } } : undefined,
  });
  const map = (status: number, code?: string, retryAfter?: string) => errorFor(answer(status, code, retryAfter ?? null), 'test', 0);

  it('maps statuses and codes to the engine taxonomy', () => {
    expect(map(401)).toBeInstanceOf(AuthRequiredError);
    expect(map(403, 'ErrorAccessDenied')).toBeInstanceOf(ForbiddenError);
    expect(map(404, 'ErrorItemNotFound')).toBeInstanceOf(NotFoundError);
    expect(map(412, 'ErrorIrresolvableConflict')).toBeInstanceOf(ConflictError);
    expect(map(410, 'syncStateNotFound')).toBeInstanceOf(CursorExpiredError);
    expect(map(410, 'resyncRequired')).toBeInstanceOf(CursorExpiredError);
    expect(map(400, 'syncStateInvalid')).toBeInstanceOf(CursorExpiredError);
    expect(map(400, 'ErrorInvalidRequest')).toBeInstanceOf(InvalidRequestError);
    const crossing = map(400, 'ErrorOccurrenceCrossingBoundary');
    expect(crossing).toBeInstanceOf(InvalidRequestError);
    expect(crossing.message).toMatch(/neighbouring occurrence/);
    const throttled = map(429, 'ApplicationThrottled', '7');
    expect(throttled).toBeInstanceOf(RateLimitedError);
    expect((throttled as RateLimitedError).retryAfterMs).toBe(7000);
    const unavailable = map(503, 'serviceNotAvailable', '2');
    expect(unavailable).toBeInstanceOf(ServerError);
    expect((unavailable as ServerError).retryAfterMs).toBe(2000);
    expect(map(500)).toMatchObject({ status: 500, retryAfterMs: undefined });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });
});

describe('base URL', () => {
  it('works for any http(s) host, port and path prefix', () => {
    expect(splitBase('https://graph.microsoft.us/v1.0')).toEqual({ base: 'https://graph.microsoft.us/', version: 'v1.0' });
    expect(splitBase('https://127.0.0.1:27803/v1.0/')).toEqual({ base: 'https://127.0.0.1:27803/', version: 'v1.0' });
    expect(splitBase('http://proxy.local:8080/graph/beta')).toEqual({ base: 'http://proxy.local:8080/graph/', version: 'beta' });
    expect(() => splitBase('ftp://x/v1.0')).toThrow();
    expect(() => splitBase('https://x/')).toThrow();
  });
});
