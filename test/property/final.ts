/**
 * The end of a case: a fault-free sync, then the invariants, then one more sync that must write
 * nothing. A pair the case left paused is checked as paused first — it wrote nothing and lost
 * nothing — and then the user confirms, as they eventually would, so the full invariants apply.
 */
import { totalWrites, type World } from '../integration/engine/harness.ts';
import type { PairReport } from '../../src/background/sync/report.ts';
import type { CaseStats, Ledger } from './executor.ts';
import { convergence, invitations, logMarks, lostEvents, writesSince, type Baseline, type Violation } from './invariants.ts';

export async function finalChecks(world: World, ledger: Ledger, baseline: Baseline, stats: CaseStats): Promise<Violation[]> {
  const violations: Violation[] = [];
  let marks = logMarks(world);
  let report = await world.sync();
  if (report.paused) {
    stats.pauses++;
    const writes = writesSince(world, marks);
    if (writes.length > 0) violations.push({ kind: 'wrote-while-paused', detail: `final sync paused (${report.paused.reason}) but wrote: ${writes.join(', ')}` });
    violations.push(...lostEvents(world, ledger));
    report = await world.sync({ confirmDeletions: true });
  }
  if (report.paused) return [...violations, { kind: 'still-paused', detail: `paused again after the user confirmed: ${report.paused.message}` }];
  if (report.errors.length > 0) violations.push({ kind: 'final-sync-error', detail: errorsOf(report) });
  violations.push(...lostEvents(world, ledger), ...(await convergence(world)), ...invitations(world, baseline));

  world.sims.clock.advance(60_000);
  marks = logMarks(world);
  const again = await world.sync();
  const writes = writesSince(world, marks);
  if (totalWrites(again) > 0 || writes.length > 0 || again.errors.length > 0 || again.paused) {
    const counts = `created ${JSON.stringify(again.created)}, updated ${JSON.stringify(again.updated)}, deleted ${JSON.stringify(again.deleted)}`;
    violations.push({ kind: 'resync-writes', detail: `a sync after convergence: ${counts}; requests: ${writes.join(', ') || 'none'}${again.errors.length ? `; errors: ${errorsOf(again)}` : ''}${again.paused ? '; paused' : ''}` });
  }
  return violations;
}

function errorsOf(report: PairReport): string {
  return report.errors.map((e) => `${e.side}${e.kind ? ` ${e.kind}` : ''} "${e.title}": ${e.message}`).join('; ');
}
