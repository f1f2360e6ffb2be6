/**
 * GET /{tenant}/oauth2/v2.0/authorize → `302 <redirect_uri>#code=…&client_info=…&state=…&session_state=…`.
 *
 * - prompt=none is answered from the browser session cookie (ESTSAUTH). No signed-in account →
 *   `login_required` AADSTS50058 (what Entra returns: MSAL #5148, #1560); several and no hint, or a
 *   hint/sid naming none of them → `interaction_required` AADSTS16000/16002; a permission never
 *   consented → `consent_required` AADSTS65001. MSAL turns all three into InteractionRequiredAuthError.
 * - no prompt: single sign-on from the session when it can, else the interactive path.
 * - interactive (login, select_account, consent, or no usable session): the auto sign-in account
 *   signs in at once, else the account picker is shown. Accounts that may not use this tenant path
 *   (personal accounts on `organizations`, work accounts on `consumers`) get an error page.
 */
import type { Handler, SimRequest, SimResponse } from '../core/http.ts';
import { formBody, redirectWith } from '../core/web.ts';
import { AADSTS, type EntraError } from './aadsts.ts';
import { parseAuthorizeRequest, type AuthorizeRequest, type Refusal } from './authorize-request.ts';
import type { MsIdentityContext } from './context.ts';
import type { MsAccount } from './directory.ts';
import { errorPage, errorStamp, redirectErrorParams } from './errors.ts';
import { accountSessionId } from './grants.ts';
import { pickAccountPage } from './pages.ts';
import { clientInfo, loginHintClaim } from './token-response.ts';

type SilentOutcome = { readonly account: MsAccount; readonly sessionId: string } | { readonly error: EntraError };

export function authorizeHandler(ctx: MsIdentityContext): Handler {
  return (request) => {
    const parsed = parseAuthorizeRequest(request.params['tenant'] ?? '', request.url.searchParams, ctx.directory);
    if ('kind' in parsed) return refuse(ctx, parsed);
    ctx.counters.authorizeRequests += 1;
    return decide(ctx, request, parsed);
  };
}

function decide(ctx: MsIdentityContext, request: SimRequest, flow: AuthorizeRequest): SimResponse {
  if (flow.prompt === 'none') {
    ctx.counters.silentAuthorizeRequests += 1;
    const outcome = silent(ctx, request, flow);
    return 'account' in outcome ? issueCode(ctx, flow, outcome.account, outcome.sessionId) : refuse(ctx, back(flow, outcome.error));
  }
  if (flow.prompt === undefined) {
    const outcome = silent(ctx, request, flow);
    if ('account' in outcome) return issueCode(ctx, flow, outcome.account, outcome.sessionId);
  }
  const auto = ctx.autoSignIn();
  if (auto !== null) return signIn(ctx, request, flow, auto);
  ctx.counters.signInPagesShown += 1;
  return pickAccountPage({
    action: `/${encodeURIComponent(flow.tenant)}/login`,
    pendingId: ctx.pending.add(flow),
    client: flow.client,
    accounts: [...ctx.directory.accounts.values()],
    permissions: flow.scopes.graph,
  });
}

function silent(ctx: MsIdentityContext, request: SimRequest, flow: AuthorizeRequest): SilentOutcome {
  const found = ctx.sessions.find(request);
  const accounts = (found?.session.accounts ?? [])
    .map((upn) => ctx.directory.accounts.get(upn))
    .filter((a): a is MsAccount => a !== undefined && !ctx.directory.eligibility(a, flow.tenant, flow.client.clientId));
  if (!found || accounts.length === 0) return { error: AADSTS.loginRequired() };
  const sessionId = found.session.publicId;
  let account: MsAccount | undefined;
  if (flow.sid !== undefined) account = accounts.find((a) => accountSessionId(sessionId, a.upn) === flow.sid);
  else if (flow.loginHint !== undefined) account = accounts.find((a) => isHintFor(flow.loginHint!, a));
  else if (accounts.length === 1) account = accounts[0];
  if (!account) return { error: flow.sid === undefined ? AADSTS.selectAccount() : AADSTS.sessionNotFound() };
  const granted = ctx.directory.granted(account.upn, flow.client.clientId);
  if (flow.scopes.graph.some((p) => !granted.has(p))) return { error: AADSTS.consentRequired(flow.client.clientId, flow.client.name) };
  return { account, sessionId };
}

