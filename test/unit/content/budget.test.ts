// @vitest-environment happy-dom
/**
 * The decoration cost of 500 chips in happy-dom (a slow DOM: Chromium's numbers come from the e2e).
 * Printed for the benchmark report; the bound only catches an accidental quadratic.
 */
import { expect, it } from 'vitest';
import { Decorator } from '../../../src/content/decorate.ts';
import { googleSurface } from '../../../src/content/google/surface.ts';
import { loadFixture, view } from './dom.ts';

it('finds and decorates 500 chips, then re-finds them after a re-render', () => {
  const driver = loadFixture('gcal-week-timed');
  driver.bulk(500);
  const surface = googleSurface(document, () => location.pathname);
  const decorator = new Decorator(document, 'Europe/London', () => undefined);
  const synced = view('synced');
  const t0 = performance.now();
  const found = [...surface.find(document)];
  const t1 = performance.now();
  for (const item of found) decorator.apply(item, synced);
  const t2 = performance.now();
  for (const item of surface.find(document)) decorator.apply(item, synced);
  const t3 = performance.now();
  expect(found.length).toBe(509);
  expect(document.querySelectorAll('[data-tandem-badge]')).toHaveLength(509);
  const ms = (x: number): string => x.toFixed(1);
  console.info(`happy-dom, 509 chips: find ${ms(t1 - t0)} ms, decorate ${ms(t2 - t1)} ms, idempotent pass ${ms(t3 - t2)} ms`);
  expect(t3 - t0).toBeLessThan(2_000);
});
