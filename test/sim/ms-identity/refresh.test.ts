import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aadsts, authorizeCode, authorizeUrl, Browser, DESKTOP_CLIENT, pkce, postToken, SCOPE, signIn, SPA_CLIENT, startMsIdentity, WORK, type MsFixture } from './test-helpers.ts';

const HOUR = 3600_000;

let f: MsFixture;
beforeEach(async () => {
  f = await startMsIdentity();
});
afterEach(async () => {
  expect(f.sim.server.internalErrors).toEqual([]);
  await f.sim.close();
});

function refresh(refreshToken: unknown, extra: Record<string, string> = {}): ReturnType<typeof postToken> {
  return postToken(f.url, { client_id: SPA_CLIENT, grant_type: 'refresh_token', refresh_token: String(refreshToken), scope: SCOPE, client_info: '1', ...extra });
}

describe('refresh_token grant', () => {
  it('returns a new access token and a new refresh token', async () => {
    const first = await signIn(f);
    const { status, body } = await refresh(first['refresh_token']);
    expect(status).toBe(200);
    expect(body['access_token']).not.toBe(first['access_token']);
    expect(body['refresh_token']).not.toBe(first['refresh_token']);
    expect(body['id_token']).toBeTruthy();
    expect(f.tokens.check(`Bearer ${body['access_token'] as string}`, 'microsoft-graph').ok).toBe(true);
    expect(f.sim.counters.tokenRequests.refresh_token).toBe(1);
  });

  it('SPA refresh tokens expire 24 h after the sign-in, not after their own issue: rotation does not extend the chain', async () => {
    const signedInAt = f.clock.now();
    let token = (await signIn(f))['refresh_token'];
    for (let i = 0; i < 3; i++) {
      f.clock.advance(6 * HOUR);
      const { body } = await refresh(token);
      token = body['refresh_token'];
      expect(body['refresh_token_expires_in']).toBe(24 * 3600 - (f.clock.now() - signedInAt) / 1000);
    }
    f.clock.advance(6 * HOUR - 1);
    expect((await refresh(token)).status).toBe(200);
    f.clock.advance(1);
    const expired = await refresh(token);
    expect(expired.status).toBe(400);
    expect(expired.body).toMatchObject({ error: 'invalid_grant', error_codes: [700084], suberror: 'bad_token' });
    expect(String(expired.body['error_description'])).toContain('fixed, limited lifetime of 1.00:00:00');
  });

  it('the SPA lifetime is configurable', async () => {
    await f.sim.close();
    f = await startMsIdentity({ spaRefreshTokenLifetimeMs: HOUR });
    const first = await signIn(f);
    expect(first['refresh_token_expires_in']).toBe(3600);
    f.clock.advance(HOUR);
    const res = await refresh(first['refresh_token']);
    expect(res.body['error_codes']).toEqual([700084]);
    expect(String(res.body['error_description'])).toContain('lifetime of 0.01:00:00');
  });

  it('earlier refresh tokens of a chain stay valid after rotation', async () => {
    const first = await signIn(f);
    await refresh(first['refresh_token']);
    expect((await refresh(first['refresh_token'])).status).toBe(200);
  });

  it('asking for a permission never consented → invalid_grant AADSTS65001 with suberror consent_required', async () => {
    const first = await signIn(f);
    const res = await refresh(first['refresh_token'], { scope: 'MailboxSettings.ReadWrite offline_access' });
    expect(res.body).toMatchObject({ error: 'invalid_grant', error_codes: [65001], suberror: 'consent_required' });
  });

  it('non-SPA refresh tokens expire after 90 days of inactivity (AADSTS700082), sliding with use', async () => {
    f.sim.setAutoSignIn(WORK);
    const browser = new Browser();
    const pair = pkce();
    const auth = await browser.get(authorizeUrl(f.url, { client_id: DESKTOP_CLIENT, redirect_uri: 'http://localhost', code_challenge: pair.challenge }));
    const form = { client_id: DESKTOP_CLIENT, grant_type: 'authorization_code', code: auth.fragment.get('code')!, redirect_uri: 'http://localhost', code_verifier: pair.verifier, scope: SCOPE };
    const first = await postToken(f.url, form, { origin: null });
    expect(first.body).not.toHaveProperty('refresh_token_expires_in');
    const rt = String(first.body['refresh_token']);
    const refreshDesktop = (): ReturnType<typeof postToken> => postToken(f.url, { client_id: DESKTOP_CLIENT, grant_type: 'refresh_token', refresh_token: rt }, { origin: null });
    f.clock.advance(80 * 24 * HOUR);
    expect((await refreshDesktop()).status).toBe(200);
    f.clock.advance(80 * 24 * HOUR);
    expect((await refreshDesktop()).status).toBe(200);
    f.clock.advance(90 * 24 * HOUR);
    expect((await refreshDesktop()).body).toMatchObject({ error: 'invalid_grant', error_codes: [700082], suberror: 'bad_token' });
  });
});

describe('revoke(account)', () => {
  it('refresh tokens and unredeemed codes fail with AADSTS50173, sessions end, access tokens die', async () => {
    const browser = new Browser();
    const tokens = await signIn(f);
    const { res, pkce: pair } = await authorizeCode(f, browser, WORK);
    f.sim.revoke(WORK);
    const rt = await refresh(tokens['refresh_token']);
    expect(rt.body).toMatchObject({ error: 'invalid_grant', error_codes: [50173], suberror: 'bad_token' });
    const code = await postToken(f.url, { client_id: SPA_CLIENT, grant_type: 'authorization_code', code: res.fragment.get('code')!, redirect_uri: 'https://nlbikdfbadfllbfnnjfbffaihjhkbomc.chromiumapp.org/', code_verifier: pair.verifier });
    expect(code.body['error_codes']).toEqual([50173]);
    expect(f.tokens.check(`Bearer ${tokens['access_token'] as string}`, 'microsoft-graph').ok).toBe(false);
    const silent = await browser.get(authorizeUrl(f.url, { code_challenge: pkce().challenge, prompt: 'none', login_hint: WORK }));
    expect(silent.fragment.get('error')).toBe('login_required');
    const again = await signIn(f);
    expect((await refresh(again['refresh_token'])).status).toBe(200);
  });

  it('leaves access tokens of other audiences for the same name alone', async () => {
    const google = f.tokens.issue(WORK, 'google-calendar', ['calendar']);
    await signIn(f);
    f.sim.revoke(WORK);
    expect(f.tokens.check(`Bearer ${google.token}`, 'google-calendar').ok).toBe(true);
  });
});

describe('faults and the request log', () => {
  it('renders an injected throttle in Entra’s format with Retry-After, and logs the account of a token request', async () => {
    const first = await signIn(f);
    f.sim.faults.inject({ match: { method: 'POST', path: /\/token$/ }, action: { kind: 'status', status: 429, retryAfterSeconds: 30 } });
    const throttled = await refresh(first['refresh_token']);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('30');
    expect(throttled.body['error']).toBe('temporarily_unavailable');
    expect(aadsts(throttled.body['error_description'])).toBe(90033);
    await refresh(first['refresh_token']);
    expect(f.sim.log.all().at(-1)).toMatchObject({ method: 'POST', path: '/common/oauth2/v2.0/token', status: 200, account: WORK });
  });
});
