/**
 * Paging of sorted listings. Pages continue after the sort key of the last row served, so rows
 * added or removed between pages do not shift the rest. Google's pages "may be short or empty while
 * nextPageToken is present" (calendar-apis.md §1.4): the simulator can do that on purpose.
 */
import type { GoogleCore } from './core.ts';
import { invalidParam } from './errors.ts';
import type { Row } from './rows.ts';
import { compareKeys, readToken, type PageTokenState, type SortKey } from './tokens.ts';

export function sortRows(rows: Row[]): Row[] {
  return rows.sort((a, b) => compareKeys(a.key, b.key));
}

export function takePage(rows: readonly Row[], after: SortKey | undefined, size: number): { page: Row[]; more: boolean } {
  const start = after === undefined ? 0 : firstAfter(rows, after);
  const page = rows.slice(start, start + size);
  return { page, more: start + size < rows.length };
}

function firstAfter(rows: readonly Row[], after: SortKey): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(rows[mid]!.key, after) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** maxResults, unless the simulator is told to return short or empty pages now and then. */
export function pageSize(core: GoogleCore, maxResults: number): number {
  const { shortPageProbability, emptyPageProbability } = core.settings;
  if (emptyPageProbability > 0 && core.random() < emptyPageProbability) return 0;
  if (maxResults > 1 && shortPageProbability > 0 && core.random() < shortPageProbability) {
    return 1 + Math.floor(core.random() * (maxResults - 1));
  }
  return maxResults;
}

/** A page token for this calendar and exactly this query, else 400. */
export function readPageToken(core: GoogleCore, token: string, calendarId: string, queryHash: string): PageTokenState {
  const state = readToken(token, 'page', core.tokenSecret);
  if (!state || state.calendarId !== calendarId || state.queryHash !== queryHash) throw invalidParam('pageToken', 'Invalid page token value.');
  return state;
}
