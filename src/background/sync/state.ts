/**
 * What the engine remembers about a pair between runs, and how it is stored: one entry per link
 * (so a checkpoint writes only what changed), a compact summary of all links (link-index.ts), plus
 * small entries for cursors and pause state, the Outlook occurrence index, the deletion history
 * and recorded conflicts.
 *
 * Link entries are the truth; the summary is stored with them at the end of a run (and of a failed
 * one). Checkpoints while writing store links only: a run that dies then leaves `writing` set, and
 * the next run loads every link and rebuilds the summary from them.
 */
import { isSummaryHead, type StoredSummary, type SummaryHead } from './link-summary.ts';
import type { CanonicalEvent, Side, SyncedField } from './model.ts';
import type { KeyValueStore, TimeWindow } from './ports.ts';

/**
 * 2: the link summary; 3: the summary stored as one string; 4: its head and its lines stored apart
 * (link-summary.ts). State of schemas 1 to 3 is read, and its summary built anew from its links.
 */
export const STATE_SCHEMA = 4;
const READABLE_SCHEMAS: readonly number[] = [1, 2, 3, STATE_SCHEMA];

export interface SideRef {
  readonly id: string;
  readonly version: string;
  readonly modifiedAt: string;
}

/** One synced item: a single event, a series, or one occurrence of a series. */
export interface Link {
  /** `<origin>:<source id>` for singles and series; `<series key>|<original start>` for occurrences. */
  readonly key: string;
  readonly kind: 'single' | 'series' | 'occurrence';
  readonly origin: Side;
  readonly google: SideRef | null;
  readonly outlook: SideRef | null;
  /** Each side as it last read after our writes: what change detection compares against. */
  readonly snapshots: { readonly google: CanonicalEvent | null; readonly outlook: CanonicalEvent | null };
  /** Occurrences: the series link and the original start (date or UTC instant). */
  readonly series?: string;
  readonly originalStart?: string;
  /** Series mirrored as separate events (the other side cannot store its rule). */
  readonly expanded?: boolean;
  /** Occurrence cancelled on both sides. */
  readonly cancelled?: boolean;
  /** Occurrences: the shape of the series on each side when linked (shapes.ts). */
  readonly shapes?: Partial<Record<Side, string>>;
  /** Series: our write made its Outlook occurrences after the stored delta cursor (relist.ts). */
  readonly relistOutlook?: boolean;
  /** Source events the user cannot edit (invitations, read-only calendars): mirror is one-way. */
  readonly sourceReadOnly?: boolean;
  readonly syncedAt: number;
}

export interface PendingDeletion {
  readonly side: Side;
  readonly id: string;
  readonly title: string;
  readonly start: string;
}

export interface PauseState {
  readonly reason: 'mass-deletion' | 'empty-calendar';
  readonly message: string;
  readonly since: number;
  /** What the paused run would have deleted (shown to the user before they confirm). */
  readonly deletions: readonly PendingDeletion[];
  /** Empty-calendar pauses: the calendar that read empty. */
  readonly side?: Side;
  /** The user answered "keep" (keep.ts); runs carry it out until it is done. */
  readonly answer?: 'keep';
}

export interface PairMeta {
  readonly schema: number;
  readonly googleCursor: string | null;
  readonly outlookCursor: string | null;
  /** The window the Outlook delta cursor covers (Graph binds a delta token to its window). */
  readonly outlookWindow: TimeWindow | null;
  readonly lastRunAt: number | null;
  readonly paused: PauseState | null;
  /** Day (YYYY-MM-DD) expanded series were last re-listed, so new occurrences enter the window. */
  readonly expandedRefreshedOn: string | null;
  /**
   * Set (to the run's time) before a run writes, cleared when it has saved everything: found set
   * when a run starts, the previous one died mid-write, and mirrors it made without saving their
   * links are looked up by their markers (findMirrors) as after lost state.
   */
  readonly writing?: number | null;
  /** Whether each calendar is read-only, as last looked up, and when. */
  readonly access: { readonly google: boolean; readonly outlook: boolean; readonly checkedAt: number } | null;
}

export interface DeletionRecord {
  readonly at: number;
  readonly side: Side;
  readonly calendarId: string;
  readonly id: string;
  readonly title: string;
  readonly start: string;
  readonly why: string;
  /** The deleted event as last seen, enough to recreate it on undo. */
  readonly event: CanonicalEvent;
}

export interface ConflictRecord {
  readonly at: number;
  readonly link: string;
  readonly title: string;
  readonly field: SyncedField;
  readonly winner: Side;
  readonly losingValue: unknown;
}

