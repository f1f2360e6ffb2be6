/**
 * The adapter's plain reads: calendars, events by id (JSON $batch), a series' occurrences in a
 * window, and the mirrors one pair left in a calendar (found by their marker, calendar-apis.md
 * §2.5). Events come back with their marker properties ($expand) wherever Graph allows it.
 */
import { NotFoundError } from '../../sync/errors.ts';
import type { CalendarInfo, RemoteEvent, TimeWindow } from '../../sync/ports.ts';
import { MAX_BATCH, runChain, type ChainItem } from './batch.ts';
import { checkEvent, eventPath, mapEvent, readContext, windowQuery, type AdapterDeps } from './context.ts';
import { assertCalendar, assertEvent, type WireEvent } from './guards.ts';
import { errorFor } from './http-errors.ts';
import { anyPairFilter, EXPAND_MARKERS } from './markers.ts';
import { toRemoteEvent } from './to-canonical.ts';
import { readAllPages } from './pages.ts';

export async function listCalendars(deps: AdapterDeps, signal: AbortSignal): Promise<CalendarInfo[]> {
  const zone = await deps.mailbox.mailboxZone(signal);
  const row = (value: unknown) => assertCalendar(value, 'calendar list');
  const { rows } = await readAllPages(deps.transport, { path: '/me/calendars', what: 'calendar list', pageSize: deps.pageSize, signal, row });
  return rows.map((row) => {
    assertCalendar(row, 'calendar list');
    deps.mailbox.remember(row);
    return {
      id: row.id,
      name: row.name,
      color: row.hexColor || null,
      readOnly: row.canEdit === false,
      primary: row.isDefaultCalendar === true,
      timeZone: zone.iana,
    };
  });
}

/** Current state of events (singles, masters, occurrences); null for 404. */
export async function getEvents(deps: AdapterDeps, calendarId: string, ids: readonly string[], signal: AbortSignal): Promise<Map<string, RemoteEvent | null>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const ctx = await readContext(deps, calendarId, signal);
  const found = await readByIds(deps, calendarId, unique, 'event', signal);
  return new Map(unique.map((id, i) => [id, found[i] ? toRemoteEvent(found[i], ctx) : null]));
}

/** Events of a calendar by id, with their markers, as $batch chains of GETs; null for 404. */
export async function readByIds(deps: AdapterDeps, calendarId: string, ids: readonly string[], what: string, signal: AbortSignal): Promise<(WireEvent | null)[]> {
  const groups = [];
  for (let i = 0; i < ids.length; i += MAX_BATCH) {
    const items: ChainItem[] = ids.slice(i, i + MAX_BATCH).map((id) => ({ method: 'GET', path: eventPath(calendarId, id), what: `${what} read`, check: checkEvent(what) }));
    groups.push(runChain(deps.transport, items, signal));
  }
  return (await Promise.all(groups)).flat().map((outcome) => {
    if (outcome instanceof Error) throw outcome;
    if (outcome.status === 404) return null;
    if (outcome.status >= 300) throw errorFor(outcome, `${what} read`, deps.transport.clock.now());
    const body = outcome.body;
    assertEvent(body, what);
    return body;
  });
}

/**
 * Occurrences and exceptions of a series in the window; none when the series is gone. One request
 * as a rule: a plain occurrence carries its series' all-day flag (which decides how original starts
 * read), so the master is fetched only when the window holds exceptions and nothing else.
 */
export async function listOccurrences(deps: AdapterDeps, calendarId: string, seriesId: string, window: TimeWindow, signal: AbortSignal): Promise<RemoteEvent[]> {
  const ctx = await readContext(deps, calendarId, signal);
  const path = `/me/calendars/${encodeURIComponent(calendarId)}/events/${encodeURIComponent(seriesId)}/instances?${windowQuery(window.start, window.end)}`;
  let rows: WireEvent[];
  try {
    const read = await readAllPages(deps.transport, { path, what: 'occurrence list', pageSize: deps.pageSize, signal, row: checkEvent('occurrence') });
    rows = read.rows as WireEvent[];
  } catch (error) {
    if (error instanceof NotFoundError) return [];
    throw error;
  }
  if (rows.length === 0) return [];
  const plain = rows.find((row) => row.type === 'occurrence');
  const allDay = plain ? plain.isAllDay : await seriesAllDay(deps, calendarId, seriesId, signal);
  if (allDay === null) return [];
  return rows.map((row) => mapEvent(row, 'occurrence', ctx, allDay));
}

/** The series' all-day flag from its master; null when the series is gone. */
async function seriesAllDay(deps: AdapterDeps, calendarId: string, seriesId: string, signal: AbortSignal): Promise<boolean | null> {
  const master = await deps.transport.request({ method: 'GET', path: eventPath(calendarId, seriesId), what: 'read of a series' }, signal, (answer) =>
    checkEvent('series master')(answer.body),
  );
  if (master.status === 404) return null;
  if (master.status >= 300) throw errorFor(master, 'read of a series', deps.transport.clock.now());
  const series: unknown = master.body;
  assertEvent(series, 'series master');
  return series.isAllDay === true;
}

/**
 * Every single event and series master of the calendar that carries a Tandem marker: this pair's,
 * and other pairs' too (the same one search), so that afterwards no marked event is unknown to
 * the engine, which must never mirror another pair's mirror (ports.ts).
 */
export async function findMirrors(deps: AdapterDeps, calendarId: string, signal: AbortSignal): Promise<RemoteEvent[]> {
  const ctx = await readContext(deps, calendarId, signal);
  const path = `/me/calendars/${encodeURIComponent(calendarId)}/events?$filter=${anyPairFilter()}&$expand=${EXPAND_MARKERS}`;
  const { rows } = await readAllPages(deps.transport, { path, what: 'mirror search', pageSize: deps.pageSize, signal, row: checkEvent('mirror') });
  return rows.map((row) => mapEvent(row, 'mirror', ctx));
}
