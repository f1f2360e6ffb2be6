/**
 * The links of one pair in memory during a run. Every link is known by a compact summary (its ids,
 * kind and flags: link-summary.ts, summary-table.ts), but full links, which carry both
 * sides' snapshots, are loaded only for what the run touches: a quiet run reads the summary's head
 * (its counts and flagged links) and no link, nor the summary's lines. `prepare` (before lookups),
 * `load` (a link's whole series comes with it) or `loadAll` runs before the synchronous steps that
 * use links; using a link that was not loaded is a bug and throws rather than passing for "not
 * linked" (which would make duplicates). Tracks what changed so checkpoints write only that.
 */
import type { Side } from './model.ts';
import { KIND, seriesOf, summaryEntry, type LinkInfo, type LinkLoader, type StoredSummary, type SummaryHead } from './link-summary.ts';
import type { Link } from './state.ts';
import { SummaryTable } from './summary-table.ts';

export type { StoredSummary } from './link-summary.ts';

export class LinkIndex {
  private readonly table: SummaryTable;
  private readonly loaded = new Map<string, Link>();
  private dirty = new Set<string>();
  private removed = new Set<string>();
  private complete = false;

  /** From a stored summary's head (links loaded on demand), or from every link (a summary to store). */
  constructor(source: { summary: SummaryHead } | { links: readonly Link[] }, private readonly loader?: LinkLoader) {
    this.table = new SummaryTable('links' in source ? null : source.summary);
    if ('links' in source) this.reset(source.links);
    this.complete = 'links' in source || this.table.size === 0;
  }

  get size(): number {
    return this.table.size;
  }

  /** Whether the summary was split into maps (for tests). */
  get indexed(): boolean {
    return this.table.indexed;
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
      const entry = this.table.entry(key);
      if (!entry) continue;
      const series = seriesOf(key, entry);
      wanted.add(key);
      // A single has no occurrences; a series or occurrence brings the whole series.
      if ((series === undefined && KIND[entry[2] & 3] === 'single') || expanded.has(series ?? key)) continue;
      expanded.add(series ?? key);
      wanted.add(series ?? key);
      for (const occurrence of this.table.membersOf(series ?? key)) wanted.add(occurrence);
    }
    const missing = [...wanted].filter((key) => !this.loaded.has(key) && this.table.entry(key) !== undefined);
    if (missing.length === 0) return;
    const found = await this.loader.byKeys(missing);
    for (const link of found) this.loaded.set(link.key, link);
    // A summary entry without its link (none is expected): the link is gone, and so is the entry.
    for (const key of missing) if (!this.loaded.has(key)) this.table.remove(key);
  }

  /** About `lookups` lookups are coming: the summary's lines are read, and indexed at once if searching would cost more. */
  async prepare(lookups: number): Promise<void> {
    if (lookups === 0) return;
    await this.readText();
    this.table.expect(lookups);
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
    if (this.table.entry(key) === undefined) return undefined;
    throw new Error(`Link ${key} was used before it was loaded.`);
  }

  bySide(side: Side, id: string): Link | undefined {
    const key = this.keyOf(side, id);
    return key === undefined ? undefined : this.get(key);
  }

  /** The key of the link holding this id on `side`, without loading it. */
  keyOf(side: Side, id: string): string | undefined {
    return this.table.keyOf(side, id);
  }

  occurrencesOf(seriesKey: string): Link[] {
    return [...this.table.membersOf(seriesKey)].flatMap((key) => this.get(key) ?? []);
  }

  /** Every link: only after loadAll. */
  all(): IterableIterator<Link> {
    if (!this.complete) throw new Error('All links were used before they were loaded.');
    return this.loaded.values();
  }

  /** Keys of the links whose summary matches, loaded or not. */
  keysWhere(test: (info: LinkInfo) => boolean): string[] {
    return this.table.keysWhere(test);
  }

  /** The (loaded) links whose summary matches. */
  where(test: (info: LinkInfo) => boolean): Link[] {
    return this.keysWhere(test).flatMap((key) => this.get(key) ?? []);
  }

  /** Top-level items (singles and series), which deletion thresholds are measured against. */
  topLevelCount(): number {
    return this.table.topLevelCount();
  }

  /** Singles and series with an event on `side`. */
  linkedOn(side: Side): number {
    return this.table.linkedOn(side);
  }

  put(link: Link): void {
    this.table.set(link.key, summaryEntry(link));
    this.loaded.set(link.key, link);
    this.dirty.add(link.key);
    this.removed.delete(link.key);
  }

  delete(key: string): void {
    if (!this.table.remove(key)) return;
    this.loaded.delete(key);
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
    return this.table.take();
  }

  private async readText(): Promise<void> {
    if (!this.table.unread || !this.loader) return;
    const text = await this.loader.text();
    if (text !== null) {
      this.table.read(text);
      return;
    }
    // A head without its lines (none is expected; both are stored at once): the links are the truth.
    this.reset(await this.loader.all());
    this.complete = true;
  }

  private reset(links: readonly Link[]): void {
    this.table.reset(links.map((link) => [link.key, summaryEntry(link)] as const));
    this.loaded.clear();
    for (const link of links) this.loaded.set(link.key, link);
  }
}
