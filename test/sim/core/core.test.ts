import { afterEach, describe, expect, it } from 'vitest';
import { SimClock } from './clock.ts';
import { FaultInjector } from './faults.ts';
import { json, Router } from './http.ts';
import { RequestLog } from './request-log.ts';
import { SimServer } from './server.ts';
import { simulatorCertificate } from './tls.ts';
import { TokenRegistry } from './tokens.ts';
import { trustSimulatorCertificate } from './trust.ts';

describe('SimClock', () => {
  it('advances, freezes and refuses to go back', () => {
    let wall = 1_000;
    const clock = new SimClock(() => wall);
    clock.advance(500);
    expect(clock.now()).toBe(1_500);
    clock.freeze();
    wall = 9_000;
    expect(clock.now()).toBe(1_500);
    clock.setTo(2_000);
    expect(clock.now()).toBe(2_000);
    expect(() => clock.setTo(1_000)).toThrow(RangeError);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });
});

describe('Router', () => {
  it('captures parameters, rest paths, and tells a wrong method from a missing route', () => {
    const router = new Router()
      .on('GET', '/calendars/:calendarId/events/:eventId', () => json(200, {}))
      .on('GET', '/files/*rest', () => json(200, {}));
    const hit = router.match('GET', '/calendars/a%40b.com/events/e1');
    expect(hit !== undefined && hit !== 'method' && hit.params).toEqual({ calendarId: 'a@b.com', eventId: 'e1' });
    const rest = router.match('GET', '/files/a/b/c');
    expect(rest !== undefined && rest !== 'method' && rest.params).toEqual({ rest: 'a/b/c' });
    expect(router.match('DELETE', '/calendars/x/events/y')).toBe('method');
    expect(router.match('GET', '/calendars/x')).toBeUndefined();
  });
});

