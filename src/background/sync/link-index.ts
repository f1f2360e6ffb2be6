/**
 * The links of one pair in memory during a run: by key, by each side's event id, and occurrences
 * by series. Tracks what changed so checkpoints write only that.
 */
import type { Side } from './model.ts';
import type { Link } from './state.ts';

export class LinkIndex {
  private readonly byKey = new Map<string, Link>();
  private readonly byId: Record<Side, Map<string, string>> = { google: new Map(), outlook: new Map() };
  private readonly bySeries = new Map<string, Set<string>>();
  private dirty = new Set<string>();
  private removed = new Set<string>();

  constructor(links: readonly Link[]) {
    for (const link of links) this.index(link);
  }

  get size(): number {
    return this.byKey.size;
  }

  get(key: string): Link | undefined {
    return this.byKey.get(key);
  }

  bySide(side: Side, id: string): Link | undefined {
    const key = this.byId[side].get(id);
    return key === undefined ? undefined : this.byKey.get(key);
  }

  occurrencesOf(seriesKey: string): Link[] {
    return [...(this.bySeries.get(seriesKey) ?? [])].map((key) => this.byKey.get(key)).filter((l): l is Link => l !== undefined);
  }

  all(): IterableIterator<Link> {
    return this.byKey.values();
  }

  /** Top-level items (singles and series), which deletion thresholds are measured against. */
  topLevelCount(): number {
    let count = 0;
    for (const link of this.byKey.values()) if (link.kind !== 'occurrence' || link.expanded) count++;
    return count;
  }

  put(link: Link): void {
    const previous = this.byKey.get(link.key);
    if (previous) this.unindex(previous);
    this.index(link);
    this.dirty.add(link.key);
    this.removed.delete(link.key);
  }

  delete(key: string): void {
    const link = this.byKey.get(key);
    if (!link) return;
    this.unindex(link);
    this.dirty.delete(key);
    this.removed.add(key);
  }

  /** Links changed and keys removed since the last call. */
  takeChanges(): { changed: Link[]; removed: string[] } {
    const changed = [...this.dirty].map((key) => this.byKey.get(key)).filter((l): l is Link => l !== undefined);
    const removed = [...this.removed];
    this.dirty = new Set();
    this.removed = new Set();
    return { changed, removed };
  }

  private index(link: Link): void {
    this.byKey.set(link.key, link);
    if (link.google) this.byId.google.set(link.google.id, link.key);
    if (link.outlook) this.byId.outlook.set(link.outlook.id, link.key);
    if (link.series) {
      const set = this.bySeries.get(link.series) ?? new Set();
      set.add(link.key);
      this.bySeries.set(link.series, set);
    }
  }

  private unindex(link: Link): void {
    this.byKey.delete(link.key);
    if (link.google && this.byId.google.get(link.google.id) === link.key) this.byId.google.delete(link.google.id);
    if (link.outlook && this.byId.outlook.get(link.outlook.id) === link.key) this.byId.outlook.delete(link.outlook.id);
    if (link.series) this.bySeries.get(link.series)?.delete(link.key);
  }
}
