/**
 * Event ids as the calendar web apps show them, and links back into those apps. Used by the
 * content script (reading ids off the page) and by the background (matching them against the
 * sync state and building "open the counterpart" links), so both sides canonicalise alike.
 */

/** Google recurring instance: `<series id>_<YYYYMMDD>` (all-day) or `_<YYYYMMDDTHHMMSS>Z` (timed, UTC). */
const GOOGLE_INSTANCE = /^(.+)_(\d{8})(?:T(\d{6})Z)?$/;

export interface GoogleInstance {
  readonly seriesId: string;
  /** `YYYY-MM-DD` for all-day instances, an ISO instant (UTC) for timed ones. */
  readonly start: string;
}

/** Splits a recurring instance id into its series id and start; null for any other id. */
export function googleInstance(eventId: string): GoogleInstance | null {
  const m = GOOGLE_INSTANCE.exec(eventId);
  if (!m?.[1] || !m[2]) return null;
  const d = m[2];
  const date = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  const t = m[3];
  return { seriesId: m[1], start: t ? `${date}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}Z` : date };
}

const KEY_SUFFIXES: readonly (readonly [short: string, full: string])[] = [
  ['@m', '@gmail.com'],
  ['@g', '@group.calendar.google.com'],
  ['@v', '@group.v.calendar.google.com'],
];

/** Google shortens calendar ids inside `data-eventid` (content-dom.md §1.2); this undoes it. */
export function expandCalendarKey(key: string): string {
  const lower = key.toLowerCase();
  for (const [short, full] of KEY_SUFFIXES) if (lower.endsWith(short)) return lower.slice(0, -short.length) + full;
  return lower;
}

/** The inverse of expandCalendarKey: how a calendar id appears inside an `eid`. */
export function shortenCalendarId(id: string): string {
  const lower = id.toLowerCase();
  for (const [short, full] of KEY_SUFFIXES) if (lower.endsWith(full)) return lower.slice(0, -full.length) + short;
  return lower;
}

/** Unpadded base64 of UTF-8 text (what Google uses for `data-eventid` and `eid`). */
export function base64Text(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/=+$/, '');
}

/**
 * A link that opens a Google event in Google Calendar (the `htmlLink` form). Null when the
 * calendar is only known as "primary": the link needs the calendar's address.
 */
export function googleEventUrl(eventId: string, calendarId: string): string | null {
  if (!calendarId.includes('@')) return null;
  return `https://calendar.google.com/calendar/event?eid=${encodeURIComponent(base64Text(`${eventId} ${shortenCalendarId(calendarId)}`))}`;
}

/**
 * Outlook on the web's `data-calitemid` and Graph ids in one comparable form (content-dom.md
 * §2.3): URL-decoded, URL-safe alphabet, no padding. Case is kept (Exchange ids are
 * case-sensitive). Null for anything that is not an id.
 */
export function canonicalOutlookId(raw: string): string | null {
  let id = raw.trim();
  if (id.length === 0 || id.length > 1024) return null;
  if (id.includes('%')) {
    try {
      id = decodeURIComponent(id);
    } catch {
      return null;
    }
  }
  id = id.replace(/\//g, '-').replace(/\+/g, '_').replace(/=+$/, '');
  return /^[A-Za-z0-9_-]+$/.test(id) ? id : null;
}

/**
 * A link that opens an Outlook event in Outlook on the web, on the host the user was last seen
 * using. (The `/calendar/item/<id>` deep link is unverified on live tenants: content-dom.md §6.)
 */
export function outlookEventUrl(eventId: string, host: string): string {
  return `https://${host}/calendar/item/${encodeURIComponent(eventId)}`;
}
