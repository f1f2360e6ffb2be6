/**
 * Editing one occurrence of a series (calendar-apis.md §2.7, §2.9 items 6–7): a PATCH turns it into
 * an exception that keeps its originalStart, refused with ErrorOccurrenceCrossingBoundary when it
 * would move onto or before the previous occurrence's day or onto or after the next one's; a
 * DELETE cancels it. The change is logged against the master, so delta reports just that instance.
 */
import { GraphError, invalidRequest, MESSAGES, notFound } from './errors.ts';
import { readEventBody } from './event-input.ts';
import { checkAttendeeEdit, validateTimes } from './event-rules.ts';
import { mergeExtended, notify, requireChangeKey, requireWritable, type WriteContext } from './event-ops.ts';
import { effectiveContent, findOccurrence, occurrenceOn, type Instance } from './instances.ts';
import type { CalendarRecord, ContentPatch, EventTime, StoredEvent } from './model.ts';
import { nextPatternDay, previousPatternDay } from './pattern.ts';
import { epochMsToLocal, formatLocalDateTime, formatUtcSeconds } from './timezones.ts';

export function updateOccurrence(
  ctx: WriteContext,
  calendar: CalendarRecord,
  master: StoredEvent,
  originalStartMs: number,
  body: unknown,
): StoredEvent {
  requireWritable(ctx, calendar);
  const occurrence = requireOccurrence(master, originalStartMs);
  const { content: patch, meta, given } = readEventBody(body);
  checkAttendeeEdit(master.isOrganizer, given);
  if ('recurrence' in meta) throw invalidRequest('The recurrence can only be set on the series master.');
  requireChangeKey(ctx, occurrence.override?.changeKey ?? master.changeKey);
  const overrides: ContentPatch = { ...instanceTimes(master, occurrence), ...occurrence.override?.content, ...patch };
  validateTimes(effectiveContent(master.content, { content: overrides, extended: new Map(), changeKey: '', modifiedMs: 0 }));
  checkCrossing(master, originalStartMs, overrides.start!.ms);
  const series = master.series!;
  const override = {
    content: overrides,
    extended: mergeExtended(occurrence.override?.extended ?? new Map(), meta['singleValueExtendedProperties']),
    changeKey: ctx.store.nextChangeKey(master.mailbox),
    modifiedMs: ctx.store.clock.now(),
  };
  const updated: StoredEvent = { ...master, series: { ...series, exceptions: new Map(series.exceptions).set(originalStartMs, override) } };
  ctx.store.commit(calendar, master.immutableId, master, updated);
  const kind = given.has('attendees') ? 'invitation' : 'update';
  notify(ctx, kind, updated, effectiveContent(master.content, override), formatUtcSeconds(originalStartMs));
  return updated;
}

export function deleteOccurrence(ctx: WriteContext, calendar: CalendarRecord, master: StoredEvent, originalStartMs: number): void {
  requireWritable(ctx, calendar);
  const occurrence = requireOccurrence(master, originalStartMs);
  requireChangeKey(ctx, occurrence.override?.changeKey ?? master.changeKey);
  const series = master.series!;
  const exceptions = new Map(series.exceptions);
  exceptions.delete(originalStartMs);
  const updated: StoredEvent = { ...master, series: { ...series, exceptions, cancelled: new Set(series.cancelled).add(originalStartMs) } };
  ctx.store.commit(calendar, master.immutableId, master, updated);
  notify(ctx, 'cancellation', master, effectiveContent(master.content, occurrence.override), formatUtcSeconds(originalStartMs));
}

export function requireOccurrence(master: StoredEvent, originalStartMs: number): Instance {
  const occurrence = findOccurrence(master, originalStartMs);
  if (!occurrence) throw notFound();
  return occurrence;
}

/** The occurrence's own start and end, as an exception stores them (in the master's zones). */
function instanceTimes(master: StoredEvent, occurrence: Instance): { start: EventTime; end: EventTime } {
  const at = (ms: number, like: EventTime): EventTime => {
    const local = epochMsToLocal(like.zone, ms);
    return { ...like, local, ms, dateTime: formatLocalDateTime(local) };
  };
  return { start: at(occurrence.startMs, master.content.start), end: at(occurrence.endMs, master.content.end) };
}

/**
 * "An occurrence cannot be moved to or before the day of the previous occurrence, and cannot be
 * moved to or after the day of the following occurrence" (event-update.md). Neighbours count with
 * their current day if they were moved, and even when deleted (OGCS: "even if the original
 * occurrence has been deleted").
 */
function checkCrossing(master: StoredEvent, originalStartMs: number, newStartMs: number): void {
  const zone = master.content.start.zone;
  const recurrence = master.series!.recurrence;
  const originalDay = epochMsToLocal(zone, originalStartMs).days;
  const newDay = epochMsToLocal(zone, newStartMs).days;
  const previous = previousPatternDay(recurrence, originalDay);
  const next = nextPatternDay(recurrence, originalDay);
  const dayOf = (day: number) => epochMsToLocal(zone, occurrenceOn(master, day).startMs).days;
  const crossesPrevious = previous !== undefined && newDay <= dayOf(previous);
  const crossesNext = next !== undefined && newDay >= dayOf(next);
  if (crossesPrevious || crossesNext) throw new GraphError(400, 'ErrorOccurrenceCrossingBoundary', MESSAGES.crossingBoundary);
}
