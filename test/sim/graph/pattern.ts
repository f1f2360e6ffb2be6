/**
 * The dates a patternedRecurrence produces, computed natively from Graph's own definitions (M-RPAT)
 * rather than through RRULE, so this simulator stays an independent check on the engine's
 * Graph⇄RRULE conversions (calendar-apis.md §2.7):
 * - occurrences fall only on dates matching the pattern, from range.startDate on ("the first
 *   occurrence of the meeting may be this date or later");
 * - weekly: weeks start on firstDayOfWeek, counted from the week holding startDate;
 * - absoluteMonthly/absoluteYearly on a day the month lacks (e.g. 31): the month's last day, as
 *   Outlook does (OGCS: "Outlook: Picks last day of month");
 * - relativeMonthly/relativeYearly with several days: the index-th day of the month that is any of
 *   them ("the first day that satisfies the pattern");
 * - endDate is inclusive; numbered counts occurrences from startDate.
 * Dates are epoch days (civil.ts); the caller attaches the series' wall-clock time and zone.
 */
import { civilFromDays, dayOfWeek, daysFromCivil, daysInMonth, fromMonthIndex, monthIndex } from './civil.ts';
import type { Recurrence } from './model.ts';

const LAST_YEAR = 9999;

/** Pattern dates in ascending order, from `fromDay` on (the range still counts from its start). */
export function* patternDays(r: Recurrence, fromDay: number = r.startDay): Generator<number, void, undefined> {
  let produced = 0;
  // A numbered range must count from the first occurrence; other ranges can skip ahead.
  for (let k = r.rangeType === 'numbered' ? 0 : firstUsefulPeriod(r, fromDay); ; k++) {
    const days = periodDays(r, k);
    if (days.length > 0 && civilFromDays(days[0]!).year > LAST_YEAR) return;
    for (const day of days) {
      if (day < r.startDay) continue;
      if (r.endDay !== undefined && day > r.endDay) return;
      if (r.rangeType === 'numbered' && produced >= r.numberOfOccurrences) return;
      produced++;
      if (day >= fromDay) yield day;
    }
  }
}

/** The pattern date just before `day`, if any (for the occurrence-crossing rule). */
export function previousPatternDay(r: Recurrence, day: number): number | undefined {
  let previous: number | undefined;
  for (const d of patternDays(r, Math.max(r.startDay, day - lookBack(r)))) {
    if (d >= day) break;
    previous = d;
  }
  return previous;
}

export function nextPatternDay(r: Recurrence, day: number): number | undefined {
  const next = patternDays(r, day + 1).next();
  return next.done ? undefined : next.value;
}

export function isPatternDay(r: Recurrence, day: number): boolean {
  const first = patternDays(r, day).next();
  return !first.done && first.value === day;
}

/** Days spanned by one period: going back this far from a date always reaches the previous period. */
function lookBack(r: Recurrence): number {
  switch (r.type) {
    case 'daily':
      return r.interval;
    case 'weekly':
      return 7 * r.interval + 7;
    case 'absoluteMonthly':
    case 'relativeMonthly':
      return 31 * r.interval + 31;
    case 'absoluteYearly':
    case 'relativeYearly':
      return 366 * r.interval + 366;
  }
}

function startWeek(r: Recurrence): number {
  return r.startDay - ((dayOfWeek(r.startDay) - r.firstDayOfWeek + 7) % 7);
}

/** The first period that can hold a date ≥ fromDay (periods before it end before fromDay). */
function firstUsefulPeriod(r: Recurrence, fromDay: number): number {
  const start = civilFromDays(r.startDay);
  const from = civilFromDays(fromDay);
  let k: number;
  switch (r.type) {
    case 'daily':
      k = Math.floor((fromDay - r.startDay) / r.interval);
      break;
    case 'weekly':
      k = Math.floor((fromDay - startWeek(r)) / (7 * r.interval));
      break;
    case 'absoluteMonthly':
    case 'relativeMonthly':
      k = Math.floor((monthIndex(from.year, from.month) - monthIndex(start.year, start.month)) / r.interval);
      break;
    case 'absoluteYearly':
    case 'relativeYearly':
      k = Math.floor((from.year - start.year) / r.interval);
      break;
  }
  return Math.max(0, k);
}

/** The candidate dates of period k, ascending (not yet limited by the range). */
function periodDays(r: Recurrence, k: number): number[] {
  const start = civilFromDays(r.startDay);
  switch (r.type) {
    case 'daily':
      return [r.startDay + k * r.interval];
    case 'weekly': {
      const weekStart = startWeek(r) + k * 7 * r.interval;
      return r.daysOfWeek.map((d) => weekStart + ((d - r.firstDayOfWeek + 7) % 7)).sort((a, b) => a - b);
    }
    case 'absoluteMonthly':
    case 'relativeMonthly': {
      const { year, month } = fromMonthIndex(monthIndex(start.year, start.month) + k * r.interval);
      return monthDay(r, year, month);
    }
    case 'absoluteYearly':
    case 'relativeYearly':
      return monthDay(r, start.year + k * r.interval, r.month);
  }
}

function monthDay(r: Recurrence, year: number, month: number): number[] {
  if (r.type === 'absoluteMonthly' || r.type === 'absoluteYearly') {
    return [daysFromCivil(year, month, Math.min(r.dayOfMonth, daysInMonth(year, month)))];
  }
  const first = daysFromCivil(year, month, 1);
  const matching: number[] = [];
  for (let day = first; day < first + daysInMonth(year, month); day++) {
    if (r.daysOfWeek.includes(dayOfWeek(day))) matching.push(day);
  }
  const position = r.index === 'last' ? matching.length - 1 : ['first', 'second', 'third', 'fourth'].indexOf(r.index);
  const chosen = matching[position];
  return chosen === undefined ? [] : [chosen];
}
