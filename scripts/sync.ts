/**
 * The headless runner: `npm run sync -- --once --json` syncs every pair in TANDEM_PAIRS once with
 * the same engine and adapters as the extension. `--sim` runs against freshly started simulators
 * seeded with the demo calendars. Without `--once` it syncs every `--interval` minutes (default 5).
 * Progress and logs go to stderr; with `--json` the last line of stdout is the result object.
 * `--confirm-deletions` (with `--once`) approves the deletions of pairs the deletion guard paused.
 */
import { parseArgs } from 'node:util';
import { createConsoleLogger } from '../src/shared/logger.ts';
import { ConfigError, readConfig, type RunnerConfig } from '../src/runner/config.ts';
import { FileStore } from '../src/runner/file-store.ts';
import { runOnce, type RunResult } from '../src/runner/run-once.ts';
import { formatSummary } from '../src/runner/summary.ts';
import { startSimulatorRun } from './sync-sim.ts';

const { values } = parseArgs({
  options: {
    once: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    sim: { type: 'boolean', default: false },
    interval: { type: 'string', default: '5' },
    verbose: { type: 'boolean', default: false },
    'confirm-deletions': { type: 'boolean', default: false },
  },
});

const logger = createConsoleLogger('tandem', values.verbose ? 'debug' : 'warn');

async function main(): Promise<number> {
  if (values.sim) return startSimulatorRun({ json: values.json, logger });
  let config: RunnerConfig;
  try {
    config = readConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`tandem: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const store = new FileStore(config.stateDir);
  const confirmDeletions = values['confirm-deletions'];
  if (values.once) return report(await runOnce(config, { store, logger, confirmDeletions }));
  const minutes = Number(values.interval);
  if (!Number.isFinite(minutes) || minutes < 1 || minutes > 60) {
    process.stderr.write('tandem: --interval must be a number of minutes between 1 and 60\n');
    return 2;
  }
  for (;;) {
    report(await runOnce(config, { store, logger }));
    await new Promise((resolve) => setTimeout(resolve, minutes * 60_000));
  }
}

function report(result: RunResult): number {
  process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : formatSummary(result));
  return result.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`tandem: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
