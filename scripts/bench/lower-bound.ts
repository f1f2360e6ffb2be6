/**
 * The fewest requests any client of the same change feeds could make for a scenario:
 * - reads: the rows the feeds returned (Google events.list, Outlook calendarView delta) in pages
 *   of the largest size allowed — Google maxResults 2500 (documented maximum); Outlook 500, the
 *   odata.maxpagesize the adapter asks for (Graph documents no maximum for delta); plus, for
 *   Outlook, the series masters delta never carries and a GET per `@removed` row (it also means
 *   "left the window") other than of an event the client deleted itself, read in $batch requests
 *   of 20, and (initial sync) the occurrence lists of new Outlook series that need exceptions,
 *   also 20 per $batch;
 * - writes: the writes the scenario needs, in batches of the largest size used — Google 50 per
 *   batch (Google's advice; it accepts up to 1000), Outlook 20 per $batch (the hard limit).
 * Calendar-list and mailbox-settings lookups are not counted (a few requests, once a day).
 */
import { DEFAULT_PAGE_SIZE } from '../../src/background/providers/graph/index.ts';

export const LIMITS = { googlePage: 2500, outlookPage: DEFAULT_PAGE_SIZE, googleBatch: 50, outlookBatch: 20 } as const;

export interface BoundInput {
  readonly feed: { readonly google: number; readonly outlookRows: number; readonly outlookMasters: number; readonly outlookRemoved: number };
  readonly writes: { readonly google: number; readonly outlook: number };
  readonly outlookSeriesLookups: number;
}

export interface SideBound {
  readonly reads: number;
  readonly writes: number;
  readonly total: number;
}

export interface LowerBound {
  readonly google: SideBound;
  readonly outlook: SideBound;
  readonly total: number;
}

export function lowerBound(input: BoundInput): LowerBound {
  const pages = (rows: number, size: number): number => Math.max(1, Math.ceil(rows / size));
  const batches = (n: number, size: number): number => Math.ceil(n / size);
  const googleReads = pages(input.feed.google, LIMITS.googlePage);
  const lookups = input.feed.outlookMasters + input.feed.outlookRemoved + input.outlookSeriesLookups;
  const outlookReads = pages(input.feed.outlookRows, LIMITS.outlookPage) + batches(lookups, LIMITS.outlookBatch);
  const google = side(googleReads, batches(input.writes.google, LIMITS.googleBatch));
  const outlook = side(outlookReads, batches(input.writes.outlook, LIMITS.outlookBatch));
  return { google, outlook, total: google.total + outlook.total };
}

function side(reads: number, writes: number): SideBound {
  return { reads, writes, total: reads + writes };
}
