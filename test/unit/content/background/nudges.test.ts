import { describe, expect, it } from 'vitest';
import { DEFAULT_NUDGE_POLICY, NudgeScheduler } from '../../../../src/background/badges/nudges.ts';
import { ManualTimers } from '../dom.ts';

function rig(runMs = 1_000) {
  const timers = new ManualTimers();
  const runs: { at: number; pairs: readonly string[] }[] = [];
  let finish: (() => void) | null = null;
  const scheduler = new NudgeScheduler(
    (pairs) => {
      runs.push({ at: timers.now(), pairs: [...pairs] });
      // A sync takes `runMs` of (fake) time.
      return new Promise<void>((resolve) => {
        finish = resolve;
        timers.setTimeout(() => {
          finish = null;
          resolve();
        }, runMs);
      });
    },
    timers.now,
    timers,
  );
  const start = timers.now();
  const at = (ms: number): number => start + ms;
  return { timers, runs, scheduler, at, running: () => finish !== null };
}

async function advance(timers: ManualTimers, ms: number, step = 100): Promise<void> {
  for (let t = 0; t < ms; t += step) {
    timers.advance(step);
    for (let i = 0; i < 3; i++) await Promise.resolve();
  }
}

describe('sync-on-view scheduling', () => {
  it('runs once, shortly after a burst of nudges ends (debounce)', async () => {
    const { timers, runs, scheduler, at } = rig();
    for (let i = 0; i < 10; i++) {
      scheduler.nudge(['p1']);
      await advance(timers, 500);
    }
    await advance(timers, 5_000);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.pairs).toEqual(['p1']);
    expect(runs[0]!.at - at(4_500)).toBeGreaterThanOrEqual(DEFAULT_NUDGE_POLICY.debounceMs - 100);
    expect(runs[0]!.at - at(4_500)).toBeLessThanOrEqual(DEFAULT_NUDGE_POLICY.debounceMs + 100);
  });

  it('a first nudge syncs within seconds', async () => {
    const { timers, runs, scheduler, at } = rig();
    scheduler.nudge(['p1']);
    await advance(timers, 3_000);
    expect(runs.map((r) => r.at - at(0))).toEqual([DEFAULT_NUDGE_POLICY.debounceMs]);
  });

  it('a flood of nudges for a minute is a handful of syncs: at most one per pair per 20 s', async () => {
    const { timers, runs, scheduler, at } = rig();
    for (let i = 0; i < 6_000; i++) {
      scheduler.nudge(['p1', 'p2']);
      await advance(timers, 10, 10);
    }
    await advance(timers, 60_000);
    expect(runs.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < runs.length; i++) expect(runs[i]!.at - runs[i - 1]!.at).toBeGreaterThanOrEqual(DEFAULT_NUDGE_POLICY.minIntervalMs);
    // Never starved either: the first run comes maxWait after the first nudge, not after the flood.
    expect(runs[0]!.at - at(0)).toBeLessThanOrEqual(DEFAULT_NUDGE_POLICY.maxWaitMs + 10);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.every((r) => r.pairs.length === 2)).toBe(true);
  });

  it('coalesces pairs due together into one run, one nudged run at a time', async () => {
    const { timers, runs, scheduler } = rig(5_000);
    scheduler.nudge(['p1']);
    await advance(timers, 300);
    scheduler.nudge(['p2']);
    await advance(timers, 2_500);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.pairs).toEqual(['p1', 'p2']);
    // A nudge during the run: it waits for the run, then for the pair's interval.
    scheduler.nudge(['p3']);
    await advance(timers, 2_500);
    expect(runs).toHaveLength(1);
    await advance(timers, 5_000);
    expect(runs).toHaveLength(2);
    expect(runs[1]!.pairs).toEqual(['p3']);
  });

  it('rate-limits per pair: another pair is not held up by a busy one', async () => {
    const { timers, runs, scheduler, at } = rig(100);
    scheduler.nudge(['p1']);
    await advance(timers, 3_000);
    scheduler.nudge(['p1']);
    await advance(timers, 3_000);
    scheduler.nudge(['p2']);
    await advance(timers, 3_000);
    const { debounceMs, minIntervalMs } = DEFAULT_NUDGE_POLICY;
    expect(runs.map((r) => [r.pairs.join(), r.at - at(0)])).toEqual([
      ['p1', debounceMs],
      ['p2', 6_000 + debounceMs],
    ]);
    await advance(timers, 20_000);
    // p1's second nudge (at 3 s) waits for its interval: 20 s after its first run started.
    expect(runs.map((r) => [r.pairs.join(), r.at - at(0)])[2]).toEqual(['p1', debounceMs + minIntervalMs]);
    expect(scheduler.isWaiting('p1')).toBe(false);
  });

  it('leaves alone a pair whose last run started after the change', async () => {
    const { timers, runs, scheduler } = rig(100);
    scheduler.nudge(['p1']);
    await advance(timers, 2_000);
    expect(runs).toHaveLength(1);
    const runStart = runs[0]!.at;
    expect(scheduler.nudge(['p1', 'p2'], runStart - 500)).toEqual(['p2']);
    expect(scheduler.nudge(['p1'], runStart + 10)).toEqual(['p1']);
  });

  it('a failed sync is logged and does not stop later ones', async () => {
    const timers = new ManualTimers();
    const errors: unknown[] = [];
    let calls = 0;
    const scheduler = new NudgeScheduler(
      () => {
        calls++;
        return Promise.reject(new Error('offline'));
      },
      timers.now,
      timers,
      DEFAULT_NUDGE_POLICY,
      (error) => errors.push(error),
    );
    scheduler.nudge(['p1']);
    await advance(timers, 3_000);
    scheduler.nudge(['p1']);
    await advance(timers, 25_000);
    expect(calls).toBe(2);
    expect(errors).toHaveLength(2);
  });
});
