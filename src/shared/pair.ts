/**
 * A pair: one Google calendar synced with one Outlook calendar, and everything the user chose
 * about how. Stored in settings, edited by the options page, read by the engine — so it lives in
 * shared code.
 */

export type Direction = 'both' | 'google-to-outlook' | 'outlook-to-google';

/**
 * `full`: everything chosen in `fields`. `busy`: a placeholder titled `busyTitle` with no
 * description or location. `title`: title and time only.
 */
export type PrivacyMode = 'full' | 'busy' | 'title';

export interface PairFilters {
  readonly skipFree: boolean;
  readonly skipTentative: boolean;
  readonly skipDeclined: boolean;
  /** Private events are mirrored as busy placeholders unless this skips them entirely. */
  readonly skipPrivate: boolean;
  readonly skipAllDay: boolean;
  /** Events whose title matches this regular expression (case-insensitive) are not mirrored. */
  readonly titleExclude: string | null;
}

export interface MirrorMarking {
  /** Prefix added to mirror titles, e.g. "[Work] "; removed again when edits flow back. */
  readonly titlePrefix: string;
  /** Outlook category given to mirrors in Outlook (null = none). */
  readonly outlookCategory: string | null;
  /** Google colorId given to mirrors in Google (null = calendar colour). */
  readonly googleColor: string | null;
}

export interface PairConfig {
  /** Stable id, also written into every mirror's marker. */
  readonly id: string;
  readonly googleCalendarId: string;
  readonly outlookCalendarId: string;
  readonly direction: Direction;
  readonly pastDays: number;
  readonly futureDays: number;
  readonly privacy: PrivacyMode;
  readonly busyTitle: string;
  /** Optional fields to carry (title and time are always carried). */
  readonly fields: readonly OptionalField[];
  readonly filters: PairFilters;
  readonly marking: MirrorMarking;
}

/**
 * Fields a user may switch off; times, title, all-day and recurrence always sync. (The engine
 * checks at compile time that each is one of its synced fields.)
 */
export type OptionalField = 'description' | 'location' | 'freeBusy' | 'privacy' | 'reminders' | 'color' | 'meetingUrl';

export const OPTIONAL_FIELDS: readonly OptionalField[] = ['description', 'location', 'freeBusy', 'privacy', 'reminders', 'meetingUrl', 'color'];

export const DEFAULT_PAIR: Omit<PairConfig, 'id' | 'googleCalendarId' | 'outlookCalendarId'> = {
  direction: 'both',
  pastDays: 30,
  futureDays: 365,
  privacy: 'full',
  busyTitle: 'Busy',
  // Colours mean different things in each app, so they are opt-in.
  fields: ['description', 'location', 'freeBusy', 'privacy', 'reminders', 'meetingUrl'],
  filters: { skipFree: false, skipTentative: false, skipDeclined: true, skipPrivate: false, skipAllDay: false, titleExclude: null },
  marking: { titlePrefix: '', outlookCategory: null, googleColor: null },
};

export function withDefaults(partial: Partial<PairConfig> & Pick<PairConfig, 'id' | 'googleCalendarId' | 'outlookCalendarId'>): PairConfig {
  return {
    ...DEFAULT_PAIR,
    ...partial,
    filters: { ...DEFAULT_PAIR.filters, ...partial.filters },
    marking: { ...DEFAULT_PAIR.marking, ...partial.marking },
  };
}

export function flowsFrom(pair: PairConfig, side: 'google' | 'outlook'): boolean {
  return pair.direction === 'both' || pair.direction === (side === 'google' ? 'google-to-outlook' : 'outlook-to-google');
}
