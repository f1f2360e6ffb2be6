/**
 * patternedRecurrence validation and rendering (M-RPAT, M-RRANGE, calendar-apis.md §2.7). Required
 * properties per pattern type and range type, and "any property that you include that does not
 * have a supported value would result in an error". Rendering fills the defaults the service
 * returns (month/dayOfMonth 0, index "first", endDate "0001-01-01" for open ranges).
 */
import type { PatternedRecurrence } from '@microsoft/microsoft-graph-types';
import { daysInMonth, formatIsoDate, parseIsoDate } from './civil.ts';
import { bodyReadError, invalidRequest, timeZoneNotSupported } from './errors.ts';
import { absent, shown } from './event-input.ts';
import type { EventTime, PatternType, RangeType, Recurrence, WeekIndex } from './model.ts';
import { isSupportedZoneName, windowsNameOf } from './zone-names.ts';

export const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const PATTERN_TYPES: readonly PatternType[] = ['daily', 'weekly', 'absoluteMonthly', 'relativeMonthly', 'absoluteYearly', 'relativeYearly'];
const WEEK_INDEXES: readonly WeekIndex[] = ['first', 'second', 'third', 'fourth', 'last'];
const RANGE_TYPES: readonly RangeType[] = ['endDate', 'noEnd', 'numbered'];
const PATTERN_KEYS = new Set(['@odata.type', 'type', 'interval', 'daysOfWeek', 'firstDayOfWeek', 'dayOfMonth', 'month', 'index']);
const RANGE_KEYS = new Set(['@odata.type', 'type', 'startDate', 'endDate', 'numberOfOccurrences', 'recurrenceTimeZone']);
const NO_DATE = '0001-01-01';

type Json = Record<string, unknown>;

export function parseRecurrence(raw: unknown, start: EventTime): Recurrence {
  const recurrence = object(raw, 'microsoft.graph.patternedRecurrence', new Set(['@odata.type', 'pattern', 'range']));
  const pattern = object(recurrence['pattern'], 'microsoft.graph.recurrencePattern', PATTERN_KEYS);
  const range = object(recurrence['range'], 'microsoft.graph.recurrenceRange', RANGE_KEYS);
  const type = literal(pattern['type'], PATTERN_TYPES, 'recurrencePatternType');
  if (type === undefined) throw invalidRequest('Recurrence pattern type is required.');
  const parsedPattern = {
    type,
    interval: integer(pattern['interval'], 'interval', 1, 999, 'required'),
    daysOfWeek: days(pattern['daysOfWeek']),
    firstDayOfWeek: day(pattern['firstDayOfWeek']),
    dayOfMonth: integer(pattern['dayOfMonth'], 'dayOfMonth', 0, 31, 'optional'),
    month: integer(pattern['month'], 'month', 0, 12, 'optional'),
    index: literal(pattern['index'], WEEK_INDEXES, 'weekIndex') ?? 'first',
  };
  requirePatternFields(parsedPattern, pattern);
  return { ...parsedPattern, firstDayOfWeek: parsedPattern.firstDayOfWeek ?? 0, ...parseRange(range, start) };
}

function requirePatternFields(p: { type: PatternType; daysOfWeek: number[]; dayOfMonth: number; month: number }, raw: Json): void {
  const needsDays = p.type === 'weekly' || p.type === 'relativeMonthly' || p.type === 'relativeYearly';
  if (needsDays && p.daysOfWeek.length === 0) throw invalidRequest(`daysOfWeek is required for a ${p.type} pattern.`);
  if (p.type === 'weekly' && absent(raw['firstDayOfWeek'])) throw invalidRequest('firstDayOfWeek is required for a weekly pattern.');
  const needsDayOfMonth = p.type === 'absoluteMonthly' || p.type === 'absoluteYearly';
  if (needsDayOfMonth && p.dayOfMonth === 0) throw invalidRequest(`dayOfMonth is required for a ${p.type} pattern.`);
  const yearly = p.type === 'absoluteYearly' || p.type === 'relativeYearly';
  if (yearly && p.month === 0) throw invalidRequest(`month is required for a ${p.type} pattern.`);
  if (p.type === 'absoluteYearly' && p.dayOfMonth > daysInMonth(2000, p.month)) {
    throw invalidRequest(`dayOfMonth ${p.dayOfMonth} does not exist in month ${p.month}.`);
  }
}

