/**
 * The targets of issue 7, judged on the figures of one run. Reported, never asserted: timings
 * depend on the machine. A target whose size was not measured says so instead of guessing; a
 * figure with no bound to meet is 'measured'.
 */
import type { BrowserResult } from './browser/run-browser.ts';
import type { BundleSizes } from './bundles.ts';
import type { ScenarioResult } from './run-size.ts';
import type { ScenarioName } from './scenarios.ts';

export interface TargetVerdict {
  readonly target: string;
  readonly status: 'met' | 'not met' | 'not measured' | 'measured';
  readonly figure: string;
}

const HEADLINE: readonly ScenarioName[] = ['initial', 'no-change', 'changed-1pct', 'single-change'];
const MB = 1024 * 1024;

/** How the browser figures are measured (in the JSON's method). */
export const BROWSER_METHOD = {
  serviceWorkerSync:
    'dist-sim in headless Chromium (Debian), signed in and paired through the background messages the options page sends; the first run is the one pairs/save starts, the rest are sync/now; wall = from the message to the run\'s finishedAt; requests from the simulator logs; JS heap of the service worker over CDP (Runtime.getHeapUsage on the worker target: after a full GC before the run, sampled every ~10 ms during it, after it, and after a full GC)',
  decoration:
    'live stand-ins of the web apps showing every event of the synced calendars as chips, page repaint timer paused; content-script work = sum of its per-frame User Timing measures (tandem:flush / tandem:decorate); first = fresh tab, time to badges from DOMContentLoaded to the last badge inserted; repaint = the page replaces every chip, time from the chips\' insertion to the last badge; medians over the tabs and repaints',
  editToMirror:
    'a rename saved in one live web app (the page\'s save notice shown), until the other simulator holds the mirror with the new title (its request log polled every 20 ms, the store read after each new write); sync-on-view: content script → nudge (1.5 s debounce) → service-worker sync; directions alternate, samples 22 s apart (nudged runs of a pair start ≥ 20 s apart); median',
} as const;

const LONG_TASK_MS = 50;
const LATENCY_BOUND_MS = 10_000;

export function judge(results: readonly ScenarioResult[], bundles: BundleSizes | null, browser: BrowserResult | null = null): TargetVerdict[] {
  const tandem = (n: number, scenario: ScenarioName): ScenarioResult | undefined =>
    results.find((r) => r.n === n && r.scenario === scenario && r.contender === 'tandem');
  const sizes = [...new Set(results.map((r) => r.n))].sort((a, b) => a - b);
  const verdicts: TargetVerdict[] = [];

  const quiet = sizes.map((n) => ({ n, r: tandem(n, 'no-change') })).filter((x) => x.r);
  verdicts.push({
    target: 'no-change resync = 1 request per side',
    status: quiet.length === 0 ? 'not measured' : quiet.every((x) => x.r!.google.requests === 1 && x.r!.outlook.requests === 1) ? 'met' : 'not met',
    figure: quiet.map((x) => `N=${x.n}: Google ${x.r!.google.requests}, Outlook ${x.r!.outlook.requests}`).join('; ') || 'Node part not run',
  });

  const big = HEADLINE.map((s) => tandem(10_000, s)).filter((r): r is ScenarioResult => r?.lowerBound !== null && r !== undefined);
  const ratios = big.map((r) => ({ scenario: r.scenario, ratio: total(r) / r.lowerBound!.total }));
  verdicts.push({
    target: 'requests ≤ 1.05 × lower bound at N = 10 000',
    status: ratios.length === 0 ? 'not measured' : ratios.every((x) => x.ratio <= 1.05) ? 'met' : 'not met',
    figure: ratios.map((x) => `${x.scenario} ${x.ratio.toFixed(2)}×`).join(', ') || 'N = 10 000 not run',
  });

  const single = tandem(1000, 'single-change');
  const recreate = results.find((r) => r.n === 1000 && r.scenario === 'single-change' && r.contender === 'recreate');
  const factor = single && recreate ? total(recreate) / total(single) : null;
  verdicts.push({
    target: '≥ 100× fewer requests than delete-all-and-recreate, single change, N = 1 000',
    status: factor === null ? 'not measured' : factor >= 100 ? 'met' : 'not met',
    figure: factor === null ? 'N = 1 000 with both contenders not run' : `${total(single!)} vs ${total(recreate!)} requests: ${factor.toFixed(0)}× fewer`,
  });

  const tenK = results.filter((r) => r.n === 10_000 && r.contender === 'tandem');
  const engineCpu = Math.max(0, ...tenK.map((r) => r.metrics.engineCpuMs ?? 0));
  const planning = Math.max(0, ...tenK.map((r) => r.metrics.planningCpuMs ?? 0));
  const worst = tenK.find((r) => r.metrics.engineCpuMs === engineCpu);
  verdicts.push({
    target: 'reconcile CPU for a 10 000-event pair ≤ 200 ms',
    status: tenK.length === 0 ? 'not measured' : engineCpu <= 200 ? 'met' : 'not met',
    figure: tenK.length === 0 ? 'N = 10 000 not run' : `engine's own CPU ${ms(engineCpu)} (worst run: ${worst?.scenario ?? '?'}); planning phase alone ≤ ${ms(planning)}`,
  });

  const heap = Math.max(0, ...tenK.map((r) => r.metrics.heapPeakBytes));
  const live = Math.max(0, ...tenK.map((r) => r.metrics.liveHeapPeakBytes ?? 0));
  verdicts.push({
    target: 'peak heap ≤ 50 MB at N = 10 000',
    status: tenK.length === 0 ? 'not measured' : heap <= 50 * MB ? 'met' : 'not met',
    figure: tenK.length === 0 ? 'N = 10 000 not run' : `${(heap / MB).toFixed(0)} MB heapUsed at peak, ${(live / MB).toFixed(0)} MB live after GC (the process holds ${(Math.min(...tenK.map((r) => r.metrics.heapBaseBytes)) / MB).toFixed(0)} MB before any sync)`,
  });

  const popup = bundles?.popup;
  verdicts.push({
    target: 'popup bundle ≤ 30 KB gzip',
    status: !popup ? 'not measured' : popup.gzipBytes <= 30 * 1024 ? 'met' : 'not met',
    figure: popup ? `${(popup.gzipBytes / 1024).toFixed(1)} KB gzip (${popup.files.length} files; ${bundles.dir} built ${bundles.builtAt})` : 'no production build (npm run build)',
  });
  verdicts.push(...judgeBrowser(browser));
  return verdicts;
}

