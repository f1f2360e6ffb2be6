/**
 * The canonical event: what Tandem knows about an event independently of Google's or Microsoft's
 * wire format. Each provider adapter maps its own shape to and from this; the engine compares,
 * merges and hashes only canonical values.
 */
import type { RecurrenceRule } from './recurrence.ts';

export type Side = 'google' | 'outlook';

export function otherSide(side: Side): Side {
  return side === 'google' ? 'outlook' : 'google';
}

/**
 * A boundary of an event. All-day events are floating dates (end exclusive, as Google's `date`
 * and Outlook's midnight-to-midnight both mean); timed events are an instant plus the IANA zone the
 * user scheduled it in, so "09:00 Berlin" survives DST and zone round-trips.
 */
export type EventTime =
  | { readonly date: string }
  | { readonly instant: string; readonly zone: string };

export function isAllDay(time: EventTime): time is { readonly date: string } {
  return 'date' in time;
}

/** Outlook's showAs; Google only knows busy (opaque) and free (transparent). */
export type FreeBusy = 'busy' | 'free' | 'tentative' | 'oof' | 'workingElsewhere';

/** Google visibility; Outlook's `personal` reads as `private`. */
export type Privacy = 'default' | 'public' | 'private' | 'confidential';

/**
 * Reminder offsets in minutes before the start, ascending, without duplicates ([] = none). Google's
 * "use the calendar's defaults" is resolved to the calendar's default reminders by its adapter:
 * Outlook has no such notion, and an explicit list keeps both sides comparable.
 */
export type Reminders = readonly number[];

export interface CanonicalEvent {
  readonly title: string;
  /** Plain text; HTML bodies are reduced to text by the adapter before they get here. */
  readonly description: string;
  readonly location: string;
  readonly start: EventTime;
  readonly end: EventTime;
  /** Google's endTimeUnspecified: the end is a placeholder equal to the start. */
  readonly endUnspecified: boolean;
  readonly freeBusy: FreeBusy;
  readonly privacy: Privacy;
  /** Google's status `tentative` (not Outlook's showAs tentative). */
  readonly tentative: boolean;
  readonly reminders: Reminders;
  /** Colour / category as the pair's mapping names it; null = none. */
  readonly color: string | null;
  /** Join URL of an online meeting, carried as text on mirrors (never creates a conference). */
  readonly meetingUrl: string | null;
  /** Series only: the rule, in RFC 5545 terms. */
  readonly recurrence: RecurrenceRule | null;
}

/** The synced fields, in a fixed order (hashing and conflict records use it). */
export const SYNCED_FIELDS = [
  'title',
  'description',
  'location',
  'start',
  'end',
  'endUnspecified',
  'freeBusy',
  'privacy',
  'tentative',
  'reminders',
  'color',
  'meetingUrl',
  'recurrence',
] as const satisfies readonly (keyof CanonicalEvent)[];

export type SyncedField = (typeof SYNCED_FIELDS)[number];

/** Facts read from an event that steer the engine but are never written. */
export interface EventFacts {
  /** The signed-in user organises the event (else it is an invitation: its mirror is one-way). */
  readonly organizer: boolean;
  /** The user's own answer to an invitation. */
  readonly response: 'accepted' | 'declined' | 'tentative' | 'needsAction' | 'organizer' | 'none';
  /** Number of other attendees (never copied; shown as text when configured). */
  readonly attendeeCount: number;
  /** Core fields cannot be edited (Google `locked`, or a read-only calendar). */
  readonly readOnly: boolean;
}
