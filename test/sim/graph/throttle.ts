/**
 * Outlook's per-app, per-mailbox limits (M-THR-LIM, calendar-apis.md §2.8): at most 4 requests in
 * flight (batch parts included) and 10,000 requests in a sliding 10-minute window. Over either limit
 * the request is answered 429 ApplicationThrottled with Retry-After. A request holds its slot for
 * its whole handler, so a client that overlaps more than 4 requests really gets throttled.
 */
import type { SimClock } from '../core/clock.ts';
import { GraphError, MESSAGES } from './errors.ts';

export interface ThrottleLimits {
  /** Requests in flight per mailbox (real: 4). */
  concurrency: number;
  /** Requests per mailbox per window (real: 10,000). */
  budget: number;
  /** Sliding window length in simulated milliseconds (real: 10 minutes). */
  windowMs: number;
  /** Retry-After, in seconds, for a concurrency 429. */
  concurrencyRetryAfterSeconds: number;
}

export const REAL_LIMITS: ThrottleLimits = { concurrency: 4, budget: 10_000, windowMs: 600_000, concurrencyRetryAfterSeconds: 1 };

interface Window {
  readonly times: number[];
  head: number;
}

export class MailboxThrottle {
  readonly limits: ThrottleLimits = { ...REAL_LIMITS };
  private readonly inFlight = new Map<string, number>();
  private readonly windows = new Map<string, Window>();

  constructor(private readonly clock: SimClock) {}

  /** Admits a request (returns its release function) or throws the 429 to answer with. */
  acquire(mailbox: string): () => void {
    const key = mailbox.toLowerCase();
    const now = this.clock.now();
    const window = this.windowOf(key, now);
    if (window.times.length - window.head >= this.limits.budget) {
      const retryAfter = Math.max(1, Math.ceil((window.times[window.head]! + this.limits.windowMs - now) / 1000));
      throw throttled(MESSAGES.mailboxRequests, retryAfter);
    }
    const inFlight = this.inFlight.get(key) ?? 0;
    if (inFlight >= this.limits.concurrency) throw throttled(MESSAGES.mailboxConcurrency, this.limits.concurrencyRetryAfterSeconds);
    window.times.push(now);
    this.inFlight.set(key, inFlight + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight.set(key, (this.inFlight.get(key) ?? 1) - 1);
    };
  }

  private windowOf(key: string, now: number): Window {
    let window = this.windows.get(key);
    if (!window) this.windows.set(key, (window = { times: [], head: 0 }));
    while (window.head < window.times.length && window.times[window.head]! <= now - this.limits.windowMs) window.head++;
    if (window.head > 4096 && window.head * 2 > window.times.length) {
      window.times.splice(0, window.head);
      window.head = 0;
    }
    return window;
  }
}

function throttled(message: string, retryAfterSeconds: number): GraphError {
  return new GraphError(429, 'ApplicationThrottled', message, { 'retry-after': String(retryAfterSeconds) });
}
