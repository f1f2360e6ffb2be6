/**
 * events.insert / import / patch / update / delete (calendar-apis.md §1.3, §1.7): the same code
 * serves the API and the in-process "user in the web app" changes, so both bump etags and show up
 * in incremental feeds alike. Writes need writer access (403 `requiredAccessLevel`), honour
 * If-Match (412 `conditionNotMet`), and keep deleted events as `status: cancelled`.
 */
import { composeEvent, newEventId, type Candidate, type Identity, type Person } from './compose.ts';
import { commit } from './commit.ts';
import type { GoogleCore } from './core.ts';
import type { CalendarRecord } from './directory.ts';
import {
  alreadyDeleted, duplicateId, invalidField, notFound, preconditionFailed, requiredField, writerAccessRequired,
} from './errors.ts';
import { isoMillis } from './event-time.ts';
import { applyPatch, isPlainObject, writableView } from './merge.ts';
import { canWrite, type AccessRole, type StoredEvent } from './model.ts';
import { notificationFor, type WriteRecord } from './notifications.ts';
import { checkChangeAllowed } from './organizer-rules.ts';
import { realignSeries } from './realign.ts';
import { EVENT_ID_PATTERN } from './validate.ts';

export interface WriteRequest {
  readonly actor: string;
  readonly calendar: CalendarRecord;
  readonly role: AccessRole;
  readonly sendUpdates: string | undefined;
  readonly conferenceDataVersion: number;
  readonly ifMatch: string | undefined;
  /** `seed` may set organizer/creator/locked (like import) and is neither counted nor recorded. */
  readonly origin: 'api' | 'user' | 'seed';
}

type Operation = WriteRecord['operation'];

/** `serverId`: an id the server makes itself (split series), exempt from the client id rules. */
export function insertEvent(core: GoogleCore, req: WriteRequest, body: unknown, serverId?: string): StoredEvent {
  requireWriter(req);
  const fields = asBody(body);
  const id = serverId ?? chooseId(fields.id, req.calendar);
  if (serverId !== undefined && req.calendar.store.isTaken(serverId)) throw duplicateId();
  const seeded = req.origin === 'seed';
  const identity: Identity = {
    id,
    iCalUID: typeof fields.iCalUID === 'string' && fields.iCalUID !== '' ? fields.iCalUID : `${id}@google.com`,
    created: isoMillis(core.now()),
    organizer: (seeded && personOf(fields.organizer)) || calendarPerson(core, req.calendar),
    creator: (seeded && personOf(fields.creator)) || actorPerson(core, req.actor),
  };
  const candidate = compose(req, fields, identity, undefined);
  if (seeded && fields.locked === true) candidate.resource.locked = true;
  return finish(core, req, 'insert', undefined, candidate);
}

/** events.import: a private copy keyed by iCalUID; importing the same iCalUID again updates it. */
export function importEvent(core: GoogleCore, req: WriteRequest, body: unknown): StoredEvent {
  requireWriter(req);
  const fields = asBody(body);
  if (typeof fields.iCalUID !== 'string' || fields.iCalUID === '') throw requiredField('Missing iCalUID.');
  const existing = [...req.calendar.store.all()].find((e) => e.resource.iCalUID === fields.iCalUID && !e.resource.recurringEventId);
  const identity: Identity = {
    id: existing?.id ?? chooseId(fields.id, req.calendar),
    iCalUID: fields.iCalUID,
    created: existing?.resource.created ?? isoMillis(core.now()),
    organizer: personOf(fields.organizer) ?? calendarPerson(core, req.calendar),
    creator: existing?.resource.creator ? { ...(existing.resource.creator as Person) } : actorPerson(core, req.actor),
  };
  return finish(core, req, 'import', existing, compose(req, fields, identity, existing));
}

export function patchEvent(core: GoogleCore, req: WriteRequest, eventId: string, body: unknown): StoredEvent {
  const patch = asBody(body);
  return rewrite(core, req, 'patch', eventId, (target) => applyPatch(writableView(target.resource), patch));
}

export function updateEvent(core: GoogleCore, req: WriteRequest, eventId: string, body: unknown): StoredEvent {
  const replacement = asBody(body);
  return rewrite(core, req, 'update', eventId, () => replacement);
}

export function deleteEvent(core: GoogleCore, req: WriteRequest, eventId: string): StoredEvent {
  requireWriter(req);
  const target = core.findEvent(req.calendar, eventId);
  if (!target) throw notFound();
  if (target.resource.status === 'cancelled') throw alreadyDeleted();
  checkIfMatch(core, req, target);
  const body = { ...writableView(target.resource), status: 'cancelled' };
  return finish(core, req, 'delete', target, compose(req, body, identityOf(target), target));
}

