import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authorizeUrl, Browser, CALENDAR, CALENDAR_EVENTS, CLIENT_ID, pendingIdOf, REDIRECT_URI, startGoogleAuth, type GoogleFixture } from './test-helpers.ts';

let f: GoogleFixture;
beforeEach(async () => {
  f = await startGoogleAuth();
});
afterEach(async () => {
  expect(f.sim.server.internalErrors).toEqual([]);
  await f.sim.close();
});

describe('Google authorize: requests Google refuses on a page, never redirecting', () => {
  it('unknown client → 401 invalid_client page', async () => {
    const res = await new Browser().get(authorizeUrl(f.url, { client_id: 'nope.apps.googleusercontent.com' }));
    expect(res.status).toBe(401);
    expect(res.location).toBeNull();
    expect(res.contentType).toContain('text/html');
    expect(res.text).toContain('Error 401: invalid_client');
  });

  it('missing client_id → 400 invalid_request page', async () => {
    const res = await new Browser().get(authorizeUrl(f.url, { client_id: '' }));
    expect(res.status).toBe(400);
    expect(res.text).toContain('Missing required parameter: client_id');
  });

  it('unregistered redirect_uri → 400 redirect_uri_mismatch page, with the URI HTML-escaped', async () => {
    const evil = 'https://evil.example/<script>alert(1)</script>';
    const res = await new Browser().get(authorizeUrl(f.url, { redirect_uri: evil }));
    expect(res.status).toBe(400);
    expect(res.location).toBeNull();
    expect(res.text).toContain('Error 400: redirect_uri_mismatch');
    expect(res.text).not.toContain('<script>');
    expect(res.text).toContain('&lt;script&gt;');
  });

  it('a redirect URI differing only by its trailing slash is a mismatch', async () => {
    const res = await new Browser().get(authorizeUrl(f.url, { redirect_uri: REDIRECT_URI.slice(0, -1) }));
    expect(res.text).toContain('redirect_uri_mismatch');
  });

  it('response_type other than token → 400 unsupported_response_type page', async () => {
    const res = await new Browser().get(authorizeUrl(f.url, { response_type: 'code' }));
    expect(res.status).toBe(400);
    expect(res.location).toBeNull();
    expect(res.text).toContain('Error 400: unsupported_response_type');
  });

  it('unknown scope → 400 invalid_scope page naming the invalid scope', async () => {
    const res = await new Browser().get(authorizeUrl(f.url, { scope: `${CALENDAR} calendar.bogus` }));
    expect(res.status).toBe(400);
    expect(res.text).toContain('Error 400: invalid_scope');
    expect(res.text).toContain('invalid=[calendar.bogus]');
  });

  it('missing scope, prompt=login and prompt=none combined with another value → invalid_request pages', async () => {
    const browser = new Browser();
    for (const params of [{ scope: '' }, { prompt: 'login' }, { prompt: 'none consent' }]) {
      const res = await browser.get(authorizeUrl(f.url, params));
      expect(res.status).toBe(400);
      expect(res.text).toContain('Error 400: invalid_request');
    }
    expect(f.sim.counters.errorPages).toBe(3);
  });
});

