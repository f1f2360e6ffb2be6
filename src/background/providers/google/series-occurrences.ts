/**
 * The occurrences of many series at once: one events.instances GET per series, sent as parts of
 * Google batch requests (calendar-apis.md §1.9; a batch may hold any API call, GETs included), so
 * aligning a thousand new series costs some twenty requests rather than a thousand. A series with
 * more occurrences than one page holds has its further pages read alone.
 */
import type { RemoteEvent, TimeWindow } from '../../sync/ports.ts';
import { parseJson } from './http.ts';
import { drain, instancesPath, instancesQuery, type ReadDeps } from './reads.ts';
import { done, failed, follow, runPlans, type Plan } from './runner.ts';
import { toRemote } from './to-remote.ts';
import { assertEventsPage } from './wire.ts';

export async function listSeriesOccurrences(
  deps: ReadDeps,
  calendarId: string,
  seriesIds: readonly string[],
  window: TimeWindow,
  signal: AbortSignal,
): Promise<Map<string, RemoteEvent[]>> {
  const unique = [...new Set(seriesIds)];
  const found = new Map<string, RemoteEvent[]>();
  if (unique.length === 0) return found;
  const plans = unique.map((id) => instancesPlan(deps, calendarId, id, window));
  const results = await runPlans(deps.http, plans, signal, deps.batchSize);
  results.forEach((result, i) => {
    // As listOccurrences: a series that cannot be listed fails the listing.
    if (!result.ok) throw result.error;
    found.set(unique[i] as string, result.value);
  });
  return found;
}

function instancesPlan(deps: ReadDeps, calendarId: string, seriesId: string, window: TimeWindow): Plan<RemoteEvent[]> {
  const what = 'events.instances';
  const path = instancesPath(calendarId, seriesId);
  const query = instancesQuery(window);
  return {
    request: { method: 'GET', path, query, what },
    settle: (response) => {
      if (response.status !== 200) return failed(deps.http.error(response, what));
      const page = parseJson(response, what, assertEventsPage);
      const calendar = deps.calendars.remember(calendarId, page);
      const first = page.items.map((item) => toRemote(item, calendar));
      const pageToken = page.nextPageToken;
      if (!pageToken) return done(first);
      return follow(async (signal) => {
        const rest: RemoteEvent[] = [];
        await drain(deps, calendarId, path, { ...query, pageToken }, what, signal, (next, context) => {
          rest.push(...next.items.map((item) => toRemote(item, context)));
        });
        return [...first, ...rest];
      });
    },
  };
}
