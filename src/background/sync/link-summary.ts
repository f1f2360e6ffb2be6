/**
 * The compact summary of a pair's links (link-index.ts): per link its ids, kind, flags and series,
 * small enough to be read by every run.
 */
import type { Link } from './state.ts';

/**
 * Per link key: Google id, Outlook id, flags, and for occurrences their series' key — left out
 * (flag SERIES_IN_KEY) when the key starts with it, as occurrence keys do: most links are
 * occurrences, and the summary is read by every run.
 */
export type SummaryEntry = readonly [google: string | null, outlook: string | null, flags: number, series?: string];
export type LinkSummary = Record<string, SummaryEntry>;

export const KIND = ['single', 'series', 'occurrence'] as const;
export const EXPANDED = 4;
const RELIST = 8;
const SERIES_IN_KEY = 16;

/** What the summary tells about a link without loading it. */
export interface LinkInfo {
  readonly kind: Link['kind'];
  readonly expanded: boolean;
  readonly relistOutlook: boolean;
}

export interface LinkLoader {
  byKeys(keys: readonly string[]): Promise<Link[]>;
  all(): Promise<Link[]>;
}

export function summaryEntry(link: Link): SummaryEntry {
  const inKey = link.series !== undefined && keyPrefix(link.key) === link.series;
  const flags = KIND.indexOf(link.kind) | (link.expanded ? EXPANDED : 0) | (link.relistOutlook ? RELIST : 0) | (inKey ? SERIES_IN_KEY : 0);
  const ids = [link.google?.id ?? null, link.outlook?.id ?? null, flags] as const;
  return link.series === undefined || inKey ? ids : [...ids, link.series];
}

/** `<series key>|<original start>`: the series key (original starts hold no `|`). */
const keyPrefix = (key: string): string => key.slice(0, Math.max(0, key.lastIndexOf('|')));

export function seriesOf(key: string, entry: SummaryEntry): string | undefined {
  return (entry[2] & SERIES_IN_KEY) !== 0 ? keyPrefix(key) : entry[3];
}

export function infoOf(entry: SummaryEntry): LinkInfo {
  return { kind: KIND[entry[2] & 3] ?? 'single', expanded: (entry[2] & EXPANDED) !== 0, relistOutlook: (entry[2] & RELIST) !== 0 };
}

export const sameEntry = (a: SummaryEntry | undefined, b: SummaryEntry): boolean => !!a && a.length === b.length && a.every((v, i) => v === b[i]);
