/**
 * `npm run demo`: builds the simulator build of Tandem, starts the simulated Google and Microsoft
 * with Alex's demo calendars, and opens Chromium with the extension loaded — its popup, its
 * settings, and the two simulated calendar web apps side by side.
 *
 * `npm run demo -- --headless` (or no display available) does the same without a window, saves a
 * screenshot of every page and a text summary into a folder it names, and exits.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { launchExtension, SIM_BUILD_DIR, type ExtensionSession } from '../test/e2e/harness/extension.ts';
import { startSimulators, type Simulators } from '../test/sim/index.ts';
import { seedDemo, type DemoWorld } from '../test/sim/seed/demo.ts';
import { parsePairs } from '../src/runner/config.ts';
import { MemoryStore } from '../src/background/sync/memory-store.ts';
import { runOnce, type RunResult } from '../src/runner/run-once.ts';
import { formatSummary } from '../src/runner/summary.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const wantsHeadless = process.argv.includes('--headless');
const hasDisplay = Boolean(process.env['DISPLAY'] ?? process.env['WAYLAND_DISPLAY']);
const headless = wantsHeadless || !hasDisplay;

if (!wantsHeadless && !hasDisplay) console.log('No display found ($DISPLAY is unset): running headless instead.');

console.log('Building the simulator build (dist-sim/)…');
await build({ root: ROOT, configFile: path.join(ROOT, 'vite.config.ts'), mode: 'sim', logLevel: 'warn', build: { outDir: SIM_BUILD_DIR } });

const sims = await startSimulators({ ports: 'default' });
const world = seedDemo(sims);
console.log(`Simulators running; demo calendars seeded for ${world.googleUser} and ${world.msUser}.`);
const sync = await syncDemo(sims, world);
console.log(`Two-way sync of the demo pair:\n${formatSummary(sync)}`);

const session = await launchExtension({ headless, viewport: headless ? { width: 1280, height: 800 } : null });
const pages = await openDemoPages(session, world);

if (headless) {
  const folder = path.join(ROOT, 'artifacts', `demo-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(folder, { recursive: true });
  for (const [name, page] of Object.entries(pages)) {
    if (name === 'popup') await page.setViewportSize({ width: 380, height: 320 });
    await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: true });
  }
  writeFileSync(path.join(folder, 'summary.txt'), summary(sims, world, session, sync));
  await session.close();
  await sims.close();
  console.log(`Screenshots and summary written to ${folder}`);
} else {
  console.log('Chromium is open with Tandem loaded. Close the browser window or press Ctrl-C to stop.');
  const stop = async (): Promise<void> => {
    await sims.close();
    process.exit(0);
  };
  session.context.on('close', () => void stop());
  process.on('SIGINT', () => void session.close().then(stop));
}

/**
 * Syncs the demo pair with the engine and adapters the extension uses, run headless here: the
 * extension's own sign-in and scheduled sync build on the same engine.
 */
async function syncDemo(simulators: Simulators, demo: DemoWorld): Promise<RunResult> {
  const config = {
    googleApi: simulators.endpoints.googleApi,
    graphApi: simulators.endpoints.graphApi,
    googleToken: simulators.google.issueToken(demo.googleUser),
    msToken: simulators.graph.issueToken(demo.msUser),
    pairs: parsePairs(JSON.stringify([{ google: demo.googleCalendarId, outlook: demo.outlookCalendarId }])),
    stateDir: '',
  };
  return runOnce(config, { store: new MemoryStore() });
}

async function openDemoPages(session: ExtensionSession, demo: DemoWorld): Promise<Record<string, Page>> {
  const google = await session.open(demo.pages.google);
  const outlook = await session.open(demo.pages.outlook);
  const options = await session.openOptions();
  const popup = await session.openPopup();
  await Promise.all([options, popup].map((page) => page.getByRole('heading').first().waitFor()));
  return { popup, options, google, outlook };
}

function summary(simulators: Simulators, demo: DemoWorld, extension: ExtensionSession, result: RunResult): string {
  const googleEvents = simulators.google.listStoredEvents(demo.googleCalendarId);
  const outlookEvents = simulators.graph.listStoredEvents(demo.outlookCalendarId);
  const lines = [
    `Tandem demo — ${new Date().toISOString()}`,
    `Extension id: ${extension.extensionId}`,
    '',
    `Google calendar ${demo.googleCalendarId}: ${googleEvents.length} stored events`,
    ...googleEvents.map((e) => `  - ${e.summary ?? '(no title)'}${e.recurringEventId ? ' (exception)' : ''}${e.status === 'cancelled' ? ' [cancelled]' : ''}`),
    `Outlook calendar: ${outlookEvents.length} stored events`,
    ...outlookEvents.map((e) => `  - ${e.subject ?? '(no title)'}${e.type === 'seriesMaster' ? ' (series)' : ''}`),
    '',
    'Two-way sync (engine run headless with the real adapters):',
    formatSummary(result).trimEnd(),
    `Invitations sent: Google ${simulators.google.counters.invitationsSent}, Outlook ${simulators.graph.counters.invitationsSent}`,
    `Console errors in the extension: ${extension.problems.length}`,
    ...extension.problems.map((p) => `  - ${p.source}: ${p.text}`),
  ];
  return `${lines.join('\n')}\n`;
}
