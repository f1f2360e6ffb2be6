/**
 * Pure conversions between Outlook's patternedRecurrence and the canonical RFC 5545 rule
 * (calendar-apis.md §2.7), and which rules Outlook can store with identical occurrences.
 */
import type { PatternedRecurrence, RecurrencePattern, RecurrenceRange } from '@microsoft/microsoft-graph-types';
import { describe, expect, it } from 'vitest';
import { ruleFromGraph } from '../../../../src/background/providers/graph/recurrence-read.ts';
import { canStoreRule, toPatternedRecurrence } from '../../../../src/background/providers/graph/recurrence-write.ts';
import type { RecurrenceRule } from '../../../../src/background/sync/recurrence.ts';

const noEnd: RecurrenceRange = { type: 'noEnd', startDate: '2026-03-02', endDate: '0001-01-01', numberOfOccurrences: 0, recurrenceTimeZone: 'UTC' };
const graph = (pattern: RecurrencePattern, range: RecurrenceRange = noEnd): PatternedRecurrence => ({ pattern, range });
const day = (date: string) => ({ date });
const at = (instant: string, zone = 'Europe/Berlin') => ({ instant, zone });

/** [description, Graph pattern, canonical rule, a start date that is an occurrence] */
const TABLE: ReadonlyArray<readonly [string, RecurrencePattern, Omit<RecurrenceRule, 'count' | 'until'>, string]> = [
  ['daily every 2 days', { type: 'daily', interval: 2 }, { freq: 'DAILY', interval: 2 }, '2026-03-02'],
  [
    'weekly on Monday and Wednesday every 2 weeks, weeks from Sunday',
    { type: 'weekly', interval: 2, daysOfWeek: ['wednesday', 'monday'], firstDayOfWeek: 'sunday' },
    { freq: 'WEEKLY', interval: 2, byDay: [{ day: 'MO' }, { day: 'WE' }], weekStart: 'SU' },
    '2026-03-02',
  ],
  ['absoluteMonthly day 15', { type: 'absoluteMonthly', interval: 1, dayOfMonth: 15 }, { freq: 'MONTHLY', interval: 1, byMonthDay: [15] }, '2026-03-15'],
  [
    'absoluteMonthly day 30 (last day of shorter months)',
    { type: 'absoluteMonthly', interval: 1, dayOfMonth: 30 },
    { freq: 'MONTHLY', interval: 1, byMonthDay: [28, 29, 30], bySetPos: [-1] },
    '2026-02-28',
  ],
  [
    'absoluteMonthly day 31',
    { type: 'absoluteMonthly', interval: 3, dayOfMonth: 31 },
    { freq: 'MONTHLY', interval: 3, byMonthDay: [28, 29, 30, 31], bySetPos: [-1] },
    '2026-01-31',
  ],
  [
    'relativeMonthly last Friday',
    { type: 'relativeMonthly', interval: 1, daysOfWeek: ['friday'], index: 'last' },
    { freq: 'MONTHLY', interval: 1, byDay: [{ day: 'FR', ordinal: -1 }] },
    '2026-03-27',
  ],
  [
    'relativeMonthly second weekend day',
    { type: 'relativeMonthly', interval: 1, daysOfWeek: ['sunday', 'saturday'], index: 'second' },
    { freq: 'MONTHLY', interval: 1, byDay: [{ day: 'SA' }, { day: 'SU' }], bySetPos: [2] },
    '2026-03-07',
  ],
  [
    'absoluteYearly 25 December',
    { type: 'absoluteYearly', interval: 1, month: 12, dayOfMonth: 25 },
    { freq: 'YEARLY', interval: 1, byMonth: [12], byMonthDay: [25] },
    '2026-12-25',
  ],
  [
    'absoluteYearly 29 February (28th in common years)',
    { type: 'absoluteYearly', interval: 1, month: 2, dayOfMonth: 29 },
    { freq: 'YEARLY', interval: 1, byMonth: [2], byMonthDay: [28, 29], bySetPos: [-1] },
    '2028-02-29',
  ],
  [
    'relativeYearly fourth Thursday of November',
    { type: 'relativeYearly', interval: 1, month: 11, daysOfWeek: ['thursday'], index: 'fourth' },
    { freq: 'YEARLY', interval: 1, byMonth: [11], byDay: [{ day: 'TH', ordinal: 4 }] },
    '2026-11-26',
  ],
];

