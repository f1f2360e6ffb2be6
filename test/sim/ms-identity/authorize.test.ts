import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONSUMERS_TENANT_ID } from './index.ts';
import {
  aadsts,
  authorizeCode,
  authorizeUrl,
  Browser,
  DESKTOP_CLIENT,
  jwtClaims,
  OTHER_TENANT,
  pendingIdOf,
  PERSONAL,
  pkce,
  postToken,
  redeemForm,
  REDIRECT_URI,
  startMsIdentity,
  WORK,
  type MsFixture,
} from './test-helpers.ts';

let f: MsFixture;
let browser: Browser;
beforeEach(async () => {
  f = await startMsIdentity();
  browser = new Browser();
});
afterEach(async () => {
  expect(f.sim.server.internalErrors).toEqual([]);
  await f.sim.close();
});

function codeChallenge(): Record<string, string> {
  return { code_challenge: pkce().challenge };
}

describe('authorize: error pages (the redirect URI cannot be trusted)', () => {
  it.each([
    ['unregistered client → AADSTS700016', { client_id: '99999999-0000-4000-8000-000000000000' }, 'common', 700016],
    ['missing client_id → AADSTS900144', { client_id: '' }, 'common', 900144],
    ['unregistered redirect_uri → AADSTS50011', { redirect_uri: 'https://evil.example/cb' }, 'common', 50011],
    ['unknown tenant GUID → AADSTS90002', {}, '0f0f0f0f-0000-4000-8000-000000000000', 90002],
  ])('%s', async (_name, params, tenant, code) => {
    const res = await browser.get(authorizeUrl(f.url, { ...codeChallenge(), ...params }, tenant));
    expect(res.status).toBe(400);
    expect(res.location).toBeNull();
    expect(res.contentType).toContain('text/html');
    expect(res.text).toContain(`<strong>AADSTS${code}</strong>`);
  });

  it('escapes what the request put on the page', async () => {
    const res = await browser.get(authorizeUrl(f.url, { ...codeChallenge(), redirect_uri: 'https://x.example/<img src=x onerror=alert(1)>' }));
    expect(res.text).not.toContain('<img');
    expect(res.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('authorize: errors redirected back', () => {
  it('an SPA client without code_challenge → #error=invalid_request AADSTS9002325', async () => {
    const res = await browser.get(authorizeUrl(f.url, { state: 'abc' }));
    expect(res.status).toBe(302);
    expect(res.location!.startsWith(`${REDIRECT_URI}#`)).toBe(true);
    expect(res.fragment.get('error')).toBe('invalid_request');
    expect(aadsts(res.fragment.get('error_description'))).toBe(9002325);
    expect(res.fragment.get('error_uri')).toBe(`${f.url}/error?code=9002325`);
    expect(res.fragment.get('state')).toBe('abc');
    expect(res.fragment.get('error_description')).toMatch(/\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: .+\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
  });

  it('a public desktop client may omit PKCE', async () => {
    f.sim.setAutoSignIn(WORK);
    const res = await browser.get(authorizeUrl(f.url, { client_id: DESKTOP_CLIENT, redirect_uri: 'http://localhost' }));
    expect(res.fragment.get('code')).toBeTruthy();
  });

  it.each([
    ['response_type=token → unsupported_response_type', { response_type: 'token' }, 'unsupported_response_type', 700051],
    ['an unknown scope → invalid_scope', { scope: 'openid Files.Everything' }, 'invalid_scope', 70011],
    ['code_challenge_method=S512 → invalid_request', { code_challenge_method: 'S512' }, 'invalid_request', 50149],
  ])('%s', async (_name, params, error, code) => {
    const res = await browser.get(authorizeUrl(f.url, { ...codeChallenge(), ...params }));
    expect(res.fragment.get('error')).toBe(error);
    expect(aadsts(res.fragment.get('error_description'))).toBe(code);
  });

  it('response_mode=query puts the parameters in the query', async () => {
    const res = await browser.get(authorizeUrl(f.url, { response_mode: 'query', state: 'q' }));
    expect(new URL(res.location!).hash).toBe('');
    expect(res.query.get('error')).toBe('invalid_request');
    expect(res.query.get('state')).toBe('q');
  });
});

describe('authorize: sign-in', () => {
  it('auto sign-in redirects with code, client_info, state and session_state, and sets the session cookie', async () => {
    const { res } = await authorizeCode(f, browser, WORK, { state: 'S' });
    expect(res.status).toBe(302);
    expect(res.location!.startsWith(`${REDIRECT_URI}#`)).toBe(true);
    expect([...res.fragment.keys()]).toEqual(['code', 'client_info', 'state', 'session_state']);
    expect(res.fragment.get('state')).toBe('S');
    const account = f.sim.account(WORK)!;
    expect(JSON.parse(Buffer.from(res.fragment.get('client_info')!, 'base64url').toString())).toEqual({ uid: account.oid, utid: account.tenantId });
    expect(res.setCookie).toMatch(/^ESTSAUTH=[^;]+; Path=\/; HttpOnly; Secure; SameSite=None$/);
    expect(f.sim.counters.codesIssued).toBe(1);
  });

  it('shows an accessible, escaped account picker that signs in on POST, and Cancel → access_denied AADSTS65004', async () => {
    f.sim.addAccount({ upn: 'mallory@contoso.example', name: '<script>x</script>' });
    const page = await browser.get(authorizeUrl(f.url, { ...codeChallenge(), state: 'p' }));
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Pick an account</h1>');
    expect(page.text).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(page.text).not.toContain('<script>');
    const res = await browser.post(`${f.url}/common/login`, { request: pendingIdOf(page.text), account: WORK });
    expect(res.fragment.get('code')).toBeTruthy();
    expect(res.fragment.get('state')).toBe('p');
    const again = await new Browser().get(authorizeUrl(f.url, codeChallenge()));
    const cancelled = await browser.post(`${f.url}/common/login`, { request: pendingIdOf(again.text), cancel: '1' });
    expect(cancelled.fragment.get('error')).toBe('access_denied');
    expect(cancelled.fragment.get('error_subcode')).toBe('cancel');
    expect(aadsts(cancelled.fragment.get('error_description'))).toBe(65004);
  });

  it('organizations rejects a personal account; consumers and another tenant reject a work account', async () => {
    const cases: [string, string, number][] = [
      ['organizations', PERSONAL, 500200],
      ['consumers', WORK, 50020],
      [OTHER_TENANT, WORK, 50020],
    ];
    for (const [tenant, upn, code] of cases) {
      const { res } = await authorizeCode(f, new Browser(), upn, {}, tenant);
      expect(res.status).toBe(400);
      expect(res.text).toContain(`AADSTS${code}`);
    }
    expect((await authorizeCode(f, new Browser(), PERSONAL, {}, 'consumers')).res.fragment.get('code')).toBeTruthy();
    expect((await authorizeCode(f, new Browser(), PERSONAL, {}, CONSUMERS_TENANT_ID)).res.fragment.get('code')).toBeTruthy();
    expect((await authorizeCode(f, new Browser(), 'olga@fabrikam.example', {}, OTHER_TENANT)).res.fragment.get('code')).toBeTruthy();
  });
});

describe('authorize: prompt=none and single sign-on', () => {
  it('without a session → #error=login_required AADSTS50058 (what Entra returns) with the state', async () => {
    const res = await browser.get(authorizeUrl(f.url, { ...codeChallenge(), prompt: 'none', login_hint: WORK, state: 'z' }));
    expect(res.fragment.get('error')).toBe('login_required');
    expect(aadsts(res.fragment.get('error_description'))).toBe(50058);
    expect(res.fragment.get('error_uri')).toBe(`${f.url}/error?code=50058`);
    expect(res.fragment.get('state')).toBe('z');
  });

  it('with a session → a new code, no cookie change, and no prompt shown', async () => {
    await authorizeCode(f, browser, WORK);
    const res = await browser.get(authorizeUrl(f.url, { ...codeChallenge(), prompt: 'none', login_hint: WORK }));
    expect(res.fragment.get('code')).toBeTruthy();
    expect(res.setCookie).toBeNull();
    const sso = await browser.get(authorizeUrl(f.url, codeChallenge()));
    expect(sso.fragment.get('code')).toBeTruthy();
    expect(f.sim.counters.signInPagesShown).toBe(0);
  });

  it('two accounts in the session: no hint → interaction_required AADSTS16000; login_hint or sid picks one', async () => {
    await authorizeCode(f, browser, WORK);
    await authorizeCode(f, browser, PERSONAL, { prompt: 'select_account' });
    const ambiguous = await browser.get(authorizeUrl(f.url, { ...codeChallenge(), prompt: 'none' }));
    expect(ambiguous.fragment.get('error')).toBe('interaction_required');
    expect(aadsts(ambiguous.fragment.get('error_description'))).toBe(16000);
    const hinted = await browser.get(authorizeUrl(f.url, { ...codeChallenge(), prompt: 'none', login_hint: PERSONAL }));
    expect(hinted.fragment.get('code')).toBeTruthy();
    const wrongSid = await browser.get(authorizeUrl(f.url, { ...codeChallenge(), prompt: 'none', sid: '00000000-0000-0000-0000-000000000000' }));
    expect(wrongSid.fragment.get('error')).toBe('interaction_required');
    expect(aadsts(wrongSid.fragment.get('error_description'))).toBe(16002);
  });

  it('the id_token’s sid and its optional login_hint claim (asked for through `claims`, as MSAL does) each pick the account back', async () => {
    const claims = JSON.stringify({ id_token: { login_hint: { essential: false } } });
    const { res, pkce: pair } = await authorizeCode(f, browser, PERSONAL, { claims });
    await authorizeCode(f, browser, WORK, { prompt: 'login' });
    const token = await postToken(f.url, redeemForm(res.fragment.get('code')!, pair.verifier));
    const idClaims = jwtClaims(token.body['id_token'] as string);
    expect(idClaims['login_hint']).toMatch(/^O\.[\w-]+$/);
    for (const hint of [{ sid: String(idClaims['sid']) }, { login_hint: String(idClaims['login_hint']) }]) {
      const silentPkce = pkce();
      const silent = await browser.get(authorizeUrl(f.url, { code_challenge: silentPkce.challenge, prompt: 'none', ...hint }));
      const redeemed = await postToken(f.url, redeemForm(silent.fragment.get('code')!, silentPkce.verifier));
      expect(jwtClaims(redeemed.body['id_token'] as string)['preferred_username']).toBe(PERSONAL);
    }
  });

  it('a Graph permission never consented → consent_required AADSTS65001', async () => {
    await authorizeCode(f, browser, WORK);
    const res = await browser.get(authorizeUrl(f.url, { ...codeChallenge(), prompt: 'none', scope: 'MailboxSettings.Read openid' }));
    expect(res.fragment.get('error')).toBe('consent_required');
    expect(aadsts(res.fragment.get('error_description'))).toBe(65001);
  });

  it('endAllSessions() makes the cookie worthless', async () => {
    await authorizeCode(f, browser, WORK);
    f.sim.endAllSessions();
    const res = await browser.get(authorizeUrl(f.url, { ...codeChallenge(), prompt: 'none', login_hint: WORK }));
    expect(res.fragment.get('error')).toBe('login_required');
  });
});

describe('logout', () => {
  it('ends the session, clears the cookie and redirects to a registered post-logout URI with the state', async () => {
    await authorizeCode(f, browser, WORK);
    const out = await browser.get(`${f.url}/common/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent(REDIRECT_URI)}&state=bye`);
    expect(out.status).toBe(302);
    expect(out.location).toBe(`${REDIRECT_URI}?state=bye`);
    expect(out.setCookie).toContain('Max-Age=0');
    const res = await browser.get(authorizeUrl(f.url, { ...codeChallenge(), prompt: 'none', login_hint: WORK }));
    expect(res.fragment.get('error')).toBe('login_required');
  });

  it('shows a signed-out page for an unregistered post-logout URI', async () => {
    const out = await browser.get(`${f.url}/common/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent('https://evil.example/')}`);
    expect(out.status).toBe(200);
    expect(out.location).toBeNull();
    expect(out.text).toContain('You signed out of your account');
  });
});
