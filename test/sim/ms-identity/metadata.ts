/**
 * Discovery documents, shaped like Entra's, so MSAL can be handed `authorityMetadata` and
 * `cloudDiscoveryMetadata` and never look anything up on the internet:
 * - GET /{tenant}/v2.0/.well-known/openid-configuration — `issuer` keeps Entra's `{tenantid}`
 *   placeholder for `common`/`organizations` and names the tenant otherwise (consumers: its GUID).
 * - GET /common/discovery/instance?api-version=1.1&authorization_endpoint=… — instance discovery;
 *   the simulator's host:port is the only alias.
 * - GET /{tenant}/discovery/v2.0/keys — the JWKS the id_tokens are signed with.
 * Hosts of real Microsoft services (Graph's userinfo, pas.windows.net) are left out.
 */
import type { Handler } from '../core/http.ts';
import { json } from '../core/http.ts';
import { corsHeaders } from '../core/web.ts';
import { AADSTS } from './aadsts.ts';
import type { MsIdentityContext } from './context.ts';
import { CONSUMERS_TENANT_ID } from './directory.ts';
import { errorStamp, jsonError } from './errors.ts';

export function openIdConfiguration(origin: string, tenant: string): Record<string, unknown> {
  const base = `${origin}/${tenant}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${origin}/${issuerTenant(tenant)}/v2.0`,
    request_uri_parameter_supported: false,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    claims_supported: ['sub', 'iss', 'cloud_instance_name', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
    tenant_region_scope: null,
    cloud_instance_name: 'microsoftonline.com',
  };
}

export function instanceDiscovery(origin: string, tenant: string): Record<string, unknown> {
  const host = new URL(origin).host;
  return {
    tenant_discovery_endpoint: `${origin}/${tenant}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  };
}

/** The two JSON strings MSAL's `auth.authorityMetadata` / `auth.cloudDiscoveryMetadata` take. */
export function msalMetadataFor(origin: string, authority: string): { readonly authorityMetadata: string; readonly cloudDiscoveryMetadata: string } {
  const url = new URL(authority);
  const tenant = url.pathname.split('/').filter(Boolean)[0];
  if (url.origin !== origin || !tenant) throw new Error(`${authority} is not an authority of the simulator at ${origin}`);
  return {
    authorityMetadata: JSON.stringify(openIdConfiguration(origin, tenant)),
    cloudDiscoveryMetadata: JSON.stringify(instanceDiscovery(origin, tenant)),
  };
}

export function openIdConfigurationHandler(ctx: MsIdentityContext): Handler {
  return (request) => {
    ctx.counters.metadataRequests += 1;
    const tenant = request.params['tenant'] ?? '';
    const cors = corsHeaders(request, '*');
    if (!ctx.directory.isKnownTenant(tenant)) {
      const stamp = errorStamp(ctx.clock.now(), undefined);
      return jsonError({ ...AADSTS.tenantNotFound(tenant), error: 'invalid_tenant' }, stamp, ctx.origin(), cors);
    }
    return json(200, openIdConfiguration(ctx.origin(), tenant), cors);
  };
}

export function instanceDiscoveryHandler(ctx: MsIdentityContext): Handler {
  return (request) => {
    ctx.counters.metadataRequests += 1;
    const cors = corsHeaders(request, '*');
    const endpoint = parseUrl(request.url.searchParams.get('authorization_endpoint') ?? '');
    const tenant = endpoint?.pathname.split('/').filter(Boolean)[0];
    if (!endpoint || endpoint.origin !== ctx.origin() || !tenant) {
      return jsonError(AADSTS.unknownInstance(), errorStamp(ctx.clock.now(), undefined), ctx.origin(), cors);
    }
    return json(200, instanceDiscovery(ctx.origin(), tenant), cors);
  };
}

export function keysHandler(ctx: MsIdentityContext): Handler {
  return (request) => json(200, { keys: [{ ...ctx.signingKey.jwk, issuer: `${ctx.origin()}/{tenantid}/v2.0` }] }, corsHeaders(request, '*'));
}

function issuerTenant(tenant: string): string {
  if (tenant === 'common' || tenant === 'organizations') return '{tenantid}';
  return tenant === 'consumers' ? CONSUMERS_TENANT_ID : tenant;
}

function parseUrl(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}
