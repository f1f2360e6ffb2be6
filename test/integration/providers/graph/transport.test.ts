/**
 * The request layer: headers, tokens (renewal on 401, then AuthRequired), throttling and
 * Retry-After, server errors, timeouts, network failures, cancellation, response validation,
 * at most 3 requests in flight, and bases of any shape.
 */
import { describe, expect, it } from 'vitest';
import {
  AuthRequiredError,
  CancelledError,
  MalformedResponseError,
  NetworkError,
  RateLimitedError,
  ServerError,
} from '../../../../src/background/sync/errors.ts';
import type { WriteOp } from '../../../../src/background/sync/ports.ts';
import { GraphCalendarProvider } from '../../../../src/background/providers/graph/index.ts';
import { createFixture, EVENT, SimTokens, sharedFixture, signal, timed, UPN, WINDOW } from './fixture.ts';

const fx = sharedFixture();

function recordingFetch(seen: Array<{ url: string; headers: Headers }>, inFlight?: { now: number; max: number }): typeof fetch {
  return async (input, init) => {
    seen.push({ url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, headers: new Headers(init?.headers) });
    if (inFlight) inFlight.max = Math.max(inFlight.max, ++inFlight.now);
    try {
      return await fetch(input, init);
    } finally {
      if (inFlight) inFlight.now--;
    }
  };
}

const createOp = (key: string): WriteOp => ({
  op: 'create',
  ref: key,
  key,
  event: { ...EVENT, title: key },
  marker: { pair: 'p', sourceSide: 'google', sourceCalendar: 'c', sourceId: key },
});

describe('headers', () => {
  it('sends the bearer token, immutable ids, UTC times and the page size on every request', async () => {
    const { sim, adapter, newCalendar } = fx();
    const cal = newCalendar();
    sim.userCreateEvent(UPN, cal, timed('A', '2026-03-10T09:00:00', '2026-03-10T10:00:00'));
    const seen: Array<{ url: string; headers: Headers }> = [];
    const provider = adapter({ fetch: recordingFetch(seen), pageSize: 50 });
    await provider.readChanges({ calendarId: cal, cursor: null, window: WINDOW, signal });
    await provider.write(cal, [createOp('a'), createOp('b')], signal);
    expect(seen.length).toBeGreaterThan(2);
    for (const { headers } of seen) {
      expect(headers.get('authorization')).toMatch(/^Bearer eyJ0eXAi\.sim-/);
      expect(headers.get('prefer')).toContain('IdType="ImmutableId"');
      expect(headers.get('prefer')).toContain('outlook.timezone="UTC"');
    }
    const delta = seen.find((s) => s.url.includes('/calendarView/delta'))!;
    expect(delta.headers.get('prefer')).toContain('odata.maxpagesize=50');
    expect(delta.url).toContain(`startDateTime=${encodeURIComponent(WINDOW.start)}`);
  });

  it('works behind a base with a path prefix, and never sends the token elsewhere', async () => {
    const { sim, tokens, clock, defaultCalendarId } = fx();
    const seen: Array<{ url: string; headers: Headers }> = [];
    const proxy: typeof fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      seen.push({ url, headers: new Headers(init?.headers) });
      return fetch(url.replace('/graph-proxy/', '/'), init);
    };
    const provider = new GraphCalendarProvider({ baseUrl: `${sim.url}/graph-proxy/v1.0`, tokens, clock, fetch: proxy });
    expect((await provider.listCalendars(signal)).map((c) => c.id)).toContain(defaultCalendarId);
    expect(seen.every((s) => s.url.startsWith(`${sim.url}/graph-proxy/v1.0/`) && s.headers.get('authorization') !== null)).toBe(true);

    const foreign = { value: [], '@odata.nextLink': 'https://evil.example/v1.0/me/calendars?$skip=1' };
    const clear = sim.faults.inject({ match: { path: '/v1.0/me/calendars' }, action: { kind: 'malformed', body: JSON.stringify(foreign) }, times: Infinity });
    await expect(fx().provider.listCalendars(signal)).rejects.toThrow(/outside the configured Graph base URL/);
    clear();
    expect(sim.log.all((e) => e.path.includes('evil'))).toEqual([]);
  });
});

describe('tokens', () => {
  it('renews a rejected token once (invalidating it) and carries on', async () => {
    const { registry, provider, tokens } = fx();
    await provider.listCalendars(signal);
    const before = await tokens.getToken();
    registry.revoke(before);
    const issued = tokens.issued;
    await provider.listCalendars(signal);
    expect(tokens.invalidated).toContain(before);
    expect(tokens.issued).toBe(issued + 1);
  });

  it('gives up with AuthRequiredError when the renewed token is rejected too', async () => {
    const { sim, clock } = fx();
    const tokens = new SimTokens(() => 'not-a-token');
    const provider = new GraphCalendarProvider({ baseUrl: sim.apiBase, tokens, clock });
    await expect(provider.listCalendars(signal)).rejects.toBeInstanceOf(AuthRequiredError);
    expect(tokens.invalidated).toEqual(['not-a-token', 'not-a-token']);
    expect(tokens.issued).toBe(2);
  });
});

