/**
 * Stores a new version of an event with the bookkeeping Google does (calendar-apis.md §1.2, §1.3):
 * a new etag on every change; `updated` on every change except a reminder-only one; `sequence`
 * up when the time or the recurrence changes; the calendar's change seq for incremental sync.
 */
import type { Candidate } from './compose.ts';
import { isoMillis } from './event-time.ts';
import { deepEqual } from './merge.ts';
import type { GEvent, StoredEvent } from './model.ts';
import type { EventStore } from './store.ts';

/** Fields the server rewrites on every version; never part of "what changed". */
const BOOKKEEPING = new Set(['etag', 'updated', 'sequence', 'htmlLink']);

export interface CommitContext {
  readonly store: EventStore;
  readonly calendarId: string;
  readonly now: number;
  readonly seq: number;
}

export function commit(ctx: CommitContext, previous: StoredEvent | undefined, candidate: Candidate): StoredEvent {
  const { now, store } = ctx;
  const prev = previous?.resource;
  const resource: GEvent = {
    ...candidate.resource,
    etag: store.nextEtag(now),
    htmlLink: htmlLink(candidate.resource.id!, ctx.calendarId),
    updated: prev?.updated && isReminderOnlyChange(prev, candidate.resource) ? prev.updated : isoMillis(now),
    sequence: (prev?.sequence ?? 0) + (prev && timeChanged(prev, candidate.resource) ? 1 : 0),
  };
  const cancelled = resource.status === 'cancelled';
  const stored: StoredEvent = {
    id: resource.id!,
    resource,
    span: candidate.span,
    original: candidate.original,
    rule: candidate.rule,
    seq: ctx.seq,
    order: previous?.order ?? store.nextOrder(),
    deletedAt: cancelled ? (prev?.status === 'cancelled' ? previous?.deletedAt : now) : undefined,
  };
  store.save(stored);
  return stored;
}

/** Only `reminders` differ: Google bumps the etag but keeps `updated` (§1.3, pitfall 12). */
function isReminderOnlyChange(prev: GEvent, next: GEvent): boolean {
  return !deepEqual(prev.reminders, next.reminders) && deepEqual(withoutKeys(prev, 'reminders'), withoutKeys(next, 'reminders'));
}

function timeChanged(prev: GEvent, next: GEvent): boolean {
  return !deepEqual(prev.start, next.start) || !deepEqual(prev.end, next.end) || !deepEqual(prev.recurrence, next.recurrence);
}

function withoutKeys(event: GEvent, extra: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) if (!BOOKKEEPING.has(key) && key !== extra) out[key] = value;
  return out;
}

/** Google's link format: eid = base64 of "<eventId> <calendarId>". */
export function htmlLink(eventId: string, calendarId: string): string {
  const eid = Buffer.from(`${eventId} ${calendarId}`).toString('base64url');
  return `https://www.google.com/calendar/event?eid=${eid}`;
}
