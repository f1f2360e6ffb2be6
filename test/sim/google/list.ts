/**
 * events.list (calendar-apis.md §1.4): full sync with filters and paging, and incremental sync from
 * a syncToken. `nextSyncToken` comes only on the last page and points at the calendar's state when
 * the listing began, so changes made while a client pages through arrive again next time. Tokens
 * die with 410 `fullSyncRequired` when expired, invalidated, or older than a purged deletion.
 */
import type { GoogleCore } from './core.ts';
import type { CalendarRecord } from './directory.ts';
import { fullSyncRequired, GoogleApiError, invalidParam } from './errors.ts';
import { isoMillis } from './event-time.ts';
import type { GEvents, ListEntry } from './model.ts';
import { pageSize, readPageToken, sortRows, takePage } from './paging.ts';
import { canIssueSyncToken, parseListQuery, syncFingerprint, type ListQuery } from './query.ts';
import { renderDeleted, renderEvent, type RenderContext } from './render.ts';
import { changedRows, fullRows, type Row, type RowContext } from './rows.ts';
import { queryHash, readToken, signToken } from './tokens.ts';

export function listEvents(core: GoogleCore, calendar: CalendarRecord, entry: ListEntry, params: URLSearchParams): GEvents {
  core.purge(calendar);
  const query = parseListQuery(params);
  const { store } = calendar;
  const hash = queryHash(params);
  const page = query.pageToken === undefined ? undefined : readPageToken(core, query.pageToken, calendar.id, hash);
  const fromSeq = page ? page.fromSeq : query.syncToken === undefined ? undefined : checkSyncToken(core, calendar, query);
  if (page?.fromSeq !== undefined && page.epoch !== store.tokenEpoch) throw rejectToken(core);
  checkUpdatedMin(calendar, query);
  const snapshot = page?.snapshot ?? store.seq;
  const rows = cachedRows({ core, calendar, query }, hash, fromSeq);
  if (fromSeq === undefined) core.counters.fullSyncPages++;
  else core.counters.incrementalSyncPages++;
  const { page: served, more } = takePage(rows, page?.after, pageSize(core, query.maxResults));
  const last = served.at(-1)?.key ?? page?.after;
  const epoch = store.tokenEpoch;
  const continuation = more
    ? {
        nextPageToken: signToken(
          { kind: 'page', calendarId: calendar.id, queryHash: hash, after: last ?? [], snapshot, epoch, ...(fromSeq === undefined ? {} : { fromSeq }) },
          core.tokenSecret,
        ),
      }
    : canIssueSyncToken(query)
      ? {
          nextSyncToken: signToken(
            { kind: 'sync', calendarId: calendar.id, seq: snapshot, epoch, issuedAt: core.now(), fingerprint: syncFingerprint(query) },
            core.tokenSecret,
          ),
        }
      : {};
  const render: RenderContext = { calendarId: calendar.id, zone: query.timeZone ?? calendar.timeZone, role: entry.accessRole };
  return {
    ...collectionHeader(calendar, entry),
    ...continuation,
    items: served.map((row) => (row.deleted ? renderDeleted(row.event, render) : renderEvent(row.event, render))),
  };
}

/** The sorted rows of each calendar's latest listing: paging through an unchanged calendar computes them once. */
const rowCache = new WeakMap<CalendarRecord, { key: string; rows: Row[] }>();

function cachedRows(ctx: RowContext, hash: string, fromSeq: number | undefined): Row[] {
  const { core, calendar } = ctx;
  const { expansionHorizonMs, maxInstancesPerSeries } = core.settings;
  // Expansion ends move with the clock; an hour's drift of the horizon does not matter.
  const hour = Math.floor(core.now() / 3_600_000);
  const key = [hash, fromSeq ?? 'full', calendar.store.version, calendar.timeZone, hour, expansionHorizonMs, maxInstancesPerSeries].join('|');
  const hit = rowCache.get(calendar);
  if (hit?.key === key) return hit.rows;
  const rows = sortRows(fromSeq === undefined ? fullRows(ctx) : changedRows(ctx, fromSeq));
  rowCache.set(calendar, { key, rows });
  return rows;
}

/** The calendar-level fields every events collection carries. */
export function collectionHeader(calendar: CalendarRecord, entry: ListEntry): GEvents {
  const { store } = calendar;
  return {
    kind: 'calendar#events',
    etag: `"p${store.seq.toString(36)}${store.lastChangeAt}"`,
    summary: calendar.summary,
    description: calendar.description,
    updated: isoMillis(store.lastChangeAt),
    timeZone: calendar.timeZone,
    accessRole: entry.accessRole,
    defaultReminders: structuredClone(entry.defaultReminders),
  };
}

function checkSyncToken(core: GoogleCore, calendar: CalendarRecord, query: ListQuery): number {
  const state = readToken(query.syncToken!, 'sync', core.tokenSecret);
  if (!state || state.calendarId !== calendar.id) throw invalidParam('syncToken', 'Invalid sync token value.');
  const { store } = calendar;
  const expired = core.now() - state.issuedAt > core.settings.syncTokenLifetimeMs;
  if (expired || state.epoch !== store.tokenEpoch || state.seq < store.purgedThroughSeq) throw rejectToken(core);
  if (state.fingerprint !== syncFingerprint(query)) {
    throw invalidParam('syncToken', 'The sync token was issued for different singleEvents/showDeleted/eventTypes parameters.');
  }
  return state.seq;
}

function rejectToken(core: GoogleCore): GoogleApiError {
  core.counters.syncTokensRejected++;
  return fullSyncRequired();
}

/** updatedMin before the oldest purged deletion could miss deletions: 410 (§1.4). */
function checkUpdatedMin(calendar: CalendarRecord, query: ListQuery): void {
  if (query.updatedMin !== undefined && query.updatedMin <= calendar.store.purgedBefore) {
    throw new GoogleApiError(410, 'updatedMinTooLongAgo', 'The requested minimum modification time lies too far in the past.', {
      locationType: 'parameter',
      location: 'updatedMin',
    });
  }
}