describe('throttling and failures', () => {
  it('waits exactly the Retry-After Outlook asks for (429), then succeeds', async () => {
    const { sim, clock, provider } = fx();
    clock.sleeps.length = 0;
    sim.faults.inject({ match: { path: '/v1.0/me/calendars' }, action: { kind: 'status', status: 429, retryAfterSeconds: 7 }, times: 2 });
    await provider.listCalendars(signal);
    expect(clock.sleeps).toEqual([7000, 7000]);
  });

  it('retries a throttled $batch part after its Retry-After, and the parts its failure blocked', async () => {
    const { sim, clock, provider, newCalendar } = fx();
    const cal = newCalendar();
    clock.sleeps.length = 0;
    sim.faults.inject({ match: { method: 'POST', inBatch: true }, action: { kind: 'status', status: 429, retryAfterSeconds: 3 } });
    const outcomes = await provider.write(cal, [createOp('a'), createOp('b'), createOp('c')], signal);
    expect(outcomes.map((o) => [o.ref, o.ok])).toEqual([
      ['a', true],
      ['b', true],
      ['c', true],
    ]);
    expect(clock.sleeps).toEqual([3000]);
    expect(sim.listStoredEvents(cal)).toHaveLength(3);
  });

  it('gives a part that stays throttled its RateLimitedError', async () => {
    const { sim, provider, newCalendar } = fx();
    const cal = newCalendar();
    const clear = sim.faults.inject({ match: { method: 'POST', inBatch: true }, action: { kind: 'status', status: 429, retryAfterSeconds: 1 }, times: Infinity });
    const outcomes = await provider.write(cal, [createOp('a'), createOp('b')], signal);
    clear();
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.error.constructor.name))).toEqual(['RateLimitedError', 'RateLimitedError']);
  });

  it('does not wait longer than the policy allows', async () => {
    const { sim, provider } = fx();
    sim.faults.inject({ match: { path: '/v1.0/me/calendars' }, action: { kind: 'status', status: 429, retryAfterSeconds: 3600 } });
    await expect(provider.listCalendars(signal)).rejects.toBeInstanceOf(RateLimitedError);
  });

  it('retries server errors (with Retry-After when given) and reports a ServerError when they persist', async () => {
    const { sim, clock, provider } = fx();
    clock.sleeps.length = 0;
    sim.faults.inject({ match: { path: '/v1.0/me/calendars' }, action: { kind: 'status', status: 503, retryAfterSeconds: 2 } });
    await provider.listCalendars(signal);
    expect(clock.sleeps).toEqual([2000]);
    const clear = sim.faults.inject({ match: { path: '/v1.0/me/calendars' }, action: { kind: 'status', status: 500 }, times: Infinity });
    const error = await provider.listCalendars(signal).catch((e: unknown) => e);
    clear();
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 500 });
    expect(clock.sleeps).toHaveLength(1 + 3); // 4 attempts in the fixture's policy
  });

  it('reports dropped connections and silence as NetworkError (after retries), each request bounded by the timeout', async () => {
    const { sim, adapter } = fx();
    const clear = sim.faults.inject({ match: { path: '/v1.0/me/calendars' }, action: { kind: 'reset' }, times: Infinity });
    await expect(adapter().listCalendars(signal)).rejects.toBeInstanceOf(NetworkError);
    clear();
    const hang = sim.faults.inject({ match: { path: '/v1.0/me/calendars' }, action: { kind: 'hang' }, times: Infinity });
    const started = Date.now();
    const error = await adapter({ timeoutMs: 150, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 } })
      .listCalendars(signal)
      .catch((e: unknown) => e);
    hang();
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(/did not answer within 150 ms/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops with CancelledError when the run is aborted, also mid-request', async () => {
    const { sim, provider } = fx();
    await expect(provider.listCalendars(AbortSignal.abort())).rejects.toBeInstanceOf(CancelledError);
    const hang = sim.faults.inject({ match: { path: '/v1.0/me/calendars' }, action: { kind: 'hang' } });
    const controller = new AbortController();
    const pending = provider.listCalendars(controller.signal);
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
    hang();
  });
});

