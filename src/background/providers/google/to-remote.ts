/**
 * Google events → RemoteEvent rows (ports.ts) with canonical events (model.ts), following the
 * canonical mapping rules both adapters share (architecture.md §8.6): singles, masters (their
 * RRULE parsed, EXDATEs as extra cancelled instance rows), exceptions, and deletions.
 */
import type { CanonicalEvent, EventFacts, EventTime, FreeBusy, Privacy } from '../../sync/model.ts';
import type { RemoteEvent } from '../../sync/ports.ts';
import { htmlToText, looksLikeHtml } from '../html-text.ts';
import { readMarker } from './marker.ts';
import { readRecurrence, type SeriesRecurrence } from './recurrence-lines.ts';
import type { SeriesFrame } from './rrule.ts';
import { instanceId, localDateTime, readTime, zoneOf } from './time.ts';
import type { CancelledEvent, GReminder, LiveEvent, WireEvent } from './wire.ts';

/** What reading an event needs from its calendar (events.list header or calendarList entry). */
export interface CalendarContext {
  readonly timeZone: string;
  /** Minutes of the calendar's default reminders (what `useDefault` means). */
  readonly defaultReminders: readonly number[];
  /** reader / freeBusyReader: nothing in it can be edited. */
  readonly readOnly: boolean;
}

/**
 * One row of the change feed; for masters also a cancelled instance row per EXDATE. With
 * singleEvents=false the feed lists only instances that differ from their series: exceptions.
 */
export function toRows(event: WireEvent, calendar: CalendarContext): RemoteEvent[] {
  if (event.status === 'cancelled') return [cancelledRow(event, calendar)];
  const { row, recurrence } = liveRow(event, calendar);
  if (row.shape === 'instance') return [{ ...row, exception: true }];
  return recurrence ? [row, ...recurrence.removed.map((start) => removedRow(row, start))] : [row];
}

export function toRemote(event: WireEvent, calendar: CalendarContext): RemoteEvent {
  return event.status === 'cancelled' ? cancelledRow(event, calendar) : liveRow(event, calendar).row;
}

function liveRow(event: LiveEvent, calendar: CalendarContext): { row: RemoteEvent; recurrence?: SeriesRecurrence } {
  const where = `event ${event.id}`;
  const zone = zoneOf(event.start, calendar.timeZone);
  const start = readTime(event.start, zone, `${where} start`);
  const end = readTime(event.end, zoneOf(event.end, zone), `${where} end`);
  const lines = event.recurrence ?? [];
  const recurrence = lines.length > 0 && !event.recurringEventId ? readRecurrence(lines, frameOf(start, zone, calendar)) : undefined;
  const marker = readMarker(event.extendedProperties?.private);
  const row: RemoteEvent = {
    ...identity(event, calendar),
    version: event.etag,
    modifiedAt: event.updated,
    cancelled: false,
    event: canonical(event, start, end, recurrence?.rule ?? null, calendar),
    facts: facts(event, calendar),
    ...(recurrence?.unsupported ? { unsupportedRecurrence: { unsupported: recurrence.unsupported } } : {}),
    ...(marker ? { marker } : {}),
  };
  return recurrence ? { row, recurrence } : { row };
}

function cancelledRow(event: CancelledEvent, calendar: CalendarContext): RemoteEvent {
  return { ...identity(event, calendar), version: event.etag ?? '', modifiedAt: event.updated ?? '', cancelled: true };
}

/** An occurrence an EXDATE removed, as Google would name its instance. */
function removedRow(master: RemoteEvent, originalStart: EventTime): RemoteEvent {
  const id = instanceId(master.id, originalStart);
  return { id, version: master.version, modifiedAt: master.modifiedAt, shape: 'instance', seriesId: master.id, originalStart, cancelled: true };
}

function identity(event: WireEvent, calendar: CalendarContext): Pick<RemoteEvent, 'id' | 'shape' | 'seriesId' | 'originalStart'> {
  if (event.recurringEventId && event.originalStartTime) {
    const zone = zoneOf(event.originalStartTime, zoneOf(event.start, calendar.timeZone));
    const originalStart = readTime(event.originalStartTime, zone, `event ${event.id} originalStartTime`);
    return { id: event.id, shape: 'instance', seriesId: event.recurringEventId, originalStart };
  }
  return { id: event.id, shape: event.recurrence?.length ? 'master' : 'single' };
}

function frameOf(start: EventTime, zone: string, calendar: CalendarContext): SeriesFrame {
  // All-day series expand on dates anchored in the calendar's zone (calendar-apis.md §1.3).
  if ('date' in start) return { allDay: true, zone: calendar.timeZone };
  return { allDay: false, zone, startTime: localDateTime(start.instant, zone).toPlainTime().toString() };
}

function canonical(event: LiveEvent, start: EventTime, end: EventTime, recurrence: CanonicalEvent['recurrence'], calendar: CalendarContext): CanonicalEvent {
  const description = event.description ?? '';
  return {
    title: event.summary ?? '',
    description: looksLikeHtml(description) ? htmlToText(description) : description,
    location: event.location ?? '',
    start,
    end,
    endUnspecified: event.endTimeUnspecified === true,
    freeBusy: (event.transparency === 'transparent' ? 'free' : 'busy') satisfies FreeBusy,
    privacy: privacyOf(event.visibility),
    tentative: event.status === 'tentative',
    reminders: reminders(event, calendar),
    color: event.colorId ?? null,
    meetingUrl: meetingUrl(event),
    recurrence,
  };
}

function privacyOf(visibility: string | null | undefined): Privacy {
  return visibility === 'public' || visibility === 'private' || visibility === 'confidential' ? visibility : 'default';
}

/** useDefault (or no reminders field: Google's default) → the calendar's defaults; else the overrides. */
function reminders(event: LiveEvent, calendar: CalendarContext): number[] {
  const own = event.reminders;
  const minutes = !own || own.useDefault === true ? calendar.defaultReminders : minutesOf(own.overrides ?? []);
  return [...new Set(minutes)].sort((a, b) => a - b);
}

export function minutesOf(reminders: readonly GReminder[]): number[] {
  return reminders.flatMap((r) => (typeof r.minutes === 'number' ? [r.minutes] : []));
}

function meetingUrl(event: LiveEvent): string | null {
  if (event.hangoutLink) return event.hangoutLink;
  const video = event.conferenceData?.entryPoints?.find((e) => e.entryPointType === 'video' && typeof e.uri === 'string');
  return video?.uri ?? null;
}

function facts(event: LiveEvent, calendar: CalendarContext): EventFacts {
  const organizer = !event.organizer || event.organizer.self === true;
  const attendees = event.attendees ?? [];
  const self = attendees.find((a) => a.self === true);
  return {
    organizer,
    response: organizer ? 'organizer' : responseOf(self?.responseStatus),
    attendeeCount: attendees.filter((a) => a.self !== true).length,
    readOnly: event.locked === true || calendar.readOnly,
  };
}

function responseOf(status: string | null | undefined): EventFacts['response'] {
  return status === 'accepted' || status === 'declined' || status === 'tentative' || status === 'needsAction' ? status : 'none';
}
