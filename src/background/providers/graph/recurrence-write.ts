/**
 * The canonical rule → Outlook's patternedRecurrence, and whether Outlook can store a rule at all
 * (calendar-apis.md §2.7). Outlook must produce exactly the occurrences RFC 5545 would, so this
 * refuses fifth-weekday ordinals, mixed ordinals, BYMONTH lists, BYMONTHDAY 29–31 without the
 * last-day form (RFC skips short months, Outlook does not), INTERVAL with DAILY;BYDAY, and a start
 * that is not itself an occurrence (Outlook would start later, RFC at DTSTART). The engine then
 * mirrors the occurrences instead.
 */
import type { DayOfWeek, PatternedRecurrence, RecurrencePattern, RecurrenceRange, WeekIndex } from '@microsoft/microsoft-graph-types';
import { Temporal } from 'temporal-polyfill';
import type { EventTime } from '../../sync/model.ts';
import type { ByDay, RecurrenceRule, Weekday } from '../../sync/recurrence.ts';
import { GRAPH_DAYS, INDEX_ORDINALS } from './recurrence-read.ts';
import { startDate as dateOfStart } from './times.ts';
import { isIanaZone, toWindows } from './zones.ts';

const DAY_NAMES = Object.fromEntries(Object.entries(GRAPH_DAYS).map(([name, day]) => [day, name])) as Record<Weekday, DayOfWeek>;
const INDEXES = Object.fromEntries(Object.entries(INDEX_ORDINALS).map(([index, n]) => [n, index])) as Record<number, WeekIndex>;
const MAX_COUNT = 999;
const MAX_INTERVAL = 99;

/** Outlook's form of a rule for a series starting on `startDate`; undefined when Outlook cannot hold it. */
export function toPatternedRecurrence(rule: RecurrenceRule, startDate: string, recurrenceTimeZone: string): PatternedRecurrence | undefined {
  const pattern = patternFor(rule, Temporal.PlainDate.from(startDate));
  const range = rangeFor(rule, startDate, recurrenceTimeZone);
  return pattern && range ? { pattern, range } : undefined;
}

/** Whether Outlook can store `rule` for a series starting at `start` with identical occurrences. */
export function canStoreRule(rule: RecurrenceRule, start: EventTime): boolean {
  if (!('date' in start) && (!isIanaZone(start.zone) || toWindows(start.zone) === undefined)) return false;
  const date = Temporal.PlainDate.from(dateOfStart(start));
  const pattern = patternFor(rule, date);
  return pattern !== undefined && rangeFor(rule, date.toString(), 'UTC') !== undefined && isOccurrence(pattern, date);
}

function patternFor(rule: RecurrenceRule, start: Temporal.PlainDate): RecurrencePattern | undefined {
  const { interval } = rule;
  if (!Number.isInteger(interval) || interval < 1 || interval > MAX_INTERVAL || (rule.byMonth?.length ?? 0) > 1) return undefined;
  const days = rule.byDay ?? [];
  const plainDays = days.every((d) => d.ordinal === undefined) ? days.map((d) => DAY_NAMES[d.day]) : undefined;
  switch (rule.freq) {
    case 'DAILY':
      if (has(rule.byMonthDay) || has(rule.byMonth) || has(rule.bySetPos)) return undefined;
      if (days.length === 0) return { type: 'daily', interval };
      // Every day that is one of these days = weekly on them (the "every weekday" rule).
      return interval === 1 && plainDays ? weekly(1, plainDays, rule) : undefined;
    case 'WEEKLY':
      if (has(rule.byMonthDay) || has(rule.byMonth) || has(rule.bySetPos) || !plainDays) return undefined;
      return weekly(interval, plainDays.length > 0 ? plainDays : [dayName(start)], rule);
    case 'MONTHLY':
      if (has(rule.byMonth)) return undefined;
      return monthly(rule, start, interval);
    case 'YEARLY':
      return yearly(rule, start, interval);
  }
}

function weekly(interval: number, daysOfWeek: DayOfWeek[], rule: RecurrenceRule): RecurrencePattern {
  return { type: 'weekly', interval, daysOfWeek, firstDayOfWeek: DAY_NAMES[rule.weekStart ?? 'MO'] };
}

function monthly(rule: RecurrenceRule, start: Temporal.PlainDate, interval: number): RecurrencePattern | undefined {
  if (has(rule.byDay)) {
    const relative = relativePart(rule.byDay!, rule.bySetPos, rule.byMonthDay);
    return relative && { type: 'relativeMonthly', interval, ...relative };
  }
  const day = monthDay(rule.byMonthDay ?? [start.day], rule.bySetPos, 28, 31);
  return day === undefined ? undefined : { type: 'absoluteMonthly', interval, dayOfMonth: day };
}

