/**
 * Create, update, delete and move single events and series masters — the same logic for API
 * requests, the user's own edits in Outlook on the web, and seeding. transactionId dedupes
 * creates per calendar (§2.4); PATCH merges, checks If-Match (412) and rotates the changeKey;
 * changing a master's recurrence or times drops its exceptions (§2.9 item 6).
 */
import { accessDenied, bodyReadError, GraphError, invalidRequest, MESSAGES } from './errors.ts';
import { parseExtendedProperties } from './extended-props.ts';
import { absent, readEventBody, type Json } from './event-input.ts';
import { checkAttendeeEdit, completeContent, MEETING_DETAILS, validateTimes } from './event-rules.ts';
import { ifMatchAccepts, newICalUId, newImmutableId, newRegularId } from './ids.ts';
import type { CalendarRecord, EmailAddress, EventContent, SeriesState, StoredEvent } from './model.ts';
import type { Actor, MailKind } from './outbox.ts';
import { parseRecurrence } from './recurrence.ts';
import type { GraphStore } from './store.ts';

export interface WriteContext {
  readonly store: GraphStore;
  readonly actor: Actor;
  readonly ifMatch?: string | undefined;
}

/** Read-only properties a seed may set (someone else's meeting in the user's calendar). */
export interface SeedFields {
  readonly isOrganizer?: boolean;
  readonly organizer?: EmailAddress;
  readonly response?: string;
}

export function createEvent(
  ctx: WriteContext,
  calendar: CalendarRecord,
  body: unknown,
  seed: SeedFields = {},
): { event: StoredEvent; duplicate: boolean } {
  requireWritable(ctx, calendar);
  const { content: patch, meta } = readEventBody(body);
  const transactionId = readTransactionId(meta);
  const existing = transactionId === undefined ? undefined : calendar.events.get(calendar.transactions.get(transactionId) ?? '');
  if (existing) return { event: existing, duplicate: true };
  const content = completeContent(patch);
  validateTimes(content);
  const mailbox = ctx.store.mailbox(calendar.mailbox)!;
  const now = ctx.store.clock.now();
  const isOrganizer = seed.isOrganizer ?? true;
  const event: StoredEvent = {
    immutableId: newImmutableId(),
    regularId: newRegularId(),
    calendarId: calendar.id,
    mailbox: mailbox.upn,
    createdMs: now,
    modifiedMs: now,
    changeKey: ctx.store.nextChangeKey(mailbox.upn),
    iCalUId: newICalUId(),
    transactionId,
    isOrganizer,
    organizer: isOrganizer ? { name: mailbox.displayName, address: mailbox.upn } : (seed.organizer ?? { name: '', address: '' }),
    response: seed.response ?? (isOrganizer ? 'organizer' : 'notResponded'),
    content,
    extended: meta['singleValueExtendedProperties'] === undefined ? new Map() : parseExtendedProperties(meta['singleValueExtendedProperties']),
    series: seriesFrom(meta, content),
  };
  ctx.store.commit(calendar, event.immutableId, undefined, event);
  if (transactionId !== undefined) calendar.transactions.set(transactionId, event.immutableId);
  notify(ctx, 'invitation', event, content);
  return { event, duplicate: false };
}

export function updateEvent(ctx: WriteContext, calendar: CalendarRecord, event: StoredEvent, body: unknown): StoredEvent {
  requireWritable(ctx, calendar);
  const { content: patch, meta, given } = readEventBody(body);
  checkAttendeeEdit(event.isOrganizer, given);
  requireChangeKey(ctx, event.changeKey);
  const content: EventContent = { ...event.content, ...patch };
  validateTimes(content);
  const timesChanged = content.start.ms !== event.content.start.ms || content.end.ms !== event.content.end.ms;
  const updated: StoredEvent = {
    ...event,
    content,
    modifiedMs: ctx.store.clock.now(),
    changeKey: ctx.store.nextChangeKey(event.mailbox),
    extended: mergeExtended(event.extended, meta['singleValueExtendedProperties']),
    series: 'recurrence' in meta ? seriesFrom(meta, content) : keptSeries(event.series, content, timesChanged),
  };
  ctx.store.commit(calendar, event.immutableId, event, updated);
  if (given.has('attendees')) notify(ctx, 'invitation', updated, content);
  else if (MEETING_DETAILS.some((name) => given.has(name))) notify(ctx, 'update', updated, content);
  return updated;
}

export function deleteEvent(ctx: WriteContext, calendar: CalendarRecord, event: StoredEvent): void {
  requireWritable(ctx, calendar);
  requireChangeKey(ctx, event.changeKey);
  ctx.store.commit(calendar, event.immutableId, event, undefined);
  notify(ctx, 'cancellation', event, event.content);
}

/** The user drags an event to another calendar: same immutable id, new regular id (M-IMM). */
export function moveEvent(store: GraphStore, event: StoredEvent, from: CalendarRecord, to: CalendarRecord): StoredEvent {
  if (from.mailbox !== to.mailbox) throw new Error('Events can only move between calendars of one mailbox');
  const moved: StoredEvent = { ...event, calendarId: to.id, regularId: newRegularId(), changeKey: store.nextChangeKey(event.mailbox) };
  store.commit(from, event.immutableId, event, undefined);
  store.commit(to, event.immutableId, undefined, moved);
  return moved;
}

export function requireWritable(ctx: WriteContext, calendar: CalendarRecord): void {
  if (!calendar.canEdit && ctx.actor !== 'seed') throw accessDenied();
}

export function requireChangeKey(ctx: WriteContext, changeKey: string): void {
  if (!ifMatchAccepts(ctx.ifMatch, changeKey)) throw new GraphError(412, 'ErrorIrresolvableConflict', MESSAGES.changeKeyMismatch);
}

/** Mails the attendees of an organised meeting (Graph cannot be told not to). */
export function notify(ctx: WriteContext, kind: MailKind, event: StoredEvent, content: EventContent, occurrence?: string): void {
  if (!event.isOrganizer) return;
  ctx.store.outbox.send({
    at: ctx.store.clock.now(),
    kind,
    actor: ctx.actor,
    eventId: event.immutableId,
    subject: content.subject,
    recipients: content.attendees.map((a) => a.emailAddress?.address ?? ''),
    ...(occurrence === undefined ? {} : { occurrence }),
  });
}

export function mergeExtended(current: StoredEvent['extended'], raw: unknown): StoredEvent['extended'] {
  if (raw === undefined) return current;
  return new Map([...current, ...parseExtendedProperties(raw)]);
}

function readTransactionId(meta: Json): string | undefined {
  const value = meta['transactionId'];
  if (absent(value)) return undefined;
  if (typeof value !== 'string') throw bodyReadError("Cannot convert a value to type 'string' for 'transactionId'.");
  return value;
}

function seriesFrom(meta: Json, content: EventContent): SeriesState | undefined {
  if (absent(meta['recurrence'])) return undefined;
  return { recurrence: parseRecurrence(meta['recurrence'], content.start), exceptions: new Map(), cancelled: new Set() };
}

/** A series whose recurrence was not in the PATCH: new times drop exceptions and must still fit the range. */
function keptSeries(series: SeriesState | undefined, content: EventContent, timesChanged: boolean): SeriesState | undefined {
  if (!series || !timesChanged) return series;
  if (series.recurrence.startDay !== content.start.local.days) {
    throw invalidRequest('The recurrence range startDate must be the same date as the start of the event.');
  }
  return { recurrence: series.recurrence, exceptions: new Map(), cancelled: new Set() };
}
