import { describe, expect, it } from 'vitest';
import { ShortCache } from '../../../src/background/runtime/short-cache.ts';

describe('short cache', () => {
  it('serves a value until it is older than its lifetime, and shares a load in flight', async () => {
    let now = 0;
    let loads = 0;
    const cache = new ShortCache<string, number>(1_000, () => now);
    const load = () => Promise.resolve(++loads);
    const [a, b] = await Promise.all([cache.list('g', load), cache.list('g', load)]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    now = 999;
    expect(await cache.list('g', load)).toBe(1);
    now = 1_000;
    expect(await cache.list('g', load)).toBe(2);
    cache.clear();
    expect(await cache.list('g', load)).toBe(3);
  });

  it('does not keep a failure', async () => {
    const cache = new ShortCache<string, number>(1_000, () => 0);
    await expect(cache.list('g', () => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    expect(await cache.list('g', () => Promise.resolve(7))).toBe(7);
  });
});
