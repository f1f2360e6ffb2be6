/**
 * A successful token response, as Entra's v2.0 endpoint sends it: `token_type, scope, expires_in,
 * ext_expires_in, access_token`, a `refresh_token` when `offline_access` was asked for (SPA ones
 * with `refresh_token_expires_in`), an `id_token` for `openid`, and `client_info` (base64url
 * `{uid, utid}`) when the client sent `client_info=1`. Access tokens go into the shared
 * TokenRegistry for the Graph simulator (audience `microsoft-graph`, account = UPN).
 */
import { randomUUID } from 'node:crypto';
import type { SimResponse } from '../core/http.ts';
import type { MsIdentityContext } from './context.ts';
import type { MsAccount, MsClient } from './directory.ts';
import { pairwiseSubject, signJwt } from './jwt.ts';
import { responseScope, type ScopeSet } from './scopes.ts';

export interface TokenIssue {
  readonly account: MsAccount;
  readonly client: MsClient;
  readonly tenant: string;
  readonly scopes: ScopeSet;
  readonly sid: string;
  /** Echoed into the id_token (authorization-code grant only). */
  readonly nonce: string | undefined;
  /** Include the optional `login_hint` claim (requested through the authorize `claims` parameter). */
  readonly loginHintClaim: boolean;
  readonly clientInfo: boolean;
  /** Start of the sign-in chain (SPA refresh tokens expire a fixed time after it). */
  readonly signedInAt: number;
  /** Fixed expiry carried over from an earlier SPA refresh token. */
  readonly chainExpiresAt: number | undefined;
}

export function tokenResponse(ctx: MsIdentityContext, issue: TokenIssue, headers: Record<string, string>): SimResponse {
  const now = ctx.clock.now();
  const { account, scopes } = issue;
  const accessToken = ctx.tokens.issue(account.upn, 'microsoft-graph', scopes.graph, ctx.lifetimes.accessTokenMs);
  ctx.grants.recordAccessToken(accessToken.token, account.upn);
  ctx.counters.tokensIssued += 1;
  const expiresIn = Math.floor(ctx.lifetimes.accessTokenMs / 1000);
  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    scope: responseScope(scopes),
    expires_in: expiresIn,
    ext_expires_in: expiresIn,
    access_token: accessToken.token,
  };
  if (scopes.oidc.has('offline_access')) Object.assign(body, refreshToken(ctx, issue, now));
  if (scopes.oidc.has('openid')) body['id_token'] = idToken(ctx, issue, now);
  if (issue.clientInfo) body['client_info'] = clientInfo(account);
  return { status: 200, headers: { 'cache-control': 'no-store, no-cache', pragma: 'no-cache', ...headers }, body };
}

/** Entra's `client_info`: base64url JSON `{uid, utid}` (MSAL's home account id is `uid.utid`). */
export function clientInfo(account: MsAccount): string {
  return Buffer.from(JSON.stringify({ uid: account.oid, utid: account.tenantId })).toString('base64url');
}

/**
 * The optional `login_hint` claim: an opaque value naming the account that the client sends back
 * as `login_hint` (MSAL prefers it to the UPN). Entra's format is undocumented; any opaque,
 * account-specific string does.
 */
export function loginHintClaim(account: MsAccount): string {
  return `O.${Buffer.from(`${account.oid}@${account.tenantId}`).toString('base64url')}`;
}

function refreshToken(ctx: MsIdentityContext, issue: TokenIssue, now: number): Record<string, unknown> {
  const spa = issue.client.platform === 'spa';
  const expiresAt = spa ? (issue.chainExpiresAt ?? issue.signedInAt + ctx.lifetimes.spaRefreshTokenMs) : Infinity;
  const token = ctx.grants.issueRefreshToken({
    clientId: issue.client.clientId,
    tenant: issue.tenant,
    scopes: issue.scopes,
    upn: issue.account.upn,
    sid: issue.sid,
    loginHintClaim: issue.loginHintClaim,
    spa,
    issuedAt: now,
    revocationCount: ctx.directory.revocation(issue.account.upn).count,
    signedInAt: issue.signedInAt,
    expiresAt,
    lastUsedAt: now,
  });
  return spa ? { refresh_token: token, refresh_token_expires_in: Math.max(0, Math.floor((expiresAt - now) / 1000)) } : { refresh_token: token };
}

function idToken(ctx: MsIdentityContext, issue: TokenIssue, now: number): string {
  const { account, client } = issue;
  const iat = Math.floor(now / 1000);
  return signJwt(ctx.signingKey, {
    aud: client.clientId,
    iss: `${ctx.origin()}/${account.tenantId}/v2.0`,
    iat,
    nbf: iat,
    exp: iat + 3600,
    ...(issue.scopes.oidc.has('email') ? { email: account.upn } : {}),
    ...(issue.loginHintClaim ? { login_hint: loginHintClaim(account) } : {}),
    name: account.name,
    ...(issue.nonce === undefined ? {} : { nonce: issue.nonce }),
    oid: account.oid,
    preferred_username: account.upn,
    sid: issue.sid,
    sub: pairwiseSubject(account.oid, client.clientId),
    tid: account.tenantId,
    uti: randomUUID().replace(/-/g, '').slice(0, 22),
    ver: '2.0',
  });
}
