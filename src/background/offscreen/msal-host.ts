/**
 * MSAL (@azure/msal-browser 5) in the offscreen document. MSAL never navigates here: the config's
 * onRedirectNavigate captures each authorize URL and stops the navigation, the worker runs it in
 * chrome.identity.launchWebAuthFlow, and the response comes back to handleRedirectPromise. The
 * cache lives in this document's sessionStorage and dies with it; the worker then renews with
 * prompt=none. Failures are classified by errorCode, never by message text.
 */
import {
  AuthError,
  BrowserAuthErrorCodes,
  CacheLookupPolicy,
  InteractionRequiredAuthError,
  PublicClientApplication,
  type AuthenticationResult,
} from '@azure/msal-browser';
import { GRAPH_SCOPES, type MsalFailure, type MsalSetup, type OffscreenReply, type OffscreenRequest } from './protocol.ts';

/** The authorize URL the current interaction asked to navigate to. */
let capturedUrl: string | null = null;
let resets = 0;
const clients = new Map<string, Promise<PublicClientApplication>>();

function clientFor(setup: MsalSetup): Promise<PublicClientApplication> {
  const key = JSON.stringify(setup);
  let client = clients.get(key);
  if (!client) {
    const pca = new PublicClientApplication({
      auth: {
        clientId: setup.clientId,
        authority: setup.authority,
        redirectUri: setup.redirectUri,
        postLogoutRedirectUri: setup.redirectUri,
        ...(setup.knownAuthorities.length > 0 ? { knownAuthorities: [...setup.knownAuthorities] } : {}),
        onRedirectNavigate: (url: string) => {
          capturedUrl = url;
          return false;
        },
      },
      cache: { cacheLocation: 'sessionStorage' },
    });
    client = pca.initialize().then(() => pca);
    client.catch(() => clients.delete(key));
    clients.set(key, client);
  }
  return client;
}

export async function handleRequest(request: OffscreenRequest): Promise<OffscreenReply> {
  try {
    const pca = await clientFor(request.setup);
    switch (request.kind) {
      case 'authorize-url':
        return await authorizeUrl(pca, request);
      case 'redeem':
        return await redeem(pca, request.response);
      case 'silent':
        return await silent(pca, request.homeAccountId, request.forceRefresh);
      case 'abandon':
        await clearInteraction(pca);
        return { ok: true, kind: 'done' };
      case 'forget': {
        const account = pca.getAccount({ homeAccountId: request.homeAccountId });
        if (account) await pca.clearCache({ account });
        return { ok: true, kind: 'done' };
      }
    }
  } catch (error) {
    return failure(error);
  }
}

async function authorizeUrl(pca: PublicClientApplication, request: Extract<OffscreenRequest, { kind: 'authorize-url' }>): Promise<OffscreenReply> {
  // A flow that never came back (worker killed, window closed) leaves MSAL's "interaction in
  // progress" flag set; the worker runs one flow at a time, so a new one may clear it.
  await clearInteraction(pca);
  const account = request.homeAccountId ? pca.getAccount({ homeAccountId: request.homeAccountId }) : null;
  capturedUrl = null;
  await pca.acquireTokenRedirect({
    scopes: [...GRAPH_SCOPES],
    ...(request.prompt ? { prompt: request.prompt } : {}),
    ...(account ? { account } : {}),
    ...(request.loginHint ? { loginHint: request.loginHint } : {}),
  });
  const url = capturedUrl as string | null;
  capturedUrl = null;
  if (!url) return { ok: false, kind: 'failed', errorCode: 'no_authorize_url', errorNo: '', message: 'MSAL produced no sign-in address.' };
  return { ok: true, kind: 'url', url };
}

async function redeem(pca: PublicClientApplication, response: string): Promise<OffscreenReply> {
  const result = await pca.handleRedirectPromise({ hash: response, navigateToLoginRequestUrl: false });
  if (!result) {
    await clearInteraction(pca);
    return { ok: false, kind: 'failed', errorCode: 'no_response', errorNo: '', message: 'The sign-in answer did not belong to a sign-in Tandem started.' };
  }
  return grantOf(result);
}

async function silent(pca: PublicClientApplication, homeAccountId: string, forceRefresh: boolean): Promise<OffscreenReply> {
  const account = pca.getAccount({ homeAccountId });
  if (!account) return { ok: false, kind: 'no-account', errorCode: BrowserAuthErrorCodes.noAccountError, errorNo: '', message: 'The account is not in the sign-in cache.' };
  const result = await pca.acquireTokenSilent({
    scopes: [...GRAPH_SCOPES],
    account,
    // Never the hidden iframe: it cannot work in an extension (no page at chromiumapp.org).
    cacheLookupPolicy: forceRefresh ? CacheLookupPolicy.RefreshToken : CacheLookupPolicy.AccessTokenAndRefreshToken,
  });
  return grantOf(result);
}

function grantOf(result: AuthenticationResult): OffscreenReply {
  const expiresOn = result.expiresOn?.getTime() ?? 0;
  return {
    ok: true,
    kind: 'grant',
    grant: { accessToken: result.accessToken, expiresOn, homeAccountId: result.account.homeAccountId, username: result.account.username },
  };
}

/** Clears a pending interaction: a response hash MSAL cannot recognise makes it reset its request cache. */
async function clearInteraction(pca: PublicClientApplication): Promise<void> {
  resets += 1;
  // handleRedirectPromise memoises per hash, so each reset needs a hash of its own.
  await pca.handleRedirectPromise({ hash: `#tandem_reset=${resets}`, navigateToLoginRequestUrl: false }).catch(() => null);
}

const NETWORK_CODES: ReadonlySet<string> = new Set([
  BrowserAuthErrorCodes.noNetworkConnectivity,
  BrowserAuthErrorCodes.postRequestFailed,
  BrowserAuthErrorCodes.getRequestFailed,
  'endpoints_resolution_error',
  'temporarily_unavailable',
]);

function failure(error: unknown): MsalFailure {
  if (!(error instanceof AuthError)) {
    return { ok: false, kind: 'failed', errorCode: 'unexpected', errorNo: '', message: error instanceof Error ? error.message : String(error) };
  }
  const errorNo = (error as AuthError & { errorNo?: unknown }).errorNo;
  const kind = error instanceof InteractionRequiredAuthError ? 'interaction-required' : NETWORK_CODES.has(error.errorCode) ? 'network' : 'failed';
  return { ok: false, kind, errorCode: error.errorCode, errorNo: typeof errorNo === 'string' ? errorNo : '', message: firstLine(error.errorMessage) };
}

function firstLine(text: string): string {
  return (text.split(/\r?\n/)[0] ?? '').slice(0, 300);
}
