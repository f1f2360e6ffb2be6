// @vitest-environment happy-dom
/**
 * Finding items shares the frame budget with drawing: a page of hundreds of chips is scanned over
 * several frames, never in one long task, and edits are looked for only once the scan is done.
 */
import { expect, it } from 'vitest';
import { startController } from '../../../src/content/controller.ts';
import { googleSurface } from '../../../src/content/google/surface.ts';
import { FakeBackground, Frames, loadFixture, ManualTimers, settle } from './dom.ts';

/** A clock that moves 1 ms each time the controller looks at it: work "costs" time as it checks. */
function tickingTimers(clock: ManualTimers) {
  const now = (): number => {
    clock.advance(1);
    return clock.now();
  };
  return { now, setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout };
}

it('spreads the scan of 500 chips over frames within its budget, and compares for edits only once it is complete', async () => {
  const driver = loadFixture('gcal-week-timed');
  driver.bulk(500);
  const total = [...googleSurface(document, () => location.pathname).find(document)].length;
  expect(total).toBeGreaterThan(500);
  const background = new FakeBackground();
  const frames = new Frames();
  const clock = new ManualTimers();
  const timers = tickingTimers(clock);
  const controller = startController({ doc: document, surface: googleSurface(document, () => location.pathname), transport: background, frame: frames.frame, timers, localZone: 'Europe/London', open: () => undefined });

  frames.run();
  const afterFirst = controller.tracker.items.size;
  expect(afterFirst).toBeGreaterThan(0);
  expect(afterFirst).toBeLessThan(total);
  expect(frames.pending).toBe(1);

  const sizes = [afterFirst];
  for (let i = 0; i < 50 && frames.pending > 0; i++) {
    await settle();
    frames.run();
    sizes.push(controller.tracker.items.size);
  }
  expect(controller.tracker.items.size).toBe(total);
  // Several frames, each adding a bounded share.
  expect(sizes.filter((size, i) => i === 0 || size > sizes[i - 1]!).length).toBeGreaterThanOrEqual(3);
  // Loading the page and scanning it is no edit: nothing is nudged once the page is still.
  await settle();
  clock.advance(2_000);
  await settle();
  expect(background.nudges).toEqual([]);

  // An edit made after the scan is still seen.
  const chip = document.querySelector('[role="main"] [data-eventchip]')!;
  chip.append(document.createTextNode(' (moved)'));
  for (let i = 0; i < 5; i++) {
    await settle();
    frames.run();
  }
  clock.advance(2_000);
  await settle();
  expect(background.nudges.map((n) => n.reason)).toEqual(['chips']);
  controller.stop();
});