function rewrite(
  core: GoogleCore,
  req: WriteRequest,
  operation: Operation,
  eventId: string,
  makeBody: (target: StoredEvent) => Record<string, unknown>,
): StoredEvent {
  requireWriter(req);
  const target = core.findEvent(req.calendar, eventId);
  if (!target) throw notFound();
  checkIfMatch(core, req, target);
  const candidate = compose(req, makeBody(target), identityOf(target), target);
  checkChangeAllowed(target.resource, candidate.resource, req.calendar.id);
  return finish(core, req, operation, target, candidate);
}

function compose(req: WriteRequest, body: Record<string, unknown>, identity: Identity, previous: StoredEvent | undefined): Candidate {
  return composeEvent(body, identity, {
    calendarZone: req.calendar.timeZone,
    conferenceDataVersion: req.conferenceDataVersion,
    previous: previous?.resource,
  });
}

/** Stores the candidate and does what follows a change: series upkeep, emails, counters, records. */
function finish(core: GoogleCore, req: WriteRequest, operation: Operation, prev: StoredEvent | undefined, candidate: Candidate): StoredEvent {
  const now = core.now();
  const { store } = req.calendar;
  const seq = store.nextSeq(now);
  const ctx = { store, calendarId: req.calendar.id, now, seq };
  const stored = commit(ctx, prev, candidate);
  if (prev?.rule) {
    realignSeries({ ...ctx, horizonEnd: (m) => core.horizonEnd(m), maxInstances: core.settings.maxInstancesPerSeries }, prev, stored);
  }
  if (req.origin === 'seed') return stored;
  if (req.origin === 'api') core.counters.writes++;
  else core.counters.userWrites++;
  if (candidate.conferenceCreated) core.counters.conferencesCreated++;
  core.writeRecords.push({ at: now, operation, calendarId: req.calendar.id, eventId: stored.id, sendUpdates: req.sendUpdates, origin: req.origin });
  const note = notificationFor({
    prev: prev?.resource,
    next: stored.resource,
    calendarId: req.calendar.id,
    sendUpdates: req.sendUpdates,
    hasGoogleAccount: (email) => core.directory.isUser(email),
  });
  if (note) {
    core.notifications.push({ at: now, calendarId: req.calendar.id, eventId: stored.id, ...note, sendUpdates: req.sendUpdates });
    core.counters.invitationsSent += note.recipients.length;
  }
  return stored;
}

function identityOf(target: StoredEvent): Identity {
  const r = target.resource;
  const exceptionOf =
    target.original && r.recurringEventId && r.originalStartTime
      ? { masterId: r.recurringEventId, original: target.original, originalStartTime: r.originalStartTime }
      : undefined;
  return {
    id: target.id,
    iCalUID: r.iCalUID!,
    created: r.created!,
    organizer: { ...(r.organizer as Person) },
    creator: { ...(r.creator as Person) },
    ...(exceptionOf ? { exceptionOf } : {}),
  };
}

function requireWriter(req: WriteRequest): void {
  if (!canWrite(req.role)) throw writerAccessRequired();
}

function checkIfMatch(core: GoogleCore, req: WriteRequest, target: StoredEvent): void {
  if (req.ifMatch === undefined || req.ifMatch.trim() === '*') return;
  const wanted = req.ifMatch.trim().replace(/^W\//, '');
  if (wanted === target.resource.etag) return;
  core.counters.preconditionFailures++;
  throw preconditionFailed();
}

function chooseId(requested: unknown, calendar: CalendarRecord): string {
  if (requested === undefined || requested === null) return newEventId();
  if (typeof requested !== 'string' || !EVENT_ID_PATTERN.test(requested)) throw invalidField('Invalid resource id value.');
  // Deleted (and even purged) ids stay taken: re-inserting a deleted id is a 409 too.
  if (calendar.store.isTaken(requested)) throw duplicateId();
  return requested;
}

function asBody(body: unknown): Record<string, unknown> {
  if (!isPlainObject(body)) throw invalidField('The request body must be a JSON object.');
  return body;
}

function personOf(value: unknown): Person | undefined {
  if (!isPlainObject(value) || typeof value.email !== 'string') return undefined;
  return { email: value.email, ...(typeof value.displayName === 'string' ? { displayName: value.displayName } : {}) };
}

/** The organizer of events created in a calendar: the calendar itself. */
function calendarPerson(core: GoogleCore, calendar: CalendarRecord): Person {
  const owner = core.directory.account(calendar.owner);
  const displayName = calendar.id === calendar.owner ? owner?.name : calendar.summary;
  return { email: calendar.id, ...(displayName ? { displayName } : {}) };
}

function actorPerson(core: GoogleCore, email: string): Person {
  const name = core.directory.account(email)?.name;
  return { email, ...(name ? { displayName: name } : {}) };
}
