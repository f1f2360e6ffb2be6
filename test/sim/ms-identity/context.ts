/** State the Microsoft identity simulator's handlers share. */
import type { SimClock } from '../core/clock.ts';
import type { TokenRegistry } from '../core/tokens.ts';
import type { BrowserSessions, PendingRequests } from '../core/sessions.ts';
import type { AuthorizeRequest } from './authorize-request.ts';
import type { MsDirectory } from './directory.ts';
import type { GrantStore } from './grants.ts';
import type { SigningKey } from './jwt.ts';

export interface MsIdentityCounters {
  /** Authorize requests that passed validation… */
  authorizeRequests: number;
  /** …of which carried prompt=none. */
  silentAuthorizeRequests: number;
  /** Error pages rendered instead of redirecting (bad client, redirect URI, tenant, account). */
  errorPages: number;
  /** Redirects carrying an error (login_required, interaction_required, consent_required, …). */
  errorRedirects: number;
  signInPagesShown: number;
  /** Accounts signed in interactively (auto sign-in or the sign-in page). */
  interactiveSignIns: number;
  codesIssued: number;
  /** Token endpoint requests per grant type (successful or not). */
  tokenRequests: { authorization_code: number; refresh_token: number };
  /** Token responses carrying an access token. */
  tokensIssued: number;
  tokenErrors: number;
  logouts: number;
  metadataRequests: number;
}

export function newCounters(): MsIdentityCounters {
  return {
    authorizeRequests: 0,
    silentAuthorizeRequests: 0,
    errorPages: 0,
    errorRedirects: 0,
    signInPagesShown: 0,
    interactiveSignIns: 0,
    codesIssued: 0,
    tokenRequests: { authorization_code: 0, refresh_token: 0 },
    tokensIssued: 0,
    tokenErrors: 0,
    logouts: 0,
    metadataRequests: 0,
  };
}

export interface Lifetimes {
  /** Access tokens (Entra: 60–90 min; the simulator uses a fixed value). */
  readonly accessTokenMs: number;
  /** Authorization codes (Entra: 10 min). */
  readonly codeMs: number;
  /** SPA refresh tokens: fixed from the original sign-in, not sliding (Entra: 24 h). */
  readonly spaRefreshTokenMs: number;
  /** Other refresh tokens: expire after this much inactivity (Entra: 90 days). */
  readonly refreshTokenInactivityMs: number;
}

export interface MsIdentityContext {
  readonly clock: SimClock;
  readonly tokens: TokenRegistry;
  readonly directory: MsDirectory;
  readonly sessions: BrowserSessions;
  readonly pending: PendingRequests<AuthorizeRequest>;
  readonly grants: GrantStore;
  readonly counters: MsIdentityCounters;
  readonly signingKey: SigningKey;
  readonly lifetimes: Lifetimes;
  autoSignIn(): string | null;
  /** The simulator's origin (https://127.0.0.1:port), the authority host. */
  origin(): string;
}
