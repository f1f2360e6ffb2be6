/**
 * `npm run bench`: Tandem's real engine and adapters, and three baselines, against the
 * simulators over loopback HTTP, for N = 100, 1 000 and 10 000 events per side. Prints tables and
 * the targets, and writes every figure as JSON (artifacts/bench-<date-time>.json, or --out).
 *
 *   npm run bench                         # all sizes, all contenders
 *   npm run bench -- --sizes 100,1000     # only these sizes
 *   npm run bench -- --quick              # a fast smoke run (N = 30)
 *   npm run bench -- --contenders tandem,recreate --out /tmp/b.json
 *   npm run bench -- --dist /tmp/build     # bundle sizes from another production build (default dist/)
 *   npm run bench -- --profile /tmp/prof   # a V8 CPU profile of each contender's process
 *   npm run bench -- --no-browser          # skip the browser part (Chromium, dist-sim)
 *   npm run bench -- --browser-only        # only the browser part (--browser-size 1000, --browser-repeats 3)
 *   npm run bench -- --sizes 1000 --browser   # a narrowed run with the browser part
 *
 * The browser part runs the simulator build (dist-sim, built first when missing or older than the
 * sources; --no-build uses it as it is) in Chromium, after the Node part. It is on by default in a
 * full run only: --quick, --sizes and --contenders leave it out unless --browser is given.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { prepareBrowser, runBrowser, type BrowserResult } from './bench/browser/run-browser.ts';
import { buildIfStale, ROOT } from './bench/builds.ts';
import { bundleSizes } from './bench/bundles.ts';
import { LIMITS } from './bench/lower-bound.ts';
import { formatBrowser, formatBundles, formatSize, formatTargets } from './bench/report.ts';
import { runSize, type SizeResult } from './bench/run-size.ts';
import { BROWSER_METHOD, judge } from './bench/targets.ts';
import type { Contender } from './bench/worker.ts';

const ALL: readonly Contender[] = ['tandem', 'tag-script', 'recreate', 'full-reread'];
const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    quick: { type: 'boolean', default: false },
    contenders: { type: 'string' },
    out: { type: 'string' },
    dist: { type: 'string', default: 'dist' },
    profile: { type: 'string' },
    browser: { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    'browser-only': { type: 'boolean', default: false },
    'browser-size': { type: 'string', default: '1000' },
    'browser-repeats': { type: 'string', default: '3' },
    'no-build': { type: 'boolean', default: false },
  },
});
const browserOnly = values['browser-only'];
if ((browserOnly || values.browser) && values['no-browser']) throw new Error('--browser or --browser-only and --no-browser exclude each other');
const browserSize = Number(values['browser-size']);
const browserRepeats = Number(values['browser-repeats']);
if (!Number.isInteger(browserSize) || browserSize < 10) throw new Error(`--browser-size takes a whole number ≥ 10, got "${values['browser-size']}"`);
if (!Number.isInteger(browserRepeats) || browserRepeats < 1) throw new Error(`--browser-repeats takes a whole number ≥ 1, got "${values['browser-repeats']}"`);
// On by default only in a full run: a run narrowed with --sizes or --contenders (iterating on the
// engine) or --quick starts no Chromium unless --browser asks for it.
const browserWanted = browserOnly || values.browser || (!values['no-browser'] && !values.quick && values.sizes === undefined && values.contenders === undefined);
const sizes = browserOnly ? [] : (values.sizes ?? (values.quick ? '30' : '100,1000,10000')).split(',').map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 10)) throw new Error(`--sizes takes whole numbers ≥ 10, got "${values.sizes ?? ''}"`);
const contenders = (values.contenders?.split(',').map((c) => c.trim()) ?? ALL) as Contender[];
const unknown = contenders.filter((c) => !ALL.includes(c));
if (unknown.length > 0 || !contenders.includes('tandem')) throw new Error(`--contenders: tandem plus any of ${ALL.join(', ')}; got ${unknown.join(', ') || 'no tandem'}`);
const started = new Date();
const out = values.out ?? path.join('artifacts', `bench-${started.toISOString().slice(0, 19).replace(/:/g, '-')}.json`);

const machine = { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}`, loadAtStart: os.loadavg() };
console.error(`Bench: ${sizes.length ? `N = ${sizes.join(', ')}; ${contenders.join(', ')}` : 'Node part skipped'}; browser: ${browserWanted ? `N = ${browserSize}` : 'skipped'}. Machine: ${machine.cpus} cores, load ${machine.loadAtStart.map((l) => l.toFixed(1)).join(' ')}.`);

const results: SizeResult[] = [];
for (const n of sizes) {
  results.push(
    await runSize(n, contenders, (r) => {
      const requests = r.google.requests + r.outlook.requests;
      console.error(`  N=${n} ${r.contender.padEnd(11)} ${r.scenario.padEnd(13)} ${String(requests).padStart(6)} requests ${(r.metrics.wallMs / 1000).toFixed(1).padStart(6)} s`);
    }, values.profile && path.resolve(values.profile)),
  );
}

// After the Node part, so that Chromium does not share the machine with the contenders.
const notWanted = values['no-browser'] ? '--no-browser' : values.quick ? '--quick (the quick run starts no Chromium; --browser to add it)' : 'a narrowed run (--sizes or --contenders; --browser to add it)';
let browser: BrowserResult = { status: 'skipped', reason: notWanted };
if (browserWanted) {
  const log = (line: string): void => console.error(line);
  const setup = prepareBrowser({ build: !values['no-build'], log });
  if ('status' in setup) {
    if (browserOnly) throw new Error(`Browser part: ${setup.reason}`);
    console.error(`Browser part skipped: ${setup.reason}`);
    browser = setup;
  } else {
    try {
      browser = await runBrowser(setup, { n: browserSize, repeats: browserRepeats, build: !values['no-build'], log });
    } catch (error) {
      if (browserOnly) throw error;
      const reason = `failed: ${error instanceof Error ? error.message : String(error)}`;
      console.error(`Browser part ${reason}`);
      browser = { status: 'skipped', reason };
    }
  }
}
const all = results.flatMap((s) => s.results);
// The production build the sizes are measured on: made first when it is ours and missing or stale.
// (Not in the quick run the test suite makes: the suite builds after its unit tests.)
if (!values['no-build'] && !values.quick && path.resolve(values.dist) === path.join(ROOT, 'dist')) buildIfStale(path.join(ROOT, 'dist'), 'build', (line) => console.error(line));
const bundles = bundleSizes(values.dist);
const targets = judge(all, bundles, browser);
const finished = new Date();

const report = {
  bench: 'tandem',
  version: 1,
  startedAt: started.toISOString(),
  finishedAt: finished.toISOString(),
  machine: { ...machine, loadAtEnd: os.loadavg() },
  options: { sizes, contenders, quick: values.quick, dist: values.dist, browser: browserWanted ? { size: browserSize, repeats: browserRepeats } : null },
  limits: LIMITS,
  method: {
    traffic: 'simulator request logs: HTTP requests (reads, writes, batch envelopes), batch parts, body bytes without headers',
    cpu: 'process.cpuUsage of the contender process (user + system); Tandem engine CPU = total minus CPU while an adapter call was running',
    heap: 'V8 used heap sampled every 5 ms and around every adapter call, in the contender process, after a full GC at the start; live = used heap right after a full GC at each engine phase change; Tandem state is stored in Buffers outside the V8 heap, as IndexedDB is outside the service worker heap',
    lowerBound: 'feed rows in pages of the largest size, Outlook series masters and occurrence lookups in $batch of 20, needed writes in batches (Google 50, Outlook 20)',
    browser: BROWSER_METHOD,
  },
  sizes: results,
  targets,
  bundles,
  browser,
};
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);

const lines = [
  `## Tandem benchmark — ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${machine.cpus} cores (${machine.model}), Node ${machine.node}`,
  '',
  'Requests are HTTP requests: r reads, w writes, b batches·parts inside them. Lower bound and ratio: Tandem only.',
  '',
  ...results.map((size) => formatSize(size, contenders)),
  formatBrowser(browser),
  '### Targets',
  '',
  formatTargets(targets),
  '',
  formatBundles(bundles),
  '',
  `JSON: ${out}`,
];
console.log(lines.join('\n'));
