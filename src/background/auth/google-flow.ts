/**
 * Google's OAuth 2.0 implicit token flow, as pure functions: the authorize URL, and what the
 * redirect brought back. (Google web clients cannot use PKCE without a secret: decisions.md #2.)
 */

export const GOOGLE_CALENDAR_SCOPE = 'https://www.googleapis.com/auth/calendar';

export interface GoogleAuthorizeRequest {
  readonly authorizeUrl: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly state: string;
  /** The known address, so Google picks (or, silently, requires) that account. */
  readonly loginHint: string | null;
  /** `none` for silent renewal; `select_account` to let the user choose on a first sign-in. */
  readonly prompt: 'none' | 'select_account' | null;
}

export function googleAuthorizeUrl(request: GoogleAuthorizeRequest): string {
  const url = new URL(request.authorizeUrl);
  const params: Record<string, string> = {
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    response_type: 'token',
    scope: GOOGLE_CALENDAR_SCOPE,
    state: request.state,
    ...(request.loginHint ? { login_hint: request.loginHint } : {}),
    ...(request.prompt ? { prompt: request.prompt } : {}),
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

export type GoogleFlowResult =
  | { readonly ok: true; readonly accessToken: string; readonly expiresInSeconds: number; readonly scopes: readonly string[] }
  | { readonly ok: false; readonly error: string; readonly description: string };

/**
 * Reads the redirect: `#access_token=…&expires_in=…&state=…` or `#error=…&state=…` (some errors
 * arrive in the query instead). A wrong state or a foreign URL is refused before anything else.
 */
export function parseGoogleResponse(responseUrl: string, redirectUri: string, expectedState: string): GoogleFlowResult {
  if (!responseUrl.startsWith(redirectUri)) return { ok: false, error: 'wrong_redirect', description: 'The sign-in ended on an unexpected page.' };
  const url = new URL(responseUrl);
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  const params = fragment.size > 0 ? fragment : url.searchParams;
  if (params.get('state') !== expectedState) {
    return { ok: false, error: 'state_mismatch', description: 'The sign-in answer did not match the request Tandem made.' };
  }
  const error = params.get('error');
  if (error) return { ok: false, error, description: params.get('error_description') ?? params.get('error_subtype') ?? '' };
  const accessToken = params.get('access_token');
  const expiresIn = Number(params.get('expires_in'));
  if (!accessToken || !Number.isFinite(expiresIn) || expiresIn <= 0) {
    return { ok: false, error: 'malformed_response', description: 'Google did not return an access token.' };
  }
  return { ok: true, accessToken, expiresInSeconds: expiresIn, scopes: (params.get('scope') ?? '').split(/\s+/).filter(Boolean) };
}

/** Plain words for an interactive sign-in that ended with a Google error. */
export function googleErrorMessage(error: string): string {
  switch (error) {
    case 'access_denied':
      return 'Google sign-in was cancelled, or access to your calendar was not allowed.';
    case 'state_mismatch':
    case 'wrong_redirect':
      return 'The Google sign-in answer could not be trusted, so it was ignored. Try again.';
    case 'interaction_required':
    case 'login_required':
      return 'Google needs you to sign in again.';
    case 'consent_required':
      return 'Google needs you to allow calendar access again.';
    default:
      return `Google sign-in failed (${error}).`;
  }
}
