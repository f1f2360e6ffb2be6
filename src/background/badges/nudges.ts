/**
 * Sync-on-view, the background half: nudges from the web apps become incremental syncs of the
 * pairs involved — debounced (a burst of edits is one sync, run shortly after it ends), capped in
 * waiting (a burst that never ends still syncs every `maxWaitMs`), rate-limited per pair (at least
 * `minIntervalMs` between the starts of nudged runs) and coalesced (pairs due together run
 * together, one nudged run at a time). However many nudges arrive, a pair gets at most one nudged
 * sync per `minIntervalMs`.
 */
export interface NudgePolicy {
  readonly debounceMs: number;
  readonly maxWaitMs: number;
  readonly minIntervalMs: number;
}

export const DEFAULT_NUDGE_POLICY: NudgePolicy = { debounceMs: 1_500, maxWaitMs: 8_000, minIntervalMs: 20_000 };

export interface NudgeTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Pairs due within this much of each other run in one go. */
const COALESCE_MS = 500;

interface Waiting {
  readonly first: number;
  readonly last: number;
}

export class NudgeScheduler {
  private readonly waiting = new Map<string, Waiting>();
  private readonly lastRun = new Map<string, number>();
  private running = false;
  private timer: { handle: unknown; at: number } | null = null;

  constructor(
    private readonly run: (pairIds: readonly string[]) => Promise<void>,
    private readonly now: () => number,
    private readonly timers: NudgeTimers,
    private readonly policy: NudgePolicy = DEFAULT_NUDGE_POLICY,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /**
   * Asks for a sync of these pairs for a change the page showed at `changedAt` (at the latest).
   * A pair whose last nudged run started after that has the change already: it is left alone.
   * Returns the pairs that will sync.
   */
  nudge(pairIds: readonly string[], changedAt: number = this.now()): string[] {
    const now = this.now();
    const due = pairIds.filter((id) => !((this.lastRun.get(id) ?? -Infinity) > changedAt) || this.waiting.has(id));
    for (const id of due) {
      const known = this.waiting.get(id);
      this.waiting.set(id, { first: known?.first ?? now, last: now });
    }
    this.arm();
    return due;
  }

  /** Pairs with a nudge not yet run (for the "pending" badges). */
  isWaiting(pairId: string): boolean {
    return this.waiting.has(pairId);
  }

  private dueAt(pairId: string, waiting: Waiting): number {
    const debounced = Math.min(waiting.last + this.policy.debounceMs, waiting.first + this.policy.maxWaitMs);
    return Math.max(debounced, (this.lastRun.get(pairId) ?? -Infinity) + this.policy.minIntervalMs);
  }

  private arm(): void {
    if (this.running) return;
    let next = Infinity;
    for (const [id, waiting] of this.waiting) next = Math.min(next, this.dueAt(id, waiting));
    if (next === Infinity || this.timer?.at === next) return;
    if (this.timer) this.timers.clearTimeout(this.timer.handle);
    this.timer = { handle: this.timers.setTimeout(() => this.fire(), Math.max(0, next - this.now())), at: next };
  }

  private fire(): void {
    this.timer = null;
    const now = this.now();
    const due = [...this.waiting].filter(([id, waiting]) => this.dueAt(id, waiting) <= now + COALESCE_MS).map(([id]) => id);
    if (due.length === 0) {
      this.arm();
      return;
    }
    for (const id of due) {
      this.waiting.delete(id);
      this.lastRun.set(id, now);
    }
    this.running = true;
    void this.run(due)
      .catch(this.onError)
      .finally(() => {
        this.running = false;
        this.arm();
      });
  }
}
