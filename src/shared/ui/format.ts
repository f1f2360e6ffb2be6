/** Pure formatting for the UI: times relative to now, event starts, per-side counts. */
import type { PerSideCounts } from '../messaging/types.ts';
import { t, uiLanguage } from './i18n.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "2 minutes ago", "in 4 minutes", "just now" — in the browser's language. */
export function relativeTime(at: number, now: number, locale = uiLanguage()): string {
  const delta = at - now;
  const size = Math.abs(delta);
  if (size < 45_000) return t('timeJustNow');
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (size < HOUR) return format.format(Math.round(delta / MINUTE), 'minute');
  if (size < DAY) return format.format(Math.round(delta / HOUR), 'hour');
  return format.format(Math.round(delta / DAY), 'day');
}

/** An absolute date and time, e.g. for a tooltip next to a relative time. */
export function dateTime(at: number, locale = uiLanguage()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** An event's start as the engine reports it: a date (YYYY-MM-DD, all-day) or a UTC instant. */
export function eventStart(start: string, locale = uiLanguage()): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(start)) {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${start}T00:00:00Z`));
  }
  const at = Date.parse(start);
  return Number.isNaN(at) ? start : dateTime(at, locale);
}

type Counts = { readonly created: PerSideCounts; readonly updated: PerSideCounts; readonly deleted: PerSideCounts };

/** "2 created, 1 updated" for one side; null when nothing changed there. */
export function sideChanges(side: keyof PerSideCounts, counts: Counts, locale = uiLanguage()): string | null {
  const parts: string[] = [];
  if (counts.created[side] > 0) parts.push(t('countCreated', counts.created[side]));
  if (counts.updated[side] > 0) parts.push(t('countUpdated', counts.updated[side]));
  if (counts.deleted[side] > 0) parts.push(t('countDeleted', counts.deleted[side]));
  return parts.length > 0 ? new Intl.ListFormat(locale, { style: 'short', type: 'unit' }).format(parts) : null;
}

/** A CSS colour from untrusted data, or null: only #rgb / #rrggbb (/ alpha) pass. */
export function safeColor(color: string | null | undefined): string | null {
  return typeof color === 'string' && /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(color) ? color : null;
}
