/**
 * Stored events → wire JSON. dateTimes are rendered in the response zone (the `timeZone` parameter,
 * else the calendar's) with their offset; `self` flags say whether a person is the calendar this
 * copy lives in; readers see private events without details and free/busy readers see only busy
 * blocks (calendar-apis.md §1.2, §1.8, pitfall 4). Listed deletions carry only what Google
 * guarantees for them (§1.3): id, status, and for instances recurringEventId/originalStartTime.
 */
import { formatInZone } from './event-time.ts';
import type { AccessRole, GEvent, GEventDateTime, StoredEvent } from './model.ts';

export interface RenderContext {
  readonly calendarId: string;
  readonly zone: string;
  readonly role: AccessRole;
}

/** Google's field order, so responses read like the real ones. */
const FIELD_ORDER = [
  'kind', 'etag', 'id', 'status', 'htmlLink', 'created', 'updated', 'summary', 'description', 'location', 'colorId',
  'creator', 'organizer', 'start', 'end', 'endTimeUnspecified', 'recurrence', 'recurringEventId', 'originalStartTime',
  'transparency', 'visibility', 'iCalUID', 'sequence', 'attendees', 'guestsCanInviteOthers', 'guestsCanModify',
  'guestsCanSeeOtherGuests', 'anyoneCanAddSelf', 'extendedProperties', 'hangoutLink', 'conferenceData', 'reminders',
  'source', 'eventType', 'locked', 'privateCopy',
] as const;

const FREE_BUSY_FIELDS = new Set(['kind', 'etag', 'id', 'status', 'start', 'end', 'recurringEventId', 'originalStartTime']);
const PRIVATE_FIELDS = new Set([
  ...FREE_BUSY_FIELDS, 'updated', 'recurrence', 'transparency', 'visibility', 'iCalUID', 'sequence', 'eventType',
]);

export function renderEvent(event: StoredEvent, ctx: RenderContext): GEvent {
  const source = event.resource;
  const allowed = visibleFields(source, ctx.role);
  const out: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) {
    const value = source[key];
    if (value === undefined || value === null || (allowed && !allowed.has(key))) continue;
    out[key] = renderField(key, value, ctx);
  }
  return out;
}

/** A deletion as list feeds report it. */
export function renderDeleted(event: StoredEvent, ctx: RenderContext): GEvent {
  const r = event.resource;
  return {
    kind: 'calendar#event',
    etag: r.etag ?? null,
    id: event.id,
    status: 'cancelled',
    ...(r.recurringEventId ? { recurringEventId: r.recurringEventId } : {}),
    ...(r.originalStartTime ? { originalStartTime: renderTime(r.originalStartTime, ctx.zone) } : {}),
  };
}

function visibleFields(event: GEvent, role: AccessRole): ReadonlySet<string> | undefined {
  if (role === 'freeBusyReader') return FREE_BUSY_FIELDS;
  const hidden = event.visibility === 'private' || event.visibility === 'confidential';
  if (hidden && (role === 'reader' || role === 'writerWithoutPrivateAccess')) return PRIVATE_FIELDS;
  return undefined;
}

function renderField(key: string, value: unknown, ctx: RenderContext): unknown {
  switch (key) {
    case 'start':
    case 'end':
    case 'originalStartTime':
      return renderTime(value as GEventDateTime, ctx.zone);
    case 'creator':
    case 'organizer':
      return withSelf(value as { email?: string }, ctx.calendarId);
    case 'attendees':
      return (value as Array<{ email?: string }>).map((a) => withSelf(a, ctx.calendarId));
    default:
      // Shared with the store: responses are serialised at once; in-process callers get clones (index.ts).
      return value;
  }
}

function renderTime(time: GEventDateTime, zone: string): GEventDateTime {
  if (!time.dateTime) return { ...time };
  return { dateTime: formatInZone(Date.parse(time.dateTime), zone), ...(time.timeZone ? { timeZone: time.timeZone } : {}) };
}

/** Google sends `self: true` only where it applies. */
function withSelf<T extends { email?: string }>(person: T, calendarId: string): T & { self?: true } {
  return person.email === calendarId ? { ...person, self: true } : { ...person };
}
