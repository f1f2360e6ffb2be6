/**
 * POST /{tenant}/oauth2/v2.0/token (form-encoded), authorization_code and refresh_token grants.
 *
 * The SPA cross-origin rule (auth-and-toolchain.md §2.6): a request with an `Origin` header is
 * accepted only for a client registered as `spa` (else AADSTS9002326), and an `spa` client's
 * grants may only be redeemed cross-origin (AADSTS9002327). Responses carry CORS headers and
 * preflights are answered, so a page or extension origin can read them. Web apps must send their
 * client secret (401 invalid_client).
 */
import type { Handler, SimRequest, SimResponse } from '../core/http.ts';
import { corsHeaders, corsPreflight, formBody } from '../core/web.ts';
import { AADSTS, entraDuration, entraInstant, type EntraError } from './aadsts.ts';
import type { MsIdentityContext } from './context.ts';
import type { MsClient } from './directory.ts';
import { errorStamp, jsonError } from './errors.ts';
import { verifierMatches } from './grants.ts';
import { parseScopeSet } from './scopes.ts';
import { tokenResponse } from './token-response.ts';

type Outcome = SimResponse | EntraError;

export function tokenPreflightHandler(): Handler {
  return (request) => corsPreflight(request, 'POST, OPTIONS', '*');
}

export function tokenHandler(ctx: MsIdentityContext): Handler {
  return (request) => {
    const clientRequestId = request.url.searchParams.get('client-request-id') ?? request.headers['client-request-id'];
    const stamp = errorStamp(ctx.clock.now(), clientRequestId);
    const headers = { ...corsHeaders(request, '*'), 'x-ms-request-id': stamp.traceId, ...(clientRequestId ? { 'client-request-id': clientRequestId } : {}) };
    const outcome = serve(ctx, request, headers);
    if ('status' in outcome) return outcome;
    ctx.counters.tokenErrors += 1;
    return jsonError(outcome, stamp, ctx.origin(), headers);
  };
}

function serve(ctx: MsIdentityContext, request: SimRequest, headers: Record<string, string>): Outcome {
  const tenant = request.params['tenant'] ?? '';
  if (!ctx.directory.isKnownTenant(tenant)) return AADSTS.tenantNotFound(tenant);
  const form = formBody(request);
  const clientId = form.get('client_id');
  if (!clientId) return AADSTS.missingParameter('client_id');
  const client = ctx.directory.clients.get(clientId);
  if (!client) return AADSTS.appNotFound(clientId, tenant);
  const refused = checkCaller(client, form, request.headers['origin']);
  if (refused) return refused;
  const grantType = form.get('grant_type');
  if (!grantType) return AADSTS.missingParameter('grant_type');
  if (grantType === 'authorization_code') {
    ctx.counters.tokenRequests.authorization_code += 1;
    return redeemCode(ctx, client, form, headers);
  }
  if (grantType === 'refresh_token') {
    ctx.counters.tokenRequests.refresh_token += 1;
    return redeemRefreshToken(ctx, client, form, headers);
  }
  return AADSTS.unsupportedGrantType(grantType);
}

/** Who may call: SPA clients only cross-origin, others never cross-origin; web apps with their secret. */
function checkCaller(client: MsClient, form: URLSearchParams, origin: string | undefined): EntraError | undefined {
  if (origin && client.platform !== 'spa') return AADSTS.crossOriginNotSpa(origin);
  if (!origin && client.platform === 'spa') return AADSTS.spaNeedsCrossOrigin();
  if (client.platform !== 'web') return undefined;
  const secret = form.get('client_secret');
  if (!secret) return AADSTS.clientSecretMissing();
  return secret === client.clientSecret ? undefined : AADSTS.clientSecretInvalid(client.clientId);
}