/**
 * Outlook occurrence id → its series' Outlook id, its original start, and the series' shape
 * (seriesShape) when the occurrence was seen: a re-timed series gets new occurrences, and the old
 * ones' removal is not a cancellation.
 */
export type OccurrenceIndex = Record<string, readonly [seriesId: string, originalStart: string, shape?: string]>;

export const EMPTY_META: PairMeta = {
  schema: STATE_SCHEMA,
  googleCursor: null,
  outlookCursor: null,
  outlookWindow: null,
  lastRunAt: null,
  paused: null,
  expandedRefreshedOn: null,
  access: null,
};

const HISTORY_LIMIT = 500;
const CONFLICT_LIMIT = 200;

export class PairStore {
  private readonly prefix: string;

  constructor(
    private readonly store: KeyValueStore,
    pairId: string,
  ) {
    this.prefix = `tandem/pair/${pairId}/`;
  }

  async loadMeta(): Promise<PairMeta> {
    const key = `${this.prefix}meta`;
    const meta = (await this.store.get([key]))[key] as PairMeta | undefined;
    return meta && READABLE_SCHEMAS.includes(meta.schema) ? meta : EMPTY_META;
  }

  async loadLinks(): Promise<Link[]> {
    return Object.values(await this.store.scan(`${this.prefix}link/`)) as Link[];
  }

  async loadLinksByKey(keys: readonly string[]): Promise<Link[]> {
    return Object.values(await this.store.get(keys.map((key) => this.linkKey(key)))) as Link[];
  }

  /** Null when none is stored (a new pair, lost state) or not in this schema's shape. */
  async loadSummary(): Promise<SummaryHead | null> {
    const key = `${this.prefix}links`;
    const value = (await this.store.get([key]))[key];
    return isSummaryHead(value) ? value : null;
  }

  /** The summary's lines, read only by runs that look links up. */
  async loadSummaryText(): Promise<string | null> {
    const key = `${this.prefix}links-text`;
    const value = (await this.store.get([key]))[key];
    return typeof value === 'string' ? value : null;
  }

  async loadOccurrenceIndex(): Promise<OccurrenceIndex> {
    const key = `${this.prefix}occurrences`;
    return ((await this.store.get([key]))[key] as OccurrenceIndex | undefined) ?? {};
  }

  /**
   * Writes changed links (and the summary, when given) in one atomic step, then drops removed
   * links: should the second step not happen, the summary already leaves them out.
   */
  async saveLinks(changed: readonly Link[], removed: readonly string[], summary: StoredSummary | null = null): Promise<void> {
    const entries: Record<string, unknown> = Object.fromEntries(changed.map((link) => [this.linkKey(link.key), link]));
    if (summary) {
      const { lines, ...head } = summary;
      entries[`${this.prefix}links`] = head;
      entries[`${this.prefix}links-text`] = lines;
    }
    if (changed.length > 0 || summary) await this.store.set(entries);
    if (removed.length > 0) await this.store.remove(removed.map((key) => this.linkKey(key)));
  }

  async saveMeta(meta: PairMeta, occurrences?: OccurrenceIndex): Promise<void> {
    await this.store.set({ [`${this.prefix}meta`]: meta, ...(occurrences ? { [`${this.prefix}occurrences`]: occurrences } : {}) });
  }

  async appendHistory(records: readonly DeletionRecord[]): Promise<void> {
    await this.append('history', records, HISTORY_LIMIT);
  }

  async appendConflicts(records: readonly ConflictRecord[]): Promise<void> {
    await this.append('conflicts', records, CONFLICT_LIMIT);
  }

  async history(): Promise<DeletionRecord[]> {
    return this.list<DeletionRecord>('history');
  }

  async conflicts(): Promise<ConflictRecord[]> {
    return this.list<ConflictRecord>('conflicts');
  }

  /** Forgets everything about the pair (used when a pair is removed). */
  async clear(): Promise<void> {
    await this.store.remove(Object.keys(await this.store.scan(this.prefix)));
  }

  private linkKey(key: string): string {
    return `${this.prefix}link/${key}`;
  }

  private async list<T>(name: string): Promise<T[]> {
    const key = `${this.prefix}${name}`;
    return ((await this.store.get([key]))[key] as T[] | undefined) ?? [];
  }

  private async append<T>(name: string, records: readonly T[], limit: number): Promise<void> {
    if (records.length === 0) return;
    const all = [...(await this.list<T>(name)), ...records];
    await this.store.set({ [`${this.prefix}${name}`]: all.slice(-limit) });
  }
}
