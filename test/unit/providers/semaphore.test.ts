import { describe, expect, it } from 'vitest';
import { Semaphore } from '../../../src/background/providers/graph/semaphore.ts';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('Semaphore', () => {
  it('runs at most `permits` tasks at once; a task taking every permit runs alone, in turn', async () => {
    const limit = new Semaphore(3);
    const log: string[] = [];
    const gates = [deferred(), deferred(), deferred()];
    const task = (name: string, gate: Promise<void>) => async () => {
      log.push(`start ${name}`);
      await gate;
      log.push(`end ${name}`);
    };
    const a = limit.run(task('a', gates[0]!.promise));
    const wide = limit.run(task('wide', Promise.resolve()), 3);
    const b = limit.run(task('b', gates[1]!.promise));
    await Promise.resolve();
    // "b" waits behind "wide" (first come, first served), which waits for "a".
    expect(log).toEqual(['start a']);
    gates[0]!.resolve();
    await Promise.all([a, wide]);
    gates[1]!.resolve();
    await b;
    expect(log).toEqual(['start a', 'end a', 'start wide', 'end wide', 'start b', 'end b']);
  });

  it('gives a permit back when a task fails, and caps a request for more permits than exist', async () => {
    const limit = new Semaphore(2);
    await expect(limit.run(() => Promise.reject(new Error('boom')), 5)).rejects.toThrow('boom');
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        limit.run(async () => {
          most = Math.max(most, ++running);
          await new Promise((r) => setTimeout(r, 1));
          running--;
        }),
      ),
    );
    expect(most).toBe(2);
  });
});
