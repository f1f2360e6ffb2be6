/**
 * The headless runner's public contract (README): environment in, one JSON line out, exit code.
 * Runs the real command in a child process against simulators started here.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulators, type Simulators } from '../../sim/index.ts';
import { seedDemo, type DemoWorld } from '../../sim/seed/demo.ts';

describe('npm run sync -- --once --json', () => {
  let sims: Simulators;
  let world: DemoWorld;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    sims = await startSimulators({ ports: 'random' });
    world = seedDemo(sims);
    const certificate = path.join(mkdtempSync(path.join(tmpdir(), 'tandem-ca-')), 'sim.pem');
    writeFileSync(certificate, sims.tls.cert);
    env = {
      ...process.env,
      NODE_EXTRA_CA_CERTS: certificate,
      TANDEM_GOOGLE_API: sims.endpoints.googleApi,
      TANDEM_GRAPH_API: sims.endpoints.graphApi,
      TANDEM_GOOGLE_TOKEN: sims.google.issueToken(world.googleUser, 86_400_000, ['https://www.googleapis.com/auth/calendar']),
      TANDEM_MS_TOKEN: sims.graph.issueToken(world.msUser, 86_400_000),
      TANDEM_PAIRS: JSON.stringify([{ google: world.googleCalendarId, outlook: world.outlookCalendarId, direction: 'both', privacy: 'full', pastDays: 30, futureDays: 365 }]),
      TANDEM_STATE_DIR: mkdtempSync(path.join(tmpdir(), 'tandem-state-')),
    };
  });

  afterAll(async () => {
    await sims.close();
  });

  /** Runs the CLI without blocking this process, which serves the simulators. */
  function cli(environment: NodeJS.ProcessEnv, args: readonly string[] = []): Promise<{ status: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile('npx', ['tsx', 'scripts/sync.ts', '--once', '--json', ...args], { env: environment, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
        resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      });
    });
  }

  async function run(extra: NodeJS.ProcessEnv = {}, args: readonly string[] = []) {
    const child = await cli({ ...env, ...extra }, args);
    const last = child.stdout.trim().split('\n').at(-1) ?? '';
    return { status: child.status, stderr: child.stderr, result: JSON.parse(last) as Record<string, unknown> };
  }

  it('syncs once and prints the result object as the last line, exit code 0', async () => {
    const { status, result, stderr } = await run();
    expect(status, stderr).toBe(0);
    expect(result).toMatchObject({
      ok: true,
      pairs: [{ google: world.googleCalendarId, outlook: world.outlookCalendarId, created: { google: 6, outlook: 6 }, conflicts: 0, paused: null, errors: [] }],
    });
    expect((result['requests'] as { google: number; graph: number }).google).toBeGreaterThan(0);
    expect(sims.google.counters.invitationsSent + sims.graph.counters.invitationsSent).toBe(0);
  });

  it('keeps its state between runs in TANDEM_STATE_DIR: a second run creates nothing', async () => {
    const { status, result } = await run();
    expect(status).toBe(0);
    expect(result).toMatchObject({ ok: true, pairs: [{ created: { google: 0, outlook: 0 }, deleted: { google: 0, outlook: 0 } }] });
  });

  it('pauses a pair before a mass deletion (exit 1) and deletes only with --confirm-deletions', async () => {
    const sources = sims.google.listStoredEvents(world.googleUser).filter((e) => e.status !== 'cancelled' && !e.recurringEventId && !e.extendedProperties?.private);
    for (const event of sources) sims.google.userDeleteEvent(world.googleUser, world.googleCalendarId, event.id!);
    const mirrorsBefore = sims.graph.listStoredEvents(world.outlookCalendarId).length;
    const paused = await run();
    expect(paused.status).toBe(1);
    expect(paused.result).toMatchObject({ ok: false, pairs: [{ paused: expect.stringContaining('would delete') as string, deleted: { google: 0, outlook: 0 } }] });
    expect(sims.graph.listStoredEvents(world.outlookCalendarId)).toHaveLength(mirrorsBefore);
    const mark = sims.graph.log.mark();
    const confirmed = await run({}, ['--confirm-deletions']);
    // Exceptions of a deleted series go with it: no request for them, and none answered 404.
    expect(sims.graph.log.since(mark).filter((e) => e.status === 404)).toEqual([]);
    expect(confirmed.status, confirmed.stderr).toBe(0);
    const remaining = sims.graph.listStoredEvents(world.outlookCalendarId);
    expect(confirmed.result).toMatchObject({ ok: true, pairs: [{ paused: null, deleted: { google: 0, outlook: mirrorsBefore - remaining.length } }] });
    // What is left in Outlook is the user's own: no mirror of a deleted Google event survives.
    const deletedTitles = new Set(sources.map((e) => e.summary));
    expect(remaining.filter((e) => deletedTitles.has(e.subject ?? ''))).toEqual([]);
    expect(remaining.length).toBeGreaterThan(0);
  });

  it('exits non-zero with a clear error when a token is rejected', async () => {
    const { status, result } = await run({ TANDEM_MS_TOKEN: 'eyJ0eXAi.sim-revoked' });
    expect(status).toBe(1);
    expect(result).toMatchObject({ ok: false });
    expect(JSON.stringify(result['pairs'])).toMatch(/TANDEM_MS_TOKEN was rejected/);
  });

  it('refuses a bad configuration with exit code 2, naming the variable', async () => {
    const child = await cli({ ...env, TANDEM_PAIRS: '[{"google":"x"}]' });
    expect(child.status).toBe(2);
    expect(child.stderr).toContain('TANDEM_PAIRS[0].outlook is required');
  });
});
