/**
 * `npm run bench -- --browser-only` at a small size (N = 50 per side, one tab, one repaint, one
 * edit each way): the browser part runs end to end in Chromium, and the JSON it writes has the
 * promised shape with real, non-zero figures — never judged on timings, which depend on the machine.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserMeasured } from '../../scripts/bench/browser/run-browser.ts';
import type { TargetVerdict } from '../../scripts/bench/targets.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const N = 50;

describe('npm run bench -- --browser-only (N = 50)', () => {
  let dir: string;
  let browser: BrowserMeasured;
  let targets: TargetVerdict[];
  let sizes: unknown[];
  let stdout: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tandem-bench-browser-'));
    const out = path.join(dir, 'bench.json');
    // The e2e run's simulator build as it is (global setup checked it exists).
    const args = ['--import', 'tsx', 'scripts/bench.ts', '--browser-only', '--browser-size', String(N), '--browser-repeats', '1', '--no-build', '--out', out];
    ({ stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT, timeout: 230_000 }));
    const json = JSON.parse(readFileSync(out, 'utf8')) as { browser: BrowserMeasured; targets: TargetVerdict[]; sizes: unknown[] };
    ({ browser, targets, sizes } = json);
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs only the browser part, in the Chromium and build it names', () => {
    expect(sizes).toEqual([]);
    expect(browser.status).toBe('measured');
    expect(browser.n).toBe(N);
    expect(browser.chromiumVersion).toMatch(/Chromium/i);
    expect(browser.builtAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(browser.mix.google.timed + browser.mix.google.allDay + browser.mix.google.multiDay + browser.mix.google.series).toBe(N);
    expect(browser.problems).toEqual([]);
    expect(stdout).toContain('### Browser');
  });

  it('syncs every scenario in the service worker, with traffic from the simulators and the worker heap over CDP', () => {
    expect(browser.serviceWorkerSync.map((r) => r.scenario)).toEqual(['initial', 'echo', 'no-change', 'changed-1pct', 'echo-1pct', 'single-change']);
    for (const run of browser.serviceWorkerSync) {
      expect(run.reported).toMatchObject({ ok: true, errors: [] });
      expect(run.wallMs).toBeGreaterThan(0);
      for (const side of [run.google, run.outlook]) {
        expect(side.requests).toBe(side.reads + side.writes + side.batches);
        expect(side.requests).toBeGreaterThan(0);
      }
      expect(run.heap?.peakBytes).toBeGreaterThan(0);
      expect(run.heap!.peakBytes).toBeGreaterThanOrEqual(run.heap!.beforeBytes);
      expect(run.heap!.samples).toBeGreaterThan(0);
    }
    const initial = browser.serviceWorkerSync[0]!;
    expect(initial.reported.created).toBeGreaterThanOrEqual(2 * N);
    const single = browser.serviceWorkerSync.find((r) => r.scenario === 'single-change')!;
    expect(single.outlook.writes + single.outlook.writeParts).toBe(1);
  });

  it('measures the badges on every chip of both web apps, first and on a repaint', () => {
    expect(browser.decoration.map((d) => d.app)).toEqual(['google', 'outlook']);
    for (const d of browser.decoration) {
      expect(d.chips).toBeGreaterThanOrEqual(2 * N);
      expect(d.badges).toBe(d.chips);
      expect(d.first).toHaveLength(1);
      expect(d.repaint).toHaveLength(1);
      for (const s of [...d.first, ...d.repaint]) {
        expect(s.cpuMs).toBeGreaterThan(0);
        expect(s.frames).toBeGreaterThan(0);
        expect(s.longestFrameMs).toBeGreaterThan(0);
        expect(s.toBadgesMs).toBeGreaterThan(0);
      }
    }
  });

  it('measures edit → mirror both ways, and judges the three browser targets', () => {
    expect(browser.editToMirror.samples.map((s) => s.direction)).toEqual(['google → outlook', 'outlook → google']);
    expect(browser.editToMirror.samples.every((s) => s.ms > 0)).toBe(true);
    expect(browser.editToMirror.medianMs).toBeGreaterThan(0);
    const judged = targets.filter((t) => /decoration|mirror|service-worker/.test(t.target));
    expect(judged).toHaveLength(3);
    expect(judged.every((t) => t.status !== 'not measured' && t.figure.length > 0)).toBe(true);
  });
});
