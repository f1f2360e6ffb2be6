/**
 * Rules made explicit. Services spell the same rule differently: Google keeps `FREQ=WEEKLY;COUNT=2`
 * as written, Outlook always names the weekday and the first day of the week. Comparing rules
 * with what their start implies spelled out keeps such spellings from reading as rule changes (a
 * rule written again makes Outlook drop every exception of the series).
 */
import { Temporal } from 'temporal-polyfill';
import type { EventTime } from './model.ts';
import { WEEKDAYS, type RecurrenceRule } from './recurrence.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function explicitRule(rule: RecurrenceRule, start: EventTime): RecurrenceRule {
  const date = localDate(start);
  const explicit: Mutable<RecurrenceRule> = { ...rule };
  const bare = !rule.byDay?.length && !rule.byMonthDay?.length;
  if (rule.freq === 'WEEKLY' && !rule.byDay?.length) explicit.byDay = [{ day: WEEKDAYS[date.dayOfWeek - 1] ?? 'MO' }];
  if (rule.freq === 'MONTHLY' && bare) explicit.byMonthDay = [date.day];
  if (rule.freq === 'YEARLY') {
    if (!rule.byMonth?.length) explicit.byMonth = [date.month];
    if (bare) explicit.byMonthDay = [date.day];
  }
  // The first day of the week matters only to weekly rules that skip weeks.
  if (rule.freq !== 'WEEKLY' || rule.interval <= 1) delete explicit.weekStart;
  else explicit.weekStart = rule.weekStart ?? 'MO';
  return explicit;
}

function localDate(start: EventTime): Temporal.PlainDate {
  if ('date' in start) return Temporal.PlainDate.from(start.date);
  const instant = Temporal.Instant.from(start.instant);
  try {
    return instant.toZonedDateTimeISO(start.zone).toPlainDate();
  } catch {
    return instant.toZonedDateTimeISO('UTC').toPlainDate();
  }
}
