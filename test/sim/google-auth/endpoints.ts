/**
 * Token introspection and revocation, as Google serves them:
 * - GET|POST /oauth2/v3/tokeninfo?access_token= → `{azp, aud, sub?, scope, exp, expires_in, email?,
 *   email_verified?, access_type}` with numbers as strings; a dead token → 400
 *   `{"error":"invalid_token","error_description":"Invalid Value"}`.
 * - GET /oauth2/v3/userinfo (Bearer) → OpenID claims the token's scopes allow; else 401.
 * - POST /revoke?token= → 200; the user's grant to that client is withdrawn too, so the next
 *   `prompt=none` needs consent again. Unknown/expired token → 400 "Token expired or revoked".
 */
import type { Handler, SimRequest, SimResponse } from '../core/http.ts';
import { json } from '../core/http.ts';
import type { TokenGrant } from '../core/tokens.ts';
import type { GoogleAuthContext } from './context.ts';
import { avatarSvg } from './pages.ts';
import { EMAIL_SCOPE, hasIdentityScope, PROFILE_SCOPE } from './scopes.ts';
import { corsHeaders, formBody } from '../core/web.ts';

export function tokeninfoHandler(ctx: GoogleAuthContext): Handler {
  return (request) => {
    ctx.counters.tokeninfoRequests += 1;
    const cors = corsHeaders(request, 'echo');
    const token = request.url.searchParams.get('access_token') ?? formBody(request).get('access_token');
    const grant = liveGrant(ctx, token === null ? undefined : `Bearer ${token}`);
    if (!grant) return json(400, { error: 'invalid_token', error_description: 'Invalid Value' }, cors);
    const clientId = ctx.issuedTokens.get(grant.token)?.clientId ?? '';
    const account = ctx.directory.accounts.get(grant.account);
    const withEmail = grant.scopes.includes(EMAIL_SCOPE);
    return json(
      200,
      {
        azp: clientId,
        aud: clientId,
        ...(account && hasIdentityScope(grant.scopes) ? { sub: account.sub } : {}),
        scope: grant.scopes.join(' '),
        exp: String(Math.floor(grant.expiresAt / 1000)),
        expires_in: String(Math.max(0, Math.floor((grant.expiresAt - ctx.clock.now()) / 1000))),
        ...(withEmail ? { email: grant.account, email_verified: 'true' } : {}),
        access_type: 'online',
      },
      cors,
    );
  };
}

export function userinfoHandler(ctx: GoogleAuthContext): Handler {
  return (request) => {
    ctx.counters.userinfoRequests += 1;
    const cors = corsHeaders(request, 'echo');
    const queryToken = request.url.searchParams.get('access_token');
    const grant = liveGrant(ctx, request.headers['authorization'] ?? (queryToken === null ? undefined : `Bearer ${queryToken}`));
    const account = grant && ctx.directory.accounts.get(grant.account);
    if (!grant || !account) {
      return json(401, { error: 'invalid_request', error_description: 'Invalid Credentials' }, {
        ...cors,
        'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"',
      });
    }
    const profile = grant.scopes.includes(PROFILE_SCOPE)
      ? { name: account.name, given_name: account.givenName, family_name: account.familyName, picture: `${ctx.baseUrl()}/a/${account.sub}` }
      : {};
    const email = grant.scopes.includes(EMAIL_SCOPE) ? { email: account.email, email_verified: true } : {};
    const hd = account.hostedDomain && grant.scopes.includes(EMAIL_SCOPE) ? { hd: account.hostedDomain } : {};
    return json(200, { sub: account.sub, ...profile, ...email, ...hd }, cors);
  };
}

export function revokeHandler(ctx: GoogleAuthContext): Handler {
  return (request) => {
    const token = request.url.searchParams.get('token') ?? formBody(request).get('token') ?? '';
    const grant = liveGrant(ctx, `Bearer ${token}`);
    if (!grant) return json(400, { error: 'invalid_token', error_description: 'Token expired or revoked' });
    ctx.counters.revocations += 1;
    const clientId = ctx.issuedTokens.get(grant.token)?.clientId ?? '';
    revokeTokens(ctx, grant.account, clientId);
    ctx.directory.forget(grant.account, clientId);
    return json(200, {});
  };
}

/** Revokes every token `account` holds for `clientId` (for every client when undefined). */
export function revokeTokens(ctx: GoogleAuthContext, account: string, clientId: string | undefined): void {
  for (const [token, issued] of [...ctx.issuedTokens]) {
    if (issued.account !== account || (clientId !== undefined && issued.clientId !== clientId)) continue;
    ctx.tokens.revoke(token);
    ctx.issuedTokens.delete(token);
  }
}

/** The profile picture URL userinfo hands out, served here so it never leaves loopback. */
export function avatarHandler(ctx: GoogleAuthContext): Handler {
  return (request: SimRequest): SimResponse => {
    const account = [...ctx.directory.accounts.values()].find((a) => a.sub === request.params['sub']);
    return account ? avatarSvg(account.name) : { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not Found' };
  };
}

function liveGrant(ctx: GoogleAuthContext, authorization: string | undefined): TokenGrant | undefined {
  const check = ctx.tokens.check(authorization, 'google-calendar');
  return check.ok ? check.grant : undefined;
}
