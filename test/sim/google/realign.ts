/**
 * What happens to a series' exceptions and instances when its master changes (calendar-apis.md
 * §1.5; the simulator's chosen model, documented in index.ts):
 * - Master fields an exception had not overridden follow the master (a renamed series renames its
 *   moved instances too); a new instance length applies to exceptions that kept the old times.
 * - When the rule or the start changes, exceptions whose original start is no longer an occurrence
 *   are dropped (this is how "resets any exceptions happening after the target instance" of a split
 *   falls out), and every instance that left the series becomes a tombstone, so incremental feeds
 *   report it as cancelled.
 * - Deleting a master cancels its exceptions.
 */
import type { Candidate } from './compose.ts';
import { commit, type CommitContext } from './commit.ts';
import { deepEqual } from './merge.ts';
import type { GEvent, OriginalStart, StoredEvent } from './model.ts';
import { instanceId, instanceSpan, isOccurrence, originalStarts, spanStart, spanTimes } from './series.ts';

/** Master fields an instance shows unless the instance overrides them. */
const INHERITED = [
  'summary', 'description', 'location', 'colorId', 'transparency', 'visibility', 'attendees', 'extendedProperties',
  'reminders', 'guestsCanModify', 'guestsCanInviteOthers', 'guestsCanSeeOtherGuests', 'anyoneCanAddSelf', 'source',
  'conferenceData', 'hangoutLink',
] as const;

export interface RealignContext extends CommitContext {
  /** Expansion end for series without an end (the simulator's horizon). */
  readonly horizonEnd: (master: StoredEvent) => number;
  readonly maxInstances: number;
}

export function realignSeries(ctx: RealignContext, prev: StoredEvent, next: StoredEvent): void {
  if (!prev.rule) return;
  const exceptions = ctx.store.exceptionsOf(next.id);
  if (next.resource.status === 'cancelled') {
    for (const exception of exceptions) if (exception.resource.status !== 'cancelled') rewrite(ctx, exception, { status: 'cancelled' });
    return;
  }
  const ruleChanged =
    !next.rule || !deepEqual(prev.resource.recurrence, next.resource.recurrence) || !deepEqual(prev.resource.start, next.resource.start);
  for (const exception of exceptions) {
    if (ruleChanged && !(next.rule && isOccurrence(next.rule, exception.original!))) dropException(ctx, exception);
    else inherit(ctx, exception, prev, next);
  }
  if (ruleChanged) tombstoneLeavers(ctx, prev, next);
}

function dropException(ctx: RealignContext, exception: StoredEvent): void {
  ctx.store.detachException(exception);
  const masterId = exception.resource.recurringEventId!;
  ctx.store.addTombstone({ id: exception.id, masterId, original: exception.original!, seq: ctx.seq, at: ctx.now, wasException: true });
}

/** Instances the old rule produced and the new one does not (up to the horizon) become tombstones. */
function tombstoneLeavers(ctx: RealignContext, prev: StoredEvent, next: StoredEvent): void {
  const occurrences = (master: StoredEvent): OriginalStart[] =>
    master.rule ? originalStarts(master.rule, startOf(master), ctx.horizonEnd(master), ctx.maxInstances) : [];
  const kept = new Set(occurrences(next).map((o) => instanceId(next.id, o)));
  for (const id of kept) ctx.store.dropTombstone(id);
  for (const original of occurrences(prev)) {
    const id = instanceId(prev.id, original);
    if (kept.has(id) || ctx.store.get(id)) continue;
    ctx.store.addTombstone({ id, masterId: prev.id, original, seq: ctx.seq, at: ctx.now, wasException: false });
  }
}

function startOf(master: StoredEvent): number {
  return spanStart(master.span, master.rule!.zone);
}

/** Carries master changes into an exception where it still showed the master's value. */
function inherit(ctx: RealignContext, exception: StoredEvent, prev: StoredEvent, next: StoredEvent): void {
  const changes: Record<string, unknown> = {};
  for (const field of INHERITED) {
    if (deepEqual(exception.resource[field], prev.resource[field]) && !deepEqual(exception.resource[field], next.resource[field])) {
      changes[field] = next.resource[field];
    }
  }
  const original = exception.original!;
  if (prev.rule && next.rule && prev.rule.length !== next.rule.length && sameSpan(exception, instanceSpan(prev.rule, original))) {
    const span = instanceSpan(next.rule, original);
    Object.assign(changes, spanTimes(span, next.resource), { span });
  }
  if (Object.keys(changes).length > 0) rewrite(ctx, exception, changes);
}

function sameSpan(event: StoredEvent, span: StoredEvent['span']): boolean {
  return deepEqual(event.span, span);
}

/** Stores a server-made change to an exception (new etag, same change seq as the master's write). */
function rewrite(ctx: RealignContext, exception: StoredEvent, changes: Record<string, unknown>): void {
  const { span, ...fields } = changes as { span?: StoredEvent['span'] } & Record<string, unknown>;
  const resource: GEvent = { ...exception.resource };
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) delete (resource as Record<string, unknown>)[key];
    else (resource as Record<string, unknown>)[key] = structuredClone(value);
  }
  const candidate: Candidate = { resource, span: span ?? exception.span, rule: undefined, original: exception.original, conferenceCreated: false };
  commit(ctx, exception, candidate);
}
