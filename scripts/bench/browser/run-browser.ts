/**
 * The bench's browser part: the simulator build of the extension (dist-sim) in Debian's Chromium,
 * headless, against the simulators on their fixed ports (the ones that build calls), through the
 * e2e harness (test/e2e/harness). One pair of calendars with the bench's realistic mix at N per
 * side; the user signs in to both services through the simulated sign-in servers and pairs them.
 * Then: the service worker's sync, scenario by scenario; the content script's decoration of the
 * synced calendars in both web apps; edit → mirror latency through sync-on-view.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { CHROMIUM_INSTALL_HINT } from '../../../test/e2e/harness/chromium.ts';
import { launchExtension, SIM_BUILD_DIR, type ExtensionSession } from '../../../test/e2e/harness/extension.ts';
import { ask } from '../../../test/e2e/harness/messages.ts';
import { startSimulators, type Simulators } from '../../../test/sim/index.ts';
import { buildIfStale, buildIsStale, ROOT } from '../builds.ts';
import { countMix, type MixCounts } from '../mix.ts';
import { seedAccount } from '../scenarios.ts';
import { addAccount } from '../seed.ts';
import { measureDecoration, median, openLive, type AppDecoration } from './decoration.ts';
import { measureEditToMirror, type LatencySample } from './latency.ts';
import { runWorkerSync, type WorkerSyncRun } from './sw-sync.ts';

export interface BrowserOptions {
  /** Events per side. */
  readonly n: number;
  /** Fresh tabs per web app for the first decoration, repaints, and edits per direction. */
  readonly repeats: number;
  /** Build dist-sim first when it is missing or older than the sources (default true). */
  readonly build: boolean;
  readonly log: (line: string) => void;
}

export interface BrowserSetup {
  readonly chromium: string;
  readonly chromiumVersion: string;
  readonly buildDir: string;
  readonly builtAt: string;
  /** Sources changed after the build (its figures are for the older code). */
  readonly buildStale: boolean;
}

export interface BrowserMeasured extends BrowserSetup {
  readonly status: 'measured';
  readonly n: number;
  readonly repeats: number;
  readonly mix: { readonly google: MixCounts; readonly outlook: MixCounts };
  readonly serviceWorkerSync: readonly WorkerSyncRun[];
  readonly decoration: readonly AppDecoration[];
  readonly editToMirror: { readonly samples: readonly LatencySample[]; readonly medianMs: number; readonly maxMs: number };
  /** Console errors from the extension's pages and worker, if any. */
  readonly problems: readonly string[];
}

export interface BrowserSkipped {
  readonly status: 'skipped';
  readonly reason: string;
}

export type BrowserResult = BrowserMeasured | BrowserSkipped;



/** Chromium and a simulator build, built here if missing or stale; else why the part cannot run. */
export function prepareBrowser(options: Pick<BrowserOptions, 'build' | 'log'>): BrowserSetup | BrowserSkipped {
  const chromium = process.env['CHROMIUM_PATH']?.trim() || '/usr/bin/chromium';
  if (!existsSync(chromium)) return { status: 'skipped', reason: `${CHROMIUM_INSTALL_HINT} (looked for ${chromium})` };
  const manifest = path.join(SIM_BUILD_DIR, 'manifest.json');
  const ownBuild = SIM_BUILD_DIR === path.join(ROOT, 'dist-sim');
  if (options.build && ownBuild) buildIfStale(SIM_BUILD_DIR, 'build:sim', options.log);
  if (!existsSync(manifest)) return { status: 'skipped', reason: `no simulator build in ${SIM_BUILD_DIR}: run "npm run build:sim" first` };
  const buildStale = buildIsStale(SIM_BUILD_DIR);
  if (buildStale) options.log(`Browser: ${SIM_BUILD_DIR} is older than the sources; its figures are for that build (run "npm run build:sim" to measure the current code).`);
  let chromiumVersion = 'unknown';
  try {
    chromiumVersion = execFileSync(chromium, ['--version'], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // Reported as unknown.
  }
  return { chromium, chromiumVersion, buildDir: SIM_BUILD_DIR, builtAt: statSync(manifest).mtime.toISOString(), buildStale };
}

/**
 * The simulators on the ports dist-sim calls. A port can be briefly taken by a client socket of
 * heavy loopback traffic (its ephemeral port range includes them): a few tries, a few seconds apart.
 */
async function startOnFixedPorts(log: (line: string) => void): Promise<Simulators> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startSimulators({ ports: 'default' });
    } catch (error) {
      if (attempt >= 6 || !String(error).includes('EADDRINUSE')) throw error;
      log(`Browser: a simulator port is in use (${String(error).replace(/^Error: /, '').slice(0, 120)}); trying again in 10 s.`);
      await new Promise((resolve) => setTimeout(resolve, 10_000));
    }
  }
}

