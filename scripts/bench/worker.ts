/**
 * One contender in its own Node process (started with --expose-gc), so its CPU and heap are its
 * own and not the simulators'. The parent sends `init` once, then one `run` per scenario; the
 * contender talks to the simulators over loopback HTTP(S) like any client.
 */
import { GoogleCalendarProvider } from '../../src/background/providers/google/index.ts';
import { GraphCalendarProvider } from '../../src/background/providers/graph/index.ts';
import type { PairConfig } from '../../src/background/sync/pair.ts';
import type { Clock, TokenSource } from '../../src/background/sync/ports.ts';
import type { PairReport } from '../../src/background/sync/report.ts';
import { syncPair } from '../../src/background/sync/run.ts';
import { trustSimulatorCertificate } from '../../test/sim/core/trust.ts';
import { createBaseline, type BaselineKind } from './baselines/algorithms.ts';
import { googleClient, graphClient } from './baselines/clients.ts';
import { Meter, type RunMetrics } from './meter.ts';
import { OffHeapStore } from './off-heap-store.ts';

export type Contender = 'tandem' | BaselineKind;

export interface InitMessage {
  readonly type: 'init';
  readonly contender: Contender;
  readonly googleApi: string;
  readonly graphApi: string;
  readonly tls: { readonly key: string; readonly cert: string };
  readonly googleToken: string;
  readonly msToken: string;
  readonly pair: PairConfig;
  readonly window: { readonly start: string; readonly end: string };
}

export interface RunMessage {
  readonly type: 'run';
  readonly now: number;
}

export interface RunReply {
  readonly metrics: RunMetrics;
  /** Writes the contender says it made (Tandem: its report). */
  readonly created: number;
  readonly updated: number;
  readonly deleted: number;
  readonly errors: readonly string[];
  /** Waits the engine asked for (Retry-After, backoff); not slept, only counted. */
  readonly sleepMs: number;
  /** Tandem: the size of its stored state (links, cursors, history) after the run, in bytes. */
  readonly stateBytes: number | null;
}

type Runner = () => Promise<Omit<RunReply, 'metrics' | 'sleepMs'>>;

let now = 0;
let sleepMs = 0;
let runner: Runner | undefined;
let isTandem = false;
const meter = new Meter();

function setup(init: InitMessage): Runner {
  trustSimulatorCertificate(init.tls);
  if (init.contender !== 'tandem') {
    const config = (baseUrl: string, token: string, calendarId: string) => ({ baseUrl, token, calendarId, window: init.window });
    const google = googleClient(config(init.googleApi, init.googleToken, init.pair.googleCalendarId));
    const outlook = graphClient(config(init.graphApi, init.msToken, init.pair.outlookCalendarId));
    const baseline = createBaseline(init.contender, google, outlook);
    return async () => ({ ...(await baseline.run()), errors: [], stateBytes: null });
  }
  const clock: Clock = {
    now: () => now,
    sleep: (ms) => {
      sleepMs += ms;
      return Promise.resolve();
    },
  };
  const fixed = (token: string): TokenSource => ({ getToken: () => Promise.resolve(token), invalidate: () => Promise.resolve() });
  const google = meter.wrap(new GoogleCalendarProvider({ baseUrl: init.googleApi, tokens: fixed(init.googleToken), clock }));
  const outlook = meter.wrap(new GraphCalendarProvider({ baseUrl: init.graphApi, tokens: fixed(init.msToken), clock }));
  const store = new OffHeapStore();
  return async () => {
    const report: PairReport = await syncPair({ google, outlook, clock }, store, init.pair, { onProgress: (p) => meter.onPhase(p.phase) });
    const sum = (s: { google: number; outlook: number }): number => s.google + s.outlook;
    const errors = report.errors.map((e) => `${e.side}: ${e.message}`);
    if (report.paused) errors.push(`paused: ${JSON.stringify(report.paused).slice(0, 200)}`);
    return { created: sum(report.created), updated: sum(report.updated), deleted: sum(report.deleted), errors, stateBytes: store.bytes };
  };
}

// The parent closing the channel ends the process (and lets --cpu-prof write its profile).
process.on('disconnect', () => process.exit(0));

process.on('message', (message: InitMessage | RunMessage) => {
  void (async () => {
    try {
      if (message.type === 'init') {
        runner = setup(message);
        isTandem = message.contender === 'tandem';
        process.send?.({ ok: true });
        return;
      }
      if (!runner) throw new Error('run before init');
      now = message.now;
      sleepMs = 0;
      let outcome: Awaited<ReturnType<Runner>> | undefined;
      const run = runner;
      const metrics = await meter.measure(async () => {
        outcome = await run();
      }, isTandem);
      process.send?.({ ok: true, reply: { metrics, sleepMs, ...outcome! } satisfies RunReply });
    } catch (error) {
      process.send?.({ ok: false, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
    }
  })();
});

