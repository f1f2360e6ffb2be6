/**
 * Which events a listing contains (calendar-apis.md §1.4, §1.5, §1.11 item 4): full listings with
 * their filters, and incremental listings (everything changed since a sync token, deletions always
 * included). With singleEvents=true a series is replaced by its instances; a changed master
 * re-sends every instance, and instances that left a series come back as cancelled.
 */
import type { GoogleCore } from './core.ts';
import type { CalendarRecord } from './directory.ts';
import { instantToFloating } from './event-time.ts';
import type { GEvent, Span, StoredEvent, Tombstone } from './model.ts';
import type { ListQuery } from './query.ts';
import {
  instanceId, instanceSpan, originalFromFloating, originalStartTime, originalStarts, spanEnd, spanStart, virtualInstance,
} from './series.ts';
import type { SortKey } from './tokens.ts';

export interface Row {
  readonly event: StoredEvent;
  /** Rendered as a deletion (minimal fields). */
  readonly deleted: boolean;
  readonly key: SortKey;
}

export interface RowContext {
  readonly core: GoogleCore;
  readonly calendar: CalendarRecord;
  readonly query: ListQuery;
}

const DAY_MS = 86_400_000;

export function fullRows(ctx: RowContext): Row[] {
  const { query, calendar } = ctx;
  const includeDeleted = query.showDeleted || query.updatedMin !== undefined;
  const rows: Row[] = [];
  const push = (event: StoredEvent, deleted: boolean) => {
    if (query.updatedMin === undefined || Date.parse(event.resource.updated ?? '') >= query.updatedMin) rows.push(row(ctx, event, deleted));
  };
  for (const event of calendar.store.all()) {
    if (!matchesFilters(event.resource, query)) continue;
    const cancelled = event.resource.status === 'cancelled';
    if (event.rule) {
      if (cancelled && !includeDeleted) continue;
      if (!query.singleEvents) {
        if (seriesOverlaps(ctx, event)) push(event, cancelled);
      } else {
        // A deleted series is listed as its instances, not its master (§1.4 showDeleted).
        for (const instance of instancesIn(ctx, event, query.timeMin, query.timeMax)) push(instance, cancelled);
      }
      continue;
    }
    if (cancelled && !includeDeleted && !(isException(event) && !query.singleEvents && masterLive(calendar, event))) continue;
    if (overlaps(ctx, event.span)) push(event, cancelled);
  }
  return rows;
}

export function changedRows(ctx: RowContext, fromSeq: number): Row[] {
  const { query, calendar } = ctx;
  const rows = new Map<string, Row>();
  for (const event of calendar.store.all()) {
    if (event.seq <= fromSeq || !matchesEventType(event.resource, query)) continue;
    const cancelled = event.resource.status === 'cancelled';
    if (event.rule && query.singleEvents) {
      for (const instance of instancesIn(ctx, event, undefined, undefined)) rows.set(instance.id, row(ctx, instance, cancelled, fromSeq));
    } else {
      rows.set(event.id, row(ctx, event, cancelled, fromSeq));
    }
  }
  for (const tombstone of calendar.store.tombstones()) {
    if (tombstone.seq <= fromSeq || rows.has(tombstone.id) || (!query.singleEvents && !tombstone.wasException)) continue;
    if (ctx.core.findEvent(calendar, tombstone.id)) continue; // produced again by the current rule
    rows.set(tombstone.id, row(ctx, tombstoneEvent(calendar, tombstone), true, fromSeq));
  }
  return [...rows.values()];
}

/** Instances of a series that overlap the window (unbounded ends: series start / horizon), minus stored exceptions. */
function instancesIn(ctx: RowContext, master: StoredEvent, timeMin: number | undefined, timeMax: number | undefined): StoredEvent[] {
  const rule = master.rule!;
  const { store, timeZone } = ctx.calendar;
  const from = timeMin ?? spanStart(master.span, timeZone);
  const to = timeMax ?? ctx.core.horizonEnd(master);
  const result: StoredEvent[] = [];
  for (const original of originalStarts(rule, from, to, ctx.core.settings.maxInstancesPerSeries)) {
    if (store.get(instanceId(master.id, original))) continue; // the exception is its own row
    const span = instanceSpan(rule, original);
    if (spanOverlaps(span, timeZone, timeMin, to)) result.push(virtualInstance(master, original));
  }
  return result;
}

