/**
 * The occurrences of many series at once: one `/instances` GET per series, sent as parts of JSON
 * $batch requests (calendar-apis.md §2.8, 20 per batch), so aligning a thousand new series costs
 * some fifty requests rather than a thousand. Each part asks for pages as large as the adapter's
 * own reads; a series with more occurrences than that has its further pages read alone.
 */
import type { RemoteEvent, TimeWindow } from '../../sync/ports.ts';
import { MAX_BATCH, runChain, type ChainItem } from './batch.ts';
import { checkEvent, mapEvent, readContext, windowQuery, type AdapterDeps } from './context.ts';
import { assertPage, type WireEvent, type WirePage } from './guards.ts';
import { errorFor } from './http-errors.ts';
import { readAllPages } from './pages.ts';
import { listOccurrences, readByIds } from './reads.ts';
import { PREFER } from './transport.ts';
import { MalformedResponseError } from '../../sync/errors.ts';

const WHAT = 'occurrence list';

export async function listSeriesOccurrences(
  deps: AdapterDeps,
  calendarId: string,
  seriesIds: readonly string[],
  window: TimeWindow,
  signal: AbortSignal,
): Promise<Map<string, RemoteEvent[]>> {
  const unique = [...new Set(seriesIds)];
  if (unique.length === 1) return new Map([[unique[0]!, await listOccurrences(deps, calendarId, unique[0]!, window, signal)]]);
  if (unique.length === 0) return new Map();
  const ctx = await readContext(deps, calendarId, signal);
  const rows = await firstPages(deps, calendarId, unique, window, signal);
  // A plain occurrence carries its series' all-day flag; a series listing only exceptions asks its master.
  const unknown = unique.filter((_, i) => rows[i]!.length > 0 && !rows[i]!.some((row) => row.type === 'occurrence'));
  const masters = new Map((await readByIds(deps, calendarId, unknown, 'series master', signal)).map((master, i) => [unknown[i]!, master]));
  return new Map(
    unique.map((id, i) => {
      const listed = rows[i]!;
      const plain = listed.find((row) => row.type === 'occurrence');
      const master = masters.get(id);
      const allDay = plain ? plain.isAllDay === true : master === null ? null : master?.isAllDay === true;
      // None listed, or the series is gone: no occurrences.
      if (listed.length === 0 || allDay === null) return [id, []];
      return [id, listed.map((row) => mapEvent(row, 'occurrence', ctx, allDay))];
    }),
  );
}

/** Every occurrence row of each series (none for a series that is gone), in `ids` order. */
async function firstPages(deps: AdapterDeps, calendarId: string, ids: readonly string[], window: TimeWindow, signal: AbortSignal): Promise<WireEvent[][]> {
  const prefer = `${PREFER}, odata.maxpagesize=${deps.pageSize}`;
  const items: ChainItem[] = ids.map((id) => ({
    method: 'GET',
    path: `/me/calendars/${encodeURIComponent(calendarId)}/events/${encodeURIComponent(id)}/instances?${windowQuery(window.start, window.end)}`,
    headers: { Prefer: prefer },
    what: WHAT,
    check: (body) => checkPage(deps, body),
  }));
  const groups = [];
  for (let i = 0; i < items.length; i += MAX_BATCH) groups.push(runChain(deps.transport, items.slice(i, i + MAX_BATCH), signal));
  const outcomes = (await Promise.all(groups)).flat();
  return Promise.all(
    outcomes.map(async (outcome) => {
      if (outcome instanceof Error) throw outcome;
      if (outcome.status === 404) return [];
      if (outcome.status >= 300) throw errorFor(outcome, WHAT, deps.transport.clock.now());
      const page: unknown = outcome.body;
      checkPage(deps, page);
      const next = page['@odata.nextLink'] ?? undefined;
      if (next === undefined) return page.value as WireEvent[];
      const rest = await readAllPages(deps.transport, { path: next, what: WHAT, pageSize: deps.pageSize, signal, row: checkEvent('occurrence') });
      return [...(page.value as WireEvent[]), ...(rest.rows as WireEvent[])];
    }),
  );
}

function checkPage(deps: AdapterDeps, body: unknown): asserts body is WirePage {
  assertPage(body, WHAT);
  body.value.forEach(checkEvent('occurrence'));
  const next = body['@odata.nextLink'];
  if (next && !deps.transport.owns(next)) throw new MalformedResponseError(`Outlook's ${WHAT} links outside the configured Graph base URL.`);
}
