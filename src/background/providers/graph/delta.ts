/**
 * readChanges over calendarView delta (calendar-apis.md §2.3): without a cursor an initial round
 * over the window, with one the stored deltaLink; every page up to the new deltaLink, which is the
 * next cursor. Delta lists singles, occurrences and exceptions but never series masters, and no
 * extended properties, so each series seen is fetched once (JSON $batch) and reported as a master
 * row; a master that is gone becomes a `removed` row. `@removed` rows are passed on unverified:
 * they also mean "left the window" (the engine checks with getEvents).
 */
import { CursorExpiredError, MalformedResponseError } from '../../sync/errors.ts';
import type { ChangeRow, ReadRequest, ReadResult } from '../../sync/ports.ts';
import { readContext, windowQuery, type AdapterDeps } from './context.ts';
import { assertEvent, isRemovedRow, type WireEvent } from './guards.ts';
import { readAllPages } from './pages.ts';
import { readByIds } from './reads.ts';
import { toRemoteEvent, type ReadContext } from './to-canonical.ts';

export async function readChanges(deps: AdapterDeps, request: ReadRequest): Promise<ReadResult> {
  const { calendarId, cursor, window, signal } = request;
  if (cursor !== null && !deps.transport.owns(cursor)) {
    throw new CursorExpiredError('The stored Outlook delta link belongs to another Graph endpoint: a full read is needed.');
  }
  const ctx = await readContext(deps, calendarId, signal);
  const path = cursor ?? `/me/calendars/${encodeURIComponent(calendarId)}/calendarView/delta?${windowQuery(window.start, window.end)}`;
  const row = (value: unknown, index: number) => void (isRemovedRow(value) || validated(value, index));
  const round = await readAllPages(deps.transport, { path, what: 'delta page', pageSize: deps.pageSize, signal, onPage: request.onPage, row });
  if (round.deltaLink === undefined) throw new MalformedResponseError("Outlook's delta round ended without a deltaLink.");
  const feed = latestPerId(round.rows);
  const ids = seriesIds(feed);
  const found = await readByIds(deps, calendarId, ids, 'series master', signal);
  const masters = new Map(ids.map((id, i) => [id, found[i] ?? null]));
  return { rows: [...masterRows(masters, ctx), ...feedRows(feed, masters, ctx)], cursor: round.deltaLink, full: cursor === null };
}

type FeedRow = WireEvent | { readonly removed: string };

/** Validated rows, one per id: delta may list an item several times (M-DQO); the last one counts. */
function latestPerId(rows: readonly unknown[]): FeedRow[] {
  const byId = new Map<string, FeedRow>();
  rows.forEach((row, index) => {
    const entry: FeedRow = isRemovedRow(row) ? { removed: row.id } : validated(row, index);
    const id = 'removed' in entry ? entry.removed : entry.id;
    byId.delete(id);
    byId.set(id, entry);
  });
  return [...byId.values()];
}

function validated(row: unknown, index: number): WireEvent {
  assertEvent(row, `delta row ${index + 1}`);
  return row;
}

function seriesIds(feed: readonly FeedRow[]): string[] {
  const ids = new Set<string>();
  for (const row of feed) {
    if ('removed' in row) continue;
    if (row.type === 'seriesMaster') continue;
    if (row.seriesMasterId) ids.add(row.seriesMasterId);
  }
  for (const row of feed) if (!('removed' in row) && row.type === 'seriesMaster') ids.delete(row.id);
  return [...ids];
}

function masterRows(masters: ReadonlyMap<string, WireEvent | null>, ctx: ReadContext): ChangeRow[] {
  return [...masters].map(([id, master]) => (master ? { kind: 'event', event: toRemoteEvent(master, ctx) } : { kind: 'removed', id }));
}

function feedRows(feed: readonly FeedRow[], masters: ReadonlyMap<string, WireEvent | null>, ctx: ReadContext): ChangeRow[] {
  return feed.map((row) => {
    if ('removed' in row) return { kind: 'removed', id: row.removed };
    const series = row.seriesMasterId ? masters.get(row.seriesMasterId) : undefined;
    return { kind: 'event', event: toRemoteEvent(row, ctx, series?.isAllDay) };
  });
}
