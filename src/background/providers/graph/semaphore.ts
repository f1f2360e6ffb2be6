/**
 * A counting semaphore. Outlook allows 4 concurrent requests per app and mailbox and answers the
 * fifth with 429 MailboxConcurrency; each adapter keeps at most 3 in flight (architecture.md §8.4),
 * leaving room for the user's other Outlook clients.
 */
export class Semaphore {
  private available: number;
  private readonly waiting: Array<() => void> = [];

  constructor(permits: number) {
    if (!Number.isInteger(permits) || permits < 1) throw new RangeError(`A semaphore needs at least one permit, got ${permits}`);
    this.available = permits;
  }

  /** Runs `task` once a permit is free; the permit is returned when it settles. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.available > 0) {
      this.available--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.available++;
  }
}
