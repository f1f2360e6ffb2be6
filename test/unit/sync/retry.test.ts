import { describe, expect, it } from 'vitest';
import { AuthRequiredError, CancelledError, NetworkError, RateLimitedError, ServerError } from '../../../src/background/sync/errors.ts';
import type { Clock } from '../../../src/background/sync/ports.ts';
import { DEFAULT_RETRY, retryDelay, withRetry } from '../../../src/background/sync/retry.ts';
import { digestHex } from '../../../src/background/sync/digest.ts';

function fakeClock() {
  const waits: number[] = [];
  const clock: Clock = { now: () => 0, sleep: (ms) => (waits.push(ms), Promise.resolve()) };
  return { clock, waits };
}

describe('retryDelay', () => {
  const half = () => 0.5;

  it('waits exactly the Retry-After a throttled service asked for', () => {
    expect(retryDelay(new RateLimitedError('429', 7_000), 1, DEFAULT_RETRY, half)).toBe(7_000);
    expect(retryDelay(new ServerError('503', 503, 2_000), 3, DEFAULT_RETRY, half)).toBe(2_000);
  });

  it('backs off exponentially with full jitter, capped', () => {
    expect(retryDelay(new NetworkError('reset'), 1, DEFAULT_RETRY, half)).toBe(500);
    expect(retryDelay(new NetworkError('reset'), 3, DEFAULT_RETRY, half)).toBe(2_000);
    expect(retryDelay(new NetworkError('reset'), 5, { ...DEFAULT_RETRY, maxAttempts: 9 }, () => 0.999)).toBeLessThanOrEqual(16_000);
    expect(retryDelay(new NetworkError('reset'), 8, { ...DEFAULT_RETRY, maxAttempts: 9 }, () => 0.999)).toBeLessThan(DEFAULT_RETRY.maxDelayMs);
  });

  it('does not retry permanent errors, exhausted quotas, too-long waits or the last attempt', () => {
    expect(retryDelay(new AuthRequiredError('401'), 1, DEFAULT_RETRY, half)).toBeUndefined();
    expect(retryDelay(new RateLimitedError('quota', undefined, true), 1, DEFAULT_RETRY, half)).toBeUndefined();
    expect(retryDelay(new RateLimitedError('429', 3_600_000), 1, DEFAULT_RETRY, half)).toBeUndefined();
    expect(retryDelay(new NetworkError('x'), DEFAULT_RETRY.maxAttempts, DEFAULT_RETRY, half)).toBeUndefined();
    expect(retryDelay(new Error('bug'), 1, DEFAULT_RETRY, half)).toBeUndefined();
  });
});

describe('withRetry', () => {
  it('retries transient failures until one succeeds, sleeping between attempts', async () => {
    const { clock, waits } = fakeClock();
    let calls = 0;
    const result = await withRetry(
      () => (++calls < 3 ? Promise.reject(new RateLimitedError('429', 1_500)) : Promise.resolve('ok')),
      { clock, signal: new AbortController().signal },
    );
    expect(result).toBe('ok');
    expect(waits).toEqual([1_500, 1_500]);
  });

  it('gives up with the last error after the allowed attempts', async () => {
    const { clock } = fakeClock();
    let calls = 0;
    await expect(
      withRetry(() => (calls++, Promise.reject(new ServerError('500', 500))), { clock, signal: new AbortController().signal, random: () => 0 }),
    ).rejects.toBeInstanceOf(ServerError);
    expect(calls).toBe(DEFAULT_RETRY.maxAttempts);
  });

  it('stops when the run is cancelled', async () => {
    const { clock } = fakeClock();
    const controller = new AbortController();
    controller.abort();
    await expect(withRetry(() => Promise.resolve(1), { clock, signal: controller.signal })).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('digestHex', () => {
  it('is the SHA-256 of the text, truncated on request', () => {
    expect(digestHex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(digestHex('abc', 32)).toMatch(/^[0-9a-f]{32}$/);
  });
});