export async function runBrowser(setup: BrowserSetup, options: BrowserOptions): Promise<BrowserMeasured> {
  const { n, repeats, log } = options;
  const sims = await startOnFixedPorts(log);
  let session: ExtensionSession | undefined;
  try {
    // Measured, not enforced, as in the Node part.
    sims.graph.setThrottleLimits({ budget: Number.MAX_SAFE_INTEGER });
    const account = addAccount(sims, `browser-${n}`);
    sims.googleAuth.addAccount({ email: account.googleUser, name: 'Bench' });
    sims.msIdentity.addAccount({ upn: account.msUser, name: 'Bench', kind: 'work' });
    sims.googleAuth.setAutoSignIn(account.googleUser);
    sims.msIdentity.setAutoSignIn(account.msUser);
    // The extension's window is around the real today (its clock is the machine's).
    const today = Temporal.Now.plainDateISO('UTC');
    const seeded = seedAccount(sims, account, n, today);
    const mix = { google: countMix(seeded.google.items), outlook: countMix(seeded.outlook.items) };

    session = await launchExtension({ extensionDir: setup.buildDir });
    const options = await session.openOptions();
    await ask(options, 'accounts/signIn', { provider: 'google' });
    await ask(options, 'accounts/signIn', { provider: 'microsoft' });

    const serviceWorkerSync = await runWorkerSync(session, options, sims, account, seeded, n, today, (run) => {
      const requests = run.google.requests + run.outlook.requests;
      log(`  browser N=${n} service worker ${run.scenario.padEnd(13)} ${String(requests).padStart(6)} requests ${(run.wallMs / 1000).toFixed(1).padStart(6)} s`);
    });

    const urls = {
      google: sims.web.showLive({ app: 'google', calendarId: account.googleCalendar, title: 'Bench', owner: account.googleUser }),
      outlook: sims.web.showLive({ app: 'outlook', calendarId: account.outlookCalendar, title: 'Calendar', owner: account.msUser }),
    };
    const decoration: AppDecoration[] = [];
    for (const app of ['google', 'outlook'] as const) {
      const d = await measureDecoration(session, app, urls[app], repeats, repeats);
      decoration.push(d);
      log(`  browser N=${n} decoration ${app.padEnd(7)} ${d.badges} badges on ${d.chips} chips: first ${d.median.first.cpuMs.toFixed(1)} ms (badges after ${d.median.first.toBadgesMs.toFixed(0)} ms), repaint ${d.median.repaint.cpuMs.toFixed(1)} ms`);
    }

    const pages = { google: await openLive(session, urls.google), outlook: await openLive(session, urls.outlook) };
    const samples = await measureEditToMirror(sims, account, seeded, pages, 2 * repeats, (s) => log(`  browser N=${n} edit → mirror ${s.direction}: ${s.ms} ms`));
    const ms = samples.map((s) => s.ms);

    const problems = session.problems.filter((p) => !/favicon|ERR_|net::/i.test(p.text)).map((p) => `${p.source}: ${p.text}`);
    return {
      status: 'measured',
      ...setup,
      n,
      repeats,
      mix,
      serviceWorkerSync,
      decoration,
      editToMirror: { samples, medianMs: median(ms), maxMs: Math.max(0, ...ms) },
      problems,
    };
  } finally {
    await session?.close().catch(() => undefined);
    await sims.close();
  }
}
