/**
 * Google Calendar v3 wire shapes (type-only, from @googleapis/calendar) and the guards that check
 * a response really has them before anything reads it (calendar-apis.md §1.2, §1.4, §1.8).
 * Required: what the adapter relies on. Everything else is checked only for its type.
 */
import type { calendar_v3 } from '@googleapis/calendar';
import {
  isRecord, malformed, oneOf, optionalArray, optionalBoolean, optionalRecord, optionalString, requireRecord, requireString,
  stringItem, type Json,
} from './check.ts';

export type GEvent = calendar_v3.Schema$Event;
export type GEventDateTime = calendar_v3.Schema$EventDateTime;
export type GReminder = calendar_v3.Schema$EventReminder;

/** A live event: what every non-deleted event carries. */
export interface LiveEvent extends GEvent {
  readonly id: string;
  readonly status?: 'confirmed' | 'tentative' | null;
  readonly etag: string;
  readonly updated: string;
  readonly start: GEventDateTime;
  readonly end: GEventDateTime;
}

/** A deletion: listings guarantee only the id (and, for instances, the series and original start). */
export interface CancelledEvent extends GEvent {
  readonly id: string;
  readonly status: 'cancelled';
}

export type WireEvent = LiveEvent | CancelledEvent;

/** events.list and events.instances: a page of events plus the calendar's own settings. */
export interface EventsPage {
  readonly items: readonly WireEvent[];
  readonly nextPageToken?: string | null;
  readonly nextSyncToken?: string | null;
  readonly timeZone?: string | null;
  readonly accessRole?: string | null;
  readonly defaultReminders?: readonly GReminder[];
}

export interface CalendarEntry extends calendar_v3.Schema$CalendarListEntry {
  readonly id: string;
  readonly accessRole: string;
}

export interface CalendarListPage {
  readonly items: readonly CalendarEntry[];
  readonly nextPageToken?: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/i;
const STATUSES = ['confirmed', 'tentative', 'cancelled'];

export function assertEvent(value: unknown, where: string): asserts value is WireEvent {
  requireRecord(value, where);
  requireString(value, 'id', where);
  oneOf(value, 'status', STATUSES, where);
  optionalString(value, 'recurringEventId', where);
  if (typeof value.recurringEventId === 'string') requireTime(value, 'originalStartTime', where);
  if (value.status === 'cancelled') return;
  requireString(value, 'etag', where);
  requireString(value, 'updated', where);
  requireTime(value, 'start', where);
  requireTime(value, 'end', where);
  for (const key of ['summary', 'description', 'location', 'colorId', 'transparency', 'visibility', 'hangoutLink']) optionalString(value, key, where);
  for (const key of ['endTimeUnspecified', 'locked']) optionalBoolean(value, key, where);
  optionalArray(value, 'recurrence', where, stringItem);
  optionalArray(value, 'attendees', where, (item, at) => requireRecord(item, at));
  optionalRecord(value, 'organizer', where);
  optionalRecord(value, 'reminders', where, (reminders, at) => {
    optionalBoolean(reminders, 'useDefault', at);
    optionalArray(reminders, 'overrides', at, reminder);
  });
  optionalRecord(value, 'extendedProperties', where, (props, at) => optionalRecord(props, 'private', at, stringValues));
  optionalRecord(value, 'conferenceData', where, (data, at) => optionalArray(data, 'entryPoints', at, (item, p) => requireRecord(item, p)));
}

export function assertEventsPage(value: unknown, where: string): asserts value is EventsPage {
  requireRecord(value, where);
  if (!Array.isArray(value.items)) throw malformed(`${where}.items`, 'is missing or not an array');
  value.items.forEach((item, i) => assertEvent(item, `${where}.items[${i}]`));
  for (const key of ['nextPageToken', 'nextSyncToken', 'timeZone', 'accessRole']) optionalString(value, key, where);
  optionalArray(value, 'defaultReminders', where, reminder);
}

export function assertCalendarEntry(value: unknown, where: string): asserts value is CalendarEntry {
  requireRecord(value, where);
  requireString(value, 'id', where);
  requireString(value, 'accessRole', where);
  for (const key of ['summary', 'summaryOverride', 'timeZone', 'backgroundColor']) optionalString(value, key, where);
  optionalBoolean(value, 'primary', where);
  optionalArray(value, 'defaultReminders', where, reminder);
}

export function assertCalendarListPage(value: unknown, where: string): asserts value is CalendarListPage {
  requireRecord(value, where);
  if (!Array.isArray(value.items)) throw malformed(`${where}.items`, 'is missing or not an array');
  value.items.forEach((item, i) => assertCalendarEntry(item, `${where}.items[${i}]`));
  optionalString(value, 'nextPageToken', where);
}

/** start, end and originalStartTime: a date, or a dateTime (with an offset, or a zone to read it in). */
function requireTime(record: Json, key: string, where: string): void {
  const value = record[key];
  const at = `${where}.${key}`;
  requireRecord(value, at);
  optionalString(value, 'timeZone', at);
  const { date, dateTime, timeZone } = value;
  if (typeof date === 'string' && DATE.test(date)) return;
  if (typeof dateTime !== 'string' || !DATE_TIME.test(dateTime)) throw malformed(at, 'has neither a valid date nor a valid dateTime');
  if (!/(Z|[+-]\d{2}:\d{2})$/i.test(dateTime) && typeof timeZone !== 'string') throw malformed(at, 'has a dateTime without offset or timeZone');
}

function reminder(item: unknown, where: string): void {
  if (!isRecord(item) || typeof item.minutes !== 'number' || !Number.isInteger(item.minutes)) throw malformed(where, 'is not a reminder with whole minutes');
}

function stringValues(record: Json, where: string): void {
  for (const [key, value] of Object.entries(record)) if (typeof value !== 'string') throw malformed(`${where}.${key}`, 'is not a string');
}
