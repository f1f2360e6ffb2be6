/**
 * Messages between the content scripts in the calendar web apps and the background, one union per
 * direction. The content script sees event ids on the page and asks what Tandem knows about them;
 * it never receives tokens, event text or anything about events the page does not show.
 */
import type { CalendarApp } from '../calendar-hosts.ts';

export type { CalendarApp } from '../calendar-hosts.ts';

export const CONTENT_PROTOCOL_VERSION = 1;

/** At most this many queries per lookup message (content-dom.md §3.5). */
export const MAX_LOOKUP = 200;
/** At most this many calendars and ids per nudge. */
export const MAX_NUDGE_CALENDARS = 20;
export const MAX_NUDGE_IDS = 50;
/** A nudge about a change older than this is refused (the schedule has long caught up). */
export const MAX_NUDGE_AGE_MS = 60_000;

/** What the content script asks about one item it sees. */
export type BadgeQuery =
  /**
   * Google: the event id from `data-eventid` (a recurring instance as `<series>_<start>`) and the
   * calendar it names (expanded, e.g. `pat@gmail.com`), or null. Outlook: the canonical
   * `data-calitemid` (calendar-ids.ts), calendar null.
   */
  | { readonly by: 'id'; readonly id: string; readonly calendar: string | null }
  /**
   * Outlook tiles without an id: subject and start parsed from the tile's label (English pages
   * only). `start` is the wall time shown, `YYYY-MM-DD` (all-day) or `YYYY-MM-DDTHH:MM`, in `zone`.
   */
  | { readonly by: 'subject'; readonly subject: string; readonly start: string; readonly zone: string };

export type ContentToBackground =
  | { readonly v: typeof CONTENT_PROTOCOL_VERSION; readonly type: 'badges/lookup'; readonly app: CalendarApp; readonly queries: readonly BadgeQuery[] }
  /**
   * The user changed something in the web app (chips added, changed or removed, or the app said
   * it saved). `calendars`: Google calendars of the changed chips; `ids`: the changed items' ids;
   * `ageMs`: how long ago the page last showed the change at the latest (a sync that started after
   * that has it already). The background only ever syncs pairs it already has; this only says
   * "soon, please".
   */
  | {
      readonly v: typeof CONTENT_PROTOCOL_VERSION;
      readonly type: 'badges/nudge';
      readonly app: CalendarApp;
      readonly reason: 'chips' | 'save';
      readonly calendars: readonly string[];
      readonly ids: readonly string[];
      readonly ageMs: number;
    };

export type ContentRequestType = ContentToBackground['type'];

export type BadgeState = 'synced' | 'pending' | 'conflict' | 'excluded' | 'error';

/** What one badge shows. */
export interface BadgeView {
  readonly state: BadgeState;
  /** `source`: this event is mirrored to the counterpart; `mirror`: it is a copy of it; null: not linked. */
  readonly role: 'source' | 'mirror' | null;
  readonly counterpart: {
    readonly app: CalendarApp;
    /** The counterpart calendar's name (or address) as the tooltip shows it. */
    readonly calendar: string;
    /** Opens the counterpart event in its web app; null when there is none yet. */
    readonly url: string | null;
  };
  /** When the link was last synced (epoch ms), or null. */
  readonly syncedAt: number | null;
  /** Timed events: the zone the source event was scheduled in and its start (ISO instant). */
  readonly source: { readonly zone: string; readonly start: string } | null;
  /** Plain words: why it is excluded, which field conflicted, what went wrong. Never event text. */
  readonly detail: string | null;
}

export interface ContentReplies {
  /** `views[i]` answers `queries[i]`; null = Tandem knows nothing about it (no badge). */
  'badges/lookup': { readonly version: number; readonly views: readonly (BadgeView | null)[] };
  'badges/nudge': { readonly accepted: boolean };
}

/** What the background tells a calendar tab, unasked: the states changed, look again. */
export type BackgroundToContent = { readonly v: typeof CONTENT_PROTOCOL_VERSION; readonly type: 'badges/changed'; readonly version: number };