function parseRange(range: Json, start: EventTime): Pick<Recurrence, 'rangeType' | 'startDay' | 'endDay' | 'numberOfOccurrences' | 'recurrenceTimeZone'> {
  const rangeType = literal(range['type'], RANGE_TYPES, 'recurrenceRangeType');
  if (rangeType === undefined) throw invalidRequest('Recurrence range type is required.');
  const startDay = date(range['startDate'], 'startDate');
  if (startDay === undefined) throw invalidRequest('Recurrence range startDate is required.');
  if (startDay !== start.local.days) {
    throw invalidRequest('The recurrence range startDate must be the same date as the start of the event.');
  }
  const endDay = date(range['endDate'], 'endDate');
  if (rangeType === 'endDate' && endDay === undefined) throw invalidRequest('Recurrence range endDate is required for an endDate range.');
  if (rangeType === 'endDate' && endDay !== undefined && endDay < startDay) throw invalidRequest('Recurrence range endDate is before startDate.');
  const count = integer(range['numberOfOccurrences'], 'numberOfOccurrences', 0, 999, 'optional');
  if (rangeType === 'numbered' && count === 0) throw invalidRequest('numberOfOccurrences must be greater than 0 for a numbered range.');
  const zone = range['recurrenceTimeZone'];
  if (!absent(zone) && (typeof zone !== 'string' || !isSupportedZoneName(zone))) {
    throw timeZoneNotSupported(shown(zone));
  }
  return {
    rangeType,
    startDay,
    endDay: rangeType === 'endDate' ? endDay : undefined,
    numberOfOccurrences: rangeType === 'numbered' ? count : 0,
    recurrenceTimeZone: typeof zone === 'string' ? zone : windowsNameOf(start.timeZone),
  };
}

export function renderRecurrence(r: Recurrence): PatternedRecurrence {
  return {
    pattern: {
      type: r.type,
      interval: r.interval,
      month: r.month,
      dayOfMonth: r.dayOfMonth,
      daysOfWeek: r.daysOfWeek.map((d) => DAY_NAMES[d]!),
      firstDayOfWeek: DAY_NAMES[r.firstDayOfWeek]!,
      index: r.index,
    },
    range: {
      type: r.rangeType,
      startDate: formatIsoDate(r.startDay),
      endDate: r.endDay === undefined ? NO_DATE : formatIsoDate(r.endDay),
      recurrenceTimeZone: r.recurrenceTimeZone,
      numberOfOccurrences: r.numberOfOccurrences,
    },
  };
}

function object(value: unknown, type: string, allowed: ReadonlySet<string>): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidRequest(`A ${type.replace('microsoft.graph.', '')} object is required.`);
  }
  for (const key of Object.keys(value)) {
    if (!allowed.has(key)) throw bodyReadError(`The property '${key}' does not exist on type '${type}'.`);
  }
  return value as Json;
}

function literal<T extends string>(value: unknown, allowed: readonly T[], type: string): T | undefined {
  if (absent(value)) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw bodyReadError(`Cannot convert the literal '${shown(value)}' to the expected type 'microsoft.graph.${type}'.`);
}

function integer(value: unknown, name: string, min: number, max: number, need: 'required' | 'optional'): number {
  if (absent(value) && need === 'optional') return 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidRequest(`The recurrence ${name} value '${shown(value)}' is not valid.`);
  }
  return value;
}

function day(value: unknown): number | undefined {
  const name = literal(value, DAY_NAMES, 'dayOfWeek');
  return name === undefined ? undefined : DAY_NAMES.indexOf(name);
}

function days(value: unknown): number[] {
  if (absent(value)) return [];
  if (!Array.isArray(value)) throw bodyReadError('daysOfWeek must be a collection of dayOfWeek values.');
  return [...new Set(value.map((d) => day(d) ?? -1))].filter((d) => d >= 0).sort((a, b) => a - b);
}

function date(value: unknown, name: string): number | undefined {
  if (absent(value) || value === NO_DATE) return undefined;
  const days = typeof value === 'string' ? parseIsoDate(value) : undefined;
  if (days === undefined || (typeof value === 'string' && value.length !== 10)) {
    throw invalidRequest(`The recurrence range ${name} '${shown(value)}' is not a valid date.`);
  }
  return days;
}
