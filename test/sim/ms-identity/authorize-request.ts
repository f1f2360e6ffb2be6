/**
 * Validates GET /{tenant}/oauth2/v2.0/authorize (auth code + PKCE). As Entra does, problems that
 * make the redirect URI untrustworthy — unknown tenant, missing/unregistered client_id
 * (AADSTS700016), missing/unregistered redirect_uri (AADSTS50011) — end on an error page; anything
 * after that is redirected back as `error=…` (response_type, scope, PKCE: AADSTS9002325 when an
 * SPA client sends no code_challenge). MSAL's `x-client-*`, `client-request-id` and other extra
 * parameters are accepted and ignored.
 */
import { AADSTS, type EntraError } from './aadsts.ts';
import type { MsClient, MsDirectory } from './directory.ts';
import type { PkceChallenge } from './grants.ts';
import { parseScopeSet, type ScopeSet } from './scopes.ts';
import type { ResponseMode } from '../core/web.ts';

export type MsPrompt = 'none' | 'login' | 'select_account' | 'consent';

export interface AuthorizeRequest {
  readonly tenant: string;
  readonly client: MsClient;
  readonly redirectUri: string;
  readonly responseMode: ResponseMode;
  readonly scopes: ScopeSet;
  readonly state: string | undefined;
  readonly nonce: string | undefined;
  readonly challenge: PkceChallenge | undefined;
  readonly prompt: MsPrompt | undefined;
  readonly loginHint: string | undefined;
  /** MSAL's `sid` (with prompt=none): the account session the id_token named. */
  readonly sid: string | undefined;
  /** The `claims` parameter asked for the optional `login_hint` id_token claim (MSAL always does). */
  readonly loginHintClaim: boolean;
  readonly clientInfo: boolean;
  readonly clientRequestId: string | undefined;
}

/** Where a refused request goes: an error page, or back to the (now trusted) redirect URI. */
export type Refusal =
  | { readonly kind: 'page'; readonly error: EntraError; readonly clientRequestId: string | undefined }
  | { readonly kind: 'redirect'; readonly error: EntraError; readonly redirectUri: string; readonly responseMode: ResponseMode; readonly state: string | undefined; readonly clientRequestId: string | undefined };

const PROMPTS: readonly MsPrompt[] = ['none', 'login', 'select_account', 'consent'];

export function parseAuthorizeRequest(tenant: string, query: URLSearchParams, directory: MsDirectory): AuthorizeRequest | Refusal {
  const clientRequestId = query.get('client-request-id') ?? undefined;
  const page = (error: EntraError): Refusal => ({ kind: 'page', error, clientRequestId });
  if (!directory.isKnownTenant(tenant)) return page(AADSTS.tenantNotFound(tenant));
  const clientId = query.get('client_id');
  if (!clientId) return page(AADSTS.missingParameter('client_id'));
  const client = directory.clients.get(clientId);
  if (!client) return page(AADSTS.appNotFound(clientId, tenant));
  const redirectUri = query.get('redirect_uri');
  if (!redirectUri) return page(AADSTS.missingParameter('redirect_uri'));
  if (!client.redirectUris.includes(redirectUri)) return page(AADSTS.redirectUriMismatch(redirectUri, clientId));

  // The code flow answers in the query unless the client asks for the fragment (MSAL does).
  const responseMode: ResponseMode = query.get('response_mode') === 'fragment' ? 'fragment' : 'query';
  const state = query.get('state') ?? undefined;
  const back = (error: EntraError): Refusal => ({ kind: 'redirect', error, redirectUri, responseMode, state, clientRequestId });
  const responseType = query.get('response_type');
  if (!responseType) return back(AADSTS.missingParameter('response_type'));
  if (responseType !== 'code') return back(AADSTS.unsupportedResponseType(responseType));
  const rawScope = query.get('scope');
  if (!rawScope?.trim()) return back(AADSTS.missingParameter('scope'));
  const scopes = parseScopeSet(rawScope, client);
  if ('invalid' in scopes) return back(AADSTS.invalidScope(scopes.invalid));
  const challenge = parseChallenge(query, client);
  if (!challenge.ok) return back(challenge.error);

  const prompt = PROMPTS.find((p) => p === query.get('prompt'));
  return {
    tenant,
    client,
    redirectUri,
    responseMode,
    scopes,
    state,
    nonce: query.get('nonce') ?? undefined,
    challenge: challenge.value,
    prompt,
    loginHint: query.get('login_hint') || undefined,
    sid: query.get('sid') ?? undefined,
    loginHintClaim: requestsIdTokenClaim(query.get('claims'), 'login_hint'),
    clientInfo: query.get('client_info') === '1',
    clientRequestId,
  };
}

/** Whether a `claims` request (OIDC §5.5 JSON) names `claim` under `id_token`. */
function requestsIdTokenClaim(raw: string | null, claim: string): boolean {
  if (!raw) return false;
  try {
    const parsed = JSON.parse(raw) as { id_token?: Record<string, unknown> } | null;
    return typeof parsed?.id_token === 'object' && parsed.id_token !== null && claim in parsed.id_token;
  } catch {
    return false;
  }
}

function parseChallenge(query: URLSearchParams, client: MsClient): { ok: true; value: PkceChallenge | undefined } | { ok: false; error: EntraError } {
  const value = query.get('code_challenge');
  const method = query.get('code_challenge_method') ?? 'plain';
  if (!value) return client.platform === 'spa' ? { ok: false, error: AADSTS.pkceRequired() } : { ok: true, value: undefined };
  if (method !== 'S256' && method !== 'plain') return { ok: false, error: AADSTS.invalidChallengeMethod() };
  return { ok: true, value: { value, method } };
}
