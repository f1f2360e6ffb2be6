/**
 * Turns a complete event body (after patch merging, or as given to insert/update) into a validated
 * candidate for the store: writable fields, parsed times, the recurrence rule of a master, and the
 * identity fields the server owns (id, iCalUID, organizer, creator, created, instance keys).
 */
import { randomBytes } from 'node:crypto';
import type { GEvent, GEventDateTime, OriginalStart, SeriesRule, Span } from './model.ts';
import { buildSeriesRule } from './recurrence.ts';
import { normalizeFields } from './validate.ts';
import { parseTimes, seriesStart } from './validate-times.ts';

export interface Person {
  readonly email: string;
  readonly displayName?: string;
}

export interface Identity {
  readonly id: string;
  readonly iCalUID: string;
  readonly created: string;
  readonly organizer: Person;
  readonly creator: Person;
  /** Exceptions: the series they belong to and the instance they replace. */
  readonly exceptionOf?: {
    readonly masterId: string;
    readonly original: OriginalStart;
    readonly originalStartTime: GEventDateTime;
  };
}

export interface ComposeContext {
  readonly calendarZone: string;
  readonly conferenceDataVersion: number;
  /** The version being replaced: its conference survives writes made without conferenceDataVersion=1. */
  readonly previous?: GEvent | undefined;
}

export interface Candidate {
  readonly resource: GEvent;
  readonly span: Span;
  readonly rule: SeriesRule | undefined;
  readonly original: OriginalStart | undefined;
  /** A conference was created for this write (createRequest with conferenceDataVersion=1). */
  readonly conferenceCreated: boolean;
}

export function composeEvent(body: Record<string, unknown>, identity: Identity, ctx: ComposeContext): Candidate {
  const fields = normalizeFields(body, { organizerEmail: identity.organizer.email, conferenceDataVersion: ctx.conferenceDataVersion });
  const times = parseTimes(body.start, body.end);
  const exception = identity.exceptionOf;
  if (exception) delete fields.recurrence; // instances never carry recurrence (§1.3)
  const lines = fields.recurrence ?? [];
  if (lines.length === 0) delete fields.recurrence;
  const rule = lines.length > 0 ? buildSeriesRule(lines, seriesStart(times, ctx.calendarZone)) : undefined;
  const conferenceCreated = applyConference(fields, ctx);
  const resource: GEvent = {
    kind: 'calendar#event',
    id: identity.id,
    status: fields.status ?? 'confirmed',
    created: identity.created,
    ...fields,
    creator: { ...identity.creator },
    organizer: { ...identity.organizer },
    start: times.start,
    end: times.end,
    ...(exception
      ? { recurringEventId: exception.masterId, originalStartTime: { ...exception.originalStartTime } }
      : {}),
    iCalUID: identity.iCalUID,
    eventType: fields.eventType ?? 'default',
  };
  return { resource, span: times.span, rule, original: exception?.original, conferenceCreated };
}

/**
 * conferenceData is only read with conferenceDataVersion=1 (otherwise the stored one stays); a
 * pending createRequest gets a Meet conference. Returns whether one was created.
 */
function applyConference(fields: GEvent, ctx: ComposeContext): boolean {
  if (ctx.conferenceDataVersion !== 1 && ctx.previous?.conferenceData) fields.conferenceData = ctx.previous.conferenceData;
  const created = createConference(fields);
  const video = fields.conferenceData?.entryPoints?.find((e) => e.entryPointType === 'video');
  if (video?.uri?.startsWith('https://meet.google.com/')) fields.hangoutLink = video.uri;
  return created;
}

function createConference(fields: GEvent): boolean {
  const request = fields.conferenceData?.createRequest;
  if (!request?.requestId || fields.conferenceData?.conferenceId) return false;
  const code = [3, 4, 3].map((n) => randomBytes(n).toString('hex').slice(0, n).replace(/\d/g, (d) => 'abcdefghij'[+d]!)).join('-');
  const uri = `https://meet.google.com/${code}`;
  fields.conferenceData = {
    createRequest: { ...request, status: { statusCode: 'success' } },
    entryPoints: [{ entryPointType: 'video', uri, label: `meet.google.com/${code}` }],
    conferenceSolution: { key: { type: 'hangoutsMeet' }, name: 'Google Meet' },
    conferenceId: code,
  };
  return true;
}

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuv';
let idPool = Buffer.alloc(0);
let idPoolOffset = 0;

/** A fresh id in base32hex like Google's own (26 chars of a–v, 0–9); random bytes drawn in bulk. */
export function newEventId(): string {
  if (idPoolOffset + 26 > idPool.length) {
    idPool = randomBytes(26 * 512);
    idPoolOffset = 0;
  }
  let id = '';
  for (let i = 0; i < 26; i++) id += ID_ALPHABET[idPool[idPoolOffset++]! % 32];
  return id;
}
