/**
 * What the background said about each item, and the batched questions still to ask. Items are
 * asked about once (cached by key) and again only when the background says its states changed or
 * the tab becomes visible; at most MAX_LOOKUP keys per message, one message in flight, and at
 * least `gapMs` between messages (content-dom.md §3.5).
 */
import { MAX_LOOKUP, type BadgeQuery, type BadgeView, type ContentReplies } from '../shared/messaging/content-protocol.ts';

export type Lookup = (queries: readonly BadgeQuery[]) => Promise<ContentReplies['badges/lookup'] | null>;

export interface StateTimers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
}

export class ViewCache {
  private readonly views = new Map<string, BadgeView | null>();
  private readonly queued = new Map<string, BadgeQuery>();
  private busy = false;
  private waiting = false;
  private lastSent = -Infinity;
  private failures = 0;

  constructor(
    private readonly lookup: Lookup,
    /** Called with the keys whose views arrived. */
    private readonly onViews: (keys: ReadonlySet<string>) => void,
    private readonly timers: StateTimers,
    private readonly gapMs = 250,
  ) {}

  get(key: string): BadgeView | null | undefined {
    return this.views.get(key);
  }

  /** Asks about `key` unless it is already known or queued. */
  want(key: string, query: BadgeQuery): void {
    if (!this.views.has(key)) this.queued.set(key, query);
  }

  /** The background's states changed: ask again about these (the old views stay shown meanwhile). */
  refresh(items: Iterable<{ readonly key: string; readonly query: BadgeQuery }>): void {
    for (const { key, query } of items) this.queued.set(key, query);
    this.pump();
  }

  /** Sends the next batch when allowed. */
  pump(): void {
    if (this.busy || this.waiting || this.queued.size === 0) return;
    const wait = this.lastSent + this.gapMs * 2 ** Math.min(this.failures, 6) - this.timers.now();
    if (wait > 0) {
      this.waiting = true;
      this.timers.setTimeout(() => {
        this.waiting = false;
        this.pump();
      }, wait);
      return;
    }
    const batch = [...this.queued].slice(0, MAX_LOOKUP);
    for (const [key] of batch) this.queued.delete(key);
    this.busy = true;
    this.lastSent = this.timers.now();
    void this.send(batch);
  }

  private async send(batch: readonly (readonly [string, BadgeQuery])[]): Promise<void> {
    const reply = await this.lookup(batch.map(([, query]) => query)).catch(() => null);
    this.busy = false;
    if (!reply) {
      // Put them back (unless asked again meanwhile) and back off.
      this.failures++;
      for (const [key, query] of batch) if (!this.queued.has(key)) this.queued.set(key, query);
    } else {
      this.failures = 0;
      const keys = new Set<string>();
      batch.forEach(([key], i) => {
        this.views.set(key, reply.views[i] ?? null);
        keys.add(key);
      });
      this.onViews(keys);
    }
    this.pump();
  }
}
