/**
 * Event times between Google's wire form and the canonical EventTime (model.ts): all-day events are
 * floating dates with an exclusive end; timed ones an instant (UTC, whole seconds) plus the IANA
 * zone they were scheduled in. Google writes `dateTime` with an offset and names the zone in
 * `timeZone`, which recurring events require (calendar-apis.md §1.3, rule 5). Zone math: Temporal.
 */
import { Temporal } from 'temporal-polyfill';
import type { EventTime } from '../../sync/model.ts';
import { fastInstant, UTC_ZONES } from '../instants.ts';
import { malformed } from './check.ts';
import type { GEventDateTime } from './wire.ts';

const validZones = new Map<string, boolean>();

export function isValidZone(zone: string | null | undefined): zone is string {
  if (!zone) return false;
  let valid = validZones.get(zone);
  if (valid === undefined) {
    try {
      new Temporal.ZonedDateTime(0n, zone);
      valid = true;
    } catch {
      valid = false;
    }
    validZones.set(zone, valid);
  }
  return valid;
}

/** The zone a time is read in: its own `timeZone` when valid, else the fallback (the calendar's). */
export function zoneOf(time: GEventDateTime | null | undefined, fallback: string): string {
  return isValidZone(time?.timeZone) ? time.timeZone : fallback;
}

/** A Google start/end/originalStartTime as an EventTime (guards in wire.ts checked the form). */
export function readTime(time: GEventDateTime, zone: string, where: string): EventTime {
  if (typeof time.date === 'string') return { date: time.date };
  try {
    return { instant: toInstant(time.dateTime ?? '', zone), zone };
  } catch {
    throw malformed(where, `has a dateTime that is not a time in ${zone}`);
  }
}

/** RFC 3339 (offset optional: without one it is wall-clock time in `zone`) → `YYYY-MM-DDTHH:MM:SSZ`. */
export function toInstant(dateTime: string, zone: string): string {
  const fast = fastInstant(dateTime, UTC_ZONES.has(zone) ? 'either' : 'offset');
  if (fast !== undefined) return fast;
  const instant = /(Z|[+-]\d{2}:\d{2})$/i.test(dateTime)
    ? Temporal.Instant.from(dateTime)
    : Temporal.PlainDateTime.from(dateTime).toZonedDateTime(zone).toInstant();
  return instant.toString({ smallestUnit: 'second' });
}

/** What Google stores for an EventTime: a date, or local time with offset plus the IANA zone. */
export function writeTime(time: EventTime): { date: string } | { dateTime: string; timeZone: string } {
  if ('date' in time) return { date: time.date };
  const zone = isValidZone(time.zone) ? time.zone : 'UTC';
  const local = Temporal.Instant.from(time.instant).toZonedDateTimeISO(zone);
  return { dateTime: local.toString({ timeZoneName: 'never', smallestUnit: 'second' }), timeZone: zone };
}

/** `YYYYMMDDTHHMMSSZ` of an instant. */
export function compactUtc(instant: string): string {
  return Temporal.Instant.from(instant).toString({ smallestUnit: 'second' }).replace(/[-:]/g, '');
}

/** The suffix Google gives instance ids: `_YYYYMMDDTHHMMSSZ` (UTC original start) or `_YYYYMMDD`. */
export function instanceId(seriesId: string, originalStart: EventTime): string {
  const stamp = 'date' in originalStart ? originalStart.date.replace(/-/g, '') : compactUtc(originalStart.instant);
  return `${seriesId}_${stamp}`;
}

/** The `originalStart` parameter of events.instances: a date, or an RFC 3339 instant. */
export function originalStartParam(originalStart: EventTime): string {
  return 'date' in originalStart ? originalStart.date : Temporal.Instant.from(originalStart.instant).toString({ smallestUnit: 'second' });
}

/** The wall clock of an instant in a zone. */
export function localDateTime(instant: string, zone: string): Temporal.PlainDateTime {
  return Temporal.Instant.from(instant).toZonedDateTimeISO(zone).toPlainDateTime();
}

/** The last second of a local day, as UTC: how a date-bounded rule ends on a timed series. */
export function endOfDayUtc(date: string, zone: string): string {
  const end = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from('23:59:59') });
  return end.toInstant().toString({ smallestUnit: 'second' });
}

/** `YYYYMMDD…` compact forms as ISO: `20260406` → `2026-04-06`, `20260406T100000` → `2026-04-06T10:00:00`. */
export function expandCompact(value: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/i.exec(value);
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  return m[4] === undefined ? date : `${date}T${m[4]}:${m[5]}:${m[6]}${m[7] ? 'Z' : ''}`;
}