function yearly(rule: RecurrenceRule, start: Temporal.PlainDate, interval: number): RecurrencePattern | undefined {
  const month = rule.byMonth?.[0] ?? start.month;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  if (has(rule.byDay)) {
    if (!has(rule.byMonth)) return undefined; // YEARLY;BYDAY=… alone counts weeks of the year
    const relative = relativePart(rule.byDay!, rule.bySetPos, rule.byMonthDay);
    return relative && { type: 'relativeYearly', interval, month, ...relative };
  }
  if (has(rule.byMonthDay) && !has(rule.byMonth)) return undefined; // that day of every month
  const longest = Temporal.PlainDate.from({ year: 2000, month, day: 1 }).daysInMonth; // 2000: a leap year
  const day = monthDay(rule.byMonthDay ?? [start.day], rule.bySetPos, month === 2 ? 28 : longest, longest);
  return day === undefined ? undefined : { type: 'absoluteYearly', interval, month, dayOfMonth: day };
}

/** One weekday with an ordinal, or several plain weekdays with one BYSETPOS: Outlook's index. */
function relativePart(byDay: readonly ByDay[], bySetPos: readonly number[] | undefined, byMonthDay: readonly number[] | undefined) {
  if (has(byMonthDay)) return undefined;
  const index = INDEXES[relativeOrdinal(byDay, bySetPos) ?? 0];
  return index && { daysOfWeek: byDay.map((d) => DAY_NAMES[d.day]), index };
}

function relativeOrdinal(byDay: readonly ByDay[], bySetPos: readonly number[] | undefined): number | undefined {
  const first = byDay[0];
  if (byDay.length === 1 && first?.ordinal !== undefined) return has(bySetPos) ? undefined : first.ordinal;
  const plain = byDay.every((d) => d.ordinal === undefined);
  return plain && bySetPos?.length === 1 ? bySetPos[0] : undefined;
}

/**
 * Outlook's day of month from BYMONTHDAY. Outlook moves a day the month lacks to its last day, so
 * d ≤ `exists` (a day every such month has) is d, -1 is `longest`, and "exists,…,d;BYSETPOS=-1"
 * (the last of those days the month has) is d. Other days beyond `exists` would make RFC 5545 skip
 * the short months: not storable.
 */
function monthDay(days: readonly number[], bySetPos: readonly number[] | undefined, exists: number, longest: number): number | undefined {
  if (!has(bySetPos)) {
    const single = days.length === 1 ? days[0]! : 0;
    if (single === -1) return longest;
    return single >= 1 && single <= exists ? single : undefined;
  }
  if (bySetPos!.length !== 1 || bySetPos![0] !== -1) return undefined;
  const last = Math.max(...days);
  const expected = Array.from({ length: last - exists + 1 }, (_, i) => exists + i);
  const sorted = [...days].sort((a, b) => a - b);
  return last > exists && last <= longest && sorted.join() === expected.join() ? last : undefined;
}

function rangeFor(rule: RecurrenceRule, startDate: string, recurrenceTimeZone: string): RecurrenceRange | undefined {
  if (rule.count !== undefined && rule.until !== undefined) return undefined;
  if (rule.count !== undefined) {
    const ok = Number.isInteger(rule.count) && rule.count >= 1 && rule.count <= MAX_COUNT;
    return ok ? { type: 'numbered', startDate, numberOfOccurrences: rule.count, recurrenceTimeZone } : undefined;
  }
  if (rule.until !== undefined) {
    const ok = /^\d{4}-\d{2}-\d{2}$/.test(rule.until) && rule.until >= startDate;
    return ok ? { type: 'endDate', startDate, endDate: rule.until, recurrenceTimeZone } : undefined;
  }
  return { type: 'noEnd', startDate, recurrenceTimeZone };
}

/** Whether `date` is an occurrence of the pattern (Outlook's own reading of it). */
function isOccurrence(pattern: RecurrencePattern, date: Temporal.PlainDate): boolean {
  const days = pattern.daysOfWeek ?? [];
  switch (pattern.type) {
    case 'weekly':
      return days.includes(dayName(date));
    case 'absoluteMonthly':
      return date.day === Math.min(pattern.dayOfMonth ?? 0, date.daysInMonth);
    case 'relativeMonthly':
      return relativeDay(date, days, pattern.index ?? 'first') === date.day;
    case 'absoluteYearly':
      return date.month === pattern.month && date.day === Math.min(pattern.dayOfMonth ?? 0, date.daysInMonth);
    case 'relativeYearly':
      return date.month === pattern.month && relativeDay(date, days, pattern.index ?? 'first') === date.day;
    default:
      return true;
  }
}

/** The day of `date`'s month that is the index-th one falling on any of `days`. */
function relativeDay(date: Temporal.PlainDate, days: readonly DayOfWeek[], index: WeekIndex): number | undefined {
  const matching: number[] = [];
  for (let day = 1; day <= date.daysInMonth; day++) {
    if (days.includes(dayName(date.with({ day })))) matching.push(day);
  }
  return index === 'last' ? matching.at(-1) : matching[INDEX_ORDINALS[index] - 1];
}

function dayName(date: Temporal.PlainDate): DayOfWeek {
  return (['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const)[date.dayOfWeek - 1]!;
}

function has(list: readonly unknown[] | undefined): boolean {
  return list !== undefined && list.length > 0;
}
