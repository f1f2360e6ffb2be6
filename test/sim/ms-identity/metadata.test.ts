import { createPublicKey, verify } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONSUMERS_TENANT_ID, DEFAULT_WORK_TENANT_ID } from './index.ts';
import { aadsts, jwtClaims, signIn, startMsIdentity, type MsFixture } from './test-helpers.ts';

let f: MsFixture;
beforeEach(async () => {
  f = await startMsIdentity();
});
afterEach(async () => {
  expect(f.sim.server.internalErrors).toEqual([]);
  await f.sim.close();
});

async function getJson(url: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const res = await fetch(url, init);
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

describe('OpenID configuration', () => {
  it('serves https metadata for common with the {tenantid} issuer and CORS', async () => {
    expect(f.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const { status, headers, body } = await getJson(`${f.url}/common/v2.0/.well-known/openid-configuration`, { headers: { origin: 'https://app.example' } });
    expect(status).toBe(200);
    expect(headers.get('access-control-allow-origin')).toBe('*');
    expect(body).toMatchObject({
      issuer: `${f.url}/{tenantid}/v2.0`,
      authorization_endpoint: `${f.url}/common/oauth2/v2.0/authorize`,
      token_endpoint: `${f.url}/common/oauth2/v2.0/token`,
      end_session_endpoint: `${f.url}/common/oauth2/v2.0/logout`,
      jwks_uri: `${f.url}/common/discovery/v2.0/keys`,
      id_token_signing_alg_values_supported: ['RS256'],
    });
  });

  it('names the tenant in the issuer for consumers and for a tenant GUID', async () => {
    const consumers = await getJson(`${f.url}/consumers/v2.0/.well-known/openid-configuration`);
    expect(consumers.body['issuer']).toBe(`${f.url}/${CONSUMERS_TENANT_ID}/v2.0`);
    const tenant = await getJson(`${f.url}/${DEFAULT_WORK_TENANT_ID}/v2.0/.well-known/openid-configuration`);
    expect(tenant.body['issuer']).toBe(`${f.url}/${DEFAULT_WORK_TENANT_ID}/v2.0`);
    expect(tenant.body['token_endpoint']).toBe(`${f.url}/${DEFAULT_WORK_TENANT_ID}/oauth2/v2.0/token`);
  });

  it('answers an unknown tenant with 400 AADSTS90002', async () => {
    const { status, body } = await getJson(`${f.url}/0f0f0f0f-0000-4000-8000-000000000000/v2.0/.well-known/openid-configuration`);
    expect(status).toBe(400);
    expect(body['error']).toBe('invalid_tenant');
    expect(body['error_codes']).toEqual([90002]);
  });
});

describe('instance discovery', () => {
  it('returns Entra-shaped metadata whose aliases name the simulator host', async () => {
    const endpoint = encodeURIComponent(`${f.url}/common/oauth2/v2.0/authorize`);
    const { status, body } = await getJson(`${f.url}/common/discovery/instance?api-version=1.1&authorization_endpoint=${endpoint}`);
    const host = new URL(f.url).host;
    expect(status).toBe(200);
    expect(body).toEqual({
      tenant_discovery_endpoint: `${f.url}/common/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    });
  });

  it('rejects an authorization endpoint on another host (AADSTS50049 invalid_instance)', async () => {
    const endpoint = encodeURIComponent('https://login.microsoftonline.com/common/oauth2/v2.0/authorize');
    const { status, body } = await getJson(`${f.url}/common/discovery/instance?api-version=1.1&authorization_endpoint=${endpoint}`);
    expect(status).toBe(400);
    expect(body['error']).toBe('invalid_instance');
    expect(aadsts(body['error_description'])).toBe(50049);
  });

  it('msalMetadata() gives MSAL the same documents as JSON strings', async () => {
    const { authorityMetadata, cloudDiscoveryMetadata } = f.sim.msalMetadata();
    const served = await getJson(`${f.url}/common/v2.0/.well-known/openid-configuration`);
    expect(JSON.parse(authorityMetadata)).toEqual(served.body);
    expect(JSON.parse(cloudDiscoveryMetadata)).toMatchObject({ tenant_discovery_endpoint: `${f.url}/common/v2.0/.well-known/openid-configuration` });
    expect(() => f.sim.msalMetadata('https://login.microsoftonline.com/common')).toThrow(/not an authority/);
  });
});

describe('JWKS', () => {
  it('publishes the RSA key the id_tokens are signed with (RS256 verifies)', async () => {
    const idToken = (await signIn(f))['id_token'] as string;
    const [header, payload, signature] = idToken.split('.') as [string, string, string];
    const { kid, alg, typ } = JSON.parse(Buffer.from(header, 'base64url').toString()) as Record<string, string>;
    expect({ alg, typ }).toEqual({ alg: 'RS256', typ: 'JWT' });
    const { body } = await getJson(`${f.url}/common/discovery/v2.0/keys`);
    const keys = body['keys'] as { kid: string; kty: string; n: string; e: string }[];
    const jwk = keys.find((k) => k.kid === kid)!;
    expect(jwk.kty).toBe('RSA');
    const key = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
    expect(verify('sha256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'))).toBe(true);
    expect(jwtClaims(idToken)['ver']).toBe('2.0');
  });
});
