/**
 * Validation and normalisation of event bodies for insert/update/patch/import (calendar-apis.md
 * §1.3, §1.6, §1.7): writable fields only, enum checks, reminders (≤ 5 overrides, 0–40320 min),
 * extended properties (keys > 44 chars dropped, values > 1024 chars truncated), attendees.
 */
import { isEventColorId } from './colors.ts';
import { GoogleApiError, invalidField, requiredField } from './errors.ts';
import type { GEvent, GReminder } from './model.ts';
import { isObject } from './validate-times.ts';

/** Client-supplied ids: base32hex characters, 5–1024 of them (§1.3). */
export const EVENT_ID_PATTERN = /^[a-v0-9]{5,1024}$/;

const ENUMS: Readonly<Record<string, readonly string[]>> = {
  status: ['confirmed', 'tentative', 'cancelled'],
  transparency: ['opaque', 'transparent'],
  visibility: ['default', 'public', 'private', 'confidential'],
  eventType: ['default', 'outOfOffice', 'focusTime', 'workingLocation'],
};
const STRINGS = ['summary', 'description', 'location'] as const;
const BOOLEANS = ['endTimeUnspecified', 'guestsCanModify', 'guestsCanInviteOthers', 'guestsCanSeeOtherGuests', 'anyoneCanAddSelf'] as const;
const RESPONSE_STATUSES = ['needsAction', 'declined', 'tentative', 'accepted'];

const MAX_KEY_LENGTH = 44;
const MAX_VALUE_LENGTH = 1024;
const MAX_PROPERTIES = 300;
const MAX_PROPERTY_BYTES = 32 * 1024;

export interface FieldContext {
  /** Who organises the event: the attendee with this email gets `organizer: true`. */
  readonly organizerEmail: string;
  /** conferenceData persists only with conferenceDataVersion=1 (§1.3). */
  readonly conferenceDataVersion: number;
}

/** The writable, non-time fields of a body, validated; time fields are parseTimes' job. */
export function normalizeFields(body: Record<string, unknown>, ctx: FieldContext): GEvent {
  const out: GEvent = {};
  for (const key of STRINGS) if (typeof body[key] === 'string') out[key] = body[key];
  for (const key of BOOLEANS) if (typeof body[key] === 'boolean') out[key] = body[key];
  for (const [key, allowed] of Object.entries(ENUMS)) {
    const value = body[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || !allowed.includes(value)) throw invalidField(`Invalid value for ${key}: ${JSON.stringify(value)}`);
    (out as Record<string, unknown>)[key] = value;
  }
  if (body.colorId !== undefined && body.colorId !== null) {
    if (typeof body.colorId !== 'string' || !isEventColorId(body.colorId)) throw invalidField('Invalid colorId.');
    out.colorId = body.colorId;
  }
  if (isObject(body.source)) out.source = pickStrings(body.source, ['title', 'url']);
  if (Array.isArray(body.recurrence)) out.recurrence = body.recurrence.map(String);
  if (body.attendees !== undefined && body.attendees !== null) out.attendees = normalizeAttendees(body.attendees, ctx.organizerEmail);
  const extended = normalizeExtendedProperties(body.extendedProperties);
  if (extended) out.extendedProperties = extended;
  out.reminders = normalizeReminders(body.reminders);
  if (ctx.conferenceDataVersion === 1 && isObject(body.conferenceData)) out.conferenceData = structuredClone(body.conferenceData);
  return out;
}

function normalizeReminders(value: unknown): NonNullable<GEvent['reminders']> {
  if (value === undefined || value === null) return { useDefault: true };
  if (!isObject(value)) throw invalidField('Invalid reminders.');
  const overrides = value.overrides === undefined || value.overrides === null ? [] : value.overrides;
  if (!Array.isArray(overrides)) throw invalidField('Invalid reminders.');
  const useDefault = value.useDefault === true;
  if (useDefault && overrides.length > 0) {
    throw new GoogleApiError(400, 'cannotUseDefaultRemindersAndSpecifyOverride', 'Cannot specify both default reminders and overrides at the same time.');
  }
  if (overrides.length > 5) throw invalidField('Cannot specify more than 5 overrides.');
  const normalized = overrides.map(normalizeReminder);
  return normalized.length > 0 ? { useDefault, overrides: normalized } : { useDefault };
}

function normalizeReminder(value: unknown): GReminder {
  if (!isObject(value)) throw invalidField('Invalid reminder.');
  const { method, minutes } = value;
  if (method !== 'email' && method !== 'popup') throw requiredField('Missing or invalid reminder method.');
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 0 || minutes > 40320) {
    throw invalidField('Invalid reminder minutes: must be 0 to 40320.');
  }
  return { method, minutes };
}

/** Per §1.6: over-long keys vanish silently, over-long values are cut silently; totals are capped. */
function normalizeExtendedProperties(value: unknown): GEvent['extendedProperties'] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw invalidField('Invalid extendedProperties.');
  const result: NonNullable<GEvent['extendedProperties']> = {};
  let count = 0;
  let bytes = 0;
  for (const kind of ['private', 'shared'] as const) {
    const props = value[kind];
    if (props === undefined || props === null) continue;
    if (!isObject(props)) throw invalidField(`Invalid extendedProperties.${kind}.`);
    const kept: Record<string, string> = {};
    for (const [key, raw] of Object.entries(props)) {
      if (raw === null || key.length > MAX_KEY_LENGTH) continue;
      if (typeof raw !== 'string') throw invalidField(`Invalid value for extended property ${key}.`);
      kept[key] = raw.slice(0, MAX_VALUE_LENGTH);
      count++;
      bytes += Buffer.byteLength(key) + Buffer.byteLength(kept[key]);
    }
    result[kind] = kept;
  }
  if (count > MAX_PROPERTIES || bytes > MAX_PROPERTY_BYTES) throw invalidField('Too many or too large extended properties.');
  return result;
}

function normalizeAttendees(value: unknown, organizerEmail: string): NonNullable<GEvent['attendees']> {
  if (!Array.isArray(value)) throw invalidField('Invalid attendees.');
  const byEmail = new Map<string, NonNullable<GEvent['attendees']>[number]>();
  for (const raw of value) {
    if (!isObject(raw) || typeof raw.email !== 'string' || raw.email === '') throw requiredField('Missing attendee email.');
    if (!/^[^@\s]+@[^@\s]+$/.test(raw.email)) throw invalidField('Invalid attendee email.');
    const status = raw.responseStatus ?? 'needsAction';
    if (typeof status !== 'string' || !RESPONSE_STATUSES.includes(status)) throw invalidField('Invalid attendee responseStatus.');
    const email = raw.email.toLowerCase();
    byEmail.set(email, {
      email,
      ...pickStrings(raw, ['displayName', 'comment']),
      ...(raw.optional === true ? { optional: true } : {}),
      ...(raw.resource === true ? { resource: true } : {}),
      ...(typeof raw.additionalGuests === 'number' && raw.additionalGuests > 0 ? { additionalGuests: raw.additionalGuests } : {}),
      ...(email === organizerEmail.toLowerCase() ? { organizer: true } : {}),
      responseStatus: status,
    });
  }
  return [...byEmail.values()];
}

function pickStrings(source: Record<string, unknown>, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) if (typeof source[key] === 'string') out[key] = source[key];
  return out;
}
