/**
 * The bench's text output: markdown tables padded so they read well in a terminal too.
 */
import path from 'node:path';
import type { BrowserResult } from './browser/run-browser.ts';
import type { Bundle, BundleSizes } from './bundles.ts';
import type { MixCounts } from './mix.ts';
import type { ScenarioResult, SizeResult } from './run-size.ts';
import { SCENARIOS } from './scenarios.ts';
import { total, type TargetVerdict } from './targets.ts';
import { operations, type SideTraffic } from './traffic.ts';
import type { Contender } from './worker.ts';

const num = (n: number): string => n.toLocaleString('en-US');
const MB = 1024 * 1024;

/** `align`: one letter per column, l or r (default: the first left, the rest right). */
export function table(header: readonly string[], rows: readonly (readonly string[])[], align = `l${'r'.repeat(header.length - 1)}`): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const right = (i: number): boolean => align[i] === 'r';
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => (right(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => `${'-'.repeat(w + 1)}${right(i) ? ':' : '-'}`).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** "24 (r1 w0 b23·999)": requests, then reads, writes, batches and the parts they carried. */
function requests(t: SideTraffic): string {
  const parts = t.readParts + t.writeParts;
  return `${num(t.requests)} (r${num(t.reads)} w${num(t.writes)} b${num(t.batches)}${parts ? `·${num(parts)}` : ''})`;
}

function mixLine(side: string, m: MixCounts): string {
  return `${side}: ${num(m.timed)} timed, ${num(m.allDay)} all-day, ${num(m.multiDay)} multi-day, ${num(m.series)} series (${num(m.seriesWithException)} with exceptions, ${num(m.unboundedSeries)} without end)`;
}

export function formatSize(size: SizeResult, contenders: readonly Contender[]): string {
  const title = `### N = ${num(size.n)} events per side\n\n${mixLine('Google', size.mix.google)}; ${mixLine('Outlook', size.mix.outlook)}.`;
  const find = (scenario: string, contender: Contender): ScenarioResult | undefined =>
    size.results.find((r) => r.scenario === scenario && r.contender === contender);
  const tandemRows = SCENARIOS.flatMap((s) => {
    const r = find(s.name, 'tandem');
    if (!r) return [];
    const writes = r.google.writes + r.google.writeParts + r.outlook.writes + r.outlook.writeParts;
    const needed = r.neededWrites.google + r.neededWrites.outlook;
    const bound = r.lowerBound?.total ?? 0;
    return [[
      s.title,
      requests(r.google),
      requests(r.outlook),
      num(total(r)),
      num(bound),
      bound ? `${(total(r) / bound).toFixed(2)}×` : '–',
      `${num(writes)} / ${num(needed)}`,
      `${((r.google.bytesUp + r.outlook.bytesUp) / 1024).toFixed(0)} / ${((r.google.bytesDown + r.outlook.bytesDown) / 1024).toFixed(0)}`,
      r.metrics.wallMs.toFixed(0),
      `${r.metrics.cpuMs.toFixed(0)} / ${(r.metrics.engineCpuMs ?? 0).toFixed(0)}`,
      `${(r.metrics.heapPeakBytes / MB).toFixed(0)} / ${((r.metrics.liveHeapPeakBytes ?? 0) / MB).toFixed(0)}`,
    ]];
  });
  const tandem = table(
    ['Tandem: scenario', 'Google requests', 'Outlook requests', 'total', 'lower bound', 'ratio', 'writes / needed', 'KB up / down', 'wall ms', 'CPU ms total / engine', 'heap MB peak / live'],
    tandemRows,
  );
  const state = Math.max(0, ...size.results.map((r) => r.stateBytes ?? 0));
  const stateNote = state ? `\n\nTandem's stored state (links with snapshots, cursors, history), kept outside the heap as IndexedDB keeps it: ${(state / MB).toFixed(1)} MB at most.` : '';
  const baselines = contenders.filter((c) => c !== 'tandem');
  const comparisonRows = SCENARIOS.filter((s) => s.headline).map((s) => {
    const mine = find(s.name, 'tandem');
    return [s.title, ...contenders.map((c) => cell(find(s.name, c), c === 'tandem' ? undefined : mine))];
  });
  const comparison = baselines.length === 0 ? '' : `\n\n${table(['requests, both sides (× Tandem) · wall', ...contenders], comparisonRows)}`;
  const throttled = size.results.filter((r) => r.outlookThrottleFloorMinutes > 0);
  const note = throttled.length
    ? `\n\nOutlook's budget (10,000 requests per mailbox per 10 minutes, batch parts included) would hold back: ${throttled
        .map((r) => `${r.contender} ${r.scenario} ≥ ${r.outlookThrottleFloorMinutes} min (${num(operations(r.outlook))} ops)`)
        .join('; ')}. The simulator measured instead of enforcing it.`
    : '';
  const errors = size.results.filter((r) => r.reported.errors.length > 0 || r.google.failed + r.outlook.failed > 0);
  const problems = errors.length
    ? `\n\nErrors or failed requests: ${errors.map((r) => `${r.contender} ${r.scenario}: ${r.google.failed + r.outlook.failed} failed requests${r.reported.errors.length ? `, errors: ${r.reported.errors.slice(0, 2).join(' | ')}` : ''}`).join('; ')}`
    : '';
  return `${title}\n\n${tandem}${stateNote}${comparison}${note}${problems}\n`;
}

function cell(r: ScenarioResult | undefined, tandem: ScenarioResult | undefined): string {
  if (!r) return '–';
  const times = tandem && total(tandem) > 0 ? ` (${(total(r) / total(tandem)).toFixed(total(r) / total(tandem) < 10 ? 1 : 0)}×)` : '';
  return `${num(total(r))}${times} · ${(r.metrics.wallMs / 1000).toFixed(1)} s`;
}

export function formatTargets(verdicts: readonly TargetVerdict[]): string {
  return table(['target', 'status', 'figure'], verdicts.map((v) => [v.target, v.status === 'not met' ? 'NOT MET' : v.status, v.figure]), 'lll');
}

export function formatBundles(bundles: BundleSizes | null): string {
  if (!bundles) return 'Bundles: no production build found (run `npm run build` first).';
  const size = (bytes: number): string => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`);
  const kb = (b: Bundle | null): string =>
    b ? `${size(b.gzipBytes)} gzip (${size(b.rawBytes)} raw, ${b.files.length} file${b.files.length === 1 ? '' : 's'})` : 'none';
  return `Bundles (${bundles.dir}, built ${bundles.builtAt}): popup ${kb(bundles.popup)}; content script ${kb(bundles.content)}.`;
}

/** The browser part: the service worker's runs, the content script's decoration, edit → mirror latency. */
export function formatBrowser(browser: BrowserResult): string {
  if (browser.status === 'skipped') return `### Browser (Chromium)\n\nNot run: ${browser.reason}.\n`;
  const title =
    `### Browser: ${browser.chromiumVersion}, headless, ${path.basename(browser.buildDir)} built ${browser.builtAt.slice(0, 16).replace('T', ' ')} UTC` +
    `${browser.buildStale ? ' (OLDER than the sources)' : ''}, N = ${num(browser.n)} per side\n\n${mixLine('Google', browser.mix.google)}; ${mixLine('Outlook', browser.mix.outlook)}.`;
  const mb = (bytes: number): string => (bytes / MB).toFixed(1);
  const titles = new Map(SCENARIOS.map((s) => [s.name, s.title]));
  const sync = table(
    ['Service worker: scenario', 'Google requests', 'Outlook requests', 'total', 'writes / needed', 'KB up / down', 'wall ms', 'heap MB before / peak / after / live'],
    browser.serviceWorkerSync.map((r) => [
      titles.get(r.scenario) ?? r.scenario,
      requests(r.google),
      requests(r.outlook),
      num(r.google.requests + r.outlook.requests),
      `${num(r.google.writes + r.google.writeParts + r.outlook.writes + r.outlook.writeParts)} / ${num(r.neededWrites.google + r.neededWrites.outlook)}`,
      `${((r.google.bytesUp + r.outlook.bytesUp) / 1024).toFixed(0)} / ${((r.google.bytesDown + r.outlook.bytesDown) / 1024).toFixed(0)}`,
      r.wallMs.toFixed(0),
      r.heap ? `${mb(r.heap.beforeBytes)} / ${mb(r.heap.peakBytes)} / ${mb(r.heap.afterBytes)} / ${mb(r.heap.liveAfterBytes)}` : '–',
    ]),
  );
  const failed = browser.serviceWorkerSync.filter((r) => !r.reported.ok || r.reported.errors.length > 0);
  const failures = failed.length ? `\n\nRuns with errors: ${failed.map((r) => `${r.scenario}: ${r.reported.errors.slice(0, 2).join(' | ') || 'not ok'}`).join('; ')}` : '';
  const work = (s: { cpuMs: number; frames: number; longestFrameMs: number }): string => `${s.cpuMs.toFixed(1)} (${s.frames}, ${s.longestFrameMs.toFixed(1)})`;
  const decoration = table(
    ['Content script (medians)', 'chips', 'badges', 'first: work ms (frames, longest)', 'first: badges after DOM ready, ms', 'repaint: work ms (frames, longest)', 'repaint: badges after chips, ms'],
    browser.decoration.map((d) => [
      d.app === 'google' ? 'Google Calendar' : 'Outlook on the web',
      num(d.chips),
      num(d.badges),
      work(d.median.first),
      d.median.first.toBadgesMs.toFixed(0),
      work(d.median.repaint),
      d.median.repaint.toBadgesMs.toFixed(0),
    ]),
  );
  const plural = (k: number, word: string): string => `${k} ${word}${k === 1 ? '' : 's'}`;
  const runs = `${plural(browser.decoration[0]?.first.length ?? 0, 'fresh tab')} and ${plural(browser.decoration[0]?.repaint.length ?? 0, 'repaint')} per app`;
  const { samples, medianMs, maxMs } = browser.editToMirror;
  const by = (direction: string): string => samples.filter((s) => s.direction === direction).map((s) => num(s.ms)).join(', ');
  const latency = `Edit → mirror (sync-on-view): median ${num(Math.round(medianMs))} ms, worst ${num(maxMs)} ms; Google → Outlook ${by('google → outlook')} ms; Outlook → Google ${by('outlook → google')} ms.`;
  const problems = browser.problems.length ? `\n\nConsole errors in the extension: ${browser.problems.slice(0, 3).join(' | ')}` : '';
  return `${title}\n\n${sync}${failures}\n\n${decoration}\n\n(${runs}.) ${latency}${problems}\n`;
}
