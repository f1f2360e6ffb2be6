/**
 * Event times between Graph and the canonical model (calendar-apis.md §2.6, architecture.md §8.6).
 * Reading: answers are in UTC (Prefer outlook.timezone="UTC"); the event's own zone comes from
 * originalStartTimeZone; all-day events are floating dates taken from their midnight datetimes,
 * whatever zone Graph reports ("by design", I-ALLDAY). Writing: the wall-clock time in the event's
 * zone with its Windows name; all-day events midnight to midnight in the mailbox's zone; a zone
 * CLDR cannot name in Windows terms is written as UTC (fine for single events; series then cannot
 * be stored, see recurrence-write.ts).
 */
import type { DateTimeTimeZone } from '@microsoft/microsoft-graph-types';
import type { EventTime } from '../../sync/model.ts';
import type { WireTime } from './guards.ts';
import { canonicalInstant, instantOf, isIanaZone, isLocalMidnight, localDate, toIana, toWindows, wallClock } from './zones.ts';

export function readTime(time: WireTime, allDay: boolean, zone: string): EventTime {
  if (allDay) return { date: time.dateTime.slice(0, 10) };
  return { instant: instantOf(time.dateTime, toIana(time.timeZone, 'UTC')), zone };
}

/**
 * The key of an occurrence: its original start. Timed series: the instant. All-day series: the
 * date whose midnight (in the series' zone, else the mailbox's) the original start is; failing
 * both, the nearest UTC midnight, right for every zone between UTC−12 and UTC+12.
 */
export function readOriginalStart(originalStart: string, allDay: boolean, zones: readonly string[]): EventTime {
  const instant = canonicalInstant(originalStart);
  if (!allDay) return { instant, zone: zones[0] ?? 'UTC' };
  const zone = zones.find((z) => isIanaZone(z) && isLocalMidnight(instant, z));
  if (zone !== undefined) return { date: localDate(instant, zone) };
  return { date: new Date(Math.round(Date.parse(instant) / 86_400_000) * 86_400_000).toISOString().slice(0, 10) };
}

/** A start or end as Graph stores it; `allDayZone` is the mailbox's Windows zone name. */
export function writeTime(time: EventTime, allDayZone: string): DateTimeTimeZone {
  if ('date' in time) return { dateTime: `${time.date}T00:00:00`, timeZone: allDayZone };
  const windows = isIanaZone(time.zone) ? toWindows(time.zone) : undefined;
  if (windows === undefined) return { dateTime: wallClock(time.instant, 'UTC'), timeZone: 'UTC' };
  return { dateTime: wallClock(time.instant, time.zone), timeZone: windows };
}

/** The calendar date a start falls on, in its own zone (a series' range.startDate). */
export function startDate(time: EventTime): string {
  return 'date' in time ? time.date : localDate(time.instant, isIanaZone(time.zone) ? time.zone : 'UTC');
}
