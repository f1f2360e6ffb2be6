import { describe, expect, it } from 'vitest';
import { errorOf, startGoogle, timed } from './test-kit.ts';

describe('Google sim: injected faults in Google’s error format', () => {
  it.each([
    ['rateLimit', 403, 'rateLimitExceeded', 'usageLimits', 'Rate Limit Exceeded'],
    ['userRateLimit', 403, 'userRateLimitExceeded', 'usageLimits', 'User Rate Limit Exceeded'],
    ['quota', 403, 'quotaExceeded', 'usageLimits', 'Calendar usage limits exceeded.'],
    ['tooManyRequests', 429, 'rateLimitExceeded', 'usageLimits', 'Rate Limit Exceeded'],
    ['backendError', 500, 'backendError', 'global', 'Backend Error'],
    ['unavailable', 503, 'backendError', 'global', 'Backend Error'],
  ] as const)('throttleNext(%s) → %i %s', async (kind, code, reason, domain, message) => {
    const { sim, api } = await startGoogle();
    sim.throttleNext(2, kind);
    expect(errorOf(await api.events('primary'))).toEqual({ code, reason, domain, message });
    expect((await api.events('primary')).status).toBe(code);
    expect((await api.events('primary')).status).toBe(200);
    expect(sim.log.all().map((e) => e.fault)).toEqual([String(code), String(code), undefined]);
  });

  it('adds Retry-After when asked and can target only some requests', async () => {
    const { sim, api } = await startGoogle();
    sim.throttleNext(1, 'tooManyRequests', { retryAfterSeconds: 7, match: { method: 'POST' } });
    expect((await api.events('primary')).status).toBe(200);
    const throttled = await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00'));
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
    // The throttled insert did not happen.
    expect((await api.events('primary')).body.items).toEqual([]);
  });

  it('renders raw FaultInjector rules without a reason with Google’s reason for the status', async () => {
    const { sim, api } = await startGoogle();
    sim.faults.inject({ action: { kind: 'status', status: 503, message: 'Service Unavailable' } });
    expect(errorOf(await api.events('primary'))).toMatchObject({ code: 503, reason: 'backendError', message: 'Service Unavailable' });
    sim.faults.inject({ action: { kind: 'malformed' } });
    const malformed = await fetch(`${sim.apiBase}/calendars/primary/events`, { headers: { authorization: `Bearer ${api.token}` } });
    await expect(malformed.json()).rejects.toThrow();
  });

  it('answers unknown calendars, events and routes with 404 notFound', async () => {
    const { api } = await startGoogle();
    expect(errorOf(await api.events('nobody@example.com'))).toMatchObject({ code: 404, reason: 'notFound', domain: 'global' });
    expect(errorOf(await api.event('primary', 'doesnotexist'))).toMatchObject({ code: 404, reason: 'notFound' });
    expect(errorOf(await api.call('GET', '/calendars/primary/nothing-here'))).toMatchObject({ code: 404, reason: 'notFound' });
  });
});
