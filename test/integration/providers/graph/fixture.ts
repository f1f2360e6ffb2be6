/**
 * Test set-up for the Graph adapter: the Graph simulator in-process (HTTPS by default, plain HTTP
 * on request), one mailbox in Berlin time, a token source backed by the simulator's registry that
 * records renewals and invalidations, and a Clock whose sleep returns at once but records how long
 * it was asked to wait (so Retry-After can be checked without waiting).
 */
import { afterAll, beforeAll } from 'vitest';
import { GraphCalendarProvider, type GraphProviderOptions } from '../../../../src/background/providers/graph/index.ts';
import { CancelledError } from '../../../../src/background/sync/errors.ts';
import type { CanonicalEvent } from '../../../../src/background/sync/model.ts';
import type { Clock, TokenSource } from '../../../../src/background/sync/ports.ts';
import { SimClock } from '../../../sim/core/clock.ts';
import { simulatorCertificate } from '../../../sim/core/tls.ts';
import { TokenRegistry } from '../../../sim/core/tokens.ts';
import { trustSimulatorCertificate } from '../../../sim/core/trust.ts';
import { GraphSim } from '../../../sim/graph/index.ts';

export const UPN = 'ann@contoso.com';
export const WINDOW = { start: '2026-01-01T00:00:00Z', end: '2027-01-01T00:00:00Z' } as const;
export const signal = new AbortController().signal;

/** A plain timed event as the engine writes it (10 March 2026, 09:00–10:00 in Berlin). */
export const EVENT: CanonicalEvent = {
  title: 'Mirror',
  description: '',
  location: '',
  start: { instant: '2026-03-10T08:00:00Z', zone: 'Europe/Berlin' },
  end: { instant: '2026-03-10T09:00:00Z', zone: 'Europe/Berlin' },
  endUnspecified: false,
  freeBusy: 'busy',
  privacy: 'default',
  tentative: false,
  reminders: [],
  color: null,
  meetingUrl: null,
  recurrence: null,
};

export class RecordingClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(private readonly sim: SimClock) {}

  now(): number {
    return this.sim.now();
  }

  sleep(ms: number, abort?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return abort?.aborted ? Promise.reject(new CancelledError()) : Promise.resolve();
  }
}

export class SimTokens implements TokenSource {
  readonly invalidated: string[] = [];
  issued = 0;
  private current: string | undefined;

  constructor(private readonly issue: () => string) {}

  getToken(): Promise<string> {
    if (this.current === undefined) {
      this.current = this.issue();
      this.issued++;
    }
    return Promise.resolve(this.current);
  }

  invalidate(token: string): Promise<void> {
    this.invalidated.push(token);
    if (this.current === token) this.current = undefined;
    return Promise.resolve();
  }
}

export interface Fixture {
  readonly sim: GraphSim;
  readonly simClock: SimClock;
  readonly registry: TokenRegistry;
  readonly clock: RecordingClock;
  readonly tokens: SimTokens;
  readonly provider: GraphCalendarProvider;
  readonly defaultCalendarId: string;
  /** A fresh, empty calendar of the mailbox (tests sharing a simulator stay apart). */
  newCalendar(name?: string): string;
  /** Another adapter on the same simulator, with different options. */
  adapter(options?: Partial<GraphProviderOptions>): GraphCalendarProvider;
  close(): Promise<void>;
}

export async function createFixture(options: { http?: boolean; mailboxZone?: string } = {}): Promise<Fixture> {
  const tls = options.http ? undefined : await simulatorCertificate();
  if (tls) trustSimulatorCertificate(tls);
  const simClock = new SimClock();
  const registry = new TokenRegistry(simClock);
  const sim = new GraphSim({ clock: simClock, tokens: registry, tls });
  await sim.listen();
  const { defaultCalendarId } = sim.addMailbox(UPN, { displayName: 'Ann Example', timeZone: options.mailboxZone ?? 'W. Europe Standard Time' });
  const clock = new RecordingClock(simClock);
  const tokens = new SimTokens(() => sim.issueToken(UPN));
  const adapter = (extra: Partial<GraphProviderOptions> = {}) =>
    new GraphCalendarProvider({ baseUrl: sim.apiBase, tokens, clock, retry: { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 100, maxRetryAfterMs: 120_000 }, ...extra });
  let calendars = 0;
  return {
    sim,
    simClock,
    registry,
    clock,
    tokens,
    provider: adapter(),
    defaultCalendarId,
    newCalendar: (name) => sim.addCalendar(UPN, { name: name ?? `Calendar ${++calendars}` }),
    adapter,
    close: async () => {
      if (sim.server.internalErrors.length > 0) throw new Error(`Simulator bugs: ${sim.server.internalErrors.map((e) => e.message).join('; ')}`);
      await sim.close();
    },
  };
}

/** One simulator for a describe block; tests use their own calendars. */
export function sharedFixture(options: { http?: boolean } = {}): () => Fixture {
  let fixture: Fixture | undefined;
  beforeAll(async () => {
    fixture = await createFixture(options);
  });
  afterAll(async () => {
    await fixture?.close();
  });
  return () => fixture!;
}

/** A timed event body for seeding (local wall time in a Graph zone). */
export function timed(subject: string, start: string, end: string, timeZone = 'W. Europe Standard Time'): Record<string, unknown> {
  return { subject, start: { dateTime: start, timeZone }, end: { dateTime: end, timeZone } };
}

export function allDay(subject: string, start: string, end: string, timeZone = 'W. Europe Standard Time'): Record<string, unknown> {
  return { subject, isAllDay: true, start: { dateTime: `${start}T00:00:00`, timeZone }, end: { dateTime: `${end}T00:00:00`, timeZone } };
}
