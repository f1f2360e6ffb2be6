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

/**
 * What a quiet run asks of the summary without looking a link up (how many links, the flagged
 * ones), stored as a record of its own: such a run reads this and not the text below.
 */
export interface SummaryHead {
  readonly count: number;
  /** topLevelCount and linkedOn (link-index.ts) of all links. */
  readonly topLevel: number;
  readonly linked: readonly [google: number, outlook: number];
  /** Links with flags beyond their kind (expanded, relistOutlook): key and flags. */
  readonly flagged: readonly (readonly [key: string, flags: number])[];
}

/**
 * The summary as stored (schema 4: the head, and the lines in a record of their own). One string
 * rather than an entry per link: parsing a string costs a copy, while tens of thousands of small
 * arrays cost far more to parse and to collect.
 */
export interface StoredSummary extends SummaryHead {
  /** Per link `key \t Google id \t Outlook id \t flags \t series \n` (null ids and series: empty). */
  readonly lines: string;
}

export const KIND = ['single', 'series', 'occurrence'] as const;
const EXPANDED = 4;
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
  /** The summary's lines (null: none stored). */
  text(): Promise<string | null>;
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

export function infoOf(flags: number): LinkInfo {
  return { kind: KIND[flags & 3] ?? 'single', expanded: (flags & EXPANDED) !== 0, relistOutlook: (flags & RELIST) !== 0 };
}

/** Singles, series, and occurrences of expanded series (each an event of its own on the mirror side). */
export const isTopLevel = (entry: SummaryEntry): boolean => (entry[2] & 3) !== 2 || (entry[2] & EXPANDED) !== 0;

/** A single or series with an event on `side`. */
export const linkedOn = (entry: SummaryEntry, side: 'google' | 'outlook'): boolean => entry[side === 'google' ? 0 : 1] !== null && (entry[2] & 3) !== 2;

export const sameEntry = (a: SummaryEntry | undefined, b: SummaryEntry): boolean => !!a && a.length === b.length && a.every((v, i) => v === b[i]);

export function pack(entries: ReadonlyMap<string, SummaryEntry>): StoredSummary {
  const lines: string[] = [];
  for (const [key, entry] of entries) lines.push(lineOf(key, entry));
  return { lines: lines.join(''), ...headOf(entries) };
}

/**
 * The same as pack(entries), from `base` (lines packed earlier, in the order of `entries`) and the
 * keys changed since: a run that changed a few links of tens of thousands copies the unchanged
 * lines in runs instead of formatting every line again. The changed keys' lines move to the end,
 * as their entries do in the map (each change removes and re-adds the entry).
 */
export function repack(base: string, changed: ReadonlySet<string>, entries: ReadonlyMap<string, SummaryEntry>): StoredSummary {
  const escaped = new Set([...changed].map(escapeField));
  const parts: string[] = [];
  let from = 0;
  for (let start = 0; start < base.length; ) {
    const end = base.indexOf('\n', start);
    if (escaped.has(base.slice(start, base.indexOf('\t', start)))) {
      parts.push(base.slice(from, start));
      from = end + 1;
    }
    start = end + 1;
  }
  parts.push(base.slice(from));
  for (const [key, entry] of entries) if (changed.has(key)) parts.push(lineOf(key, entry));
  return { lines: parts.join(''), ...headOf(entries) };
}

const lineOf = (key: string, entry: SummaryEntry): string =>
  `${escapeField(key)}\t${escapeField(entry[0] ?? '')}\t${escapeField(entry[1] ?? '')}\t${entry[2]}\t${escapeField(entry[3] ?? '')}\n`;

function headOf(entries: ReadonlyMap<string, SummaryEntry>): SummaryHead {
  const flagged: (readonly [string, number])[] = [];
  let topLevel = 0;
  const linked = [0, 0] as [number, number];
  for (const [key, entry] of entries) {
    if (isTopLevel(entry)) topLevel++;
    if (linkedOn(entry, 'google')) linked[0]++;
    if (linkedOn(entry, 'outlook')) linked[1]++;
    if ((entry[2] & (EXPANDED | RELIST)) !== 0) flagged.push([key, entry[2]]);
  }
  return { count: entries.size, topLevel, linked, flagged };
}

export function unpack(text: string, each: (key: string, entry: SummaryEntry) => void): void {
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    each(...entryOfLine(text.slice(start, end)));
    start = end + 1;
  }
}

/** A stored line (without its newline) as key and entry. */
export function entryOfLine(line: string): [string, SummaryEntry] {
  const [key = '', google = '', outlook = '', flags = '0', series = ''] = line.split('\t');
  const ids = [google === '' ? null : unescape(google), outlook === '' ? null : unescape(outlook), Number(flags)] as const;
  return [unescape(key), series === '' ? ids : [...ids, unescape(series)]];
}

/** A stored value in this shape (else the summary is rebuilt from the links). */
export function isSummaryHead(value: unknown): value is SummaryHead {
  const s = value as Partial<SummaryHead> | null;
  return typeof s?.count === 'number' && typeof s.topLevel === 'number' && Array.isArray(s.linked) && Array.isArray(s.flagged);
}

// Ids and keys hold no tab or newline in practice; should one, it is %-escaped (and so is `%`).
const SPECIAL = /[%\t\n]/g;
export const escapeField = (text: string): string => (/[%\t\n]/.test(text) ? text.replace(SPECIAL, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`) : text);
const unescape = (text: string): string => (text.includes('%') ? text.replace(/%([0-9a-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text);