describe('Google authorize: interactive sign-in', () => {
  it('auto sign-in redirects with the token in the fragment and sets the session cookie', async () => {
    f.sim.setAutoSignIn('ann@example.com');
    const res = await new Browser().get(authorizeUrl(f.url, { scope: `${CALENDAR_EVENTS} email`, state: 'xyz' }));
    expect(res.status).toBe(302);
    expect(res.location!.startsWith(`${REDIRECT_URI}#`)).toBe(true);
    const p = res.fragment;
    expect([...p.keys()]).toEqual(['state', 'access_token', 'token_type', 'expires_in', 'scope', 'authuser', 'prompt']);
    expect(p.get('state')).toBe('xyz');
    expect(p.get('token_type')).toBe('Bearer');
    expect(p.get('expires_in')).toBe('3599');
    expect(p.get('scope')!.split(' ').sort()).toEqual(['email', CALENDAR_EVENTS, 'https://www.googleapis.com/auth/userinfo.email'].sort());
    expect(p.get('authuser')).toBe('0');
    expect(p.get('prompt')).toBe('consent');
    expect(res.setCookie).toMatch(/^SID=[^;]+; Path=\/; HttpOnly; SameSite=Lax$/);
    const check = f.tokens.check(`Bearer ${p.get('access_token')!}`, 'google-calendar');
    expect(check.ok && check.grant.account).toBe('ann@example.com');
    expect(check.ok && check.grant.expiresAt).toBe(f.clock.now() + 3600_000);
  });

  it('reports hd for a Workspace account', async () => {
    f.sim.setAutoSignIn('bob@corp.example');
    const res = await new Browser().get(authorizeUrl(f.url, {}));
    expect(res.fragment.get('hd')).toBe('corp.example');
  });

  it('without auto sign-in shows an accessible, escaped account chooser that signs in on POST', async () => {
    f.sim.addAccount({ email: 'eve@example.com', name: 'Eve <b>Bold</b>' });
    const browser = new Browser();
    const page = await browser.get(authorizeUrl(f.url, {}));
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).toContain('<h1>Choose an account</h1>');
    expect(page.text).toContain('Eve &lt;b&gt;Bold&lt;/b&gt;');
    expect(page.text).toMatch(/<form method="post" action="\/o\/oauth2\/v2\/auth\/choose"/);
    expect(f.sim.counters.signInPagesShown).toBe(1);
    const res = await browser.post(`${f.url}/o/oauth2/v2/auth/choose`, { request: pendingIdOf(page.text), account: 'eve@example.com' });
    expect(res.status).toBe(302);
    expect(res.fragment.get('access_token')).toBeTruthy();
    expect(res.fragment.get('state')).toBe('st-1');
    expect(res.setCookie).toContain('SID=');
    expect(f.sim.grantedScopes('eve@example.com', CLIENT_ID)).toEqual([CALENDAR_EVENTS]);
  });

  it('Cancel on the chooser → #error=access_denied; a spent or unknown request id → 400 page', async () => {
    const browser = new Browser();
    const page = await browser.get(authorizeUrl(f.url, {}));
    const id = pendingIdOf(page.text);
    const cancelled = await browser.post(`${f.url}/o/oauth2/v2/auth/choose`, { request: id, cancel: '1' });
    expect(cancelled.fragment.get('error')).toBe('access_denied');
    expect(cancelled.fragment.get('state')).toBe('st-1');
    const again = await browser.post(`${f.url}/o/oauth2/v2/auth/choose`, { request: id, account: 'ann@example.com' });
    expect(again.status).toBe(400);
    expect(again.location).toBeNull();
  });

  it('with a live session and granted scopes, an interactive request returns at once (no page)', async () => {
    const browser = new Browser();
    f.sim.setAutoSignIn('ann@example.com');
    await browser.get(authorizeUrl(f.url, {}));
    f.sim.setAutoSignIn(null);
    const res = await browser.get(authorizeUrl(f.url, {}));
    expect(res.status).toBe(302);
    expect(res.fragment.get('prompt')).toBe('none');
    expect(f.sim.counters.signInPagesShown).toBe(0);
  });
});

