/**
 * A few soak cases (fixed seed) in the ordinary test run, so `npm run soak` keeps working: the
 * heavy mix with hanging requests, crashes and lost state. The long soak is `npm run soak`.
 */
import { describe, expect, it } from 'vitest';
import { soak } from './soak.ts';

describe('soak (short)', () => {
  it('runs heavy cases without a violation and reports what it injected', async () => {
    const report = await soak({ seed: 7, cases: 4, shrink: false });
    expect(report.failures.map((f) => `case ${f.caseIndex}: ${f.violations.map((v) => v.kind).join(', ')}`)).toEqual([]);
    expect(report.cases).toBe(4);
    expect(Object.values(report.violations).every((n) => n === 0)).toBe(true);
    expect(Object.values(report.faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  }, 300_000);
});
