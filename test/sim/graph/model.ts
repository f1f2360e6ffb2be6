/**
 * The simulator's stored state. Event records are immutable values: every change replaces the
 * record, and the calendar's change log keeps the record as it was before each change. That is
 * what lets a delta round compare "what the client saw at its token" with "now", including the
 * occurrences a series had before its pattern changed (calendar-apis.md §2.9 item 1).
 */
import type { Attendee, ItemBody, Location } from '@microsoft/microsoft-graph-types';
import type { LocalDateTime } from './timezones.ts';

export interface EventTime {
  /** Wall-clock time in Graph's format ("2026-03-10T09:00:00.0000000"). */
  readonly dateTime: string;
  /** The zone name as the client gave it (Windows or a documented IANA name). */
  readonly timeZone: string;
  /** The IANA zone Temporal computes with. */
  readonly zone: string;
  readonly local: LocalDateTime;
  /** The instant, epoch milliseconds. */
  readonly ms: number;
}

export type Importance = 'low' | 'normal' | 'high';
export type Sensitivity = 'normal' | 'personal' | 'private' | 'confidential';
export type ShowAs = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';

/** The writable content of an event (and, partially, of an exception's overrides). */
export interface EventContent {
  readonly subject: string;
  readonly body: ItemBody;
  readonly start: EventTime;
  readonly end: EventTime;
  readonly isAllDay: boolean;
  readonly location: Location;
  readonly locations: readonly Location[];
  readonly attendees: readonly Attendee[];
  readonly categories: readonly string[];
  readonly importance: Importance;
  readonly sensitivity: Sensitivity;
  readonly showAs: ShowAs;
  readonly isReminderOn: boolean;
  readonly reminderMinutesBeforeStart: number;
  readonly responseRequested: boolean;
  readonly allowNewTimeProposals: boolean;
  readonly hideAttendees: boolean;
  readonly isOnlineMeeting: boolean;
  readonly onlineMeetingProvider: string;
}

export type ContentPatch = Partial<EventContent>;

export type PatternType = 'daily' | 'weekly' | 'absoluteMonthly' | 'relativeMonthly' | 'absoluteYearly' | 'relativeYearly';
export type WeekIndex = 'first' | 'second' | 'third' | 'fourth' | 'last';
export type RangeType = 'endDate' | 'noEnd' | 'numbered';

/** A validated patternedRecurrence (§2.7) with days of the week as numbers (0 = Sunday). */
export interface Recurrence {
  readonly type: PatternType;
  readonly interval: number;
  readonly daysOfWeek: readonly number[];
  readonly firstDayOfWeek: number;
  readonly dayOfMonth: number;
  readonly month: number;
  readonly index: WeekIndex;
  readonly rangeType: RangeType;
  /** Epoch days. */
  readonly startDay: number;
  readonly endDay: number | undefined;
  readonly numberOfOccurrences: number;
  readonly recurrenceTimeZone: string;
}

export interface OccurrenceOverride {
  readonly content: ContentPatch;
  /** Extended properties set on this occurrence, over the master's. */
  readonly extended: ReadonlyMap<string, ExtendedProperty>;
  readonly changeKey: string;
  readonly modifiedMs: number;
}

export interface SeriesState {
  readonly recurrence: Recurrence;
  /** Modified occurrences by original start (epoch ms). */
  readonly exceptions: ReadonlyMap<number, OccurrenceOverride>;
  /** Deleted occurrences by original start (epoch ms). */
  readonly cancelled: ReadonlySet<number>;
}

export interface ExtendedProperty {
  /** The id as the client created it ("String {guid} Name X"). */
  readonly id: string;
  readonly value: string;
}

export interface EmailAddress {
  readonly name: string;
  readonly address: string;
}

export interface StoredEvent {
  readonly immutableId: string;
  readonly regularId: string;
  readonly calendarId: string;
  readonly mailbox: string;
  readonly createdMs: number;
  readonly modifiedMs: number;
  readonly changeKey: string;
  readonly iCalUId: string;
  readonly transactionId: string | undefined;
  readonly isOrganizer: boolean;
  readonly organizer: EmailAddress;
  readonly response: string;
  readonly content: EventContent;
  /** Canonical property key (see extended-props.ts) → property. */
  readonly extended: ReadonlyMap<string, ExtendedProperty>;
  readonly series: SeriesState | undefined;
}

export interface ChangeEntry {
  readonly seq: number;
  /** Immutable id of the single event or series master that changed. */
  readonly key: string;
  /** The record before this change; undefined when the change created it. */
  readonly before: StoredEvent | undefined;
}

export interface MailboxRecord {
  readonly upn: string;
  readonly id: string;
  readonly displayName: string;
  readonly timeZone: string;
  readonly calendarIds: string[];
}

export interface CalendarRecord {
  readonly id: string;
  readonly mailbox: string;
  readonly name: string;
  readonly color: string;
  readonly hexColor: string;
  readonly isDefaultCalendar: boolean;
  readonly canEdit: boolean;
  readonly canShare: boolean;
  readonly canViewPrivateItems: boolean;
  readonly isRemovable: boolean;
  readonly changeKey: string;
  readonly owner: EmailAddress;
  readonly events: Map<string, StoredEvent>;
  readonly log: ChangeEntry[];
  /** transactionId → immutable id of the event it created (§2.4). */
  readonly transactions: Map<string, string>;
}