/** A `login_hint` names an account by UPN (any case) or by its opaque `login_hint` claim. */
function isHintFor(hint: string, account: MsAccount): boolean {
  return hint.toLowerCase() === account.upn || hint === loginHintClaim(account);
}

/** The user signs in (session cookie) and accepts the permissions (consent recorded). */
function signIn(ctx: MsIdentityContext, request: SimRequest, flow: AuthorizeRequest, upn: string): SimResponse {
  const account = ctx.directory.accounts.get(upn);
  if (!account) return refuse(ctx, { kind: 'page', error: AADSTS.userNotFound(upn, flow.tenant), clientRequestId: flow.clientRequestId });
  const ineligible = ctx.directory.eligibility(account, flow.tenant, flow.client.clientId);
  if (ineligible) return refuse(ctx, { kind: 'page', error: ineligible, clientRequestId: flow.clientRequestId });
  ctx.counters.interactiveSignIns += 1;
  const { publicId, setCookie } = ctx.sessions.signIn(request, account.upn);
  ctx.directory.grant(account.upn, flow.client.clientId, flow.scopes.graph);
  return issueCode(ctx, flow, account, publicId, setCookie ? { 'set-cookie': setCookie } : {});
}

function issueCode(ctx: MsIdentityContext, flow: AuthorizeRequest, account: MsAccount, sessionId: string, headers: Record<string, string> = {}): SimResponse {
  const code = ctx.grants.issueCode({
    clientId: flow.client.clientId,
    redirectUri: flow.redirectUri,
    tenant: flow.tenant,
    scopes: flow.scopes,
    nonce: flow.nonce,
    loginHintClaim: flow.loginHintClaim,
    challenge: flow.challenge,
    upn: account.upn,
    sid: accountSessionId(sessionId, account.upn),
    issuedAt: ctx.clock.now(),
    revocationCount: ctx.directory.revocation(account.upn).count,
  });
  ctx.counters.codesIssued += 1;
  const params: Record<string, string> = {
    code,
    ...(flow.clientInfo ? { client_info: clientInfo(account) } : {}),
    ...(flow.state === undefined ? {} : { state: flow.state }),
    session_state: sessionId,
  };
  return redirectWith(flow.redirectUri, params, flow.responseMode, headers);
}

/** POST from the account picker. */
export function loginHandler(ctx: MsIdentityContext): Handler {
  return (request) => {
    const form = formBody(request);
    const flow = ctx.pending.take(form.get('request') ?? '');
    if (!flow) return refuse(ctx, { kind: 'page', error: { ...AADSTS.malformed(), error: 'invalid_request' }, clientRequestId: undefined });
    if (form.has('cancel')) return refuse(ctx, back(flow, AADSTS.userDeclined()));
    return signIn(ctx, request, flow, (form.get('account') ?? '').toLowerCase());
  };
}

function back(flow: AuthorizeRequest, error: EntraError): Refusal {
  const { redirectUri, responseMode, state, clientRequestId } = flow;
  return { kind: 'redirect', error, redirectUri, responseMode, state, clientRequestId };
}

function refuse(ctx: MsIdentityContext, refusal: Refusal): SimResponse {
  const stamp = errorStamp(ctx.clock.now(), refusal.clientRequestId);
  if (refusal.kind === 'page') {
    ctx.counters.errorPages += 1;
    return errorPage(refusal.error, stamp);
  }
  ctx.counters.errorRedirects += 1;
  return redirectWith(refusal.redirectUri, redirectErrorParams(refusal.error, stamp, ctx.origin(), refusal.state), refusal.responseMode);
}
