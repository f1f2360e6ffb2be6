/**
 * Reading events (calendar-apis.md §1.4, §1.5, rule 3): the change feed (`events.list` with
 * singleEvents=false, showDeleted=true; a full read from the window start without timeMax, or an
 * incremental one from the sync token with no filters at all), a series' occurrences
 * (`events.instances`), a pair's mirrors (`privateExtendedProperty`) and single events by id.
 */
import type { ReadRequest, ReadResult, RemoteEvent, TimeWindow } from '../../sync/ports.ts';
import type { Calendars } from './calendars.ts';
import { malformed } from './check.ts';
import { parseJson, type GoogleHttp } from './http.ts';
import { PAIR_KEY } from './marker.ts';
import { done, failed, runPlans, type Plan } from './runner.ts';
import { toRemote, toRows, type CalendarContext } from './to-remote.ts';
import { assertEvent, assertEventsPage, type EventsPage } from './wire.ts';

export interface ReadDeps {
  readonly http: GoogleHttp;
  readonly calendars: Calendars;
  readonly batchSize: number;
}

/** Parameters an incremental read must repeat exactly as the full read that made its token. */
const FEED = { singleEvents: 'false', showDeleted: 'true', maxResults: '2500' } as const;
const MAX_PAGES = 10_000;

export async function readChanges(deps: ReadDeps, request: ReadRequest): Promise<ReadResult> {
  const { calendarId, cursor, window, signal } = request;
  // A sync token forbids timeMin/timeMax and every other filter (rule 3).
  const query = cursor ? { ...FEED, syncToken: cursor } : { ...FEED, timeMin: utc(window.start) };
  const rows = new Map<string, RemoteEvent>();
  const synthetic: RemoteEvent[] = [];
  const last = await drain(deps, calendarId, eventsPath(calendarId), query, 'events.list', signal, (page, calendar) => {
    for (const item of page.items) {
      const [row, ...removed] = toRows(item, calendar);
      if (row) rows.set(row.id, row);
      synthetic.push(...removed);
    }
    request.onPage?.(rows.size);
  });
  if (!last.nextSyncToken) throw malformed('the last page of events.list', 'carries no nextSyncToken');
  // An EXDATE row stands in for an occurrence only when Google did not report that instance itself.
  for (const row of synthetic) if (!rows.has(row.id)) rows.set(row.id, row);
  return { rows: [...rows.values()].map((event) => ({ kind: 'event', event })), cursor: last.nextSyncToken, full: !cursor };
}

export async function listOccurrences(deps: ReadDeps, calendarId: string, seriesId: string, window: TimeWindow, signal: AbortSignal): Promise<RemoteEvent[]> {
  const path = instancesPath(calendarId, seriesId);
  const query = instancesQuery(window);
  const occurrences: RemoteEvent[] = [];
  await drain(deps, calendarId, path, query, 'events.instances', signal, (page, calendar) => {
    occurrences.push(...page.items.map((item) => toRemote(item, calendar)));
  });
  return occurrences;
}

/** events.instances of a series over the window, cancelled ones included. */
export function instancesPath(calendarId: string, seriesId: string): string {
  return `${eventPath(calendarId, seriesId)}/instances`;
}

export function instancesQuery(window: TimeWindow): Record<string, string> {
  return { timeMin: utc(window.start), timeMax: utc(window.end), showDeleted: 'true', maxResults: '2500' };
}

export async function findMirrors(deps: ReadDeps, calendarId: string, pair: string, signal: AbortSignal): Promise<RemoteEvent[]> {
  const query = { privateExtendedProperty: `${PAIR_KEY}=${pair}`, showDeleted: 'false', singleEvents: 'false', maxResults: '2500' };
  const mirrors: RemoteEvent[] = [];
  await drain(deps, calendarId, eventsPath(calendarId), query, 'events.list', signal, (page, calendar) => {
    // Mirrors are singles and series; their exceptions only inherit the master's properties.
    mirrors.push(...page.items.map((item) => toRemote(item, calendar)).filter((row) => row.shape !== 'instance' && row.marker?.pair === pair));
  });
  return mirrors;
}

/** Current state of each id: null when gone (404, 410, or cancelled). Batched when several. */
export async function getEvents(deps: ReadDeps, calendarId: string, ids: readonly string[], signal: AbortSignal): Promise<Map<string, RemoteEvent | null>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, RemoteEvent | null>();
  if (unique.length === 0) return found;
  const calendar = await deps.calendars.context(calendarId, signal);
  const plans = unique.map((id) => getPlan(deps.http, calendarId, id, calendar));
  const results = await runPlans(deps.http, plans, signal, deps.batchSize);
  results.forEach((result, i) => {
    if (!result.ok) throw result.error;
    found.set(unique[i] as string, result.value);
  });
  return found;
}

function getPlan(http: GoogleHttp, calendarId: string, id: string, calendar: CalendarContext): Plan<RemoteEvent | null> {
  const what = 'events.get';
  return {
    request: { method: 'GET', path: eventPath(calendarId, id), what },
    settle: (response) => {
      if (response.status === 404 || response.status === 410) return done(null);
      if (response.status !== 200) return failed(http.error(response, what));
      const event = parseJson(response, what, assertEvent);
      return done(event.status === 'cancelled' ? null : toRemote(event, calendar));
    },
  };
}

/** Follows nextPageToken to the end; hands each page (with its calendar's settings) to `onPage`. */
export async function drain(
  deps: ReadDeps,
  calendarId: string,
  path: string,
  query: Readonly<Record<string, string>>,
  what: string,
  signal: AbortSignal,
  onPage: (page: EventsPage, calendar: CalendarContext) => void,
): Promise<EventsPage> {
  let pageToken: string | undefined;
  for (let count = 0; count < MAX_PAGES; count++) {
    const page = await deps.http.json({ method: 'GET', path, query: pageToken ? { ...query, pageToken } : query, what }, signal, assertEventsPage);
    onPage(page, deps.calendars.remember(calendarId, page));
    pageToken = page.nextPageToken ?? undefined;
    if (!pageToken) return page;
  }
  throw malformed(`the pages of ${what}`, `did not end after ${MAX_PAGES} pages`);
}

function eventsPath(calendarId: string): string {
  return `/calendars/${encodeURIComponent(calendarId)}/events`;
}

export function eventPath(calendarId: string, eventId: string): string {
  return `${eventsPath(calendarId)}/${encodeURIComponent(eventId)}`;
}

/** Google wants RFC 3339 with an offset; the window is ISO already, normalised to whole seconds. */
function utc(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
