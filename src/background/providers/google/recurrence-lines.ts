/**
 * A master's `recurrence` lines (RRULE, EXRULE, RDATE, EXDATE; calendar-apis.md §1.3). The
 * canonical form holds exactly one RRULE; removed dates are not part of it (recurrence.ts): each
 * EXDATE becomes a cancelled instance, the way Outlook knows removed occurrences. RDATE, EXRULE,
 * several RRULEs or an RRULE the canonical rule cannot hold make the series "unsupported".
 */
import { Temporal } from 'temporal-polyfill';
import type { EventTime } from '../../sync/model.ts';
import type { RecurrenceRule } from '../../sync/recurrence.ts';
import { parseRRule, type SeriesFrame } from './rrule.ts';
import { expandCompact, isValidZone } from './time.ts';

export interface SeriesRecurrence {
  readonly rule: RecurrenceRule | null;
  readonly unsupported?: string;
  /** Original starts of the occurrences EXDATE removes. */
  readonly removed: readonly EventTime[];
}

export function readRecurrence(lines: readonly string[], frame: SeriesFrame): SeriesRecurrence {
  const rrules: string[] = [];
  const removed: EventTime[] = [];
  const problems: string[] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    const [name = '', ...params] = line.slice(0, Math.max(colon, 0)).split(';');
    const value = line.slice(colon + 1);
    switch (name.toUpperCase()) {
      case 'RRULE':
        rrules.push(value);
        break;
      case 'EXDATE': {
        const dates = exdates(params, value, frame);
        if (dates) removed.push(...dates);
        else problems.push(`EXDATE ${value} is not understood`);
        break;
      }
      default:
        problems.push(`${name.toUpperCase() || 'a line without a name'} is not supported`);
    }
  }
  if (rrules.length !== 1) problems.push(rrules.length === 0 ? 'no RRULE' : 'several RRULEs');
  const parsed = rrules.length === 1 ? parseRRule(rrules[0] ?? '', frame) : undefined;
  if (parsed && 'unsupported' in parsed) problems.push(parsed.unsupported);
  const rule = parsed && 'rule' in parsed ? parsed.rule : null;
  if (problems.length > 0) return { rule: null, unsupported: problems.join('; '), removed };
  return { rule, removed };
}

/**
 * EXDATE values: dates (`VALUE=DATE`, or a date on a timed series = that day's occurrence),
 * UTC date-times, or local date-times in TZID (default: the series zone). Undefined if unreadable.
 */
function exdates(params: readonly string[], value: string, frame: SeriesFrame): EventTime[] | undefined {
  const tzid = params.find((p) => /^TZID=/i.test(p))?.slice(5);
  const zone = isValidZone(tzid) ? tzid : frame.zone;
  if (tzid !== undefined && zone !== tzid) return undefined;
  const result: EventTime[] = [];
  for (const raw of value.split(',')) {
    const time = exdate(raw.trim(), zone, frame);
    if (!time) return undefined;
    result.push(time);
  }
  return result;
}

function exdate(raw: string, zone: string, frame: SeriesFrame): EventTime | undefined {
  const iso = expandCompact(raw);
  if (!iso) return undefined;
  try {
    if (frame.allDay) {
      if (!iso.endsWith('Z')) return { date: iso.slice(0, 10) };
      return { date: Temporal.Instant.from(iso).toZonedDateTimeISO(frame.zone).toPlainDate().toString() };
    }
    let instant: Temporal.Instant;
    if (iso.endsWith('Z')) instant = Temporal.Instant.from(iso);
    else if (iso.length === 10) instant = Temporal.PlainDateTime.from(`${iso}T${frame.startTime ?? '00:00:00'}`).toZonedDateTime(frame.zone).toInstant();
    else instant = Temporal.PlainDateTime.from(iso).toZonedDateTime(zone).toInstant();
    return { instant: instant.toString({ smallestUnit: 'second' }), zone: frame.zone };
  } catch {
    return undefined;
  }
}