describe('Google authorize: prompt=none', () => {
  async function signedIn(...emails: string[]): Promise<Browser> {
    const browser = new Browser();
    for (const email of emails) {
      f.sim.setAutoSignIn(email);
      await browser.get(authorizeUrl(f.url, { prompt: 'select_account' }));
    }
    f.sim.setAutoSignIn(null);
    return browser;
  }

  it('renews from the session cookie', async () => {
    const browser = await signedIn('ann@example.com');
    const res = await browser.get(authorizeUrl(f.url, { prompt: 'none', login_hint: 'ann@example.com', state: 's2' }));
    expect(res.fragment.get('access_token')).toBeTruthy();
    expect(res.fragment.get('prompt')).toBe('none');
    expect(res.fragment.get('state')).toBe('s2');
    expect(res.setCookie).toBeNull();
    expect(f.sim.counters.silentRequests).toBe(1);
  });

  it('without a session → #error=interaction_required (error_subtype=access_denied) and the state', async () => {
    f.sim.setAutoSignIn('ann@example.com'); // an interactive shortcut must not apply to prompt=none
    const res = await new Browser().get(authorizeUrl(f.url, { prompt: 'none', state: 's3' }));
    expect(res.status).toBe(302);
    expect(res.location!.startsWith(`${REDIRECT_URI}#`)).toBe(true);
    expect(Object.fromEntries(res.fragment)).toEqual({ error: 'interaction_required', error_subtype: 'access_denied', state: 's3' });
  });

  it('login_hint naming an account without a session → interaction_required', async () => {
    const browser = await signedIn('ann@example.com');
    const res = await browser.get(authorizeUrl(f.url, { prompt: 'none', login_hint: 'bob@corp.example' }));
    expect(res.fragment.get('error')).toBe('interaction_required');
  });

  it('two signed-in accounts: no hint → interaction_required; the hint picks one (authuser = its index)', async () => {
    const browser = await signedIn('ann@example.com', 'bob@corp.example');
    const ambiguous = await browser.get(authorizeUrl(f.url, { prompt: 'none' }));
    expect(ambiguous.fragment.get('error')).toBe('interaction_required');
    const bob = await browser.get(authorizeUrl(f.url, { prompt: 'none', login_hint: 'bob@corp.example' }));
    expect(bob.fragment.get('authuser')).toBe('1');
    const check = f.tokens.check(`Bearer ${bob.fragment.get('access_token')!}`, 'google-calendar');
    expect(check.ok && check.grant.account).toBe('bob@corp.example');
  });

  it('scopes the user never granted → #error=consent_required', async () => {
    const browser = await signedIn('ann@example.com');
    const res = await browser.get(authorizeUrl(f.url, { prompt: 'none', scope: CALENDAR }));
    expect(res.fragment.get('error')).toBe('consent_required');
  });

  it('include_granted_scopes=true adds the scopes granted earlier', async () => {
    const browser = await signedIn('ann@example.com');
    const res = await browser.get(authorizeUrl(f.url, { prompt: 'none', scope: CALENDAR_EVENTS, include_granted_scopes: 'true' }));
    expect(res.fragment.get('scope')).toBe(CALENDAR_EVENTS);
    f.sim.setAutoSignIn('ann@example.com');
    await browser.get(authorizeUrl(f.url, { prompt: 'consent', scope: 'email' }));
    const both = await browser.get(authorizeUrl(f.url, { prompt: 'none', scope: 'email', include_granted_scopes: 'true' }));
    expect(both.fragment.get('scope')!.split(' ')).toContain(CALENDAR_EVENTS);
    const without = await browser.get(authorizeUrl(f.url, { prompt: 'none', scope: 'email' }));
    expect(without.fragment.get('scope')!.split(' ')).not.toContain(CALENDAR_EVENTS);
  });

  it('endAllSessions() makes the old cookie worthless', async () => {
    const browser = await signedIn('ann@example.com');
    f.sim.endAllSessions();
    const res = await browser.get(authorizeUrl(f.url, { prompt: 'none', login_hint: 'ann@example.com' }));
    expect(res.fragment.get('error')).toBe('interaction_required');
  });
});

describe('Google token lifetime', () => {
  it('is configurable and runs on the shared clock', async () => {
    await f.sim.close();
    f = await startGoogleAuth({ accessTokenLifetimeMs: 600_000 });
    f.sim.setAutoSignIn('ann@example.com');
    const res = await new Browser().get(authorizeUrl(f.url, {}));
    expect(res.fragment.get('expires_in')).toBe('599');
    const bearer = `Bearer ${res.fragment.get('access_token')!}`;
    f.clock.advance(599_999);
    expect(f.tokens.check(bearer, 'google-calendar').ok).toBe(true);
    f.clock.advance(1);
    expect(f.tokens.check(bearer, 'google-calendar')).toEqual({ ok: false, reason: 'expired' });
  });
});