function seriesOverlaps(ctx: RowContext, master: StoredEvent): boolean {
  const { timeMin, timeMax } = ctx.query;
  if (timeMin === undefined && timeMax === undefined) return true;
  const rule = master.rule!;
  const zone = ctx.calendar.timeZone;
  const lengthMs = rule.allDay ? rule.length * DAY_MS : rule.length;
  const from = timeMin === undefined ? rule.startFloating : instantToFloating(timeMin, rule.zone) - lengthMs - DAY_MS;
  let floating = rule.firstFrom(Math.max(from, rule.startFloating));
  // Occurrences ascend, so the first few after `from` settle whether one overlaps the window.
  for (let i = 0; floating !== undefined && i < 64; i++) {
    const span = instanceSpan(rule, originalFromFloating(rule, floating));
    if (timeMax !== undefined && spanStart(span, zone) >= timeMax) return false;
    if (spanOverlaps(span, zone, timeMin, timeMax)) return true;
    floating = rule.firstFrom(floating + 1000);
  }
  return false;
}

function overlaps(ctx: RowContext, span: Span): boolean {
  return spanOverlaps(span, ctx.calendar.timeZone, ctx.query.timeMin, ctx.query.timeMax);
}

/** timeMin is an exclusive bound on the end, timeMax an exclusive bound on the start (§1.4). */
function spanOverlaps(span: Span, zone: string, timeMin: number | undefined, timeMax: number | undefined): boolean {
  if (timeMax !== undefined && spanStart(span, zone) >= timeMax) return false;
  return timeMin === undefined || spanEnd(span, zone) > timeMin;
}

function matchesFilters(event: GEvent, query: ListQuery): boolean {
  if (query.iCalUID !== undefined && event.iCalUID !== query.iCalUID) return false;
  if (!matchesEventType(event, query)) return false;
  if (!matchesProperties(event.extendedProperties?.private, query.privateProps)) return false;
  if (!matchesProperties(event.extendedProperties?.shared, query.sharedProps)) return false;
  return query.q.length === 0 || matchesText(event, query.q);
}

function matchesEventType(event: GEvent, query: ListQuery): boolean {
  return query.eventTypes.length === 0 || query.eventTypes.includes(event.eventType ?? 'default');
}

/** Constraints of one kind are OR'ed; private and shared are AND'ed (the guide's rule, §1.6). */
function matchesProperties(props: Record<string, string> | undefined, wanted: ReadonlyArray<readonly [string, string]>): boolean {
  return wanted.length === 0 || wanted.some(([key, value]) => props?.[key] === value);
}

/** Free-text search: every term must occur in the summary, description, location or a person. */
function matchesText(event: GEvent, terms: readonly string[]): boolean {
  const people = [event.organizer, event.creator, ...(event.attendees ?? [])].flatMap((p) => [p?.email ?? '', p?.displayName ?? '']);
  const haystack = [event.summary, event.description, event.location, ...people].join('\n').toLowerCase();
  return terms.every((term) => haystack.includes(term));
}

function isException(event: StoredEvent): boolean {
  return event.resource.recurringEventId !== undefined && event.resource.recurringEventId !== null;
}

function masterLive(calendar: CalendarRecord, exception: StoredEvent): boolean {
  const master = calendar.store.get(exception.resource.recurringEventId!);
  return master !== undefined && master.resource.status !== 'cancelled';
}

function tombstoneEvent(calendar: CalendarRecord, tombstone: Tombstone): StoredEvent {
  const master = calendar.store.get(tombstone.masterId);
  const resource: GEvent = {
    kind: 'calendar#event',
    id: tombstone.id,
    status: 'cancelled',
    recurringEventId: tombstone.masterId,
    originalStartTime: originalStartTime(master?.resource ?? {}, tombstone.original),
    ...(master?.resource.etag ? { etag: master.resource.etag } : {}),
  };
  const span: Span = master?.rule ? instanceSpan(master.rule, tombstone.original) : { allDay: false, startMs: 0, endMs: 0 };
  return { id: tombstone.id, resource, span, original: tombstone.original, rule: undefined, seq: tombstone.seq, order: master?.order ?? 0, deletedAt: tombstone.at };
}

function row(ctx: RowContext, event: StoredEvent, deleted: boolean, fromSeq?: number): Row {
  const id = event.id;
  if (fromSeq !== undefined) return { event, deleted, key: [event.seq, id] };
  const start = spanStart(event.span, ctx.calendar.timeZone);
  switch (ctx.query.orderBy) {
    case 'startTime':
      return { event, deleted, key: [start, id] };
    case 'updated':
      return { event, deleted, key: [Date.parse(event.resource.updated ?? '') || 0, id] };
    case undefined:
      return { event, deleted, key: [event.order, start, id] };
  }
}
