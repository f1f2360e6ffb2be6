/**
 * The link summary during a run (link-summary.ts), in the cheapest form that answers what the run
 * asks: the stored head alone (counts, flagged links: all a quiet run needs), then its lines once
 * read, searched for a few lookups (summary-lookup.ts), and split into maps only for many lookups,
 * a change, or a question about every link. Used before its lines were read, it throws: an unread
 * summary would pass for one without links. Stored again, it patches the lines it was read from
 * (or last stored) rather than formatting every entry anew.
 */
import { infoOf, isTopLevel, KIND, linkedOn, pack, repack, sameEntry, seriesOf, unpack, type LinkInfo, type StoredSummary, type SummaryEntry, type SummaryHead } from './link-summary.ts';
import type { Side } from './model.ts';
import { SummaryLookup, UNKNOWN } from './summary-lookup.ts';

export class SummaryTable {
  private readonly entries = new Map<string, SummaryEntry>();
  private readonly byId: Record<Side, Map<string, string>> = { google: new Map(), outlook: new Map() };
  private readonly bySeries = new Map<string, Set<string>>();
  /** The stored head, until the maps above are built. */
  private head: SummaryHead | null;
  private text: string | null = null;
  private lookup: SummaryLookup | null = null;
  private dirty = false;
  /** The lines last read or stored, while the maps hold them (with `changed`): what take() patches. */
  private base: string | null = null;
  private readonly changed = new Set<string>();

  /** From a stored head (null, or one of no links: an empty summary). */
  constructor(head: SummaryHead | null) {
    this.head = head && head.count > 0 ? head : null;
  }

  get size(): number {
    return this.head ? this.head.count : this.entries.size;
  }

  /** Whether the summary was split into maps (for tests). */
  get indexed(): boolean {
    return this.head === null;
  }

  /** Its lines are still to be read. */
  get unread(): boolean {
    return this.head !== null && this.text === null;
  }

  read(text: string): void {
    this.text = text;
    this.lookup = new SummaryLookup(text);
  }

  /** About `lookups` lookups are coming: indexed at once when searching would cost more. */
  expect(lookups: number): void {
    if (this.lookup && !this.lookup.affords(lookups)) this.table();
  }

  entry(key: string): SummaryEntry | undefined {
    const found = this.lookup ? this.lookup.entry(key) : UNKNOWN;
    return found === UNKNOWN ? this.table().get(key) : found;
  }

  keyOf(side: Side, id: string): string | undefined {
    const found = this.lookup ? this.lookup.keyOf(side, id) : UNKNOWN;
    return found === UNKNOWN ? (this.table(), this.byId[side].get(id)) : found;
  }

  /** Keys of the series' occurrences. */
  membersOf(seriesKey: string): Iterable<string> {
    const found = this.lookup ? this.lookup.membersOf(seriesKey) : UNKNOWN;
    return found === UNKNOWN ? (this.table(), this.bySeries.get(seriesKey) ?? []) : found;
  }

  keysWhere(test: (info: LinkInfo) => boolean): string[] {
    // A link stored without flags is a plain single, series or occurrence: when the test takes none
    // of those, the flagged links stored in the head are all it can match.
    const plain = KIND.some((kind) => test({ kind, expanded: false, relistOutlook: false }));
    if (this.head && !plain) return this.head.flagged.flatMap(([key, flags]) => (test(infoOf(flags)) ? [key] : []));
    return [...this.table()].flatMap(([key, entry]) => (test(infoOf(entry[2])) ? [key] : []));
  }

  topLevelCount(): number {
    if (this.head) return this.head.topLevel;
    let count = 0;
    for (const entry of this.entries.values()) if (isTopLevel(entry)) count++;
    return count;
  }

  linkedOn(side: Side): number {
    if (this.head) return this.head.linked[side === 'google' ? 0 : 1];
    let count = 0;
    for (const entry of this.entries.values()) if (linkedOn(entry, side)) count++;
    return count;
  }

  set(key: string, entry: SummaryEntry): void {
    if (sameEntry(this.entry(key), entry)) return;
    this.remove(key);
    this.index(key, entry);
  }

  /** Whether there was an entry. */
  remove(key: string): boolean {
    const entry = this.table().get(key);
    if (!entry) return false;
    this.entries.delete(key);
    if (entry[0] !== null && this.byId.google.get(entry[0]) === key) this.byId.google.delete(entry[0]);
    if (entry[1] !== null && this.byId.outlook.get(entry[1]) === key) this.byId.outlook.delete(entry[1]);
    const series = seriesOf(key, entry);
    if (series !== undefined) this.bySeries.get(series)?.delete(key);
    if (this.base !== null) this.changed.add(key);
    this.dirty = true;
    return true;
  }

  /** These entries and no others (built from the links, which are the truth). */
  reset(entries: Iterable<readonly [string, SummaryEntry]>): void {
    this.head = null;
    this.text = null;
    this.lookup = null;
    this.base = null;
    this.changed.clear();
    for (const key of [...this.entries.keys()]) this.remove(key);
    for (const [key, entry] of entries) this.index(key, entry);
    this.dirty = true;
  }

  /** The summary to store, when it changed since the last call. */
  take(): StoredSummary | null {
    if (!this.dirty) return null;
    this.dirty = false;
    const entries = this.table();
    const stored = this.base === null ? pack(entries) : repack(this.base, this.changed, entries);
    this.base = stored.lines;
    this.changed.clear();
    return stored;
  }

  private table(): Map<string, SummaryEntry> {
    if (this.head) {
      if (this.text === null) throw new Error('The link summary was used before it was read.');
      const text = this.text;
      this.head = null;
      this.text = null;
      this.lookup = null;
      unpack(text, (key, entry) => this.index(key, entry));
      // As stored: nothing to store again.
      this.dirty = false;
      this.base = text;
    }
    return this.entries;
  }

  private index(key: string, entry: SummaryEntry): void {
    this.entries.set(key, entry);
    if (this.base !== null) this.changed.add(key);
    if (entry[0] !== null) this.byId.google.set(entry[0], key);
    if (entry[1] !== null) this.byId.outlook.set(entry[1], key);
    const series = seriesOf(key, entry);
    if (series !== undefined) {
      const set = this.bySeries.get(series) ?? new Set();
      set.add(key);
      this.bySeries.set(series, set);
    }
    this.dirty = true;
  }
}
