/**
 * RRULE text ⇄ the canonical RecurrenceRule (recurrence.ts). The grammar is small (RFC 5545
 * §3.3.10), so this is a strict hand parser: any part the canonical rule cannot hold (BYHOUR,
 * BYWEEKNO, RSCALE/SKIP, FREQ=HOURLY, ordinals beyond ±5, …) makes the rule unsupported, and the
 * engine mirrors its occurrences instead (calendar-apis.md §2.7 "Not representable → expand").
 *
 * UNTIL: Google writes a UTC instant on timed series and a date on all-day ones. The canonical
 * `until` is the last *date* an occurrence may start on, in the series' zone; written back as the
 * last second of that local day in UTC (the form calendar-apis.md §2.7 gives for `endDate`).
 */
import type { ByDay, RecurrenceRule, Weekday } from '../../sync/recurrence.ts';
import { WEEKDAYS } from '../../sync/recurrence.ts';
import { compactUtc, endOfDayUtc, expandCompact, localDateTime } from './time.ts';

/** Where a series lives: what UNTIL needs to become a local date and back. */
export interface SeriesFrame {
  readonly allDay: boolean;
  /** The zone the series expands in (start.timeZone; the calendar's for all-day series). */
  readonly zone: string;
  /** Local start time (`HH:MM:SS`) of timed series: an UNTIL earlier that day ends on the day before. */
  readonly startTime?: string;
}

export type ParsedRule = { readonly rule: RecurrenceRule } | { readonly unsupported: string };

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
const FREQS = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;

/** Parses the value of an RRULE line (without `RRULE:`). */
export function parseRRule(value: string, frame: SeriesFrame): ParsedRule {
  const rule: Partial<Mutable<RecurrenceRule>> = {};
  const seen = new Set<string>();
  for (const part of value.split(';').filter(Boolean)) {
    const eq = part.indexOf('=');
    const name = part.slice(0, eq).toUpperCase();
    const raw = part.slice(eq + 1).toUpperCase();
    if (eq <= 0 || seen.has(name)) return { unsupported: `RRULE part ${part || '(empty)'} is not understood` };
    seen.add(name);
    const problem = applyPart(rule, name, raw, frame);
    if (problem) return { unsupported: problem };
  }
  if (!rule.freq) return { unsupported: 'RRULE has no supported FREQ' };
  if (rule.count !== undefined && rule.until !== undefined) return { unsupported: 'RRULE has both COUNT and UNTIL' };
  if (rule.byDay?.some((d) => d.ordinal !== undefined) && (rule.freq === 'DAILY' || rule.freq === 'WEEKLY')) {
    return { unsupported: `BYDAY ordinals with FREQ=${rule.freq}` };
  }
  return { rule: { interval: 1, ...rule, freq: rule.freq } };
}

function applyPart(rule: Partial<Mutable<RecurrenceRule>>, name: string, raw: string, frame: SeriesFrame): string | undefined {
  switch (name) {
    case 'FREQ':
      if (!(FREQS as readonly string[]).includes(raw)) return `FREQ=${raw}`;
      rule.freq = raw as RecurrenceRule['freq'];
      return undefined;
    case 'INTERVAL':
    case 'COUNT': {
      const n = /^\d{1,6}$/.test(raw) ? Number(raw) : 0;
      if (n < 1) return `${name}=${raw}`;
      if (name === 'INTERVAL') rule.interval = n;
      else rule.count = n;
      return undefined;
    }
    case 'UNTIL': {
      const until = untilDate(raw, frame);
      if (!until) return `UNTIL=${raw}`;
      rule.until = until;
      return undefined;
    }
    case 'WKST':
      if (!isWeekday(raw)) return `WKST=${raw}`;
      rule.weekStart = raw;
      return undefined;
    case 'BYDAY': {
      const days = raw.split(',').map(parseByDay);
      if (days.some((d) => d === undefined)) return `BYDAY=${raw}`;
      rule.byDay = days as ByDay[];
      return undefined;
    }
    case 'BYMONTHDAY':
      return setNumbers(raw, 31, (list) => (rule.byMonthDay = list)) ? undefined : `BYMONTHDAY=${raw}`;
    case 'BYMONTH':
      return setNumbers(raw, 12, (list) => (rule.byMonth = list), false) ? undefined : `BYMONTH=${raw}`;
    case 'BYSETPOS':
      return setNumbers(raw, 366, (list) => (rule.bySetPos = list)) ? undefined : `BYSETPOS=${raw}`;
    default:
      return `RRULE part ${name}`;
  }
}

/** A comma list of non-zero integers within ±max (or 1…max when negatives are meaningless). */
function setNumbers(raw: string, max: number, set: (list: number[]) => void, signed = true): boolean {
  const list = raw.split(',').map((s) => (/^[+-]?\d{1,3}$/.test(s) ? Number(s) : NaN));
  const ok = list.every((n) => Number.isInteger(n) && n !== 0 && Math.abs(n) <= max && (signed || n > 0));
  if (ok) set(list);
  return ok;
}

function parseByDay(text: string): ByDay | undefined {
  const m = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(text);
  if (!m || !isWeekday(m[2])) return undefined;
  if (m[1] === undefined) return { day: m[2] };
  const ordinal = Number(m[1]);
  // The canonical rule holds "n-th weekday of the month" (±1…5) only.
  return ordinal !== 0 && Math.abs(ordinal) <= 5 ? { day: m[2], ordinal } : undefined;
}

function isWeekday(value: string | undefined): value is Weekday {
  return (WEEKDAYS as readonly string[]).includes(value ?? '');
}

/** UNTIL → the last local date an occurrence may start on (undefined when not a valid UNTIL). */
function untilDate(raw: string, frame: SeriesFrame): string | undefined {
  const iso = expandCompact(raw);
  if (!iso) return undefined;
  if (iso.length === 10) return iso;
  try {
    // A UTC UNTIL is read in the series' zone; a floating one already is local time.
    const local = iso.endsWith('Z') ? localDateTime(iso, frame.zone) : localDateTime(`${iso}Z`, 'UTC');
    const date = local.toPlainDate();
    const before = !frame.allDay && frame.startTime !== undefined && local.toPlainTime().toString() < frame.startTime;
    return (before ? date.subtract({ days: 1 }) : date).toString();
  } catch {
    return undefined;
  }
}

/** The RRULE line for a canonical rule. */
export function formatRRule(rule: RecurrenceRule, frame: SeriesFrame): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.byMonth?.length) parts.push(`BYMONTH=${rule.byMonth.join(',')}`);
  if (rule.byMonthDay?.length) parts.push(`BYMONTHDAY=${rule.byMonthDay.join(',')}`);
  if (rule.byDay?.length) parts.push(`BYDAY=${rule.byDay.map((d) => `${d.ordinal ?? ''}${d.day}`).join(',')}`);
  if (rule.bySetPos?.length) parts.push(`BYSETPOS=${rule.bySetPos.join(',')}`);
  if (rule.weekStart) parts.push(`WKST=${rule.weekStart}`);
  if (rule.count !== undefined) parts.push(`COUNT=${rule.count}`);
  if (rule.until !== undefined) {
    parts.push(`UNTIL=${frame.allDay ? rule.until.replace(/-/g, '') : compactUtc(endOfDayUtc(rule.until, frame.zone))}`);
  }
  return `RRULE:${parts.join(';')}`;
}
