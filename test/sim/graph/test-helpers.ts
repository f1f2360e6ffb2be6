/**
 * Shared set-up for the Graph simulator's tests: an HTTPS simulator on port 0 with one mailbox,
 * a token for it, and a small fetch wrapper. Every test talks to the simulator over real HTTP.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { SimClock } from '../core/clock.ts';
import { simulatorCertificate } from '../core/tls.ts';
import { TokenRegistry } from '../core/tokens.ts';
import { trustSimulatorCertificate } from '../core/trust.ts';
import { GraphSim } from './index.ts';

export const UPN = 'ann@contoso.com';
export const IMMUTABLE = 'IdType="ImmutableId"';

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  // Tests read arbitrary JSON shapes from the simulator.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

export class GraphApi {
  constructor(
    readonly base: string,
    public token: string,
    private readonly defaultHeaders: Record<string, string> = { prefer: IMMUTABLE },
  ) {}

  get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
    return this.send('GET', path, undefined, headers);
  }

  post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    return this.send('POST', path, body, headers);
  }

  patch(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    return this.send('PATCH', path, body, headers);
  }

  delete(path: string, headers: Record<string, string> = {}): Promise<Reply> {
    return this.send('DELETE', path, undefined, headers);
  }

  /** `path` is relative to /v1.0 unless it is an absolute URL (a nextLink or deltaLink). */
  async send(method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const url = /^https?:/.test(path) ? path : `${this.base}${path}`;
    const response = await fetch(url, {
      method,
      headers: {
        ...this.defaultHeaders,
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
  }
}

export interface GraphFixture {
  readonly sim: GraphSim;
  readonly clock: SimClock;
  readonly tokens: TokenRegistry;
  readonly api: GraphApi;
  readonly calendarId: string;
}

const running: GraphSim[] = [];

afterEach(async () => {
  for (const sim of running.splice(0)) await stop(sim);
});

async function stop(sim: GraphSim): Promise<void> {
  expect(sim.server.internalErrors, 'simulator bugs (handler exceptions)').toEqual([]);
  await sim.close();
}

/** A running simulator with mailbox ann@contoso.com (Pacific Standard Time) and a token for it, closed after the test. */
export async function startGraph(): Promise<GraphFixture> {
  const fixture = await createGraph();
  running.push(fixture.sim);
  return fixture;
}

/**
 * One simulator for a whole describe block (HTTPS handshakes with a fresh server per test are the
 * slow part of these tests), for tests that only read back what they created themselves.
 */
export function sharedGraph(): () => GraphFixture {
  let fixture: GraphFixture | undefined;
  beforeAll(async () => {
    fixture = await createGraph();
  });
  afterAll(async () => {
    if (fixture) await stop(fixture.sim);
  });
  return () => fixture!;
}

async function createGraph(): Promise<GraphFixture> {
  const tls = await simulatorCertificate();
  trustSimulatorCertificate(tls);
  const clock = new SimClock();
  const tokens = new TokenRegistry(clock);
  const sim = new GraphSim({ clock, tokens, tls });
  await sim.listen();
  const { defaultCalendarId } = sim.addMailbox(UPN, { displayName: 'Ann Example', timeZone: 'Pacific Standard Time' });
  const api = new GraphApi(sim.apiBase, sim.issueToken(UPN));
  return { sim, clock, tokens, api, calendarId: defaultCalendarId };
}

/** A timed event body in a zone (default UTC). */
export function timed(subject: string, start: string, end: string, timeZone = 'UTC'): Record<string, unknown> {
  return { subject, start: { dateTime: start, timeZone }, end: { dateTime: end, timeZone } };
}

/** Follows nextLinks to the end of a delta round; returns every row and the deltaLink. */
export async function deltaRound(api: GraphApi, first: string, headers: Record<string, string> = {}) {
  const rows: Array<Record<string, unknown>> = [];
  let link: string | undefined = first;
  let pages = 0;
  for (;;) {
    const reply: Reply = await api.get(link, headers);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const page = reply.body as { value: Array<Record<string, unknown>>; '@odata.nextLink'?: string; '@odata.deltaLink'?: string };
    rows.push(...page.value);
    pages++;
    link = page['@odata.nextLink'];
    if (!link) return { rows, deltaLink: page['@odata.deltaLink']!, pages };
  }
}

export function removedIds(rows: ReadonlyArray<Record<string, unknown>>): string[] {
  return rows.filter((r) => '@removed' in r).map((r) => r['id'] as string);
}

export function changedRows(rows: ReadonlyArray<Record<string, unknown>>): Array<Record<string, unknown>> {
  return rows.filter((r) => !('@removed' in r));
}
