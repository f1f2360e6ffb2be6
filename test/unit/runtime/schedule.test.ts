import { describe, expect, it } from 'vitest';
import { MIN_DELAY_MS, nextRunAt, Scheduler, SYNC_ALARM } from '../../../src/background/runtime/schedule.ts';
import { FakeAlarms } from './fakes.ts';

const NOW = Date.parse('2026-03-02T08:00:00Z');
const MINUTE = 60_000;

describe('sync schedule', () => {
  it('jitters the interval by at most ±10 %', () => {
    expect(nextRunAt(NOW, 5, () => 0)).toBe(NOW + 4.5 * MINUTE);
    expect(nextRunAt(NOW, 5, () => 0.5)).toBe(NOW + 5 * MINUTE);
    expect(nextRunAt(NOW, 5, () => 0.999999)).toBeCloseTo(NOW + 5.5 * MINUTE, -2);
    for (let i = 0; i < 200; i++) {
      const when = nextRunAt(NOW, 60, Math.random);
      expect(when).toBeGreaterThanOrEqual(NOW + 54 * MINUTE);
      expect(when).toBeLessThanOrEqual(NOW + 66 * MINUTE);
    }
  });

  it('never asks for an alarm sooner than Chrome allows', () => {
    expect(nextRunAt(NOW, 0.1, () => 0)).toBe(NOW + MIN_DELAY_MS);
  });

  it('re-arms after each run and keeps a good alarm on wake', async () => {
    const alarms = new FakeAlarms();
    const scheduler = new Scheduler(alarms, () => 0.5);
    expect(await scheduler.ensure(NOW, 5)).toBe(NOW + 5 * MINUTE);
    // A later wake keeps it.
    expect(await scheduler.ensure(NOW + MINUTE, 5)).toBe(NOW + 5 * MINUTE);
    expect(await scheduler.scheduleAfterRun(NOW + 5 * MINUTE, 5)).toBe(NOW + 10 * MINUTE);
    expect(await scheduler.next()).toBe(NOW + 10 * MINUTE);
  });

  it('re-arms an alarm set further out than a shortened interval allows, and a lost one', async () => {
    const alarms = new FakeAlarms();
    const scheduler = new Scheduler(alarms, () => 0.5);
    await scheduler.scheduleAfterRun(NOW, 60);
    expect(await scheduler.ensure(NOW, 2)).toBe(NOW + 2 * MINUTE);
    await alarms.clear(SYNC_ALARM);
    expect(await scheduler.next()).toBeNull();
    expect(await scheduler.ensure(NOW, 2)).toBe(NOW + 2 * MINUTE);
  });

  it('brings an alarm forward for a backstop, keeps one due sooner, and sets one when none is', async () => {
    const alarms = new FakeAlarms();
    const scheduler = new Scheduler(alarms, () => 0.5);
    await scheduler.scheduleAfterRun(NOW, 60);
    await scheduler.noLaterThan(NOW + MINUTE);
    expect(await scheduler.next()).toBe(NOW + MINUTE);
    await scheduler.noLaterThan(NOW + 5 * MINUTE);
    expect(await scheduler.next()).toBe(NOW + MINUTE);
    await alarms.clear(SYNC_ALARM);
    await scheduler.noLaterThan(NOW + 2 * MINUTE);
    expect(await scheduler.next()).toBe(NOW + 2 * MINUTE);
  });
});