function judgeBrowser(browser: BrowserResult | null): TargetVerdict[] {
  const targets = {
    decoration: `content-script decoration: no frame of ${LONG_TASK_MS} ms or more (a long task)`,
    latency: `edit → mirror latency ≤ ${LATENCY_BOUND_MS / 1000} s (sync-on-view)`,
    sync: 'service-worker sync in Chromium (N = 1 000 per side)',
  };
  if (!browser || browser.status === 'skipped') {
    const figure = `browser part not run${browser ? `: ${browser.reason}` : ''}`;
    return Object.values(targets).map((target) => ({ target, status: 'not measured', figure }));
  }
  const decorationFigure = browser.decoration
    .map((d) => {
      const longest = Math.max(0, ...d.first.map((s) => s.longestFrameMs), ...d.repaint.map((s) => s.longestFrameMs));
      return `${d.app} ${num(d.chips)} chips: first ${d.median.first.cpuMs.toFixed(1)} ms of work, badges ${d.median.first.toBadgesMs.toFixed(0)} ms after DOM ready; repaint ${d.median.repaint.cpuMs.toFixed(1)} ms; longest frame ${longest.toFixed(1)} ms`;
    })
    .join('; ');
  const frames = browser.decoration.flatMap((d) => [...d.first, ...d.repaint].map((s) => s.longestFrameMs));
  const { medianMs, maxMs, samples } = browser.editToMirror;
  const run = (name: ScenarioName) => browser.serviceWorkerSync.find((r) => r.scenario === name);
  const syncFigure = (['initial', 'no-change', 'single-change'] as const)
    .map((name) => {
      const r = run(name);
      if (!r) return null;
      const heap = r.heap ? `, heap peak ${(r.heap.peakBytes / MB).toFixed(1)} MB` : '';
      return `${name} ${(r.wallMs / 1000).toFixed(1)} s, ${num(r.google.requests)} + ${num(r.outlook.requests)} requests${heap}`;
    })
    .filter((x) => x !== null)
    .join('; ');
  const failed = browser.serviceWorkerSync.filter((r) => !r.reported.ok || r.reported.errors.length > 0);
  return [
    { target: targets.decoration, status: frames.length === 0 ? 'not measured' : frames.every((ms) => ms < LONG_TASK_MS) ? 'met' : 'not met', figure: decorationFigure },
    {
      target: targets.latency,
      status: samples.length === 0 ? 'not measured' : maxMs <= LATENCY_BOUND_MS ? 'met' : 'not met',
      figure: `median ${(medianMs / 1000).toFixed(2)} s, worst ${(maxMs / 1000).toFixed(2)} s over ${samples.length} edits (both directions)`,
    },
    {
      target: browser.n === 1000 ? targets.sync : `service-worker sync in Chromium (N = ${num(browser.n)} per side)`,
      status: failed.length ? 'not met' : 'measured',
      figure: `${syncFigure}${failed.length ? `; FAILED runs: ${failed.map((r) => `${r.scenario}: ${r.reported.errors[0] ?? 'not ok'}`).join(', ')}` : ''}`,
    },
  ];
}

function num(n: number): string {
  return n.toLocaleString('en-US');
}

export function total(r: ScenarioResult): number {
  return r.google.requests + r.outlook.requests;
}

function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}
