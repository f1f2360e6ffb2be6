/**
 * The canonical event → Graph request bodies: a full body for creates (with the marker and the
 * transactionId), and for updates only the changed fields, so what the user set in Outlook and
 * Tandem does not carry (attendees, importance, other categories' order…) stays as it is.
 * Never written: attendees (Graph mails them, calendar-apis.md rule 1), conference fields
 * (isOnlineMeeting cannot be turned off again, §2.2), endUnspecified, tentative, the join URL.
 */
import { InvalidRequestError } from '../../sync/errors.ts';
import type { CanonicalEvent, FreeBusy, Privacy, SyncedField } from '../../sync/model.ts';
import type { MirrorMarker } from '../../sync/ports.ts';
import { markerProperties, transactionIdFor } from './markers.ts';
import { toPatternedRecurrence } from './recurrence-write.ts';
import { startDate, writeTime } from './times.ts';
import { isIanaZone, toWindows } from './zones.ts';

export type GraphBody = Record<string, unknown>;

const SENSITIVITY: Readonly<Record<Privacy, string>> = { default: 'normal', public: 'normal', private: 'private', confidential: 'confidential' };

/** Writing context: the mailbox's zone name, in which all-day events are written. */
export interface WriteZones {
  readonly allDayZone: string;
}

const CREATE_FIELDS: readonly SyncedField[] = ['title', 'description', 'location', 'start', 'freeBusy', 'privacy', 'reminders'];

export function createBody(event: CanonicalEvent, key: string, marker: MirrorMarker | null, zones: WriteZones): GraphBody {
  const fields: SyncedField[] = [...CREATE_FIELDS];
  if (event.color !== null) fields.push('color');
  if (event.recurrence !== null) fields.push('recurrence');
  const body: GraphBody = { ...bodyFor(event, fields, zones, true), transactionId: transactionIdFor(key) };
  return marker ? { ...body, singleValueExtendedProperties: markerProperties(marker) } : body;
}

/** An update: the changed fields only. `occurrence`: the target is one occurrence (no recurrence). */
export function patchBody(event: CanonicalEvent, changed: readonly SyncedField[], zones: WriteZones, occurrence: boolean): GraphBody {
  const fields = new Set(changed);
  // A master's range.startDate must stay the start's date: new times carry the recurrence along.
  if (!occurrence && event.recurrence !== null && (fields.has('start') || fields.has('end'))) fields.add('recurrence');
  if (occurrence) fields.delete('recurrence');
  return bodyFor(event, [...fields], zones, !occurrence);
}

function bodyFor(event: CanonicalEvent, fields: readonly SyncedField[], zones: WriteZones, mayRecur: boolean): GraphBody {
  const body: GraphBody = {};
  for (const field of fields) Object.assign(body, fieldBody(event, field, zones, mayRecur));
  return body;
}

function fieldBody(event: CanonicalEvent, field: SyncedField, zones: WriteZones, mayRecur: boolean): GraphBody {
  switch (field) {
    case 'title':
      return { subject: event.title };
    case 'description':
      return { body: { contentType: 'text', content: event.description } };
    case 'location':
      return { location: { displayName: event.location } };
    case 'start':
    case 'end':
      return times(event, zones);
    case 'freeBusy':
      return { showAs: event.freeBusy satisfies FreeBusy };
    case 'privacy':
      return { sensitivity: SENSITIVITY[event.privacy] };
    case 'reminders':
      return reminders(event.reminders);
    case 'color':
      return { categories: event.color === null ? [] : [event.color] };
    case 'recurrence':
      return mayRecur ? { recurrence: recurrence(event, zones) } : {};
    case 'endUnspecified':
    case 'tentative':
    case 'meetingUrl':
      return {};
  }
}

/** Start and end are written together (and isAllDay with them): Graph validates them as a pair. */
function times(event: CanonicalEvent, zones: WriteZones): GraphBody {
  const allDay = 'date' in event.start;
  if (allDay !== 'date' in event.end) throw new InvalidRequestError('An event needs a date or a time at both ends, not one of each.');
  return { start: writeTime(event.start, zones.allDayZone), end: writeTime(event.end, zones.allDayZone), isAllDay: allDay };
}

/** Outlook holds one reminder: the earliest one that still fires, i.e. the smallest offset. */
function reminders(minutes: readonly number[]): GraphBody {
  if (minutes.length === 0) return { isReminderOn: false };
  return { isReminderOn: true, reminderMinutesBeforeStart: Math.min(...minutes) };
}

function recurrence(event: CanonicalEvent, zones: WriteZones): GraphBody | null {
  if (event.recurrence === null) return null;
  const start = event.start;
  const zone = 'date' in start ? zones.allDayZone : isIanaZone(start.zone) ? toWindows(start.zone) : undefined;
  const pattern = zone === undefined ? undefined : toPatternedRecurrence(event.recurrence, startDate(start), zone);
  if (!pattern) throw new InvalidRequestError('Outlook cannot store this recurrence rule; its occurrences must be mirrored instead.');
  return pattern as GraphBody;
}