describe('Outlook recurrence → canonical rule', () => {
  it.each(TABLE)('%s', (_name, pattern, rule) => {
    expect(ruleFromGraph(graph(pattern))).toEqual(rule);
  });

  it('reads numbered ranges as COUNT and endDate ranges as UNTIL (a date in the series zone)', () => {
    const pattern: RecurrencePattern = { type: 'daily', interval: 1 };
    expect(ruleFromGraph(graph(pattern, { ...noEnd, type: 'numbered', numberOfOccurrences: 7 }))).toEqual({ freq: 'DAILY', interval: 1, count: 7 });
    expect(ruleFromGraph(graph(pattern, { ...noEnd, type: 'endDate', endDate: '2026-06-30' }))).toEqual({ freq: 'DAILY', interval: 1, until: '2026-06-30' });
  });

  it('reports patterns it cannot read as unsupported', () => {
    expect(ruleFromGraph(graph({ type: 'hourly' as never, interval: 1 }))).toEqual({ unsupported: expect.stringContaining('hourly') as unknown });
    expect(ruleFromGraph(graph({ type: 'weekly', interval: 1, daysOfWeek: [] }))).toHaveProperty('unsupported');
    expect(ruleFromGraph(graph({ type: 'absoluteYearly', interval: 1, month: 4, dayOfMonth: 31 }))).toHaveProperty('unsupported');
    expect(ruleFromGraph(graph({ type: 'daily', interval: 1 }, { type: 'numbered', startDate: '2026-03-02' }))).toHaveProperty('unsupported');
  });
});

