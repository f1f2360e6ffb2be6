/**
 * RFC 5545 recurrence (calendar-apis.md §1.3, §1.5): RRULE/EXRULE/RDATE/EXDATE lines of a master,
 * expanded on wall-clock ("floating") times of the master's start.timeZone and converted to
 * instants afterwards, so a 09:00 Europe/Berlin meeting stays 09:00 local across DST changes.
 * rrule does the rule arithmetic; zone conversion is Temporal's (event-time.ts).
 */
import rrulePkg from 'rrule';
import type { Options } from 'rrule';
import { invalidField } from './errors.ts';
import { dateToFloating, floatingToInstant, instantToFloating, type FloatingMs } from './event-time.ts';
import type { SeriesRule } from './model.ts';

const { RRule, RRuleSet } = rrulePkg;
type RRuleSetInstance = InstanceType<typeof RRuleSet>;

const DAY_MS = 86_400_000;
const invalidRule = () => invalidField('Invalid recurrence rule.');

export interface SeriesStart {
  readonly allDay: boolean;
  readonly zone: string;
  readonly startFloating: FloatingMs;
  readonly length: number;
}

/** Parses a master's `recurrence` lines; 400 `invalid` for anything Google would refuse. */
export function buildSeriesRule(lines: readonly string[], start: SeriesStart): SeriesRule {
  const set = new RRuleSet();
  let producers = 0;
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) throw invalidRule();
    const [name = '', ...params] = line.slice(0, colon).split(';');
    const value = line.slice(colon + 1);
    switch (name.toUpperCase()) {
      case 'RRULE':
        set.rrule(toRule(value, start));
        producers++;
        break;
      case 'EXRULE':
        set.exrule(toRule(value, start));
        break;
      case 'RDATE':
        for (const d of toDates(params, value, start)) set.rdate(new Date(d));
        producers++;
        break;
      case 'EXDATE':
        for (const d of toDates(params, value, start)) set.exdate(new Date(d));
        break;
      default:
        // DTSTART/DTEND and anything else: Google takes start/end from the event fields only.
        throw invalidRule();
    }
  }
  if (producers === 0) throw invalidRule();
  return { ...start, between: (from, to) => between(set, from, to), firstFrom: (from) => set.after(new Date(from), true)?.getTime() };
}

function between(set: RRuleSetInstance, from: FloatingMs, to: FloatingMs): FloatingMs[] {
  if (to < from) return [];
  return set.between(new Date(from), new Date(to), true).map((d) => d.getTime());
}

function toRule(value: string, start: SeriesStart): InstanceType<typeof RRule> {
  let options: Partial<Options>;
  try {
    options = RRule.parseString(value);
  } catch {
    throw invalidRule();
  }
  if (options.freq === undefined || options.dtstart || options.tzid) throw invalidRule();
  if (options.interval !== undefined && options.interval < 1) throw invalidRule();
  if (options.count !== undefined && options.count !== null && options.count < 1) throw invalidRule();
  const until = untilFloating(value, start);
  return new RRule({ ...options, dtstart: new Date(start.startFloating), tzid: null, until });
}

/**
 * UNTIL in UTC ("…Z", what Google writes) becomes the wall clock of the series zone; a floating
 * UNTIL is taken as is; a date-only UNTIL includes that whole day.
 */
function untilFloating(value: string, start: SeriesStart): Date | null {
  const m = /(?:^|;)UNTIL=(\d{8})(T\d{6}(Z?))?(?:;|$)/i.exec(value);
  if (!m) {
    if (/(?:^|;)UNTIL=/i.test(value)) throw invalidRule();
    return null;
  }
  const date = `${m[1]!.slice(0, 4)}-${m[1]!.slice(4, 6)}-${m[1]!.slice(6, 8)}`;
  if (!m[2]) return new Date(dateToFloating(date) + (start.allDay ? 0 : DAY_MS - 1000));
  const time = m[2].slice(1, 7);
  const floating = Date.parse(`${date}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}Z`);
  if (Number.isNaN(floating)) throw invalidRule();
  return new Date(m[3] ? instantToFloating(floating, start.zone) : floating);
}

/** RDATE/EXDATE values: dates, floating date-times (in TZID or the series zone) or UTC. */
function toDates(params: readonly string[], value: string, start: SeriesStart): FloatingMs[] {
  const tzid = params.find((p) => /^TZID=/i.test(p))?.slice(5);
  return value.split(',').map((raw) => {
    const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(raw.trim());
    if (!m) throw invalidRule();
    const dateFloating = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!);
    if (m[4] === undefined) return dateFloating + timeOfDay(start);
    const floating = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4], +m[5]!, +m[6]!);
    if (m[7]) return instantToFloating(floating, start.zone);
    if (tzid && tzid !== start.zone) return instantToFloating(floatingToInstant(floating, tzid), start.zone);
    return floating;
  });
}

/** A date-only EXDATE on a timed series means that day's instance. */
function timeOfDay(start: SeriesStart): number {
  return start.allDay ? 0 : ((start.startFloating % DAY_MS) + DAY_MS) % DAY_MS;
}
