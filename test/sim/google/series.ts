/**
 * Instances of recurring events (calendar-apis.md §1.5): ids `<masterId>_YYYYMMDDTHHMMSSZ` (timed,
 * UTC original start) and `<masterId>_YYYYMMDD` (all-day); each carries `recurringEventId` and
 * `originalStartTime`, which identify it even after it was moved. Unmodified instances are not
 * stored: they are made from the master on demand, sharing its etag, `updated` and change seq.
 */
import {
  addDays, compactDate, compactUtc, dateStartInstant, dateToFloating, floatingToDate, floatingToInstant, instantToFloating,
} from './event-time.ts';
import type { GEvent, OriginalStart, SeriesRule, Span, StoredEvent } from './model.ts';

const DAY_MS = 86_400_000;

export function instanceId(masterId: string, original: OriginalStart): string {
  return `${masterId}_${original.allDay ? compactDate(original.date) : compactUtc(original.ms)}`;
}

/** Splits an instance id into master id and original start; undefined for other ids. */
export function parseInstanceId(id: string): { masterId: string; original: OriginalStart } | undefined {
  const m = /^(.+)_(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/.exec(id);
  if (!m) return undefined;
  const date = `${m[2]}-${m[3]}-${m[4]}`;
  if (m[5] === undefined) return { masterId: m[1]!, original: { allDay: true, date } };
  const ms = Date.parse(`${date}T${m[5]}:${m[6]}:${m[7]}Z`);
  return Number.isNaN(ms) ? undefined : { masterId: m[1]!, original: { allDay: false, ms } };
}

/** Original starts of a master's instances that may overlap [fromMs, toMs), at most `cap` of them. */
export function originalStarts(rule: SeriesRule, fromMs: number, toMs: number, cap: number): OriginalStart[] {
  // Widen by the instance length and a day for zone offsets; callers filter on exact spans.
  const lengthMs = rule.allDay ? rule.length * DAY_MS : rule.length;
  const from = instantToFloating(fromMs, rule.zone) - lengthMs - DAY_MS;
  const to = instantToFloating(toMs, rule.zone) + DAY_MS;
  return rule
    .between(Math.max(from, rule.startFloating), to)
    .slice(0, cap)
    .map((f) => originalFromFloating(rule, f));
}

export function originalFromFloating(rule: SeriesRule, floating: number): OriginalStart {
  return rule.allDay ? { allDay: true, date: floatingToDate(floating) } : { allDay: false, ms: floatingToInstant(floating, rule.zone) };
}

export function isOccurrence(rule: SeriesRule, original: OriginalStart): boolean {
  if (original.allDay !== rule.allDay) return false;
  const floating = original.allDay ? dateToFloating(original.date) : instantToFloating(original.ms, rule.zone);
  return rule.between(floating, floating).includes(floating);
}

export function instanceSpan(rule: SeriesRule, original: OriginalStart): Span {
  if (original.allDay) return { allDay: true, startDate: original.date, endDate: addDays(original.date, rule.length) };
  return { allDay: false, startMs: original.ms, endMs: original.ms + rule.length };
}

export function originalStartTime(master: GEvent, original: OriginalStart): NonNullable<GEvent['originalStartTime']> {
  if (original.allDay) return { date: original.date };
  const timeZone = master.start?.timeZone;
  return { dateTime: utcString(original.ms), ...(timeZone ? { timeZone } : {}) };
}

export function spanTimes(span: Span, master: GEvent): Pick<GEvent, 'start' | 'end'> {
  if (span.allDay) return { start: { date: span.startDate }, end: { date: span.endDate } };
  const zone = (field: 'start' | 'end') => (master[field]?.timeZone ? { timeZone: master[field].timeZone } : {});
  return { start: { dateTime: utcString(span.startMs), ...zone('start') }, end: { dateTime: utcString(span.endMs), ...zone('end') } };
}

/** An unmodified instance, made from its master (a virtual stored event; never saved). */
export function virtualInstance(master: StoredEvent, original: OriginalStart): StoredEvent {
  const rule = master.rule!;
  const span = instanceSpan(rule, original);
  const { recurrence: _recurrence, ...base } = master.resource;
  const resource: GEvent = {
    ...base,
    id: instanceId(master.id, original),
    recurringEventId: master.id,
    originalStartTime: originalStartTime(master.resource, original),
    ...spanTimes(span, master.resource),
  };
  return { id: resource.id!, resource, span, original, rule: undefined, seq: master.seq, order: master.order, deletedAt: master.deletedAt };
}

/** Start instant of a span (all-day spans start at midnight in the calendar's zone). */
export function spanStart(span: Span, zone: string): number {
  return span.allDay ? dateStartInstant(span.startDate, zone) : span.startMs;
}

export function spanEnd(span: Span, zone: string): number {
  return span.allDay ? dateStartInstant(span.endDate, zone) : span.endMs;
}

function utcString(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Instant of an original start (all-day ones in the calendar's zone), for ordering and filtering. */
export function originalInstant(original: OriginalStart, zone: string): number {
  return original.allDay ? dateStartInstant(original.date, zone) : original.ms;
}

export function sameOriginal(a: OriginalStart, b: OriginalStart): boolean {
  return a.allDay ? b.allDay && a.date === b.date : !b.allDay && a.ms === b.ms;
}

/** The UTC instant just before an instance, as an RRULE UNTIL (the guide's split recipe, §1.5). */
export function untilBefore(original: OriginalStart): string {
  return original.allDay ? compactDate(addDays(original.date, -1)) : compactUtc(original.ms - 1000);
}
