/**
 * Validates an implicit-flow authorize request (GET /o/oauth2/v2/auth) the way Google does: every
 * malformed request ends on an "Access blocked" page shown to the user (401 invalid_client, 400
 * redirect_uri_mismatch / unsupported_response_type / invalid_scope / invalid_request), because an
 * unverified redirect_uri must never receive anything. Only a valid request can be redirected back.
 */
import type { SimResponse } from '../core/http.ts';
import type { GoogleClient, GoogleDirectory } from './directory.ts';
import { googleErrorPage } from './pages.ts';
import { invalidScopes, parseScopes } from './scopes.ts';

export type GooglePrompt = 'none' | 'consent' | 'select_account';

export interface ImplicitRequest {
  readonly client: GoogleClient;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly state: string | undefined;
  readonly prompt: ReadonlySet<GooglePrompt>;
  readonly loginHint: string | undefined;
  /** include_granted_scopes=true: the token also carries scopes granted earlier (incremental auth). */
  readonly includeGrantedScopes: boolean;
}

const PROMPTS: ReadonlySet<string> = new Set<GooglePrompt>(['none', 'consent', 'select_account']);

export function parseImplicitRequest(query: URLSearchParams, directory: GoogleDirectory): ImplicitRequest | SimResponse {
  const details = Object.fromEntries(query);
  const clientId = query.get('client_id');
  if (!clientId) return googleErrorPage(400, 'invalid_request', 'Missing required parameter: client_id', details);
  const client = directory.clients.get(clientId);
  if (!client) return googleErrorPage(401, 'invalid_client', 'The OAuth client was not found.', details);
  const redirectUri = query.get('redirect_uri');
  if (!redirectUri) return googleErrorPage(400, 'invalid_request', 'Missing required parameter: redirect_uri', details);
  if (!client.redirectUris.includes(redirectUri)) {
    return googleErrorPage(
      400,
      'redirect_uri_mismatch',
      `You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy. If you're the app developer, register the redirect URI in the Google Cloud Console.`,
      { redirect_uri: redirectUri },
    );
  }
  return parseFlowParameters(query, client, redirectUri, details);
}

function parseFlowParameters(query: URLSearchParams, client: GoogleClient, redirectUri: string, details: Record<string, string>): ImplicitRequest | SimResponse {
  const responseType = query.get('response_type');
  if (!responseType) return googleErrorPage(400, 'invalid_request', 'Required parameter is missing: response_type', details);
  // Only the implicit token flow is simulated (decisions.md #2); Google rejects unknown types on a page.
  if (responseType !== 'token') return googleErrorPage(400, 'unsupported_response_type', `Unsupported response_type: ${responseType}`, details);
  const scopes = parseScopes(query.get('scope'));
  if (scopes.length === 0) return googleErrorPage(400, 'invalid_request', 'Missing required parameter: scope', details);
  const invalid = invalidScopes(scopes);
  if (invalid.length > 0) {
    const valid = scopes.filter((s) => !invalid.includes(s));
    return googleErrorPage(400, 'invalid_scope', `Some requested scopes were invalid. {valid=[${valid.join(', ')}], invalid=[${invalid.join(', ')}]}`, details);
  }
  const prompt = parsePrompt(query.get('prompt'));
  if (prompt === 'invalid') return googleErrorPage(400, 'invalid_request', `Invalid parameter value for prompt: ${query.get('prompt') ?? ''}`, details);
  return {
    client,
    redirectUri,
    scopes,
    state: query.get('state') ?? undefined,
    prompt,
    loginHint: query.get('login_hint')?.toLowerCase() || undefined,
    includeGrantedScopes: query.get('include_granted_scopes') === 'true',
  };
}

/** Space-delimited; `none` must stand alone ("Must not be specified with other values"). Google has no prompt=login. */
function parsePrompt(raw: string | null): ReadonlySet<GooglePrompt> | 'invalid' {
  const values = parseScopes(raw);
  if (values.some((v) => !PROMPTS.has(v))) return 'invalid';
  if (values.includes('none') && values.length > 1) return 'invalid';
  return new Set(values as GooglePrompt[]);
}