describe('response validation', () => {
  it('reports a body that is not JSON as MalformedResponseError, and keeps no state from it', async () => {
    const { sim, provider, newCalendar } = fx();
    const cal = newCalendar();
    const clear = sim.faults.inject({ match: { path: /calendarView\/delta$/ }, action: { kind: 'malformed' }, times: Infinity });
    await expect(provider.readChanges({ calendarId: cal, cursor: null, window: WINDOW, signal })).rejects.toBeInstanceOf(MalformedResponseError);
    clear();
    expect((await provider.readChanges({ calendarId: cal, cursor: null, window: WINDOW, signal })).rows).toEqual([]);
  });

  it.each([
    ['a page without a value array', /calendarView\/delta$/, { value: 5 }, /delta page has a missing or malformed 'value'/],
    ['a round without a deltaLink', /calendarView\/delta$/, { value: [] }, /without a deltaLink/],
    ['a row without a changeKey', /calendarView\/delta$/, { value: [{ id: 'x', type: 'singleInstance' }], '@odata.deltaLink': 'LINK' }, /delta row 1 x has a missing or malformed 'changeKey'/],
  ])('rejects %s', async (_name, path, body, message) => {
    const { sim, provider, newCalendar } = fx();
    const cal = newCalendar();
    const text = JSON.stringify(body).replace('LINK', `${sim.apiBase}/me/calendarView/delta?$deltatoken=x`);
    const clear = sim.faults.inject({ match: { path }, action: { kind: 'malformed', body: text }, times: Infinity });
    const error = await provider.readChanges({ calendarId: cal, cursor: null, window: WINDOW, signal }).catch((e: unknown) => e);
    clear();
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect((error as Error).message).toMatch(message);
  });

  it('validates events read by id and $batch answers', async () => {
    const { sim, provider, newCalendar } = fx();
    const cal = newCalendar();
    const made = sim.userCreateEvent(UPN, cal, timed('A', '2026-03-10T09:00:00', '2026-03-10T10:00:00'));
    const eventPath = new RegExp(`/events/${made.id!}$`);
    const expectRejected = async (path: RegExp | string, body: unknown, ids: string[], message: RegExp) => {
      const clear = sim.faults.inject({ match: { method: path === '/v1.0/$batch' ? 'POST' : 'GET', path }, action: { kind: 'malformed', body: JSON.stringify(body) }, times: Infinity });
      const error = await provider.getEvents(cal, ids, signal).catch((e: unknown) => e);
      clear();
      expect(error).toBeInstanceOf(MalformedResponseError);
      expect((error as Error).message).toMatch(message);
    };
    await expectRejected(eventPath, { ...sim.getStoredEvent(made.id!), start: { dateTime: 'tomorrow', timeZone: 'UTC' } }, [made.id!], /event .* has a missing or malformed 'start'/);
    await expectRejected(eventPath, { ...sim.getStoredEvent(made.id!), type: 'occurrence' }, [made.id!], /'seriesMasterId'/);
    await expectRejected('/v1.0/$batch', { responses: [{ id: '0', status: 200, body: {} }] }, [made.id!, 'other'], /exactly one response for request 1/);
    await expectRejected('/v1.0/$batch', { responses: [{ id: '0', status: 200, body: {} }, { id: '1', status: 404 }] }, [made.id!, 'other'], /event has a missing or malformed 'id'/);
  });

  it('asks again after a malformed answer (transient), so a one-off glitch costs nothing', async () => {
    const { sim, clock, provider, newCalendar } = fx();
    const cal = newCalendar();
    sim.userCreateEvent(UPN, cal, timed('A', '2026-03-10T09:00:00', '2026-03-10T10:00:00'));
    clock.sleeps.length = 0;
    sim.faults.inject({ match: { path: /calendarView\/delta$/ }, action: { kind: 'malformed', body: '{"value": "not a list"}' } });
    const result = await provider.readChanges({ calendarId: cal, cursor: null, window: WINDOW, signal });
    expect(result.rows).toHaveLength(1);
    expect(clock.sleeps).toHaveLength(1);
  });
});

describe('concurrency', () => {
  it('keeps at most 3 requests in flight, so Outlook never answers MailboxConcurrency', async () => {
    const fixture = await createFixture();
    try {
      const { sim, adapter, newCalendar } = fixture;
      const cal = newCalendar();
      const ids = Array.from({ length: 8 }, (_, i) => sim.userCreateEvent(UPN, cal, timed(`E${i}`, '2026-03-10T09:00:00', '2026-03-10T10:00:00')).id!);
      sim.setThrottleLimits({ concurrency: 3 });
      sim.setLatency(20);
      const inFlight = { now: 0, max: 0 };
      const provider = adapter({ fetch: recordingFetch([], inFlight) });
      await Promise.all([...ids.map((id) => provider.getEvents(cal, [id], signal)), provider.getEvents(cal, ids, signal), provider.listCalendars(signal)]);
      expect(inFlight.max).toBe(3);
      expect(sim.counters.throttled).toBe(0);
    } finally {
      await fixture.close();
    }
  });
});
