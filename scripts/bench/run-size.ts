/**
 * Everything measured for one calendar size N: fresh simulators; for each contender its own pair
 * of calendars seeded identically, its own process, and the scenarios in order, each preceded by
 * the same user changes. Traffic comes from the simulators' logs, time and memory from the
 * contender's process.
 */
import { Temporal } from 'temporal-polyfill';
import { withDefaults } from '../../src/background/sync/pair.ts';
import { pairWindow } from '../../src/background/sync/read.ts';
import { SimClock } from '../../test/sim/core/clock.ts';
import { startSimulators } from '../../test/sim/index.ts';
import { ContenderProcess } from './contender.ts';
import { lowerBound, type LowerBound } from './lower-bound.ts';
import type { RunMetrics } from './meter.ts';
import { countMix, type MixCounts } from './mix.ts';
import { applyChanges, initialWrites, SCENARIOS, seedAccount, type ScenarioName } from './scenarios.ts';
import { addAccount } from './seed.ts';
import { throttleFloorMinutes, traffic, type SideTraffic } from './traffic.ts';
import type { Contender } from './worker.ts';

/** Monday 2 March 2026, 09:00 in Berlin: the simulators' frozen "now" (moved on a minute per run). */
export const BENCH_START = Date.parse('2026-03-02T08:00:00Z');
const DAY_MS = 86_400_000;

export interface ScenarioResult {
  readonly n: number;
  readonly scenario: ScenarioName;
  readonly contender: Contender;
  readonly google: SideTraffic;
  readonly outlook: SideTraffic;
  readonly metrics: RunMetrics;
  readonly reported: { readonly created: number; readonly updated: number; readonly deleted: number; readonly errors: readonly string[] };
  readonly sleepMs: number;
  /** Tandem: bytes of stored state after the run (kept outside the heap, like IndexedDB). */
  readonly stateBytes: number | null;
  /** Writes the scenario needs at least, per side written to. */
  readonly neededWrites: { readonly google: number; readonly outlook: number };
  /** Tandem only. */
  readonly lowerBound: LowerBound | null;
  readonly outlookThrottleFloorMinutes: number;
}

export interface SizeResult {
  readonly n: number;
  readonly mix: { readonly google: MixCounts; readonly outlook: MixCounts };
  readonly results: ScenarioResult[];
}

export async function runSize(n: number, contenders: readonly Contender[], onResult: (result: ScenarioResult) => void, profileDir?: string): Promise<SizeResult> {
  const sims = await startSimulators({ ports: 'random', clock: new SimClock(() => BENCH_START) });
  // Measured, not enforced: the budget a contender would exceed is reported as minutes of waiting.
  sims.graph.setThrottleLimits({ budget: Number.MAX_SAFE_INTEGER });
  const today = Temporal.PlainDate.from(new Date(BENCH_START).toISOString().slice(0, 10));
  const results: ScenarioResult[] = [];
  let mix: SizeResult['mix'] | undefined;
  try {
    for (const contender of contenders) {
      const account = addAccount(sims, `${contender}-${n}`);
      const seeded = seedAccount(sims, account, n, today);
      mix ??= { google: countMix(seeded.google.items), outlook: countMix(seeded.outlook.items) };
      const pair = withDefaults({ id: `bench-${n}`, googleCalendarId: account.googleCalendar, outlookCalendarId: account.outlookCalendar });
      const child = new ContenderProcess(profileDir && `${profileDir}/${contender}-${n}`);
      try {
        await child.init({
          contender,
          googleApi: sims.endpoints.googleApi,
          graphApi: sims.endpoints.graphApi,
          tls: sims.tls,
          googleToken: sims.google.issueToken(account.googleUser, 7 * DAY_MS),
          msToken: sims.graph.issueToken(account.msUser, 7 * DAY_MS),
          pair,
          window: pairWindow(pair, sims.clock.now()),
        });
        for (const scenario of SCENARIOS) {
          const initial = scenario.name === 'initial' ? initialWrites(seeded) : null;
          const needed = initial ?? applyChanges(sims, account, seeded, scenario.name, n, today);
          const marks = { google: sims.google.log.mark(), outlook: sims.graph.log.mark() };
          const reply = await child.run(sims.clock.now());
          const google = traffic(sims.google.log.since(marks.google));
          const outlook = traffic(sims.graph.log.since(marks.outlook));
          const neededWrites = { google: needed.google, outlook: needed.outlook };
          const feed = reply.metrics.feed;
          const result: ScenarioResult = {
            n,
            scenario: scenario.name,
            contender,
            google,
            outlook,
            metrics: reply.metrics,
            reported: { created: reply.created, updated: reply.updated, deleted: reply.deleted, errors: reply.errors },
            sleepMs: reply.sleepMs,
            stateBytes: reply.stateBytes,
            neededWrites,
            lowerBound: feed ? lowerBound({ feed, writes: neededWrites, outlookSeriesLookups: initial?.outlookSeriesLookups ?? 0 }) : null,
            outlookThrottleFloorMinutes: throttleFloorMinutes(outlook),
          };
          results.push(result);
          onResult(result);
          sims.clock.advance(60_000);
        }
      } finally {
        await child.close();
        sims.google.log.clear();
        sims.graph.log.clear();
      }
    }
  } finally {
    await sims.close();
  }
  if (!mix) throw new Error('No contender ran');
  return { n, mix, results };
}
