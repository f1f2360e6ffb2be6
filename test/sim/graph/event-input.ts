/**
 * Reads a POST/PATCH event body the way Graph's OData layer does: unknown properties and wrong
 * JSON types are 400 RequestBodyRead, read-only properties are ignored (isOrganizer/organizer are
 * silently overwritten on create, microsoftgraph/microsoft-graph-docs#17988), unsupported zone
 * names are TimeZoneNotSupportedException. Cross-property rules live in event-rules.ts.
 */
import type { Attendee, Location } from '@microsoft/microsoft-graph-types';
import { bodyReadError, GraphError, timeZoneNotSupported } from './errors.ts';
import type { ContentPatch, EventTime } from './model.ts';
import { formatLocalDateTime, localToEpochMs, parseLocalDateTime, resolveZone } from './timezones.ts';

export type Json = Record<string, unknown>;

/** JSON null or a missing property. */
export function absent(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/** A JSON value as it would appear in an error message. */
export function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? 'undefined';
}

/** Properties Graph returns but ignores on input. */
const READ_ONLY = new Set([
  '@odata.type', '@odata.etag', '@odata.context', 'id', 'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'iCalUId',
  'uid', 'type', 'seriesMasterId', 'originalStart', 'originalStartTimeZone', 'originalEndTimeZone', 'webLink', 'isOrganizer',
  'organizer', 'responseStatus', 'isCancelled', 'isDraft', 'hasAttachments', 'bodyPreview', 'onlineMeeting',
  'onlineMeetingUrl', 'cancelledOccurrences', 'occurrenceId',
]);
/** Real navigation properties this simulator does not implement. */
const UNSUPPORTED = new Set(['multiValueExtendedProperties', 'extensions', 'attachments', 'instances', 'calendar', 'exceptionOccurrences']);
/** Handled by the store rather than as content. */
export const META_PROPERTIES = new Set(['recurrence', 'transactionId', 'singleValueExtendedProperties']);

/** Parses one property's JSON value into its ContentPatch value. */
type Parser = (value: unknown, name: string) => unknown;

const string: Parser = (value, name) => (value === null ? '' : typed(value, 'string', name));
const bool: Parser = (value, name) => typed(value, 'boolean', name);
const oneOf = (...allowed: string[]): Parser => (value, name) => {
  if (typeof value === 'string' && allowed.includes(value)) return value;
  throw bodyReadError(`Cannot convert the literal '${shown(value)}' to the expected type for '${name}'.`);
};

const CONTENT_PARSERS: Readonly<Record<string, Parser>> = {
  subject: string,
  body: (value) => parseBody(value),
  start: (value, name) => parseTime(value, name),
  end: (value, name) => parseTime(value, name),
  isAllDay: bool,
  location: (value) => parseLocation(value),
  locations: (value) => list(value, 'locations').map(parseLocation),
  attendees: (value) => list(value, 'attendees').map(parseAttendee),
  categories: (value) => list(value, 'categories').map((c) => typed(c, 'string', 'categories')),
  importance: oneOf('low', 'normal', 'high'),
  sensitivity: oneOf('normal', 'personal', 'private', 'confidential'),
  showAs: oneOf('free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'),
  isReminderOn: bool,
  reminderMinutesBeforeStart: (value, name) => {
    const minutes = typed(value, 'number', name);
    if (!Number.isInteger(minutes) || minutes < 0) throw bodyReadError(`'${name}' must be a non-negative integer.`);
    return minutes;
  },
  responseRequested: bool,
  allowNewTimeProposals: bool,
  hideAttendees: bool,
  isOnlineMeeting: bool,
  onlineMeetingProvider: oneOf('unknown', 'teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer'),
};

