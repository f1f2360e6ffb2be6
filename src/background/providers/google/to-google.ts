/**
 * Canonical events → Google request bodies (architecture.md §8.6). Creates carry every field plus
 * the derived id and the marker; updates only the changed fields (a PATCH leaves the rest as the
 * service has it). Never written: attendees, conferenceData, guestsCan* (rule 1 of
 * calendar-apis.md), the meeting link (read-only), endTimeUnspecified=true (pitfall 3).
 */
import type { CanonicalEvent, SyncedField } from '../../sync/model.ts';
import type { MirrorMarker } from '../../sync/ports.ts';
import { markerProperties } from './marker.ts';
import { formatRRule, type SeriesFrame } from './rrule.ts';
import { isValidZone, writeTime } from './time.ts';

export type Body = Record<string, unknown>;

/** Google accepts at most 5 overrides of 0–40320 minutes (calendar-apis.md §1.3). */
const MAX_OVERRIDES = 5;
const MAX_MINUTES = 40_320;

export function createBody(event: CanonicalEvent, id: string, marker: MirrorMarker | null): Body {
  const body: Body = {
    id,
    summary: event.title,
    description: event.description,
    location: event.location,
    start: writeTime(event.start),
    end: writeTime(event.end),
    transparency: transparency(event),
    visibility: event.privacy,
    reminders: reminders(event),
    ...(marker ? { extendedProperties: { private: markerProperties(marker) } } : {}),
  };
  if (event.tentative) body.status = 'tentative';
  if (event.color !== null) body.colorId = event.color;
  if (event.recurrence) body.recurrence = [formatRRule(event.recurrence, frame(event))];
  return body;
}

/** Only the changed fields; `instance`: an occurrence, which never carries a rule. */
export function patchBody(event: CanonicalEvent, changed: readonly SyncedField[], instance: boolean): Body {
  const body: Body = {};
  const fields = new Set(changed);
  if (fields.has('title')) body.summary = event.title;
  if (fields.has('description')) body.description = event.description;
  if (fields.has('location')) body.location = event.location;
  // Both ends together: Google wants both `date` or both `dateTime`, and a patch merges into the
  // stored value, so the other form is cleared explicitly.
  if (fields.has('start') || fields.has('end')) {
    body.start = patchTime(event.start);
    body.end = patchTime(event.end);
  }
  if (fields.has('endUnspecified') && !event.endUnspecified) body.endTimeUnspecified = false;
  if (fields.has('freeBusy')) body.transparency = transparency(event);
  if (fields.has('privacy')) body.visibility = event.privacy;
  if (fields.has('tentative')) body.status = event.tentative ? 'tentative' : 'confirmed';
  if (fields.has('reminders')) body.reminders = reminders(event);
  if (fields.has('color')) body.colorId = event.color;
  if (fields.has('recurrence') && !instance) body.recurrence = event.recurrence ? [formatRRule(event.recurrence, frame(event))] : null;
  return body;
}

function patchTime(time: CanonicalEvent['start']): Body {
  const written = writeTime(time);
  return 'date' in written ? { ...written, dateTime: null, timeZone: null } : { ...written, date: null };
}

function transparency(event: CanonicalEvent): string {
  return event.freeBusy === 'free' ? 'transparent' : 'opaque';
}

/** Explicit popup reminders, never the calendar's defaults (those differ between calendars). */
function reminders(event: CanonicalEvent): Body {
  const minutes = [...new Set(event.reminders)].filter((m) => Number.isInteger(m) && m >= 0 && m <= MAX_MINUTES).sort((a, b) => a - b);
  return { useDefault: false, overrides: minutes.slice(0, MAX_OVERRIDES).map((m) => ({ method: 'popup', minutes: m })) };
}

function frame(event: CanonicalEvent): SeriesFrame {
  const start = event.start;
  if ('date' in start) return { allDay: true, zone: 'UTC' };
  return { allDay: false, zone: isValidZone(start.zone) ? start.zone : 'UTC' };
}
