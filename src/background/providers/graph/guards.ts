/**
 * Validation of Graph's answers at the boundary (calendar-apis.md §2): `assert…` guards check the
 * fields the adapter relies on and narrow `unknown` to the wire types. A malformed answer throws
 * MalformedResponseError naming what was wrong, before anything is mapped or any state changes.
 */
import type { Calendar, DateTimeTimeZone, Event, EventType, MailboxSettings } from '@microsoft/microsoft-graph-types';
import { MalformedResponseError } from '../../sync/errors.ts';
import {
  arrayOf,
  firstProblem,
  isBoolean,
  isInstant,
  isLocalDateTime,
  isNonEmptyString,
  isNumber,
  isRecord,
  isString,
  oneOf,
  optional,
  shape,
  type Fields,
} from './checks.ts';

export type WireTime = DateTimeTimeZone & { dateTime: string; timeZone: string };

export type WireEvent = Event & {
  id: string;
  changeKey: string;
  lastModifiedDateTime: string;
  type: EventType;
  isAllDay: boolean;
  start: WireTime;
  end: WireTime;
};

export interface RemovedRow {
  readonly id: string;
  readonly '@removed': unknown;
}

export interface WirePage {
  readonly value: readonly unknown[];
  readonly '@odata.nextLink'?: string | null;
  readonly '@odata.deltaLink'?: string | null;
}

export type WireCalendar = Calendar & { id: string; name: string };

export interface WireBatchItem {
  readonly id: string;
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>> | null;
  readonly body?: unknown;
}

const wireTime = shape({ dateTime: isLocalDateTime, timeZone: isString });
const nullableString = optional(isString);

const PATTERN: Fields = {
  type: isString,
  interval: optional(isNumber),
  daysOfWeek: optional(arrayOf(isString)),
  firstDayOfWeek: nullableString,
  dayOfMonth: optional(isNumber),
  month: optional(isNumber),
  index: nullableString,
};
const RANGE: Fields = {
  type: isString,
  startDate: nullableString,
  endDate: nullableString,
  numberOfOccurrences: optional(isNumber),
  recurrenceTimeZone: nullableString,
};

const EVENT: Fields = {
  id: isNonEmptyString,
  changeKey: isString,
  lastModifiedDateTime: isInstant,
  type: oneOf('singleInstance', 'occurrence', 'exception', 'seriesMaster'),
  isAllDay: isBoolean,
  start: wireTime,
  end: wireTime,
  subject: nullableString,
  body: optional(shape({ content: nullableString, contentType: nullableString })),
  location: optional(shape({ displayName: nullableString })),
  showAs: nullableString,
  sensitivity: nullableString,
  categories: optional(arrayOf(isString)),
  isReminderOn: optional(isBoolean),
  reminderMinutesBeforeStart: optional(isNumber),
  isOrganizer: optional(isBoolean),
  isCancelled: optional(isBoolean),
  attendees: optional(arrayOf(shape({ emailAddress: optional(shape({ address: nullableString })) }))),
  responseStatus: optional(shape({ response: nullableString })),
  onlineMeeting: optional(shape({ joinUrl: nullableString })),
  onlineMeetingUrl: nullableString,
  originalStartTimeZone: nullableString,
  originalEndTimeZone: nullableString,
  recurrence: optional(shape({ pattern: shape(PATTERN), range: shape(RANGE) })),
  singleValueExtendedProperties: optional(arrayOf(shape({ id: isString, value: isString }))),
};
const INSTANCE: Fields = { seriesMasterId: isNonEmptyString, originalStart: isInstant };
const MASTER: Fields = { recurrence: shape({ pattern: shape(PATTERN), range: shape(RANGE) }) };

export function assertEvent(value: unknown, what: string): asserts value is WireEvent {
  const record = requireRecord(value, what);
  const problem = firstProblem(record, EVENT) ?? firstProblem(record, kindFields(record['type']));
  if (problem !== undefined) fail(`${what}${typeof record['id'] === 'string' ? ` ${record['id']}` : ''}`, problem);
}

export function isRemovedRow(value: unknown): value is RemovedRow {
  return isRecord(value) && '@removed' in value && isNonEmptyString(value['id']);
}

export function assertPage(value: unknown, what: string): asserts value is WirePage {
  const record = requireRecord(value, what);
  const problem = firstProblem(record, { value: Array.isArray, '@odata.nextLink': nullableString, '@odata.deltaLink': nullableString });
  if (problem !== undefined) fail(what, problem);
}

export function assertCalendar(value: unknown, what: string): asserts value is WireCalendar {
  const record = requireRecord(value, what);
  const fields: Fields = {
    id: isNonEmptyString,
    name: isString,
    canEdit: optional(isBoolean),
    isDefaultCalendar: optional(isBoolean),
    hexColor: nullableString,
    owner: optional(shape({ address: nullableString })),
  };
  const problem = firstProblem(record, fields);
  if (problem !== undefined) fail(what, problem);
}

export function assertMailboxSettings(value: unknown): asserts value is MailboxSettings {
  const record = requireRecord(value, 'mailbox settings');
  if (firstProblem(record, { timeZone: nullableString }) !== undefined) fail('mailbox settings', 'timeZone');
}

export function assertBatch(value: unknown, ids: readonly string[]): asserts value is { responses: WireBatchItem[] } {
  const record = requireRecord(value, '$batch answer');
  const item = shape({ id: isString, status: isNumber, headers: optional(isRecord) });
  if (!arrayOf(item)(record['responses'])) fail('$batch answer', 'responses');
  const answered = (record['responses'] as WireBatchItem[]).map((r) => r.id);
  const missing = ids.find((id) => answered.filter((a) => a === id).length !== 1);
  if (missing !== undefined) throw new MalformedResponseError(`Outlook's $batch answer does not hold exactly one response for request ${missing}.`);
}

function kindFields(type: unknown): Fields {
  if (type === 'occurrence' || type === 'exception') return INSTANCE;
  return type === 'seriesMaster' ? MASTER : {};
}

function requireRecord(value: unknown, what: string): Record<string, unknown> {
  if (!isRecord(value)) throw new MalformedResponseError(`Outlook's ${what} is not a JSON object.`);
  return value;
}

function fail(what: string, field: string): never {
  throw new MalformedResponseError(`Outlook's ${what} has a missing or malformed '${field}'.`);
}
