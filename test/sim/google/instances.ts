/**
 * events.instances (calendar-apis.md §1.1, §1.11 item 7): the instances of one recurring event,
 * stored exceptions included, filtered by timeMin (inclusive bound on the end, as this method
 * documents it), timeMax (exclusive bound on the start) and `originalStart`, paged like events.list.
 */
import type { GoogleCore } from './core.ts';
import type { CalendarRecord } from './directory.ts';
import { GoogleApiError, invalidParam, notFound } from './errors.ts';
import { isDate, parseInstant } from './event-time.ts';
import type { GEvents, ListEntry, OriginalStart, StoredEvent } from './model.ts';
import { pageSize, readPageToken, sortRows, takePage } from './paging.ts';
import { parseBoolean, parseMaxResults, parseTime, parseZone } from './query.ts';
import { renderDeleted, renderEvent } from './render.ts';
import type { Row } from './rows.ts';
import { collectionHeader } from './list.ts';
import { originalInstant, originalStarts, sameOriginal, spanEnd, spanStart, virtualInstance } from './series.ts';
import { queryHash, signToken } from './tokens.ts';

export function listInstances(core: GoogleCore, calendar: CalendarRecord, entry: ListEntry, eventId: string, params: URLSearchParams): GEvents {
  core.purge(calendar);
  const master = calendar.store.get(eventId);
  if (!master || master.resource.recurringEventId) throw notFound();
  if (!master.rule) throw new GoogleApiError(400, 'invalid', 'The event is not a recurring event.');
  const showDeleted = parseBoolean(params, 'showDeleted');
  const maxResults = parseMaxResults(params, 250, 2500);
  const timeMin = parseTime(params, 'timeMin');
  const timeMax = parseTime(params, 'timeMax');
  const original = parseOriginalStart(params);
  const zone = parseZone(params) ?? calendar.timeZone;
  const hash = queryHash(params);
  const token = params.get('pageToken');
  const page = token === null ? undefined : readPageToken(core, token, calendar.id, hash);

  const inWindow = (event: StoredEvent) =>
    (timeMin === undefined || spanEnd(event.span, calendar.timeZone) >= timeMin) &&
    (timeMax === undefined || spanStart(event.span, calendar.timeZone) < timeMax) &&
    (original === undefined || (event.original !== undefined && sameOriginal(event.original, original)));
  const masterCancelled = master.resource.status === 'cancelled';
  const rows: Row[] = [];
  for (const instance of candidates(core, calendar, master, timeMin, timeMax, original)) {
    const cancelled = masterCancelled || instance.resource.status === 'cancelled';
    if ((cancelled && !showDeleted) || !inWindow(instance)) continue;
    rows.push({ event: instance, deleted: cancelled, key: [originalInstant(instance.original!, calendar.timeZone), instance.id] });
  }
  const { page: served, more } = takePage(sortRows(rows), page?.after, pageSize(core, maxResults));
  const after = served.at(-1)?.key ?? page?.after ?? [];
  const render = { calendarId: calendar.id, zone, role: entry.accessRole };
  return {
    ...collectionHeader(calendar, entry),
    ...(more ? { nextPageToken: signToken({ kind: 'page', calendarId: calendar.id, queryHash: hash, after, snapshot: calendar.store.seq, epoch: 0 }, core.tokenSecret) } : {}),
    items: served.map((row) => (row.deleted ? renderDeleted(row.event, render) : renderEvent(row.event, render))),
  };
}

/** Unmodified instances in (or near) the window, plus every stored exception of the series. */
function candidates(
  core: GoogleCore,
  calendar: CalendarRecord,
  master: StoredEvent,
  timeMin: number | undefined,
  timeMax: number | undefined,
  original: OriginalStart | undefined,
): StoredEvent[] {
  const rule = master.rule!;
  const exceptions = calendar.store.exceptionsOf(master.id);
  const taken = new Set(exceptions.map((e) => e.id));
  const from = original ? originalInstant(original, calendar.timeZone) : (timeMin ?? spanStart(master.span, calendar.timeZone));
  const to = original ? from + 1 : (timeMax ?? core.horizonEnd(master));
  const virtual = originalStarts(rule, from, to, core.settings.maxInstancesPerSeries)
    .map((o) => virtualInstance(master, o))
    .filter((instance) => !taken.has(instance.id) && (original !== undefined || spanStart(instance.span, calendar.timeZone) < to));
  return [...virtual, ...exceptions];
}

/** `originalStart`: an RFC 3339 instant for timed series, a date for all-day ones. */
function parseOriginalStart(params: URLSearchParams): OriginalStart | undefined {
  const value = params.get('originalStart');
  if (value === null) return undefined;
  if (isDate(value)) return { allDay: true, date: value };
  const ms = parseInstant(value);
  if (ms === undefined) throw invalidParam('originalStart');
  return { allDay: false, ms };
}
