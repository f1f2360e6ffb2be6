/**
 * `npm run sync -- --sim`: start the simulators with the demo calendars, sync them twice (the
 * second run shows that a converged pair makes no writes), and tell what happened on both sides.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from '../src/shared/logger.ts';
import { startSimulators } from '../test/sim/index.ts';
import { seedDemo } from '../test/sim/seed/demo.ts';
import { parsePairs } from '../src/runner/config.ts';
import { FileStore } from '../src/runner/file-store.ts';
import { runOnce } from '../src/runner/run-once.ts';
import { formatSummary } from '../src/runner/summary.ts';

export async function startSimulatorRun(options: { json: boolean; logger: Logger }): Promise<number> {
  const sims = await startSimulators({ ports: 'random' });
  try {
    const world = seedDemo(sims);
    const config = {
      googleApi: sims.endpoints.googleApi,
      graphApi: sims.endpoints.graphApi,
      googleToken: sims.google.issueToken(world.googleUser),
      msToken: sims.graph.issueToken(world.msUser),
      pairs: parsePairs(JSON.stringify([{ google: world.googleCalendarId, outlook: world.outlookCalendarId }])),
      stateDir: mkdtempSync(path.join(tmpdir(), 'tandem-sim-state-')),
    };
    const store = new FileStore(config.stateDir);
    const first = await runOnce(config, { store, logger: options.logger });
    const second = await runOnce(config, { store, logger: options.logger });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(first)}\n`);
      return first.ok ? 0 : 1;
    }
    process.stdout.write(`First sync of the demo calendars:\n${formatSummary(first)}\nSecond sync (nothing changed):\n${formatSummary(second)}`);
    process.stdout.write(
      `\nInvitations sent: Google ${sims.google.counters.invitationsSent}, Outlook ${sims.graph.counters.invitationsSent} (both must be 0).\n` +
        `Google now holds ${sims.google.listStoredEvents(world.googleCalendarId).filter((e) => e.status !== 'cancelled').length} events, ` +
        `Outlook ${sims.graph.listStoredEvents(world.outlookCalendarId).length}.\n`,
    );
    return first.ok && second.ok ? 0 : 1;
  } finally {
    await sims.close();
  }
}
