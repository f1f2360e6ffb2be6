/**
 * One set of simulators shared by every case of a run (starting servers per case would cost more
 * than the case), and a fresh world per case: new accounts on both services, a new memory store,
 * fault injectors cleared and reseeded with the case's seed.
 */
import { SimClock } from '../sim/core/clock.ts';
import { startSimulators, type Simulators } from '../sim/index.ts';
import { attachWorld, type World } from '../integration/engine/harness.ts';
import { ZONES, type CaseSpec } from './actions.ts';

/** Every case starts at Monday 2 March 2026, 08:00 UTC (New York and Berlin change to summer time within its window). */
export const CASE_START = Date.parse('2026-03-02T08:00:00Z');
export const START_DATE = '2026-03-02';
/** The pair's window: events are generated well inside it (see LAST_START_DAY). */
export const PAST_DAYS = 30;
export const FUTURE_DAYS = 120;
/** What the invariants compare: every generated occurrence falls inside (and inside the window). */
export const VIEW_RANGE = { start: '2026-03-01T00:00:00Z', end: '2026-06-20T00:00:00Z' } as const;

export interface Lab {
  readonly sims: Simulators;
  newWorld(spec: CaseSpec): World;
  close(): Promise<void>;
}

export interface LabOptions {
  /** Per-request timeout of the adapters (real ms): short when the soak injects hanging requests. */
  readonly timeoutMs?: number;
}

export async function startLab(options: LabOptions = {}): Promise<Lab> {
  let wallClock = CASE_START;
  const sims = await startSimulators({ ports: 'random', clock: new SimClock(() => wallClock) });
  let cases = 0;
  return {
    sims,
    newWorld(spec) {
      // Each case starts at the same instant, so a failing case replays alone exactly as it ran in
      // the batch. The shared clock steps back for it, but only the new case's accounts are in use,
      // and for them time only moves forward.
      wallClock -= sims.clock.now() - CASE_START;
      cases++;
      for (const sim of [sims.google, sims.graph]) {
        sim.faults.clear();
        sim.faults.reseed(spec.seed);
        sim.log.clear();
        sim.faults.fired.length = 0;
      }
      return attachWorld(sims, {
        googleUser: `case${cases}@example.com`,
        googleZone: ZONES[spec.googleZone].iana,
        msUser: `case${cases}@contoso.com`,
        msZone: ZONES[spec.outlookZone].windows,
        pair: { pastDays: PAST_DAYS, futureDays: FUTURE_DAYS },
        // Waiting out a Retry-After takes simulated time, as it would take real time.
        sleepAdvancesClock: true,
        timeoutMs: options.timeoutMs ?? 10_000,
      });
    },
    close: () => sims.close(),
  };
}
