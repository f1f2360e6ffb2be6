/**
 * The compact index the badges are answered from, kept in memory and rebuilt after each sync: per
 * side, event id → entry; Outlook occurrence ids → their series; and, per time zone on demand,
 * (subject, wall-clock start) → entry for Outlook items the page shows without an id.
 */
import { canonicalOutlookId, googleInstance } from '../../shared/calendar-ids.ts';
import type { BadgeQuery } from '../../shared/messaging/content-protocol.ts';
import type { PairConfig } from '../../shared/pair.ts';
import type { Side } from '../sync/model.ts';
import type { OccurrenceIndex } from '../sync/state.ts';
import { moreUrgent, pairEntries, type Entry, type PairFacts } from './entries.ts';
import { fallbackKey, FallbackTable } from './fallback.ts';

export interface PairInput extends PairFacts {
  readonly occurrences: OccurrenceIndex;
}

/** An entry found for a query, with the start of the very instance asked about when it differs. */
export interface Match {
  readonly entry: Entry;
  /** The id the entry was found under (the series', for an instance without its own link). */
  readonly id: string;
  readonly instanceStart: string | null;
}

export class BadgeIndex {
  private readonly byId: Record<Side, Map<string, Entry>> = { google: new Map(), outlook: new Map() };
  /** Outlook occurrence id → [series id, original start]. */
  private readonly occurrences = new Map<string, readonly [string, string]>();
  private readonly fallback: FallbackTable;
  readonly pairs: readonly PairConfig[];

  constructor(inputs: readonly PairInput[], now: number) {
    this.pairs = inputs.map((input) => input.pair);
    for (const input of inputs) {
      for (const [id, entry] of pairEntries(input, now)) this.add(entry.side, id, entry);
      for (const [id, [seriesId, start]] of Object.entries(input.occurrences)) {
        const occurrence = canonicalOutlookId(id);
        const series = canonicalOutlookId(seriesId);
        if (occurrence && series) this.occurrences.set(occurrence, [series, start]);
      }
    }
    this.fallback = new FallbackTable([...this.byId.outlook.values()]);
  }

  get size(): number {
    return this.byId.google.size + this.byId.outlook.size;
  }

  /** The entry a badge query refers to, or null. */
  find(side: Side, query: BadgeQuery): Match | null {
    if (query.by === 'subject') {
      if (side !== 'outlook') return null;
      const entry = this.fallback.find(fallbackKey(query.subject, query.start), query.zone);
      return entry ? { entry, id: '', instanceStart: null } : null;
    }
    const id = side === 'outlook' ? canonicalOutlookId(query.id) : query.id;
    if (!id) return null;
    const exact = this.byId[side].get(id);
    if (exact) return { entry: exact, id, instanceStart: null };
    // A recurring instance without a link of its own wears its series' badge.
    const instance = side === 'google' ? googleInstance(id) : this.outlookOccurrence(id);
    if (!instance) return null;
    const series = this.byId[side].get(instance.seriesId);
    return series ? { entry: series, id: instance.seriesId, instanceStart: instance.start } : null;
  }

  private outlookOccurrence(id: string): { seriesId: string; start: string } | null {
    const found = this.occurrences.get(id);
    return found ? { seriesId: found[0], start: found[1] } : null;
  }

  private add(side: Side, rawId: string, entry: Entry): void {
    const id = side === 'outlook' ? canonicalOutlookId(rawId) : rawId;
    if (!id) return;
    const existing = this.byId[side].get(id);
    this.byId[side].set(id, existing ? moreUrgent(existing, entry) : entry);
  }
}
