import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  aadsts,
  authorizeCode,
  Browser,
  DESKTOP_CLIENT,
  jwtClaims,
  ORIGIN,
  postToken,
  redeemForm,
  SPA_CLIENT,
  startMsIdentity,
  WEB_CLIENT,
  WORK,
  type MsFixture,
} from './test-helpers.ts';

let f: MsFixture;
beforeEach(async () => {
  f = await startMsIdentity();
});
afterEach(async () => {
  expect(f.sim.server.internalErrors).toEqual([]);
  await f.sim.close();
});

async function freshCode(params: Record<string, string> = {}): Promise<{ code: string; verifier: string }> {
  const { res, pkce } = await authorizeCode(f, new Browser(), WORK, params);
  return { code: res.fragment.get('code')!, verifier: pkce.verifier };
}

describe('authorization_code grant', () => {
  it('returns Entra’s token response with a signed id_token that echoes the nonce', async () => {
    const { code, verifier } = await freshCode({ nonce: 'nonce-42' });
    const { status, headers, body } = await postToken(f.url, redeemForm(code, verifier));
    expect(status).toBe(200);
    expect(headers.get('access-control-allow-origin')).toBe('*');
    expect(Object.keys(body)).toEqual(['token_type', 'scope', 'expires_in', 'ext_expires_in', 'access_token', 'refresh_token', 'refresh_token_expires_in', 'id_token', 'client_info']);
    expect(body).toMatchObject({ token_type: 'Bearer', scope: 'Calendars.ReadWrite openid profile', expires_in: 3600, ext_expires_in: 3600, refresh_token_expires_in: 86400 });
    const account = f.sim.account(WORK)!;
    const claims = jwtClaims(body['id_token'] as string);
    const now = Math.floor(f.clock.now() / 1000);
    expect(claims).toMatchObject({
      aud: SPA_CLIENT,
      iss: `${f.url}/${account.tenantId}/v2.0`,
      iat: now,
      nbf: now,
      exp: now + 3600,
      nonce: 'nonce-42',
      oid: account.oid,
      tid: account.tenantId,
      preferred_username: WORK,
      name: 'Ann Contoso',
      ver: '2.0',
    });
    expect(claims['sub']).toMatch(/^[\w-]{43}$/);
    expect(JSON.parse(Buffer.from(body['client_info'] as string, 'base64url').toString())).toEqual({ uid: account.oid, utid: account.tenantId });
    const check = f.tokens.check(`Bearer ${body['access_token'] as string}`, 'microsoft-graph');
    expect(check.ok && check.grant).toMatchObject({ account: WORK, scopes: ['Calendars.ReadWrite'] });
    expect(f.sim.counters.tokenRequests.authorization_code).toBe(1);
  });

  it('omits the refresh token without offline_access and the id_token without openid', async () => {
    const { code, verifier } = await freshCode({ scope: 'https://graph.microsoft.com/Calendars.ReadWrite' });
    const { body } = await postToken(f.url, redeemForm(code, verifier, { scope: 'https://graph.microsoft.com/Calendars.ReadWrite' }));
    expect(body).not.toHaveProperty('refresh_token');
    expect(body).not.toHaveProperty('id_token');
    expect(body['scope']).toBe('Calendars.ReadWrite');
  });

  it('a code is single use → invalid_grant AADSTS54005', async () => {
    const { code, verifier } = await freshCode();
    expect((await postToken(f.url, redeemForm(code, verifier))).status).toBe(200);
    const again = await postToken(f.url, redeemForm(code, verifier));
    expect(again.status).toBe(400);
    expect(again.body['error']).toBe('invalid_grant');
    expect(again.body['error_codes']).toEqual([54005]);
  });

  it('a code expires after 10 minutes → AADSTS70008', async () => {
    const { code, verifier } = await freshCode();
    f.clock.advance(10 * 60_000);
    const res = await postToken(f.url, redeemForm(code, verifier));
    expect(res.body['error_codes']).toEqual([70008]);
  });

  it('redirect_uri must equal the authorize request’s → AADSTS70000', async () => {
    const { code, verifier } = await freshCode();
    const res = await postToken(f.url, redeemForm(code, verifier, { redirect_uri: 'https://nlbikdfbadfllbfnnjfbffaihjhkbomc.chromiumapp.org/other' }));
    expect(res.body['error']).toBe('invalid_grant');
    expect(res.body['error_codes']).toEqual([70000]);
  });

  it('verifies PKCE S256: a wrong or missing code_verifier → AADSTS501481 (and the code stays redeemable)', async () => {
    const { code, verifier } = await freshCode();
    const wrong = await postToken(f.url, redeemForm(code, `${verifier}x`));
    expect(wrong.body).toMatchObject({ error: 'invalid_grant', error_codes: [501481] });
    const missing = await postToken(f.url, { ...redeemForm(code, verifier), code_verifier: '' });
    expect(missing.body['error_codes']).toEqual([501481]);
    expect((await postToken(f.url, redeemForm(code, verifier))).status).toBe(200);
  });

  it('an unknown code → AADSTS9002313; another client’s code → AADSTS70000', async () => {
    expect((await postToken(f.url, redeemForm('1.sim-bogus', 'v'))).body['error_codes']).toEqual([9002313]);
    f.sim.registerClient({ clientId: 'other-spa', platform: 'spa', redirectUris: ['https://other.example/'] });
    const { code, verifier } = await freshCode();
    const res = await postToken(f.url, redeemForm(code, verifier, { client_id: 'other-spa' }));
    expect(res.body['error_codes']).toEqual([70000]);
  });

  it('renders errors as Entra does, echoing client-request-id as the correlation id', async () => {
    const res = await postToken(f.url, redeemForm('1.sim-bogus', 'v'), { query: '?client-request-id=corr-123' });
    const body = res.body;
    expect(Object.keys(body)).toEqual(['error', 'error_description', 'error_codes', 'timestamp', 'trace_id', 'correlation_id', 'error_uri']);
    expect(body['correlation_id']).toBe('corr-123');
    expect(body['timestamp']).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
    expect(body['error_description']).toBe(
      `AADSTS9002313: Invalid request. Request is malformed or invalid.\r\nTrace ID: ${body['trace_id'] as string}\r\nCorrelation ID: corr-123\r\nTimestamp: ${body['timestamp'] as string}`,
    );
    expect(res.headers.get('x-ms-request-id')).toBe(body['trace_id']);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('the SPA cross-origin rule and client authentication', () => {
  it('answers a CORS preflight from the extension origin', async () => {
    const res = await fetch(`${f.url}/common/oauth2/v2.0/token`, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-anchormailbox' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type,x-anchormailbox');
  });

  it('a non-SPA client redeeming cross-origin → AADSTS9002326', async () => {
    const res = await postToken(f.url, { client_id: DESKTOP_CLIENT, grant_type: 'authorization_code', code: 'x', redirect_uri: 'http://localhost' });
    expect(res.status).toBe(400);
    expect(res.body['error']).toBe('invalid_request');
    expect(res.body['error_codes']).toEqual([9002326]);
    expect(String(res.body['error_description'])).toContain(`Request origin: '${ORIGIN}'.`);
  });

  it('an SPA client redeeming without Origin → AADSTS9002327', async () => {
    const { code, verifier } = await freshCode();
    const res = await postToken(f.url, redeemForm(code, verifier), { origin: null });
    expect(res.body['error_codes']).toEqual([9002327]);
  });

  it('a web app needs its client secret: missing → 401 AADSTS7000218, wrong → 401 AADSTS7000215', async () => {
    const form = { client_id: WEB_CLIENT, grant_type: 'refresh_token', refresh_token: 'x' };
    const missing = await postToken(f.url, form, { origin: null });
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ error: 'invalid_client', error_codes: [7000218] });
    const wrong = await postToken(f.url, { ...form, client_secret: 'nope' }, { origin: null });
    expect(wrong.body['error_codes']).toEqual([7000215]);
    const right = await postToken(f.url, { ...form, client_secret: 's3cret' }, { origin: null });
    expect(right.body['error_codes']).toEqual([9002313]);
  });

  it.each([
    ['unregistered client → 400 unauthorized_client AADSTS700016', { client_id: 'ghost', grant_type: 'authorization_code' }, 'unauthorized_client', 700016],
    ['missing grant_type → AADSTS900144', { client_id: SPA_CLIENT }, 'invalid_request', 900144],
    ['unsupported grant_type → AADSTS70003', { client_id: SPA_CLIENT, grant_type: 'password' }, 'unsupported_grant_type', 70003],
  ])('%s', async (_name, form, error, code) => {
    const res = await postToken(f.url, form);
    expect(res.status).toBe(400);
    expect(res.body['error']).toBe(error);
    expect(aadsts(res.body['error_description'])).toBe(code);
  });

  it('a GET on the token endpoint → 405 AADSTS900561', async () => {
    const res = await fetch(`${f.url}/common/oauth2/v2.0/token`);
    expect(res.status).toBe(405);
    expect(((await res.json()) as { error_codes: number[] }).error_codes).toEqual([900561]);
  });
});