function redeemCode(ctx: MsIdentityContext, client: MsClient, form: URLSearchParams, headers: Record<string, string>): Outcome {
  const code = form.get('code');
  if (!code) return AADSTS.missingParameter('code');
  const grant = ctx.grants.code(code);
  if (!grant) return AADSTS.malformed();
  if (grant.clientId !== client.clientId) return AADSTS.grantForAnotherClient('code');
  if (grant.redeemed) return AADSTS.codeRedeemed();
  const now = ctx.clock.now();
  if (now - grant.issuedAt >= ctx.lifetimes.codeMs) return AADSTS.codeExpired();
  const redirectUri = form.get('redirect_uri');
  if (!redirectUri) return AADSTS.missingParameter('redirect_uri');
  if (redirectUri !== grant.redirectUri) return AADSTS.redirectUriNotOfCode();
  const verifier = form.get('code_verifier');
  if (grant.challenge && (!verifier || !verifierMatches(grant.challenge, verifier))) return AADSTS.pkceMismatch();
  const account = ctx.directory.accounts.get(grant.upn);
  const revoked = revokedSince(ctx, grant);
  if (revoked || !account) return revoked ?? AADSTS.malformed();
  grant.redeemed = true;
  const { scopes, tenant, sid, nonce, loginHintClaim } = grant;
  const clientInfo = form.get('client_info') === '1';
  return tokenResponse(ctx, { account, client, tenant, scopes, sid, nonce, loginHintClaim, clientInfo, signedInAt: grant.issuedAt, chainExpiresAt: undefined }, headers);
}

function redeemRefreshToken(ctx: MsIdentityContext, client: MsClient, form: URLSearchParams, headers: Record<string, string>): Outcome {
  const token = form.get('refresh_token');
  if (!token) return AADSTS.missingParameter('refresh_token');
  const grant = ctx.grants.refreshToken(token);
  if (!grant) return AADSTS.malformed();
  if (grant.clientId !== client.clientId) return AADSTS.grantForAnotherClient('refresh_token');
  const now = ctx.clock.now();
  const revoked = revokedSince(ctx, grant);
  if (revoked) return revoked;
  if (grant.spa && now >= grant.expiresAt) return AADSTS.spaRefreshTokenExpired(entraDuration(ctx.lifetimes.spaRefreshTokenMs), entraInstant(grant.signedInAt));
  if (!grant.spa && now - grant.lastUsedAt >= ctx.lifetimes.refreshTokenInactivityMs) {
    return AADSTS.refreshTokenInactive(entraInstant(grant.issuedAt), entraDuration(ctx.lifetimes.refreshTokenInactivityMs));
  }
  const requested = form.get('scope');
  const scopes = requested ? parseScopeSet(requested, client) : grant.scopes;
  if ('invalid' in scopes) return AADSTS.invalidScope(scopes.invalid);
  const granted = ctx.directory.granted(grant.upn, client.clientId);
  if (scopes.graph.some((p) => !granted.has(p))) return AADSTS.consentRequired(client.clientId, client.name, 'invalid_grant');
  const account = ctx.directory.accounts.get(grant.upn);
  if (!account) return AADSTS.malformed();
  grant.lastUsedAt = now;
  // A refresh grant always yields a new refresh token, whatever the scope parameter says.
  const withRefresh = { ...scopes, oidc: new Set([...scopes.oidc, 'offline_access' as const]) };
  return tokenResponse(
    ctx,
    {
      account,
      client,
      tenant: grant.tenant,
      scopes: withRefresh,
      sid: grant.sid,
      nonce: undefined,
      loginHintClaim: grant.loginHintClaim,
      clientInfo: form.get('client_info') === '1',
      signedInAt: grant.signedInAt,
      chainExpiresAt: grant.spa ? grant.expiresAt : undefined,
    },
    headers,
  );
}

/** AADSTS50173 when the user's sessions were revoked after the grant was issued. */
function revokedSince(ctx: MsIdentityContext, grant: { readonly upn: string; readonly issuedAt: number; readonly revocationCount: number }): EntraError | undefined {
  const revocation = ctx.directory.revocation(grant.upn);
  return grant.revocationCount < revocation.count ? AADSTS.grantRevoked(entraInstant(grant.issuedAt), entraInstant(revocation.at)) : undefined;
}