describe('canonical rule → Outlook recurrence', () => {
  it.each(TABLE)('%s round-trips', (_name, pattern, rule, start) => {
    const written = toPatternedRecurrence({ ...rule, count: 5 }, start, 'W. Europe Standard Time');
    expect(written?.range).toEqual({ type: 'numbered', startDate: start, numberOfOccurrences: 5, recurrenceTimeZone: 'W. Europe Standard Time' });
    expect(ruleFromGraph(written!)).toEqual({ ...rule, count: 5 });
    expect(written?.pattern?.type).toBe(pattern.type);
    expect(canStoreRule({ ...rule, count: 5 }, day(start))).toBe(true);
  });

  it('writes DAILY;BYDAY=MO..FR as a weekly pattern ("every weekday")', () => {
    const rule: RecurrenceRule = { freq: 'DAILY', interval: 1, byDay: ['MO', 'TU', 'WE', 'TH', 'FR'].map((d) => ({ day: d as 'MO' })) };
    expect(toPatternedRecurrence(rule, '2026-03-02', 'UTC')?.pattern).toEqual({
      type: 'weekly',
      interval: 1,
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      firstDayOfWeek: 'monday',
    });
    expect(canStoreRule(rule, at('2026-03-02T08:00:00Z'))).toBe(true);
  });

  it('fills a missing BYDAY / BYMONTHDAY / BYMONTH from the start, as RFC 5545 does', () => {
    expect(toPatternedRecurrence({ freq: 'WEEKLY', interval: 1 }, '2026-03-04', 'UTC')?.pattern).toMatchObject({ daysOfWeek: ['wednesday'] });
    expect(toPatternedRecurrence({ freq: 'MONTHLY', interval: 1 }, '2026-03-04', 'UTC')?.pattern).toEqual({ type: 'absoluteMonthly', interval: 1, dayOfMonth: 4 });
    expect(toPatternedRecurrence({ freq: 'YEARLY', interval: 2 }, '2026-03-04', 'UTC')?.pattern).toEqual({ type: 'absoluteYearly', interval: 2, month: 3, dayOfMonth: 4 });
  });

  it('takes BYMONTHDAY=-1 as day 31 (Outlook: the last day of every month)', () => {
    expect(toPatternedRecurrence({ freq: 'MONTHLY', interval: 1, byMonthDay: [-1] }, '2026-04-30', 'UTC')?.pattern).toEqual({ type: 'absoluteMonthly', interval: 1, dayOfMonth: 31 });
    expect(canStoreRule({ freq: 'MONTHLY', interval: 1, byMonthDay: [-1] }, day('2026-04-30'))).toBe(true);
  });

  it('writes endDate and noEnd ranges', () => {
    expect(toPatternedRecurrence({ freq: 'DAILY', interval: 1, until: '2026-04-01' }, '2026-03-02', 'UTC')?.range).toEqual({
      type: 'endDate',
      startDate: '2026-03-02',
      endDate: '2026-04-01',
      recurrenceTimeZone: 'UTC',
    });
    expect(toPatternedRecurrence({ freq: 'DAILY', interval: 1 }, '2026-03-02', 'UTC')?.range).toEqual({ type: 'noEnd', startDate: '2026-03-02', recurrenceTimeZone: 'UTC' });
  });

  const refused: ReadonlyArray<readonly [string, RecurrenceRule, string]> = [
    ['a fifth-weekday ordinal', { freq: 'MONTHLY', interval: 1, byDay: [{ day: 'FR', ordinal: 5 }] }, '2026-01-30'],
    ['the second-to-last weekday', { freq: 'MONTHLY', interval: 1, byDay: [{ day: 'FR', ordinal: -2 }] }, '2026-03-20'],
    ['mixed ordinals', { freq: 'MONTHLY', interval: 1, byDay: [{ day: 'MO', ordinal: 1 }, { day: 'FR', ordinal: -1 }] }, '2026-03-02'],
    ['every Monday of the month', { freq: 'MONTHLY', interval: 1, byDay: [{ day: 'MO' }] }, '2026-03-02'],
    ['BYMONTHDAY=31 (RFC skips short months)', { freq: 'MONTHLY', interval: 1, byMonthDay: [31] }, '2026-01-31'],
    ['a start day 31 without BYMONTHDAY', { freq: 'MONTHLY', interval: 1 }, '2026-01-31'],
    ['a last-day form not starting at 28', { freq: 'MONTHLY', interval: 1, byMonthDay: [30, 31], bySetPos: [-1] }, '2026-01-31'],
    ['several month days', { freq: 'MONTHLY', interval: 1, byMonthDay: [1, 15] }, '2026-03-01'],
    ['a BYMONTH list', { freq: 'YEARLY', interval: 1, byMonth: [1, 7], byMonthDay: [1] }, '2026-01-01'],
    ['29 February that skips common years', { freq: 'YEARLY', interval: 1, byMonth: [2], byMonthDay: [29] }, '2028-02-29'],
    ['YEARLY;BYDAY without BYMONTH', { freq: 'YEARLY', interval: 1, byDay: [{ day: 'MO', ordinal: 20 }] }, '2026-05-18'],
    ['YEARLY;BYMONTHDAY without BYMONTH', { freq: 'YEARLY', interval: 1, byMonthDay: [1] }, '2026-01-01'],
    ['DAILY;INTERVAL=2;BYDAY', { freq: 'DAILY', interval: 2, byDay: [{ day: 'MO' }] }, '2026-03-02'],
    ['WEEKLY with BYMONTH', { freq: 'WEEKLY', interval: 1, byDay: [{ day: 'MO' }], byMonth: [3] }, '2026-03-02'],
    ['WEEKLY with an ordinal', { freq: 'WEEKLY', interval: 1, byDay: [{ day: 'MO', ordinal: 1 }] }, '2026-03-02'],
    ['two BYSETPOS values', { freq: 'MONTHLY', interval: 1, byDay: [{ day: 'MO' }, { day: 'TU' }], bySetPos: [1, -1] }, '2026-03-02'],
    ['COUNT and UNTIL together', { freq: 'DAILY', interval: 1, count: 3, until: '2026-04-01' }, '2026-03-02'],
    ['COUNT beyond 999', { freq: 'DAILY', interval: 1, count: 1000 }, '2026-03-02'],
    ['UNTIL before the start', { freq: 'DAILY', interval: 1, until: '2026-03-01' }, '2026-03-02'],
    ['an interval beyond 99', { freq: 'WEEKLY', interval: 100, byDay: [{ day: 'MO' }] }, '2026-03-02'],
    ['a start that is not an occurrence (weekly)', { freq: 'WEEKLY', interval: 1, byDay: [{ day: 'TU' }] }, '2026-03-02'],
    ['a start that is not an occurrence (relative)', { freq: 'MONTHLY', interval: 1, byDay: [{ day: 'FR', ordinal: -1 }] }, '2026-03-20'],
    ['a start that is not an occurrence (yearly)', { freq: 'YEARLY', interval: 1, byMonth: [3], byMonthDay: [4] }, '2026-01-04'],
  ];

  it.each(refused)('refuses %s', (_name, rule, start) => {
    expect(canStoreRule(rule, day(start))).toBe(false);
  });

  it('refuses timed series in a zone Windows has no name for (Outlook would shift them at DST)', () => {
    const weekly: RecurrenceRule = { freq: 'WEEKLY', interval: 1, byDay: [{ day: 'MO' }] };
    expect(canStoreRule(weekly, at('2026-03-02T08:00:00Z', 'Europe/Berlin'))).toBe(true);
    expect(canStoreRule(weekly, at('2026-03-02T08:00:00Z', 'Antarctica/Troll'))).toBe(false);
    expect(canStoreRule(weekly, at('2026-03-02T08:00:00Z', 'Not/AZone'))).toBe(false);
  });

  it('checks the start in the series zone, not in UTC', () => {
    const monday: RecurrenceRule = { freq: 'WEEKLY', interval: 1, byDay: [{ day: 'MO' }] };
    // 23:30 UTC on Sunday is 08:30 on Monday in Tokyo.
    expect(canStoreRule(monday, at('2026-03-01T23:30:00Z', 'Asia/Tokyo'))).toBe(true);
    expect(canStoreRule(monday, at('2026-03-01T23:30:00Z', 'Europe/London'))).toBe(false);
  });
});