/** Splits a body into parsed content and the raw meta properties; rejects unknown properties. */
export function readEventBody(raw: unknown): { content: ContentPatch; meta: Json; given: ReadonlySet<string> } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new GraphError(400, 'UnableToDeserializePostBody', 'were unable to deserialize ');
  }
  const content: Record<string, unknown> = {};
  const meta: Json = {};
  for (const [name, value] of Object.entries(raw)) {
    const parser = CONTENT_PARSERS[name];
    if (parser) content[name] = value === null && name !== 'subject' ? nullValue(name) : parser(value, name);
    else if (META_PROPERTIES.has(name)) meta[name] = value;
    else if (UNSUPPORTED.has(name)) throw new GraphError(501, 'NotImplemented', `The Graph simulator does not implement '${name}'.`);
    else if (!READ_ONLY.has(name)) {
      throw bodyReadError(`The property '${name}' does not exist on type 'microsoft.graph.event'. Make sure to only use property names that are defined by the type.`);
    }
  }
  return { content: syncLocations(content), meta, given: new Set(Object.keys(raw)) };
}

/** "location and locations always correspond; updating location replaces locations" (M-EVENT). */
function syncLocations(content: ContentPatch): ContentPatch {
  if (content.location !== undefined && content.locations === undefined) {
    return { ...content, locations: content.location.displayName ? [content.location] : [] };
  }
  if (content.locations !== undefined && content.location === undefined) {
    return { ...content, location: content.locations[0] ?? emptyLocation() };
  }
  return content;
}

function nullValue(name: string): unknown {
  switch (name) {
    case 'body':
      return { contentType: 'text', content: '' };
    case 'location':
      return emptyLocation();
    case 'locations':
    case 'attendees':
    case 'categories':
      return [];
    default:
      throw bodyReadError(`'${name}' cannot be null.`);
  }
}

export function emptyLocation(): Location {
  return { displayName: '', locationType: 'default', uniqueIdType: 'unknown', address: {}, coordinates: {} };
}

export function parseTime(value: unknown, name: string): EventTime {
  const json = object(value, name);
  const dateTime = json['dateTime'];
  const timeZone = json['timeZone'];
  const local = typeof dateTime === 'string' ? parseLocalDateTime(dateTime) : undefined;
  if (!local) throw new GraphError(400, 'UnableToDeserializePostBody', 'were unable to deserialize ');
  const zone = typeof timeZone === 'string' ? resolveZone(timeZone) : undefined;
  if (zone === undefined || typeof timeZone !== 'string') throw timeZoneNotSupported(typeof timeZone === 'string' ? timeZone : '');
  return { dateTime: formatLocalDateTime(local), timeZone, zone, local, ms: localToEpochMs(zone, local) };
}

function parseBody(value: unknown): ContentPatch['body'] {
  const json = object(value, 'body');
  const contentType = json['contentType'] ?? 'text';
  if (contentType !== 'text' && contentType !== 'html') throw bodyReadError(`Cannot convert the literal '${shown(contentType)}' to the expected type 'microsoft.graph.bodyType'.`);
  return { contentType, content: absent(json['content']) ? '' : typed(json['content'], 'string', 'body.content') };
}

function parseLocation(value: unknown): Location {
  const json = object(value, 'location');
  if (!absent(json['displayName'])) typed(json['displayName'], 'string', 'location.displayName');
  return { ...emptyLocation(), ...(json as Location) };
}

function parseAttendee(value: unknown): Attendee {
  const json = object(value, 'attendees');
  const email = object(json['emailAddress'], 'attendees.emailAddress');
  const address = typed(email['address'], 'string', 'emailAddress.address');
  const name = absent(email['name']) ? address : typed(email['name'], 'string', 'emailAddress.name');
  const type = (oneOf('required', 'optional', 'resource')(json['type'] ?? 'required', 'attendee.type') as Attendee['type']) ?? 'required';
  return { type, status: { response: 'none', time: '0001-01-01T00:00:00Z' }, emailAddress: { name, address } };
}

function object(value: unknown, name: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bodyReadError(`'${name}' must be an object.`);
  return value as Json;
}

function list(value: unknown, name: string): unknown[] {
  if (!Array.isArray(value)) throw bodyReadError(`'${name}' must be a collection.`);
  return value as unknown[];
}

function typed<T extends 'string' | 'number' | 'boolean'>(
  value: unknown,
  type: T,
  name: string,
): T extends 'string' ? string : T extends 'number' ? number : boolean {
  if (typeof value !== type) throw bodyReadError(`Cannot convert a value to type '${type}' for '${name}'.`);
  return value as never;
}
