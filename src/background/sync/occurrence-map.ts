/**
 * The Outlook occurrence index (state.ts OccurrenceIndex) during a run. It is large (an entry per
 * Outlook occurrence in the window) and only rows about Outlook occurrences or removals need it,
 * so it is loaded only for runs that have such rows, and stored again only when it changed.
 */
import type { OccurrenceIndex } from './state.ts';

type Entry = OccurrenceIndex[string];

export class OccurrenceMap {
  private data: OccurrenceIndex | null = null;
  private changed = false;

  constructor(private readonly loader: () => Promise<OccurrenceIndex>) {}

  async load(): Promise<void> {
    this.data ??= await this.loader();
  }

  get(id: string): Entry | undefined {
    return this.loaded()[id];
  }

  set(id: string, entry: Entry): void {
    const data = this.loaded();
    const old = data[id];
    // Every listing of an occurrence sets it again: only a difference is a change.
    if (old && old.length === entry.length && old.every((v, i) => v === entry[i])) return;
    data[id] = entry;
    this.changed = true;
  }

  delete(id: string): void {
    const data = this.loaded();
    if (!(id in data)) return;
    delete data[id];
    this.changed = true;
  }

  /** The index to store, when this run changed it. */
  takeChanged(): OccurrenceIndex | undefined {
    if (!this.changed || !this.data) return undefined;
    this.changed = false;
    return this.data;
  }

  private loaded(): OccurrenceIndex {
    // Using it unloaded is a bug: an empty index would pass for "no such occurrence".
    if (!this.data) throw new Error('The occurrence index was used before it was loaded.');
    return this.data;
  }
}
