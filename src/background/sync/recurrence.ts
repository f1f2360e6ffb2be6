/**
 * A recurrence rule in RFC 5545 terms, the lingua franca between the two services: Google stores
 * RRULE text, Outlook a patternedRecurrence, and each adapter converts to and from this shape and
 * says whether its service can store a given rule (else the engine mirrors the occurrences).
 */
export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';

export const WEEKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export interface ByDay {
  readonly day: Weekday;
  /** 1…5 or -1…-5 for "n-th weekday of the month/year"; absent = every such weekday. */
  readonly ordinal?: number;
}

export interface RecurrenceRule {
  readonly freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  readonly interval: number;
  readonly byDay?: readonly ByDay[];
  readonly byMonthDay?: readonly number[];
  readonly byMonth?: readonly number[];
  readonly bySetPos?: readonly number[];
  readonly weekStart?: Weekday;
  /** Total number of occurrences. */
  readonly count?: number;
  /** Last date (in the series' zone; the date itself for all-day series) an occurrence may start on. */
  readonly until?: string;
}

// Removed occurrences are not part of the rule: adapters report them as cancelled instances
// (Google EXDATEs included), because Outlook has no EXDATE and knows only cancelled occurrences.

/** Rules that some service could store but the canonical form cannot: mirrored as occurrences. */
export interface UnsupportedRecurrence {
  readonly unsupported: string;
}
