/**
 * `npm run bench -- --quick` end to end (N = 30, every contender, every scenario): the JSON it
 * writes has the promised shape, and the facts that hold whatever the machine — never timings.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioResult, SizeResult } from '../../../scripts/bench/run-size.ts';
import type { TargetVerdict } from '../../../scripts/bench/targets.ts';
import type { SideTraffic } from '../../../scripts/bench/traffic.ts';

interface BenchJson {
  readonly machine: { readonly cpus: number };
  readonly options: { readonly sizes: number[]; readonly contenders: string[] };
  readonly sizes: SizeResult[];
  readonly targets: TargetVerdict[];
  readonly browser: { readonly status: string; readonly reason?: string };
}

const ROOT = path.resolve(import.meta.dirname, '../../..');
const writes = (t: SideTraffic): number => t.writes + t.writeParts;
const total = (r: ScenarioResult): number => r.google.requests + r.outlook.requests;

describe('npm run bench -- --quick', () => {
  let dir: string;
  let bench: BenchJson;
  let stdout: string;
  const result = (contender: string, scenario: string): ScenarioResult => {
    const found = bench.sizes[0]!.results.find((r) => r.contender === contender && r.scenario === scenario);
    if (!found) throw new Error(`no ${contender} ${scenario}`);
    return found;
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tandem-bench-'));
    const out = path.join(dir, 'bench.json');
    ({ stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', '--quick', '--out', out], { cwd: ROOT, timeout: 170_000 }));
    bench = JSON.parse(readFileSync(out, 'utf8')) as BenchJson;
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every contender × scenario with traffic, time, memory and, for Tandem, a lower bound', () => {
    expect(bench.options.sizes).toEqual([30]);
    expect(bench.machine.cpus).toBeGreaterThan(0);
    const results = bench.sizes[0]!.results;
    expect(results).toHaveLength(4 * 6);
    for (const r of results) {
      for (const side of [r.google, r.outlook]) {
        expect(side.requests).toBe(side.reads + side.writes + side.batches);
        expect(side.bytesDown).toBeGreaterThan(0);
      }
      expect(r.metrics.wallMs).toBeGreaterThan(0);
      expect(r.metrics.cpuMs).toBeGreaterThan(0);
      expect(r.metrics.heapPeakBytes).toBeGreaterThan(0);
      expect(r.lowerBound === null).toBe(r.contender !== 'tandem');
      expect(r.metrics.engineCpuMs === null).toBe(r.contender !== 'tandem');
    }
    expect(stdout).toContain('### Targets');
  });

  it('Tandem: a quiet resync is one request per side and writes nothing; every change costs exactly one write', () => {
    const quiet = result('tandem', 'no-change');
    expect([quiet.google.requests, quiet.outlook.requests]).toEqual([1, 1]);
    expect(writes(quiet.google) + writes(quiet.outlook)).toBe(0);
    expect(writes(result('tandem', 'echo').google) + writes(result('tandem', 'echo').outlook)).toBe(0);
    for (const scenario of ['changed-1pct', 'single-change']) {
      const r = result('tandem', scenario);
      expect(writes(r.google) + writes(r.outlook)).toBe(r.neededWrites.google + r.neededWrites.outlook);
      expect(r.reported.errors).toEqual([]);
    }
  });

  it('Tandem never beats its lower bound (the bound is a bound)', () => {
    for (const r of bench.sizes[0]!.results.filter((x) => x.contender === 'tandem')) expect(total(r)).toBeGreaterThanOrEqual(r.lowerBound!.total);
  });

  it('the baselines write nothing on a quiet resync, and make at least as many requests as Tandem for one change', () => {
    for (const contender of ['tag-script', 'recreate', 'full-reread']) expect(writes(result(contender, 'no-change').google) + writes(result(contender, 'no-change').outlook)).toBe(0);
    const tandem = total(result('tandem', 'single-change'));
    expect(total(result('recreate', 'single-change'))).toBeGreaterThan(10 * tandem);
    expect(total(result('tag-script', 'single-change'))).toBeGreaterThanOrEqual(tandem);
    expect(total(result('full-reread', 'single-change'))).toBeGreaterThanOrEqual(tandem);
  });

  it('judges every target, and leaves the browser figures unmeasured rather than invented (the quick run starts no Chromium)', () => {
    expect(bench.targets.map((t) => t.status).every((s) => ['met', 'not met', 'not measured', 'measured'].includes(s))).toBe(true);
    expect(bench.targets.find((t) => t.target.startsWith('no-change'))?.status).toBe('met');
    expect(bench.browser.status).toBe('skipped');
    expect(bench.browser.reason).toContain('--quick');
    const browserTargets = bench.targets.filter((t) => /decoration|mirror|service-worker/.test(t.target));
    expect(browserTargets).toHaveLength(3);
    expect(browserTargets.every((t) => t.status === 'not measured')).toBe(true);
  });
});
