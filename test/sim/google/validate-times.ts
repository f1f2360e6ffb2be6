/**
 * start/end validation (calendar-apis.md §1.3): both required, both `date` or both `dateTime`,
 * dateTime with an offset unless `timeZone` says where it is, end not before start (400
 * `timeRangeEmpty`), and a named zone on timed recurring events because they expand in it.
 */
import { invalidField, requiredField, timeRangeEmpty } from './errors.ts';
import {
  daysBetween, dateToFloating, floatingToInstant, instantToFloating, isDate, isValidZone, parseInstant, parseLocal,
} from './event-time.ts';
import type { GEventDateTime, Span } from './model.ts';
import type { SeriesStart } from './recurrence.ts';

export interface ParsedTimes {
  readonly start: GEventDateTime;
  readonly end: GEventDateTime;
  readonly span: Span;
}

type Parsed = { readonly date: string; readonly zone?: string } | { readonly ms: number; readonly zone?: string };

export function parseTimes(start: unknown, end: unknown): ParsedTimes {
  if (!isObject(start)) throw requiredField('Missing start time.');
  if (!isObject(end)) throw requiredField('Missing end time.');
  const s = parseOne(start, 'start');
  const e = parseOne(end, 'end');
  if ('date' in s && 'date' in e) {
    // All-day: end is exclusive, so it must be at least the next day.
    if (daysBetween(s.date, e.date) < 1) throw timeRangeEmpty();
    return { start: canonical(s), end: canonical(e), span: { allDay: true, startDate: s.date, endDate: e.date } };
  }
  if ('ms' in s && 'ms' in e) {
    // Zero-length timed events are allowed (Google keeps them, e.g. for deadlines); negative ones are not.
    if (e.ms < s.ms) throw timeRangeEmpty();
    return { start: canonical(s), end: canonical(e), span: { allDay: false, startMs: s.ms, endMs: e.ms } };
  }
  throw invalidField('Start and end times must either both be date or both be dateTime.');
}

function parseOne(value: Record<string, unknown>, which: 'start' | 'end'): Parsed {
  const { date, dateTime, timeZone } = value;
  if (timeZone !== undefined && timeZone !== null && (typeof timeZone !== 'string' || !isValidZone(timeZone))) {
    throw invalidField(`Invalid time zone definition for ${which} time.`);
  }
  const zone = typeof timeZone === 'string' ? { zone: timeZone } : {};
  const hasDate = date !== undefined && date !== null;
  const hasDateTime = dateTime !== undefined && dateTime !== null;
  if (hasDate && hasDateTime) throw invalidField(`Invalid ${which} time.`);
  if (hasDate) {
    if (typeof date !== 'string' || !isDate(date)) throw invalidField(`Invalid ${which} time.`);
    return { date, ...zone };
  }
  if (!hasDateTime) throw requiredField(`Missing ${which} time.`);
  if (typeof dateTime !== 'string') throw invalidField(`Invalid ${which} time.`);
  const instant = parseInstant(dateTime);
  if (instant !== undefined) return { ms: instant, ...zone };
  const floating = parseLocal(dateTime);
  if (floating === undefined) throw invalidField(`Invalid ${which} time.`);
  if (zone.zone === undefined) throw requiredField(`Missing time zone definition for ${which} time.`);
  return { ms: floatingToInstant(floating, zone.zone), ...zone };
}

function canonical(parsed: Parsed): GEventDateTime {
  const zone = parsed.zone === undefined ? {} : { timeZone: parsed.zone };
  if ('date' in parsed) return { date: parsed.date, ...zone };
  return { dateTime: new Date(parsed.ms).toISOString().replace('.000Z', 'Z'), ...zone };
}

/**
 * Where a recurring event expands: timed series in start.timeZone (required: "Missing time zone
 * definition for start time."), all-day series on dates, anchored in the calendar's zone.
 */
export function seriesStart(times: ParsedTimes, calendarZone: string): SeriesStart {
  const { span } = times;
  if (span.allDay) {
    return { allDay: true, zone: calendarZone, startFloating: dateToFloating(span.startDate), length: daysBetween(span.startDate, span.endDate) };
  }
  const zone = times.start.timeZone;
  if (!zone) throw requiredField('Missing time zone definition for start time.');
  return { allDay: false, zone, startFloating: instantToFloating(span.startMs, zone), length: span.endMs - span.startMs };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
