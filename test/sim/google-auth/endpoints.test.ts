import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authorizeUrl, Browser, CALENDAR_EVENTS, CLIENT_ID, startGoogleAuth, type GoogleFixture } from './test-helpers.ts';

let f: GoogleFixture;
let browser: Browser;
beforeEach(async () => {
  f = await startGoogleAuth();
  browser = new Browser();
});
afterEach(async () => {
  expect(f.sim.server.internalErrors).toEqual([]);
  await f.sim.close();
});

async function tokenFor(email: string, scope: string): Promise<string> {
  f.sim.setAutoSignIn(email);
  const res = await browser.get(authorizeUrl(f.url, { scope, prompt: 'consent' }));
  return res.fragment.get('access_token')!;
}

describe('GET /oauth2/v3/tokeninfo', () => {
  it('describes a live token as Google does (numbers as strings, email only with the email scope)', async () => {
    const token = await tokenFor('ann@example.com', `${CALENDAR_EVENTS} email`);
    f.clock.advance(1000);
    const res = await fetch(`${f.url}/oauth2/v3/tokeninfo?access_token=${token}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, string>;
    const exp = Math.floor((f.clock.now() - 1000 + 3600_000) / 1000);
    expect(body['sub']).toMatch(/^1\d{20}$/);
    expect(body).toEqual({
      azp: CLIENT_ID,
      aud: CLIENT_ID,
      sub: body['sub'],
      scope: `${CALENDAR_EVENTS} https://www.googleapis.com/auth/userinfo.email`,
      exp: String(exp),
      expires_in: '3599',
      email: 'ann@example.com',
      email_verified: 'true',
      access_type: 'online',
    });
  });

  it('omits sub and email for a calendar-only token', async () => {
    const token = await tokenFor('ann@example.com', CALENDAR_EVENTS);
    const body = (await (await fetch(`${f.url}/oauth2/v3/tokeninfo?access_token=${token}`)).json()) as Record<string, string>;
    expect(body).not.toHaveProperty('email');
    expect(body).not.toHaveProperty('sub');
  });

  it('answers an expired or unknown token with 400 invalid_token "Invalid Value"', async () => {
    const token = await tokenFor('ann@example.com', CALENDAR_EVENTS);
    f.clock.advance(3600_000);
    for (const t of [token, 'ya29.unknown']) {
      const res = await fetch(`${f.url}/oauth2/v3/tokeninfo?access_token=${t}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: 'invalid_token', error_description: 'Invalid Value' });
    }
  });
});

describe('GET /oauth2/v3/userinfo', () => {
  it('returns the claims the scopes allow, with CORS for a page origin', async () => {
    const token = await tokenFor('bob@corp.example', 'openid email profile');
    const res = await fetch(`${f.url}/oauth2/v3/userinfo`, { headers: { authorization: `Bearer ${token}`, origin: 'https://app.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ name: 'Bob Corp', given_name: 'Bob', family_name: 'Corp', email: 'bob@corp.example', email_verified: true, hd: 'corp.example' });
    const picture = await fetch(body['picture'] as string);
    expect(picture.headers.get('content-type')).toBe('image/svg+xml');
    expect(new URL(body['picture'] as string).origin).toBe(f.url);
  });

  it('gives only sub to a token without profile or email scopes', async () => {
    const token = await tokenFor('ann@example.com', CALENDAR_EVENTS);
    const body = (await (await fetch(`${f.url}/oauth2/v3/userinfo`, { headers: { authorization: `Bearer ${token}` } })).json()) as object;
    expect(Object.keys(body)).toEqual(['sub']);
  });

  it('401s without a valid token, with WWW-Authenticate', async () => {
    const res = await fetch(`${f.url}/oauth2/v3/userinfo`, { headers: { authorization: 'Bearer ya29.nope' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(await res.json()).toEqual({ error: 'invalid_request', error_description: 'Invalid Credentials' });
  });

  it('answers a CORS preflight', async () => {
    const res = await fetch(`${f.url}/oauth2/v3/userinfo`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization');
  });
});

describe('POST /revoke', () => {
  it('revokes the token and the grant; a second revocation is 400 "Token expired or revoked"', async () => {
    const token = await tokenFor('ann@example.com', CALENDAR_EVENTS);
    const first = await fetch(`${f.url}/revoke?token=${token}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(first.status).toBe(200);
    expect(f.tokens.check(`Bearer ${token}`, 'google-calendar')).toEqual({ ok: false, reason: 'unknown' });
    const second = await fetch(`${f.url}/revoke`, { method: 'POST', body: new URLSearchParams({ token }) });
    expect(second.status).toBe(400);
    expect(await second.json()).toEqual({ error: 'invalid_token', error_description: 'Token expired or revoked' });
    f.sim.setAutoSignIn(null);
    const silent = await browser.get(authorizeUrl(f.url, { prompt: 'none', login_hint: 'ann@example.com' }));
    expect(silent.fragment.get('error')).toBe('consent_required');
    expect(f.sim.counters.revocations).toBe(1);
  });
});

describe('in-process controls and faults', () => {
  it('revoke(account) kills its tokens and forgets its grants', async () => {
    const token = await tokenFor('ann@example.com', CALENDAR_EVENTS);
    f.sim.revoke('Ann@Example.com');
    expect(f.tokens.check(`Bearer ${token}`, 'google-calendar').ok).toBe(false);
    expect(f.sim.grantedScopes('ann@example.com', CLIENT_ID)).toEqual([]);
  });

  it('setAutoSignIn refuses an unknown account', () => {
    expect(() => f.sim.setAutoSignIn('ghost@example.com')).toThrow(/addAccount/);
  });

  it('renders injected faults as OAuth JSON errors with Retry-After, and logs the account of a bearer request', async () => {
    const token = await tokenFor('ann@example.com', 'openid');
    f.sim.faults.inject({ match: { path: '/oauth2/v3/userinfo' }, action: { kind: 'status', status: 503, retryAfterSeconds: 7 } });
    const res = await fetch(`${f.url}/oauth2/v3/userinfo`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(await res.json()).toEqual({ error: 'server_error', error_description: 'Injected fault' });
    expect(f.sim.log.all().at(-1)).toMatchObject({ path: '/oauth2/v3/userinfo', status: 503, account: 'ann@example.com', fault: '503' });
  });
});
