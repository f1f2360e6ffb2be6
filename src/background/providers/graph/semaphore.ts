/**
 * A counting semaphore. Outlook allows 4 concurrent requests per app and mailbox and answers the
 * fifth with 429 MailboxConcurrency; each adapter keeps at most 3 in flight (architecture.md §8.4),
 * leaving room for the user's other Outlook clients.
 */
export class Semaphore {
  private available: number;
  private readonly waiting: Array<{ readonly permits: number; readonly start: () => void }> = [];

  constructor(readonly permits: number) {
    if (!Number.isInteger(permits) || permits < 1) throw new RangeError(`A semaphore needs at least one permit, got ${permits}`);
    this.available = permits;
  }

  /**
   * Runs `task` once `permits` are free (first come, first served); they are returned when it
   * settles. A request that Outlook runs as several at once (a parallel $batch) takes several.
   */
  async run<T>(task: () => Promise<T>, permits = 1): Promise<T> {
    const taken = Math.min(Math.max(1, permits), this.permits);
    await this.acquire(taken);
    try {
      return await task();
    } finally {
      this.release(taken);
    }
  }

  private acquire(permits: number): Promise<void> {
    if (this.waiting.length === 0 && this.available >= permits) {
      this.available -= permits;
      return Promise.resolve();
    }
    return new Promise((start) => this.waiting.push({ permits, start }));
  }

  private release(permits: number): void {
    this.available += permits;
    while (this.waiting.length > 0 && this.available >= this.waiting[0]!.permits) {
      const next = this.waiting.shift()!;
      this.available -= next.permits;
      next.start();
    }
  }
}
