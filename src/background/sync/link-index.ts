/**
 * The links of one pair in memory during a run. Every link is known by a compact summary (its ids,
 * kind and flags, stored as one record: link-summary.ts), but full links, which carry both
 * sides' snapshots, are loaded only for what the run touches: a quiet run reads the summary's head
 * (its counts and flagged links) and no link, nor the summary's lines. `prepare` (before lookups),
 * `load` (a link's whole series comes with it) or `loadAll` runs before the synchronous steps that
 * use links; using a link that was not loaded is a bug and throws rather
 * than passing for "not linked" (which would make duplicates). Tracks what changed so checkpoints
 * write only that.
 */
import type { Side } from './model.ts';
import { infoOf, isTopLevel, KIND, linkedOn, pack, sameEntry, seriesOf, summaryEntry, unpack, type LinkInfo, type LinkLoader, type StoredSummary, type SummaryEntry, type SummaryHead } from './link-summary.ts';
import type { Link } from './state.ts';
import { SummaryLookup, UNKNOWN } from './summary-lookup.ts';

export type { StoredSummary } from './link-summary.ts';

export class LinkIndex {
  private readonly entries = new Map<string, SummaryEntry>();
  private readonly loaded = new Map<string, Link>();
  private readonly byId: Record<Side, Map<string, string>> = { google: new Map(), outlook: new Map() };
  private readonly bySeries = new Map<string, Set<string>>();
  private dirty = new Set<string>();
  private removed = new Set<string>();
  private summaryDirty = false;
  private complete = false;
  /** The stored summary's head, until something needs the maps above (table()). */
  private packed: SummaryHead | null = null;
  /** Its lines, once read (prepare, load), searched until they are indexed. */
  private text: string | null = null;
  private lookup: SummaryLookup | null = null;

  /** From a stored summary (links loaded on demand), or from every link (a summary to store). */
  constructor(source: { summary: SummaryHead } | { links: readonly Link[] }, private readonly loader?: LinkLoader) {
    if ('links' in source) this.reset(source.links);
    // A summary of no links has nothing to read.
    else if (source.summary.count > 0) this.packed = source.summary;
    this.complete = 'links' in source || this.size === 0;
    // Built from a stored summary, there is nothing to store again yet.
    this.summaryDirty = 'links' in source;
  }

  get size(): number {
    return this.packed ? this.packed.count : this.entries.size;
  }

  /** Loads these links and, for series and occurrences, the whole series. */
  async load(keys: Iterable<string>): Promise<void> {
    const list = [...keys];
    if (list.length === 0) return;
    await this.readText();
    if (this.complete || !this.loader) return;
    const wanted = new Set<string>();
    // Each series once, however many of its occurrences are asked for (a re-titled series: all).
    const expanded = new Set<string>();
    for (const key of list) {
      const entry = this.entryOf(key);
      if (!entry) continue;
      const series = seriesOf(key, entry);
      wanted.add(key);
      // A single has no occurrences; a series or occurrence brings the whole series.
      if ((series === undefined && KIND[entry[2] & 3] === 'single') || expanded.has(series ?? key)) continue;
      expanded.add(series ?? key);
      wanted.add(series ?? key);
      for (const occurrence of this.membersOf(series ?? key)) wanted.add(occurrence);
    }
    const missing = [...wanted].filter((key) => !this.loaded.has(key) && this.entryOf(key) !== undefined);
    if (missing.length === 0) return;
    const found = await this.loader.byKeys(missing);
    for (const link of found) this.loaded.set(link.key, link);
    // A summary entry without its link (none is expected): the link is gone, and so is the entry.
    for (const key of missing) if (!this.loaded.has(key)) this.forget(key);
  }

  /** About `lookups` lookups are coming: the summary's lines are read, and indexed at once if searching would cost more. */
  async prepare(lookups: number): Promise<void> {
    if (lookups === 0) return;
    await this.readText();
    if (this.lookup && !this.lookup.affords(lookups)) this.table();
  }

  /** Whether the summary was split into maps (for tests). */
  get indexed(): boolean {
    return this.packed === null;
  }

  /** Loads every link; the summary is rebuilt from them (they are the truth) and stored again. */
  async loadAll(): Promise<void> {
    if (this.complete || !this.loader) return;
    this.reset(await this.loader.all());
    this.complete = true;
  }

  get(key: string): Link | undefined {
    const link = this.loaded.get(key);
    if (link) return link;
    if (this.entryOf(key) === undefined) return undefined;
    throw new Error(`Link ${key} was used before it was loaded.`);
  }

  bySide(side: Side, id: string): Link | undefined {
    const key = this.keyOf(side, id);
    return key === undefined ? undefined : this.get(key);
  }

  /** The key of the link holding this id on `side`, without loading it. */
  keyOf(side: Side, id: string): string | undefined {
    const found = this.lookup ? this.lookup.keyOf(side, id) : UNKNOWN;
    return found === UNKNOWN ? (this.table(), this.byId[side].get(id)) : found;
  }

  occurrencesOf(seriesKey: string): Link[] {
    return [...this.membersOf(seriesKey)].flatMap((key) => this.get(key) ?? []);
  }

  /** Every link: only after loadAll. */
  all(): IterableIterator<Link> {
    if (!this.complete) throw new Error('All links were used before they were loaded.');
    return this.loaded.values();
  }

