/**
 * Retries transient failures: a throttled request waits exactly what the service asked for
 * (Retry-After), anything else transient backs off exponentially with full jitter, capped.
 * Quota exhaustion and permanent errors are not retried: retrying cannot fix them.
 */
import { CancelledError, RateLimitedError, ServerError, SyncError } from './errors.ts';
import type { Clock } from './ports.ts';

export interface RetryPolicy {
  /** Attempts in total, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Longest Retry-After we are willing to wait inside one run; longer ones fail the operation. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 1_000, maxDelayMs: 32_000, maxRetryAfterMs: 120_000 };

export interface RetryContext {
  readonly clock: Clock;
  readonly signal: AbortSignal;
  readonly policy?: RetryPolicy;
  /** Uniform [0, 1); injectable so tests are deterministic. */
  readonly random?: () => number;
  readonly onRetry?: (error: SyncError, attempt: number, delayMs: number) => void;
}

export async function withRetry<T>(operation: (attempt: number) => Promise<T>, context: RetryContext): Promise<T> {
  const policy = context.policy ?? DEFAULT_RETRY;
  const random = context.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    if (context.signal.aborted) throw new CancelledError();
    try {
      return await operation(attempt);
    } catch (error) {
      const delay = retryDelay(error, attempt, policy, random);
      if (delay === undefined) throw error;
      context.onRetry?.(error as SyncError, attempt, delay);
      await context.clock.sleep(delay, context.signal);
    }
  }
}

/** How long to wait before the next attempt, or undefined when the error must not be retried. */
export function retryDelay(error: unknown, attempt: number, policy: RetryPolicy, random: () => number): number | undefined {
  if (!(error instanceof SyncError) || !error.transient || attempt >= policy.maxAttempts) return undefined;
  if (error instanceof RateLimitedError && error.quota) return undefined;
  const asked = error instanceof RateLimitedError || error instanceof ServerError ? error.retryAfterMs : undefined;
  if (asked !== undefined) return asked <= policy.maxRetryAfterMs ? asked : undefined;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}
