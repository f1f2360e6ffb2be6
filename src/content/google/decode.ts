/**
 * Google Calendar's chip ids (content-dom.md §1.2): `data-eventid` is unpadded base64 of
 * `"<event id> <calendar key>"`; `jslog` carries the raw id as an independent second source;
 * tasks and time blocks use `tasks.`/`tasks_`/`ttb_` prefixes and are never looked up as events.
 */
import { expandCalendarKey, googleInstance } from '../../shared/calendar-ids.ts';

export type GcalKey =
  | { readonly kind: 'event'; readonly eventId: string; readonly calendar: string | null }
  | { readonly kind: 'task' }
  | { readonly kind: 'unknown' };

const ID_OK = /^[A-Za-z0-9_\-.@#]+$/;
const JSLOG_ID = /2:\["([^"]+)"/;

function base64Decode(value: string): string | null {
  try {
    const standard = value.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(standard + '='.repeat((4 - (standard.length % 4)) % 4));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** Raw attribute strings repeat across re-renders: decode each once. */
const cache = new Map<string, GcalKey>();
const CACHE_LIMIT = 5_000;

export function decodeChip(raw: string, jslog: string | null): GcalKey {
  const cacheKey = `${raw}\u0000${jslog ?? ''}`;
  const known = cache.get(cacheKey);
  if (known) return known;
  const key = decode(raw, jslog);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(cacheKey, key);
  return key;
}

function decode(raw: string, jslog: string | null): GcalKey {
  if (raw.startsWith('tasks.') || raw.startsWith('tasks_') || raw.startsWith('ttb_')) return { kind: 'task' };
  let eventId: string | undefined;
  let calendar: string | null = null;
  const text = base64Decode(raw);
  if (text) {
    const space = text.lastIndexOf(' ');
    if (space > 0 && text.slice(space + 1).includes('@')) {
      eventId = text.slice(0, space);
      calendar = expandCalendarKey(text.slice(space + 1));
    }
  }
  const logged = jslog ? JSLOG_ID.exec(jslog)?.[1] : undefined;
  // Two sources that disagree mean we do not understand this chip: fail closed. (An instance's
  // jslog naming its series is agreement.)
  if (eventId && logged && logged !== eventId && logged !== googleInstance(eventId)?.seriesId) return { kind: 'unknown' };
  eventId ??= logged;
  if (!eventId || !ID_OK.test(eventId)) return { kind: 'unknown' };
  return { kind: 'event', eventId, calendar };
}
