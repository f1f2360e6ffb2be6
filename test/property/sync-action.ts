/**
 * One `sync` action: the engine's syncPair through the real adapters, with the action's fault for
 * this sync only — HTTP faults injected into the simulators, or the worker killed at a port call
 * (a crashed run's WorkerKilled is expected; the next run starts from what the store held). The
 * user confirms deletions only when the pair is actually paused, as the app offers it only then.
 */
import type { FaultAction } from '../sim/core/faults.ts';
import type { PairReport } from '../../src/background/sync/report.ts';
import { syncPair } from '../../src/background/sync/run.ts';
import { PairStore } from '../../src/background/sync/state.ts';
import type { World } from '../integration/engine/harness.ts';
import type { SyncFault } from './actions.ts';
import { CrashPlan, crashingDeps, crashingStore, WorkerKilled } from './crash.ts';
import { countFault, type CaseStats } from './executor.ts';
import { logMarks, writesSince, type LogMarks, type Violation } from './invariants.ts';

export async function runSync(world: World, fault: SyncFault, confirm: boolean, stats: CaseStats): Promise<Violation[]> {
  const paused = (await new PairStore(world.store, world.pair.id).loadMeta()).paused !== null;
  const options = { confirmDeletions: confirm && paused };
  const marks = logMarks(world);
  let report: PairReport | null = null;
  switch (fault.kind) {
    case 'none':
      report = await world.sync(options);
      break;
    case 'crash': {
      const plan = new CrashPlan(fault.at, fault.after);
      try {
        report = await syncPair(crashingDeps(world.deps, plan), crashingStore(world.store, plan), world.pair, options);
      } catch (error) {
        if (!(error instanceof WorkerKilled)) throw error;
      }
      if (plan.fired) countFault(stats, 'crash');
      break;
    }
    case 'http': {
      const sims = fault.side === 'both' ? [world.sims.google, world.sims.graph] : [fault.side === 'google' ? world.sims.google : world.sims.graph];
      const before = sims.reduce((n, sim) => n + sim.faults.fired.length, 0);
      for (const sim of sims) sim.faults.inject({ action: httpFault(fault), probability: fault.probability, times: Infinity, label: `${fault.error}` });
      try {
        report = await world.sync(options);
      } finally {
        for (const sim of sims) sim.faults.clear();
      }
      countFault(stats, `http-${fault.error}`, sims.reduce((n, sim) => n + sim.faults.fired.length, 0) - before);
      break;
    }
  }
  if (report?.paused) stats.pauses++;
  return report?.paused ? pausedWrites(world, report, marks) : [];
}

function httpFault(fault: Extract<SyncFault, { kind: 'http' }>): FaultAction {
  switch (fault.error) {
    case '5xx':
      return { kind: 'status', status: fault.status };
    case '429':
      return { kind: 'status', status: 429, reason: 'rateLimitExceeded', retryAfterSeconds: fault.retryAfter };
    case 'reset':
      return { kind: 'reset' };
    case 'timeout':
      return { kind: 'hang' };
  }
}

/** A paused run writes nothing: the user has not decided yet. */
function pausedWrites(world: World, report: PairReport, marks: LogMarks): Violation[] {
  const writes = writesSince(world, marks);
  if (writes.length === 0) return [];
  return [{ kind: 'wrote-while-paused', detail: `the run paused (${report.paused?.reason ?? ''}) but wrote: ${writes.join(', ')}` }];
}
