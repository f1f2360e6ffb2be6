/**
 * Rules that span several event properties: defaults of a new event, start/end presence and order,
 * the all-day rule ("start and end must be set to midnight and be in the same time zone", M-EVENT),
 * and what the attendee of someone else's meeting may still change on their own copy.
 */
import { GraphError, invalidRequest } from './errors.ts';
import { emptyLocation } from './event-input.ts';
import type { ContentPatch, EventContent } from './model.ts';

/** Defaults Graph fills for properties a create leaves out. */
export function completeContent(patch: ContentPatch): EventContent {
  const { start, end } = patch;
  if (!start || !end) throw invalidRequest('Your request can\'t be completed. The event start and end times are required.');
  return {
    subject: '',
    body: { contentType: 'text', content: '' },
    isAllDay: false,
    location: emptyLocation(),
    locations: [],
    attendees: [],
    categories: [],
    importance: 'normal',
    sensitivity: 'normal',
    showAs: 'busy',
    isReminderOn: true,
    reminderMinutesBeforeStart: 15,
    responseRequested: true,
    allowNewTimeProposals: true,
    hideAttendees: false,
    isOnlineMeeting: false,
    onlineMeetingProvider: 'unknown',
    ...patch,
    start,
    end,
  };
}

export function validateTimes(content: EventContent): void {
  const { start, end } = content;
  if (end.ms < start.ms) {
    throw new GraphError(400, 'ErrorCalendarEndDateIsEarlierThanStartDate', 'The end date occurs before the start date.');
  }
  if (!content.isAllDay) return;
  const midnight = start.local.msOfDay === 0 && end.local.msOfDay === 0;
  if (!midnight || start.zone !== end.zone || end.local.days <= start.local.days) {
    throw invalidRequest(
      "Your request can't be completed. An all-day event's start and end must be set to midnight, at least one day apart, and be in the same time zone.",
    );
  }
}

/**
 * What an attendee may change on their copy of someone else's meeting: only per-copy settings.
 * Anything else is refused with 400 ErrorInvalidRequest (Outlook lets only the organizer change
 * the meeting itself; calendar-apis.md §3 item 9 treats such copies as read-only).
 */
const ATTENDEE_EDITABLE = new Set(['isReminderOn', 'reminderMinutesBeforeStart', 'categories', 'showAs', 'singleValueExtendedProperties']);

export function checkAttendeeEdit(isOrganizer: boolean, given: ReadonlySet<string>): void {
  if (isOrganizer) return;
  const forbidden = [...given].filter((name) => !ATTENDEE_EDITABLE.has(name) && !name.startsWith('@odata.'));
  if (forbidden.length > 0) {
    throw invalidRequest(
      `Your request can't be completed. Only the meeting organizer can change ${forbidden.join(', ')}; you are an attendee of this meeting.`,
    );
  }
}

/** Properties whose change sends a meeting update to the attendees (time, place, content). */
export const MEETING_DETAILS = ['subject', 'body', 'start', 'end', 'isAllDay', 'location', 'locations', 'recurrence'] as const;
