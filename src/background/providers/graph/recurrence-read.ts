/**
 * Outlook's patternedRecurrence → the canonical RFC 5545 rule, following calendar-apis.md §2.7
 * (the OGCS table), with Outlook's own semantics kept exact:
 * - absoluteMonthly on day 29–31 falls on the month's last day when the month is shorter, which is
 *   BYMONTHDAY=28,…,d;BYSETPOS=-1 (a plain BYMONTHDAY=31 would skip those months);
 * - absoluteYearly on 29 February falls on the 28th in common years: BYMONTHDAY=28,29;BYSETPOS=-1;
 * - relativeMonthly/Yearly with several days picks the index-th day matching any of them: BYSETPOS.
 * A pattern that cannot be read becomes `unsupported` (the engine mirrors its occurrences).
 */
import type { DayOfWeek, PatternedRecurrence, RecurrencePattern, RecurrenceRange, WeekIndex } from '@microsoft/microsoft-graph-types';
import { WEEKDAYS, type ByDay, type RecurrenceRule, type UnsupportedRecurrence, type Weekday } from '../../sync/recurrence.ts';

export const GRAPH_DAYS: Readonly<Record<DayOfWeek, Weekday>> = {
  sunday: 'SU',
  monday: 'MO',
  tuesday: 'TU',
  wednesday: 'WE',
  thursday: 'TH',
  friday: 'FR',
  saturday: 'SA',
};

export const INDEX_ORDINALS: Readonly<Record<WeekIndex, number>> = { first: 1, second: 2, third: 3, fourth: 4, last: -1 };

type PatternPart = Omit<RecurrenceRule, 'count' | 'until'>;

export function ruleFromGraph(recurrence: PatternedRecurrence): RecurrenceRule | UnsupportedRecurrence {
  const pattern = recurrence.pattern ? patternRule(recurrence.pattern) : 'no pattern';
  if (typeof pattern === 'string') return { unsupported: `Outlook recurrence: ${pattern}` };
  const range = recurrence.range ? rangeRule(recurrence.range) : 'no range';
  if (typeof range === 'string') return { unsupported: `Outlook recurrence: ${range}` };
  return { ...pattern, ...range };
}

function patternRule(p: RecurrencePattern): PatternPart | string {
  const interval = p.interval ?? 1;
  if (!Number.isInteger(interval) || interval < 1) return `interval ${String(p.interval)}`;
  switch (p.type) {
    case 'daily':
      return { freq: 'DAILY', interval };
    case 'weekly': {
      const days = weekdays(p.daysOfWeek);
      const weekStart = p.firstDayOfWeek ? GRAPH_DAYS[p.firstDayOfWeek] : 'SU';
      return days ? { freq: 'WEEKLY', interval, byDay: days.map((day) => ({ day })), weekStart } : 'weekly pattern without days';
    }
    case 'absoluteMonthly':
      return validDay(p.dayOfMonth, 31) ? { freq: 'MONTHLY', interval, ...lastDayAware(p.dayOfMonth, 28) } : `dayOfMonth ${String(p.dayOfMonth)}`;
    case 'relativeMonthly': {
      const relative = relativeDays(p);
      return typeof relative === 'string' ? relative : { freq: 'MONTHLY', interval, ...relative };
    }
    case 'absoluteYearly': {
      const month = p.month ?? 0;
      if (!validDay(month, 12) || !validDay(p.dayOfMonth, daysInMonth(month))) return `month ${String(p.month)} day ${String(p.dayOfMonth)}`;
      // Only February is shorter in some years than Outlook's day can be.
      return { freq: 'YEARLY', interval, byMonth: [month], ...lastDayAware(p.dayOfMonth, month === 2 ? 28 : 31) };
    }
    case 'relativeYearly': {
      const month = p.month ?? 0;
      const relative = relativeDays(p);
      if (!validDay(month, 12)) return `month ${String(p.month)}`;
      return typeof relative === 'string' ? relative : { freq: 'YEARLY', interval, byMonth: [month], ...relative };
    }
    default:
      return `pattern type ${String(p.type)}`;
  }
}

/** Day d, or "the last of 28…d" when d may not exist (Outlook then uses the month's last day). */
function lastDayAware(day: number, alwaysExists: number): Pick<RecurrenceRule, 'byMonthDay' | 'bySetPos'> {
  if (day <= alwaysExists) return { byMonthDay: [day] };
  const days: number[] = [];
  for (let d = alwaysExists; d <= day; d++) days.push(d);
  return { byMonthDay: days, bySetPos: [-1] };
}

function relativeDays(p: RecurrencePattern): Pick<RecurrenceRule, 'byDay' | 'bySetPos'> | string {
  const days = weekdays(p.daysOfWeek);
  if (!days) return `${String(p.type)} pattern without days`;
  const ordinal = INDEX_ORDINALS[p.index ?? 'first'];
  if (days.length === 1) return { byDay: [{ day: days[0]!, ordinal }] satisfies ByDay[] };
  return { byDay: days.map((day) => ({ day })), bySetPos: [ordinal] };
}

function rangeRule(r: RecurrenceRange): Pick<RecurrenceRule, 'count' | 'until'> | string {
  switch (r.type) {
    case 'noEnd':
      return {};
    case 'numbered':
      return validDay(r.numberOfOccurrences, Number.MAX_SAFE_INTEGER) ? { count: r.numberOfOccurrences } : 'numbered range without a count';
    case 'endDate':
      return r.endDate && /^\d{4}-\d{2}-\d{2}$/.test(r.endDate) ? { until: r.endDate } : 'endDate range without a date';
    default:
      return `range type ${String(r.type)}`;
  }
}

/** Graph's day names in canonical order (MO…SU), or undefined when there are none or unknown ones. */
function weekdays(days: RecurrencePattern['daysOfWeek']): Weekday[] | undefined {
  if (!days || days.length === 0 || days.some((d) => !(d in GRAPH_DAYS))) return undefined;
  const mapped = new Set(days.map((d) => GRAPH_DAYS[d]));
  return WEEKDAYS.filter((day) => mapped.has(day));
}

function validDay(value: number | null | undefined, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max;
}

/** Longest length of a month in any year (February: 29). */
function daysInMonth(month: number): number {
  return [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}
