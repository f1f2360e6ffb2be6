/**
 * The targets of issue 7, judged on the figures of one run. Reported, never asserted: timings
 * depend on the machine. A target whose size was not measured says so instead of guessing.
 */
import type { BundleSizes } from './bundles.ts';
import type { ScenarioResult } from './run-size.ts';
import type { ScenarioName } from './scenarios.ts';

export interface TargetVerdict {
  readonly target: string;
  readonly status: 'met' | 'not met' | 'not measured';
  readonly figure: string;
}

const HEADLINE: readonly ScenarioName[] = ['initial', 'no-change', 'changed-1pct', 'single-change'];
const MB = 1024 * 1024;

export function judge(results: readonly ScenarioResult[], bundles: BundleSizes | null): TargetVerdict[] {
  const tandem = (n: number, scenario: ScenarioName): ScenarioResult | undefined =>
    results.find((r) => r.n === n && r.scenario === scenario && r.contender === 'tandem');
  const sizes = [...new Set(results.map((r) => r.n))].sort((a, b) => a - b);
  const verdicts: TargetVerdict[] = [];

  const quiet = sizes.map((n) => ({ n, r: tandem(n, 'no-change') })).filter((x) => x.r);
  verdicts.push({
    target: 'no-change resync = 1 request per side',
    status: quiet.length === 0 ? 'not measured' : quiet.every((x) => x.r!.google.requests === 1 && x.r!.outlook.requests === 1) ? 'met' : 'not met',
    figure: quiet.map((x) => `N=${x.n}: Google ${x.r!.google.requests}, Outlook ${x.r!.outlook.requests}`).join('; '),
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
  for (const target of ['content-script decoration time', 'edit → mirror latency', 'service-worker sync of 1 000 events in Chromium']) {
    verdicts.push({ target, status: 'not measured', figure: 'not measured yet (browser benchmarks join later)' });
  }
  return verdicts;
}

export function total(r: ScenarioResult): number {
  return r.google.requests + r.outlook.requests;
}

function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}
