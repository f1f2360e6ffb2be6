/**
 * The simulator's data model. Wire shapes come from @googleapis/calendar (type-only) so the
 * simulator cannot drift from the public resource definitions.
 */
import type { calendar_v3 } from '@googleapis/calendar';
import type { FloatingMs } from './event-time.ts';

export type GEvent = calendar_v3.Schema$Event;
export type GEventDateTime = calendar_v3.Schema$EventDateTime;
export type GEvents = calendar_v3.Schema$Events;
export type GCalendarListEntry = calendar_v3.Schema$CalendarListEntry;
export type GCalendarList = calendar_v3.Schema$CalendarList;
export type GColors = calendar_v3.Schema$Colors;
export type GReminder = calendar_v3.Schema$EventReminder;

/** calendarList accessRole values, weakest first (calendar-apis.md §1.8). */
export const ACCESS_ROLES = ['freeBusyReader', 'reader', 'writerWithoutPrivateAccess', 'writer', 'owner'] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

export function roleRank(role: AccessRole): number {
  return ACCESS_ROLES.indexOf(role);
}

export function canWrite(role: AccessRole): boolean {
  return roleRank(role) >= roleRank('writerWithoutPrivateAccess');
}

export interface Account {
  readonly email: string;
  readonly name: string;
  readonly timeZone: string;
}

/** One user's view of one calendar: their calendarList entry. */
export interface ListEntry {
  accessRole: AccessRole;
  selected: boolean;
  hidden: boolean;
  colorId: string;
  summaryOverride: string | undefined;
  defaultReminders: GReminder[];
  etagVersion: number;
}

/** When an event starts and ends, parsed from its start/end. */
export type Span =
  | { readonly allDay: false; readonly startMs: number; readonly endMs: number }
  | { readonly allDay: true; readonly startDate: string; readonly endDate: string };

/** The key of an instance of a recurring event: its original start. */
export type OriginalStart = { readonly allDay: false; readonly ms: number } | { readonly allDay: true; readonly date: string };

/** A recurring event's rule in a form ready to expand. */
export interface SeriesRule {
  readonly zone: string;
  readonly allDay: boolean;
  /** First instance's start, floating (wall clock in `zone`; midnight for all-day series). */
  readonly startFloating: FloatingMs;
  /** Instance length: ms for timed series, days for all-day series. */
  readonly length: number;
  /** Original starts (floating) of the instances whose floating start lies in [from, to]. */
  readonly between: (from: FloatingMs, to: FloatingMs) => FloatingMs[];
  /** The first original start (floating) at or after `from`, if the series has one. */
  readonly firstFrom: (from: FloatingMs) => FloatingMs | undefined;
}

/**
 * A stored event: a single event, a recurring master, or an exception (a modified or cancelled
 * instance, `recurringEventId` set). `resource` keeps start/end/originalStartTime with dateTime in
 * UTC; responses render them in the requested zone.
 */
export interface StoredEvent {
  readonly id: string;
  resource: GEvent;
  span: Span;
  /** Exceptions only. */
  original: OriginalStart | undefined;
  /** Masters only (parsed `recurrence`). */
  rule: SeriesRule | undefined;
  /** Change sequence of the calendar when this event last changed (incremental sync). */
  seq: number;
  /** Creation order: the listing's default ("unspecified but stable") order. */
  readonly order: number;
  /** Simulator time of deletion while `status` is cancelled (purge clock). */
  deletedAt: number | undefined;
}

/**
 * An instance that left its series when the master's rule or start changed (or a split): reported
 * as cancelled to incremental feeds, never listed in full syncs.
 */
export interface Tombstone {
  readonly id: string;
  readonly masterId: string;
  readonly original: OriginalStart;
  readonly seq: number;
  readonly at: number;
  /** It was a stored exception, so singleEvents=false clients hold it as a row too. */
  readonly wasException: boolean;
}