  /** Keys of the links whose summary matches, loaded or not. */
  keysWhere(test: (info: LinkInfo) => boolean): string[] {
    // A link stored without flags is a plain single, series or occurrence: when the test takes none
    // of those, the flagged links stored beside the summary are all it can match.
    const plain = KIND.some((kind) => test({ kind, expanded: false, relistOutlook: false }));
    if (this.packed && !plain) return this.packed.flagged.flatMap(([key, flags]) => (test(infoOf(flags)) ? [key] : []));
    return [...this.table()].flatMap(([key, entry]) => (test(infoOf(entry[2])) ? [key] : []));
  }

  /** The (loaded) links whose summary matches. */
  where(test: (info: LinkInfo) => boolean): Link[] {
    return this.keysWhere(test).flatMap((key) => this.get(key) ?? []);
  }

  /** Top-level items (singles and series), which deletion thresholds are measured against. */
  topLevelCount(): number {
    if (this.packed) return this.packed.topLevel;
    let count = 0;
    for (const entry of this.entries.values()) if (isTopLevel(entry)) count++;
    return count;
  }

  /** Singles and series with an event on `side`. */
  linkedOn(side: Side): number {
    if (this.packed) return this.packed.linked[side === 'google' ? 0 : 1];
    let count = 0;
    for (const entry of this.entries.values()) if (linkedOn(entry, side)) count++;
    return count;
  }

  put(link: Link): void {
    const entry = summaryEntry(link);
    if (!sameEntry(this.entryOf(link.key), entry)) {
      this.forget(link.key);
      this.index(link.key, entry);
    }
    this.loaded.set(link.key, link);
    this.dirty.add(link.key);
    this.removed.delete(link.key);
  }

  delete(key: string): void {
    if (this.entryOf(key) === undefined) return;
    this.forget(key);
    this.dirty.delete(key);
    this.removed.add(key);
  }

  /** Links changed and keys removed since the last call. */
  takeChanges(): { changed: Link[]; removed: string[] } {
    const changed = [...this.dirty].flatMap((key) => this.loaded.get(key) ?? []);
    const removed = [...this.removed];
    this.dirty = new Set();
    this.removed = new Set();
    return { changed, removed };
  }

  /** The summary to store, when it changed since the last call. */
  takeSummary(): StoredSummary | null {
    if (!this.summaryDirty) return null;
    this.summaryDirty = false;
    return pack(this.table());
  }

  private entryOf(key: string): SummaryEntry | undefined {
    const found = this.lookup ? this.lookup.entry(key) : UNKNOWN;
    return found === UNKNOWN ? this.table().get(key) : found;
  }

  /** Keys of the series' occurrences. */
  private membersOf(seriesKey: string): Iterable<string> {
    const found = this.lookup ? this.lookup.membersOf(seriesKey) : UNKNOWN;
    return found === UNKNOWN ? (this.table(), this.bySeries.get(seriesKey) ?? []) : found;
  }

  private async readText(): Promise<void> {
    if (!this.packed || this.text !== null || !this.loader) return;
    const text = await this.loader.text();
    if (text === null) {
      // A head without its lines (none is expected; both are stored at once): the links are the truth.
      this.reset(await this.loader.all());
      this.complete = true;
      return;
    }
    this.text = text;
    this.lookup = new SummaryLookup(text);
  }

  /** The summary's entries, indexed on first use (a change, or more lookups than searches are cheap for). */
  private table(): Map<string, SummaryEntry> {
    if (this.packed) {
      // Used unread, the summary would pass for one without links.
      if (this.text === null) throw new Error('The link summary was used before it was read.');
      const text = this.text;
      this.packed = null;
      this.text = null;
      this.lookup = null;
      unpack(text, (key, entry) => this.index(key, entry));
      // As stored: nothing to store again.
      this.summaryDirty = false;
    }
    return this.entries;
  }

  private reset(links: readonly Link[]): void {
    // What the stored summary said no longer counts: the links are the truth.
    this.packed = null;
    this.text = null;
    this.lookup = null;
    for (const key of [...this.entries.keys()]) this.forget(key);
    for (const link of links) {
      this.index(link.key, summaryEntry(link));
      this.loaded.set(link.key, link);
    }
    this.summaryDirty = true;
  }

  private index(key: string, entry: SummaryEntry): void {
    this.entries.set(key, entry);
    if (entry[0] !== null) this.byId.google.set(entry[0], key);
    if (entry[1] !== null) this.byId.outlook.set(entry[1], key);
    const series = seriesOf(key, entry);
    if (series !== undefined) {
      const set = this.bySeries.get(series) ?? new Set();
      set.add(key);
      this.bySeries.set(series, set);
    }
    this.summaryDirty = true;
  }

  private forget(key: string): void {
    const entry = this.table().get(key);
    this.loaded.delete(key);
    if (!entry) return;
    this.entries.delete(key);
    if (entry[0] !== null && this.byId.google.get(entry[0]) === key) this.byId.google.delete(entry[0]);
    if (entry[1] !== null && this.byId.outlook.get(entry[1]) === key) this.byId.outlook.delete(entry[1]);
    const series = seriesOf(key, entry);
    if (series !== undefined) this.bySeries.get(series)?.delete(key);
    this.summaryDirty = true;
  }
}
