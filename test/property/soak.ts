/**
 * The soak: random cases from the property test's generators, with longer action lists and
 * heavier weather (5xx, 429 with Retry-After, dropped and hanging connections, the worker killed at
 * any port call, expired cursors and tokens, lost local state), for a number of cases or minutes.
 * Case k of seed s is generated from its own seed (caseSeed), so `--seed s --case k` replays it
 * alone; a failing case is also shrunk by fast-check to a minimal action list.
 */
import fc from 'fast-check';
import { describeCase, type CaseSpec } from './actions.ts';
import { runCase, type FaultKind } from './executor.ts';
import type { Violation, ViolationKind } from './invariants.ts';
import { startLab, type Lab } from './lab.ts';
import { caseArbitrary, SOAK_MIX, type Mix } from './model.ts';

export interface SoakOptions {
  readonly seed: number;
  /** Stop starting new cases after this long (default: no limit). */
  readonly minutes?: number;
  /** Stop after this many cases (default: no limit; one of the two limits is needed). */
  readonly cases?: number;
  /** Run only case `only` of the seed (replay). */
  readonly only?: number;
  readonly mix?: Mix;
  /** Shrink the first failing case (default true). */
  readonly shrink?: boolean;
  readonly onCase?: (index: number, violations: readonly Violation[]) => void;
}

export interface SoakFailure {
  readonly seed: number;
  readonly caseIndex: number;
  readonly description: string;
  readonly violations: readonly Violation[];
  /** The shrunk case, when shrinking ran. */
  readonly shrunk?: string;
}

export interface SoakReport {
  readonly seed: number;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly cases: number;
  readonly actions: number;
  readonly syncs: number;
  /** User changes the apps refused (nothing changed). */
  readonly refused: number;
  /** Syncs the deletion guard paused. */
  readonly pauses: number;
  readonly faults: Partial<Record<FaultKind, number>>;
  readonly violations: Record<ViolationKind, number>;
  readonly failures: readonly SoakFailure[];
}

/** The five kinds the soak must report, and every other kind an invariant can raise. */
export const VIOLATION_KINDS: readonly ViolationKind[] = [
  'duplicate', 'lost', 'orphan-mirror', 'invitation', 'resync-writes',
  'missing-mirror', 'content-mismatch', 'final-sync-error', 'still-paused', 'wrote-while-paused', 'exception',
];

/** The seed of case `index` of a soak seeded `seed`. */
export function caseSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 1;
}

export function soakCase(seed: number, index: number, mix: Mix = SOAK_MIX): CaseSpec {
  const [spec] = fc.sample(caseArbitrary(mix), { seed: caseSeed(seed, index), numRuns: 1 });
  if (!spec) throw new Error('fast-check generated no case');
  return spec;
}

export async function soak(options: SoakOptions): Promise<SoakReport> {
  const mix = options.mix ?? SOAK_MIX;
  const started = Date.now();
  const deadline = options.minutes === undefined ? Infinity : started + options.minutes * 60_000;
  const limit = options.only !== undefined ? 1 : (options.cases ?? Infinity);
  if (limit === Infinity && deadline === Infinity) throw new Error('A soak needs --minutes or --cases.');
  // Hanging requests must time out quickly for a soak to get anywhere.
  const lab = await startLab({ timeoutMs: 300 });
  const totals = { cases: 0, actions: 0, syncs: 0, refused: 0, pauses: 0 };
  const faults: Partial<Record<FaultKind, number>> = {};
  const violations = Object.fromEntries(VIOLATION_KINDS.map((kind) => [kind, 0])) as Record<ViolationKind, number>;
  const failures: SoakFailure[] = [];
  try {
    for (let n = 0; n < limit && Date.now() < deadline; n++) {
      const index = options.only ?? n;
      const spec = soakCase(options.seed, index, mix);
      const result = await runCase(lab, spec);
      totals.cases++;
      totals.actions += result.stats.actions;
      totals.syncs += result.stats.syncs;
      totals.refused += result.stats.refused;
      totals.pauses += result.stats.pauses;
      for (const [kind, count] of Object.entries(result.stats.faults) as [FaultKind, number][]) faults[kind] = (faults[kind] ?? 0) + count;
      for (const v of result.violations) violations[v.kind]++;
      options.onCase?.(index, result.violations);
      if (result.violations.length === 0) continue;
      const shrunk = failures.length === 0 && options.shrink !== false ? await shrink(lab, options.seed, index, mix) : undefined;
      failures.push({ seed: options.seed, caseIndex: index, description: describeCase(spec), violations: result.violations, ...(shrunk ? { shrunk } : {}) });
    }
  } finally {
    await lab.close();
  }
  return { seed: options.seed, startedAt: new Date(started).toISOString(), durationMs: Date.now() - started, ...totals, faults, violations, failures };
}

/** fast-check regenerates the case from its seed and shrinks it to a minimal failing one. */
async function shrink(lab: Lab, seed: number, index: number, mix: Mix): Promise<string | undefined> {
  const details = await fc.check(
    fc.asyncProperty(caseArbitrary(mix), async (spec) => (await runCase(lab, spec)).violations.length === 0),
    { seed: caseSeed(seed, index), numRuns: 1 },
  );
  return details.counterexample ? `${describeCase(details.counterexample[0])}\n(violations: ${(await runCase(lab, details.counterexample[0])).violations.map((v) => `${v.kind}: ${v.detail}`).join('; ')})` : undefined;
}
