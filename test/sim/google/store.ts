/**
 * One calendar's events: stored events by id, an index of exceptions per recurring master, the
 * change sequence that sync tokens point into, tombstones of instances that left their series,
 * and the purge of long-deleted events (calendar-apis.md §1.11 items 1, 2 and 5).
 */
import type { StoredEvent, Tombstone } from './model.ts';

export class EventStore {
  /** Bumped by every change; sync tokens remember it. */
  seq = 0;
  /** Tokens older than this missed a deletion that has since been purged: 410. */
  purgedThroughSeq = 0;
  /** Deletions before this instant are forgotten: updatedMin earlier than it gets 410. */
  purgedBefore = Number.NEGATIVE_INFINITY;
  /** Bumped by `invalidateSyncTokens`: tokens from an earlier epoch get 410. */
  tokenEpoch = 0;
  /** Bumped by every mutation, purges included: listing caches key on it. */
  version = 0;
  lastChangeAt: number;
  private readonly events = new Map<string, StoredEvent>();
  private readonly exceptionIds = new Map<string, Set<string>>();
  private readonly tombstoneMap = new Map<string, Tombstone>();
  /** Ids of purged events: Google keeps refusing them on insert (409), like live ones. */
  private readonly retired = new Set<string>();
  private orderCounter = 0;
  private lastEtag = 0;
  /** Oldest deletion that a purge could forget: purges skip their scan until it is due. */
  private earliestDeletion = Number.POSITIVE_INFINITY;

  constructor(createdAt: number) {
    this.lastChangeAt = createdAt;
  }

  /** Starts a change: one sequence number for everything a single write touches. */
  nextSeq(now: number): number {
    this.lastChangeAt = now;
    return ++this.seq;
  }

  nextOrder(): number {
    return ++this.orderCounter;
  }

  /** A fresh etag: a quoted number that grows with every change, like Google's. */
  nextEtag(now: number): string {
    this.lastEtag = Math.max(this.lastEtag + 1, now * 1000);
    return `"${this.lastEtag}"`;
  }

  get(id: string): StoredEvent | undefined {
    return this.events.get(id);
  }

  isTaken(id: string): boolean {
    return this.events.has(id) || this.retired.has(id);
  }

  all(): IterableIterator<StoredEvent> {
    return this.events.values();
  }

  save(event: StoredEvent): void {
    this.version++;
    this.events.set(event.id, event);
    if (event.deletedAt !== undefined) this.earliestDeletion = Math.min(this.earliestDeletion, event.deletedAt);
    const masterId = event.resource.recurringEventId;
    if (masterId) {
      let ids = this.exceptionIds.get(masterId);
      if (!ids) this.exceptionIds.set(masterId, (ids = new Set()));
      ids.add(event.id);
      this.tombstoneMap.delete(event.id);
    }
  }

  exceptionsOf(masterId: string): StoredEvent[] {
    const ids = this.exceptionIds.get(masterId);
    if (!ids) return [];
    return [...ids].map((id) => this.events.get(id)).filter((e): e is StoredEvent => e !== undefined);
  }

  /** Takes an exception out of its series (the master's rule no longer produces it). */
  detachException(event: StoredEvent): void {
    this.version++;
    this.events.delete(event.id);
    const masterId = event.resource.recurringEventId;
    if (masterId) this.exceptionIds.get(masterId)?.delete(event.id);
  }

  addTombstone(tombstone: Tombstone): void {
    this.version++;
    this.tombstoneMap.set(tombstone.id, tombstone);
    this.earliestDeletion = Math.min(this.earliestDeletion, tombstone.at);
  }

  dropTombstone(id: string): void {
    if (this.tombstoneMap.delete(id)) this.version++;
  }

  tombstones(): IterableIterator<Tombstone> {
    return this.tombstoneMap.values();
  }

  /** Forgets events deleted at least `ttlMs` ago (cancelled exceptions of live series stay). */
  purge(now: number, ttlMs: number): void {
    const cutoff = now - ttlMs;
    if (this.earliestDeletion > cutoff) return;
    this.earliestDeletion = Number.POSITIVE_INFINITY;
    for (const event of [...this.events.values()]) {
      if (event.deletedAt === undefined || this.belongsToLiveSeries(event)) continue;
      if (event.deletedAt > cutoff) {
        this.earliestDeletion = Math.min(this.earliestDeletion, event.deletedAt);
        continue;
      }
      this.forget(event.id, event.seq, event.deletedAt);
      for (const exception of this.exceptionsOf(event.id)) this.forget(exception.id, exception.seq, event.deletedAt);
      this.exceptionIds.delete(event.id);
    }
    for (const tombstone of [...this.tombstoneMap.values()]) {
      if (tombstone.at > cutoff) {
        this.earliestDeletion = Math.min(this.earliestDeletion, tombstone.at);
        continue;
      }
      this.version++;
      this.tombstoneMap.delete(tombstone.id);
      this.notePurged(tombstone.seq, tombstone.at);
    }
  }

  private belongsToLiveSeries(event: StoredEvent): boolean {
    const masterId = event.resource.recurringEventId;
    if (!masterId) return false;
    const master = this.events.get(masterId);
    return master !== undefined && master.resource.status !== 'cancelled';
  }

  private forget(id: string, seq: number, deletedAt: number): void {
    const event = this.events.get(id);
    if (!event) return;
    this.version++;
    this.events.delete(id);
    const masterId = event.resource.recurringEventId;
    if (masterId) this.exceptionIds.get(masterId)?.delete(id);
    this.retired.add(id);
    this.notePurged(seq, deletedAt);
  }

  private notePurged(seq: number, at: number): void {
    this.purgedThroughSeq = Math.max(this.purgedThroughSeq, seq);
    this.purgedBefore = Math.max(this.purgedBefore, at);
  }
}
