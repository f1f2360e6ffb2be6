/** State the Google sign-in simulator's handlers share. */
import type { SimClock } from '../core/clock.ts';
import type { TokenRegistry } from '../core/tokens.ts';
import type { GoogleDirectory } from './directory.ts';
import type { ImplicitRequest } from './authorize-request.ts';
import type { BrowserSessions, PendingRequests } from '../core/sessions.ts';

export interface GoogleAuthCounters {
  /** GET /o/oauth2/v2/auth requests that passed validation. */
  authorizeRequests: number;
  /** …of which carried prompt=none. */
  silentRequests: number;
  /** Requests answered with an "Access blocked" error page. */
  errorPages: number;
  /** Account chooser pages rendered (no auto sign-in set). */
  signInPagesShown: number;
  /** Accounts signed in interactively (auto sign-in or the chooser). */
  interactiveSignIns: number;
  /** Access tokens handed out in a redirect. */
  tokensIssued: number;
  /** Redirects carrying an error (interaction_required, consent_required, access_denied). */
  errorRedirects: number;
  tokeninfoRequests: number;
  userinfoRequests: number;
  revocations: number;
}

export function newCounters(): GoogleAuthCounters {
  return {
    authorizeRequests: 0,
    silentRequests: 0,
    errorPages: 0,
    signInPagesShown: 0,
    interactiveSignIns: 0,
    tokensIssued: 0,
    errorRedirects: 0,
    tokeninfoRequests: 0,
    userinfoRequests: 0,
    revocations: 0,
  };
}

export interface GoogleAuthContext {
  readonly clock: SimClock;
  readonly tokens: TokenRegistry;
  readonly directory: GoogleDirectory;
  readonly sessions: BrowserSessions;
  readonly pending: PendingRequests<ImplicitRequest>;
  readonly counters: GoogleAuthCounters;
  /** Who each access token was issued to and for which client (tokeninfo's `aud`/`azp`, revocation). */
  readonly issuedTokens: Map<string, { readonly clientId: string; readonly account: string }>;
  readonly accessTokenLifetimeMs: number;
  /** The account an interactive request signs in at once, as a user clicking through would. */
  autoSignIn(): string | null;
  /** The simulator's own base URL (for links it renders). */
  baseUrl(): string;
}
