/**
 * What a calendar may change on an event it does not organise (`organizer.self=false`; calendar-apis.md
 * §1.3, §1.7, §1.11 item 6): its own reminders, colour, private extended properties, transparency
 * and its own attendee response. Shared fields belong to the organizer → 403
 * `forbiddenForNonOrganizer`; with `guestsCanModify` guests may also edit the event's content.
 * An update (PUT) that leaves a shared field out resets it to its default, which counts as a change.
 */
import { forbiddenForNonOrganizer, GoogleApiError } from './errors.ts';
import { deepEqual } from './merge.ts';
import type { GEvent } from './model.ts';

/** Shared settings with their defaults; only the organizer may change them. */
const ORGANIZER_ONLY_DEFAULTS: Readonly<Record<string, unknown>> = {
  guestsCanModify: false,
  guestsCanInviteOthers: true,
  guestsCanSeeOtherGuests: true,
  anyoneCanAddSelf: false,
};

/** Event content: organizer-only unless the organizer lets guests modify the event. */
const CONTENT_FIELDS = ['summary', 'description', 'location', 'start', 'end', 'recurrence', 'visibility', 'status'] as const;

/** Fields a locked event (a locked private copy) keeps whatever the caller's role. */
const LOCKED_FIELDS = ['summary', 'description', 'location', 'start', 'end', 'recurrence'] as const;

function isOrganizerCopy(event: GEvent, calendarId: string): boolean {
  return event.organizer?.email === undefined || event.organizer.email === calendarId;
}

export function checkChangeAllowed(prev: GEvent, next: GEvent, calendarId: string): void {
  if (prev.locked && LOCKED_FIELDS.some((f) => !deepEqual(prev[f], next[f]))) {
    throw new GoogleApiError(403, 'forbidden', 'The event is locked and cannot be modified.');
  }
  if (isOrganizerCopy(prev, calendarId)) return;
  for (const [field, fallback] of Object.entries(ORGANIZER_ONLY_DEFAULTS)) {
    const before = (prev as Record<string, unknown>)[field] ?? fallback;
    const after = (next as Record<string, unknown>)[field] ?? fallback;
    if (before !== after) throw forbiddenForNonOrganizer();
  }
  if (!deepEqual(prev.extendedProperties?.shared ?? {}, next.extendedProperties?.shared ?? {})) throw forbiddenForNonOrganizer();
  if (!deepEqual(prev.conferenceData, next.conferenceData)) throw forbiddenForNonOrganizer();
  if (prev.guestsCanModify) return;
  if (CONTENT_FIELDS.some((f) => !deepEqual(prev[f] ?? defaultOf(f), next[f] ?? defaultOf(f)))) throw forbiddenForNonOrganizer();
  if (!deepEqual(guestList(prev, calendarId), guestList(next, calendarId))) throw forbiddenForNonOrganizer();
}

function defaultOf(field: (typeof CONTENT_FIELDS)[number]): unknown {
  if (field === 'visibility') return 'default';
  if (field === 'status') return 'confirmed';
  return undefined;
}

/** The attendee list minus what the calendar's own attendee may change (its response). */
function guestList(event: GEvent, calendarId: string): unknown[] {
  return (event.attendees ?? []).map((a) => {
    if (a.email !== calendarId) return a;
    const { responseStatus: _r, comment: _c, additionalGuests: _g, ...rest } = a;
    return rest;
  });
}
