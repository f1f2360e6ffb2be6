/**
 * The implicit token flow as Tandem uses it (decisions.md #2): GET /o/oauth2/v2/auth answers with
 * `302 <redirect_uri>#access_token=…&token_type=Bearer&expires_in=3599&scope=…&authuser=0&prompt=…`.
 *
 * - prompt=none: served from the browser session cookie. No session for the hinted account (or
 *   several signed-in accounts and no hint) → `#error=interaction_required&error_subtype=access_denied`,
 *   as Google answers silent requests it cannot complete (angular-oauth2-oidc #475); a session whose
 *   user never granted every requested scope → `#error=consent_required`.
 * - no prompt: the same silent answer when it can be given (Google skips the screens when the
 *   single signed-in user already consented), otherwise the interactive path.
 * - interactive: the auto sign-in account is signed in at once, else the account chooser is shown;
 *   Cancel → `#error=access_denied`.
 */
import type { Handler, SimRequest, SimResponse } from '../core/http.ts';
import { parseImplicitRequest, type ImplicitRequest } from './authorize-request.ts';
import type { GoogleAuthContext } from './context.ts';
import { chooserPage, googleErrorPage } from './pages.ts';
import { canonicalScopes, reportedScopes } from './scopes.ts';
import { formBody, redirectWith } from '../core/web.ts';

export const CHOOSER_ACTION = '/o/oauth2/v2/auth/choose';

type SilentOutcome = { readonly account: string } | { readonly error: 'interaction_required' | 'consent_required' };

export function authorizeHandler(ctx: GoogleAuthContext): Handler {
  return (request) => {
    const parsed = parseImplicitRequest(request.url.searchParams, ctx.directory);
    if (!('client' in parsed)) {
      ctx.counters.errorPages += 1;
      return parsed;
    }
    ctx.counters.authorizeRequests += 1;
    return decide(ctx, request, parsed);
  };
}

function decide(ctx: GoogleAuthContext, request: SimRequest, flow: ImplicitRequest): SimResponse {
  if (flow.prompt.has('none')) {
    ctx.counters.silentRequests += 1;
    const outcome = silentAccount(ctx, request, flow);
    return 'account' in outcome ? issueToken(ctx, request, flow, outcome.account, 'none') : errorRedirect(ctx, flow, outcome.error);
  }
  if (flow.prompt.size === 0) {
    const outcome = silentAccount(ctx, request, flow);
    if ('account' in outcome) return issueToken(ctx, request, flow, outcome.account, 'none');
  }
  const auto = ctx.autoSignIn();
  if (auto !== null) return signInAndIssue(ctx, request, flow, auto);
  return showChooser(ctx, flow);
}

function silentAccount(ctx: GoogleAuthContext, request: SimRequest, flow: ImplicitRequest): SilentOutcome {
  const signedIn = ctx.sessions.accountsOf(request).filter((a) => ctx.directory.accounts.has(a));
  const account = flow.loginHint !== undefined ? signedIn.find((a) => a === flow.loginHint) : signedIn.length === 1 ? signedIn[0] : undefined;
  if (account === undefined) return { error: 'interaction_required' };
  const granted = ctx.directory.granted(account, flow.client.clientId);
  const consented = [...canonicalScopes(flow.scopes)].every((s) => granted.has(s));
  return consented ? { account } : { error: 'consent_required' };
}

function showChooser(ctx: GoogleAuthContext, flow: ImplicitRequest): SimResponse {
  ctx.counters.signInPagesShown += 1;
  const accounts = [...ctx.directory.accounts.values()].sort((a, b) => Number(b.email === flow.loginHint) - Number(a.email === flow.loginHint));
  return chooserPage({ action: CHOOSER_ACTION, pendingId: ctx.pending.add(flow), client: flow.client, accounts, scopes: flow.scopes });
}

/** POST from the chooser: the user picked an account (or cancelled). */
export function chooseHandler(ctx: GoogleAuthContext): Handler {
  return (request) => {
    const form = formBody(request);
    const flow = ctx.pending.take(form.get('request') ?? '');
    if (!flow) return googleErrorPage(400, 'invalid_request', 'This sign-in request has expired. Go back to the app and try again.');
    if (form.has('cancel')) return errorRedirect(ctx, flow, 'access_denied');
    const account = (form.get('account') ?? '').toLowerCase();
    if (!ctx.directory.accounts.has(account)) return googleErrorPage(400, 'invalid_request', `Couldn't find your Google Account: ${account}`);
    return signInAndIssue(ctx, request, flow, account);
  };
}

/** The user signs in and approves the consent screen: session cookie set, scopes granted. */
function signInAndIssue(ctx: GoogleAuthContext, request: SimRequest, flow: ImplicitRequest, account: string): SimResponse {
  ctx.counters.interactiveSignIns += 1;
  const { setCookie } = ctx.sessions.signIn(request, account);
  ctx.directory.grant(account, flow.client.clientId, canonicalScopes(flow.scopes));
  return issueToken(ctx, request, flow, account, 'consent', setCookie ? { 'set-cookie': setCookie } : {});
}

function issueToken(
  ctx: GoogleAuthContext,
  request: SimRequest,
  flow: ImplicitRequest,
  account: string,
  prompt: 'none' | 'consent',
  headers: Record<string, string> = {},
): SimResponse {
  const scopes = canonicalScopes(flow.scopes);
  if (flow.includeGrantedScopes) for (const s of ctx.directory.granted(account, flow.client.clientId)) scopes.add(s);
  const grant = ctx.tokens.issue(account, 'google-calendar', [...scopes], ctx.accessTokenLifetimeMs);
  ctx.issuedTokens.set(grant.token, { clientId: flow.client.clientId, account });
  ctx.counters.tokensIssued += 1;
  const hostedDomain = ctx.directory.accounts.get(account)?.hostedDomain;
  const params: Record<string, string> = {
    ...(flow.state === undefined ? {} : { state: flow.state }),
    access_token: grant.token,
    token_type: 'Bearer',
    // Google reports one second less than the lifetime (3599 for its 1 h tokens).
    expires_in: String(Math.floor(ctx.accessTokenLifetimeMs / 1000) - 1),
    scope: reportedScopes(scopes).join(' '),
    authuser: String(Math.max(0, ctx.sessions.accountsOf(request).indexOf(account))),
    ...(hostedDomain ? { hd: hostedDomain } : {}),
    prompt,
  };
  return redirectWith(flow.redirectUri, params, 'fragment', headers);
}

function errorRedirect(ctx: GoogleAuthContext, flow: ImplicitRequest, error: 'interaction_required' | 'consent_required' | 'access_denied'): SimResponse {
  ctx.counters.errorRedirects += 1;
  const params: Record<string, string> = {
    error,
    ...(error === 'interaction_required' ? { error_subtype: 'access_denied' } : {}),
    ...(flow.state === undefined ? {} : { state: flow.state }),
  };
  return redirectWith(flow.redirectUri, params, 'fragment');
}
