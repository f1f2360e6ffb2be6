import { describe, expect, it } from 'vitest';
import { ANN, errorOf, startGoogle } from './test-kit.ts';

describe('Google sim: bearer tokens', () => {
  it('answers a request without Authorization with 401 required, location Authorization', async () => {
    const { api } = await startGoogle();
    expect((await api.call('GET', '/users/me/calendarList')).status).toBe(200);
    const missing = await api.call('GET', '/users/me/calendarList', { token: null });
    expect(errorOf(missing)).toEqual({ code: 401, reason: 'required', domain: 'global', message: 'Login Required.', location: 'Authorization' });
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(missing.body).toMatchObject({
      error: { message: expect.stringMatching(/^Request is missing required authentication credential\./) as unknown, status: 'UNAUTHENTICATED' },
    });
  });

  it('answers unknown, expired, revoked and wrong-audience tokens with 401 authError', async () => {
    const { sim, api, clock, tokens } = await startGoogle();
    const expected = { code: 401, reason: 'authError', domain: 'global', message: 'Invalid Credentials', location: 'Authorization' };
    expect(errorOf(await api.call('GET', '/colors', { token: 'ya29.forged' }))).toEqual(expected);

    const shortLived = sim.issueToken(ANN, 60_000);
    expect((await api.call('GET', '/colors', { token: shortLived })).status).toBe(200);
    clock.advance(60_000);
    expect(errorOf(await api.call('GET', '/colors', { token: shortLived }))).toEqual(expected);

    const revoked = sim.issueToken(ANN);
    tokens.revokeAccount(ANN);
    expect(errorOf(await api.call('GET', '/colors', { token: revoked }))).toEqual(expected);

    const graphToken = tokens.issue(ANN, 'microsoft-graph', ['Calendars.ReadWrite']).token;
    expect(errorOf(await api.call('GET', '/colors', { token: graphToken }))).toEqual(expected);
  });

  it('refuses calls the token scopes do not cover with 403 insufficientPermissions', async () => {
    const { sim, api } = await startGoogle();
    const eventsOnly = sim.issueToken(ANN, undefined, ['https://www.googleapis.com/auth/calendar.events']);
    expect((await api.call('GET', '/calendars/primary/events', { token: eventsOnly })).status).toBe(200);
    // calendar.events cannot list calendars (calendarList needs calendar or calendar(.calendarlist).readonly).
    const list = await api.call('GET', '/users/me/calendarList', { token: eventsOnly });
    expect(errorOf(list)).toMatchObject({ code: 403, reason: 'insufficientPermissions' });

    const readOnly = sim.issueToken(ANN, undefined, ['https://www.googleapis.com/auth/calendar.readonly']);
    expect((await api.call('GET', '/users/me/calendarList', { token: readOnly })).status).toBe(200);
    const write = await api.call('POST', '/calendars/primary/events', {
      token: readOnly,
      body: { start: { date: '2026-03-02' }, end: { date: '2026-03-03' } },
    });
    expect(errorOf(write)).toMatchObject({ code: 403, reason: 'insufficientPermissions' });
  });

  it('logs the account a request acted for', async () => {
    const { sim, api } = await startGoogle();
    await api.call('GET', '/colors');
    await api.call('GET', '/colors', { token: null });
    expect(sim.log.all().map((e) => [e.status, e.account])).toEqual([
      [200, ANN],
      [401, undefined],
    ]);
  });
});