describe('FaultInjector', () => {
  it('fires a rule the given number of times, only on matching requests', () => {
    const faults = new FaultInjector();
    faults.inject({ match: { method: 'POST', path: /\/events$/ }, action: { kind: 'status', status: 503 }, times: 2 });
    expect(faults.take('GET', '/cal/events', false)).toBeUndefined();
    expect(faults.take('POST', '/cal/events', false)).toMatchObject({ status: 503 });
    expect(faults.take('POST', '/cal/events', false)).toMatchObject({ status: 503 });
    expect(faults.take('POST', '/cal/events', false)).toBeUndefined();
    expect(faults.fired).toHaveLength(2);
  });

  it('is reproducible with a seed when rules are probabilistic', () => {
    const run = (seed: number) => {
      const faults = new FaultInjector(seed);
      faults.inject({ action: { kind: 'status', status: 500 }, times: Infinity, probability: 0.3 });
      return Array.from({ length: 50 }, () => faults.take('GET', '/', false) !== undefined);
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
    const hits = run(7).filter(Boolean).length;
    expect(hits).toBeGreaterThan(5);
    expect(hits).toBeLessThan(30);
  });
});

describe('TokenRegistry', () => {
  it('accepts a live token for its audience only, and expires it on the simulator clock', () => {
    const clock = new SimClock();
    const tokens = new TokenRegistry(clock);
    const grant = tokens.issue('ann@example.com', 'google-calendar', ['calendar'], 60_000);
    expect(tokens.check(`Bearer ${grant.token}`, 'google-calendar')).toMatchObject({ ok: true });
    expect(tokens.check(`Bearer ${grant.token}`, 'microsoft-graph')).toEqual({ ok: false, reason: 'wrong-audience' });
    expect(tokens.check(undefined, 'google-calendar')).toEqual({ ok: false, reason: 'missing' });
    expect(tokens.check('Bearer nope', 'google-calendar')).toEqual({ ok: false, reason: 'unknown' });
    clock.advance(60_000);
    expect(tokens.check(`Bearer ${grant.token}`, 'google-calendar')).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('SimServer over HTTP', () => {
  let server: SimServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start(options: { tls?: boolean; cors?: boolean } = {}) {
    const faults = new FaultInjector();
    const log = new RequestLog();
    const router = new Router()
      .on('GET', '/hello/:name', (req) => json(200, { hello: req.params['name'] }))
      .on('POST', '/echo', (req) => json(201, { size: req.body.length }))
      .on('GET', '/boom', () => {
        throw new Error('kaput');
      });
    const tls = options.tls ? await simulatorCertificate() : undefined;
    if (tls) trustSimulatorCertificate(tls);
    server = new SimServer({
      name: 'test',
      router,
      clock: new SimClock(),
      log,
      faults,
      tls,
      cors: options.cors ?? false,
      renderError: (status, reason, message, retryAfter) => ({
        status,
        headers: retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) },
        body: { error: { status, reason, message } },
      }),
    });
    const url = await server.listen();
    return { url, faults, log, server };
  }

  it('routes, logs method, path, status and bytes', async () => {
    const { url, log } = await start();
    const res = await fetch(`${url}/hello/ann?x=1`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ hello: 'ann' });
    await fetch(`${url}/echo`, { method: 'POST', body: 'abcdef' });
    const entries = log.all();
    expect(entries.map((e) => [e.method, e.path, e.query, e.status])).toEqual([
      ['GET', '/hello/ann', '?x=1', 200],
      ['POST', '/echo', '', 201],
    ]);
    expect(entries[1]!.requestBytes).toBe(6);
    expect(log.count()).toBe(2);
    expect(log.bytes().out).toBeGreaterThan(0);
  });

  it('renders unknown routes, wrong methods and handler crashes in the service error format', async () => {
    const { url, server } = await start();
    expect((await fetch(`${url}/nowhere`)).status).toBe(404);
    expect((await fetch(`${url}/echo`)).status).toBe(405);
    const crash = await fetch(`${url}/boom`);
    expect(crash.status).toBe(500);
    expect(await crash.json()).toMatchObject({ error: { reason: 'backendError' } });
    expect(server.internalErrors.map((e) => e.message)).toEqual(['kaput']);
  });

  it('injects status faults with Retry-After, delays, malformed bodies and dropped connections', async () => {
    const { url, faults, log } = await start();
    faults.inject({ action: { kind: 'status', status: 429, reason: 'rateLimitExceeded', retryAfterSeconds: 3 } });
    const throttled = await fetch(`${url}/hello/a`);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('3');
    expect((await fetch(`${url}/hello/a`)).status).toBe(200);

    faults.inject({ action: { kind: 'delay', ms: 150 } });
    const t0 = performance.now();
    expect((await fetch(`${url}/hello/a`)).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);

    faults.inject({ action: { kind: 'malformed' } });
    const malformed = await fetch(`${url}/hello/a`);
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();

    faults.inject({ action: { kind: 'reset' } });
    await expect(fetch(`${url}/hello/a`)).rejects.toThrow();

    faults.inject({ action: { kind: 'hang' } });
    await expect(fetch(`${url}/hello/a`, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect(log.all().filter((e) => e.fault).map((e) => e.fault)).toEqual(['429', 'delay', 'malformed', 'reset', 'hang']);
  });

  it('answers CORS preflights when enabled, as Google and Microsoft do', async () => {
    const { url } = await start({ cors: true });
    const preflight = await fetch(`${url}/echo`, {
      method: 'OPTIONS',
      headers: { origin: 'chrome-extension://abc', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('chrome-extension://abc');
    const res = await fetch(`${url}/hello/a`, { headers: { origin: 'chrome-extension://abc' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('chrome-extension://abc');
  });

  it('serves HTTPS with a certificate made at start-up', async () => {
    const { url } = await start({ tls: true });
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${url}/hello/tls`);
    expect(await res.json()).toEqual({ hello: 'tls' });
  });
});
