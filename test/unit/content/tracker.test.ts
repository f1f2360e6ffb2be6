// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { Decorator } from '../../../src/content/decorate.ts';
import { googleSurface } from '../../../src/content/google/surface.ts';
import { Tracker } from '../../../src/content/tracker.ts';
import { loadFixture, view } from './dom.ts';

it('draws badges within a time budget per frame, the rest on later frames', () => {
  loadFixture('gcal-week-timed').bulk(200);
  const decorator = new Decorator(document, 'UTC', () => undefined);
  const synced = view('synced');
  const tracker = new Tracker(decorator, () => synced);
  for (const item of googleSurface(document, () => location.pathname).find(document)) tracker.track(item);
  let clock = 0;
  const now = (): number => (clock += 0.1); // every check costs 0.1 ms of "work"
  const frames: number[] = [];
  while (tracker.pending) {
    const before = decorator.created;
    tracker.drain(clock + 0.25, now);
    frames.push(decorator.created - before);
  }
  expect(frames.length).toBe(5);
  expect(Math.max(...frames)).toBeLessThanOrEqual(48);
  expect(decorator.created).toBe(209);
  // Idempotent: queuing them all again draws nothing new.
  for (const item of googleSurface(document, () => location.pathname).find(document)) tracker.track(item);
  tracker.drain(Infinity, now);
  expect(decorator.created).toBe(209);
});
