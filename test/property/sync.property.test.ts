/**
 * The whole-sync property: for any sequence of user changes on both sides, syncs with faults
 * (5xx, 429 with Retry-After, dropped connections, the worker killed at any port call), token
 * expiry, expired cursors and lost local state, one fault-free sync converges both calendars and
 * the invariants of invariants.ts hold. TANDEM_PROPERTY_RUNS sets the number of cases (default
 * 1000); a failure prints the shrunk case and fast-check's seed and path: replay it with
 * TANDEM_PROPERTY_SEED (and TANDEM_PROPERTY_PATH to go straight to the shrunk case).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCase, type FaultKind } from './executor.ts';
import { startLab, type Lab } from './lab.ts';
import { caseArbitrary } from './model.ts';

const RUNS = Number(process.env['TANDEM_PROPERTY_RUNS'] ?? 1000);
const SEED = process.env['TANDEM_PROPERTY_SEED'];
const PATH = process.env['TANDEM_PROPERTY_PATH'];

describe('sync engine: whole-sync property', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab();
  });
  afterAll(async () => {
    await lab.close();
  });

  it(`converges without loss, duplicates or invitations (${RUNS} cases)`, async () => {
    const started = performance.now();
    const totals = { cases: 0, actions: 0, syncs: 0, pauses: 0 };
    const faults: Partial<Record<FaultKind, number>> = {};
    await fc.assert(
      fc.asyncProperty(caseArbitrary(), async (spec) => {
        const result = await runCase(lab, spec);
        totals.cases++;
        totals.actions += result.stats.actions;
        totals.syncs += result.stats.syncs;
        totals.pauses += result.stats.pauses;
        for (const [kind, n] of Object.entries(result.stats.faults) as [FaultKind, number][]) faults[kind] = (faults[kind] ?? 0) + n;
        expect(result.violations.map((v) => `${v.kind}: ${v.detail}`)).toEqual([]);
      }),
      { numRuns: RUNS, ...(SEED ? { seed: Number(SEED) } : {}), ...(PATH ? { path: PATH } : {}) },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const injected = Object.entries(faults).map(([kind, n]) => `${kind} ${n}`).join(', ');
    console.info(`property: ${totals.cases} cases, ${totals.actions} actions (${totals.syncs} syncs, ${totals.pauses} paused) in ${seconds} s; faults: ${injected}`);
  }, 3_600_000);
});
