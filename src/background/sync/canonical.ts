/**
 * Comparing canonical events: field equality that ignores representation noise (key order,
 * reminder order, equal instants written differently), and the list of fields that differ.
 */
import { digestHex } from './digest.ts';
import { SYNCED_FIELDS, type CanonicalEvent, type EventTime, type SyncedField } from './model.ts';
import type { RecurrenceRule } from './recurrence.ts';
import { explicitRule } from './rules.ts';

export function timeKey(time: EventTime): string {
  return 'date' in time ? time.date : time.instant;
}

export function sameTime(a: EventTime, b: EventTime): boolean {
  if ('date' in a || 'date' in b) return 'date' in a && 'date' in b && a.date === b.date;
  return Date.parse(a.instant) === Date.parse(b.instant) && sameZone(a.zone, b.zone);
}

const zoneIds = new Map<string, string>();

/**
 * One zone under two names is the same zone: IANA keeps old names as links (Asia/Calcutta for
 * Asia/Kolkata, US/Eastern…), and Outlook's Windows names map to CLDR's choice of them.
 */
export function sameZone(a: string, b: string): boolean {
  return a === b || zoneId(a) === zoneId(b);
}

function zoneId(zone: string): string {
  let id = zoneIds.get(zone);
  if (id === undefined) {
    try {
      id = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    } catch {
      id = zone;
    }
    zoneIds.set(zone, id);
  }
  return id;
}

export function sameField(field: SyncedField, a: CanonicalEvent, b: CanonicalEvent): boolean {
  switch (field) {
    case 'start':
    case 'end':
      return sameTime(a[field], b[field]);
    case 'reminders':
      return sameList([...a.reminders].sort(byNumber), [...b.reminders].sort(byNumber));
    case 'recurrence':
      return sameRule(a.recurrence && explicitRule(a.recurrence, a.start), b.recurrence && explicitRule(b.recurrence, b.start));
    default:
      return a[field] === b[field];
  }
}

/** Fields whose values differ between two versions of an event. */
export function changedFields(before: CanonicalEvent | undefined, after: CanonicalEvent, fields: readonly SyncedField[] = SYNCED_FIELDS): SyncedField[] {
  if (!before) return [...fields];
  return fields.filter((field) => !sameField(field, before, after));
}

export function sameRule(a: RecurrenceRule | null, b: RecurrenceRule | null): boolean {
  if (a === null || b === null) return a === b;
  return stableJson(normaliseRule(a)) === stableJson(normaliseRule(b));
}

/**
 * What decides a series' occurrences (first start and end, rule), as a short digest. Outlook
 * regenerates every occurrence, under new ids, when one of them changes.
 */
export function seriesShape(event: CanonicalEvent): string {
  const time = (t: EventTime): string => ('date' in t ? t.date : String(Date.parse(t.instant)));
  return digestHex(`${time(event.start)}|${time(event.end)}|${event.recurrence ? stableJson(normaliseRule(event.recurrence)) : ''}`, 16);
}

function normaliseRule(rule: RecurrenceRule): RecurrenceRule {
  return {
    ...rule,
    ...(rule.byDay ? { byDay: [...rule.byDay].sort((x, y) => `${x.ordinal ?? 0}${x.day}`.localeCompare(`${y.ordinal ?? 0}${y.day}`)) } : {}),
    ...(rule.byMonthDay ? { byMonthDay: [...rule.byMonthDay].sort(byNumber) } : {}),
    ...(rule.byMonth ? { byMonth: [...rule.byMonth].sort(byNumber) } : {}),
    ...(rule.bySetPos ? { bySetPos: [...rule.bySetPos].sort(byNumber) } : {}),
  };
}

/** JSON with sorted keys, so equal values serialise equally. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)))
      : v,
  );
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function byNumber(a: number, b: number): number {
  return a - b;
}
