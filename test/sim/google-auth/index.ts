/**
 * Simulated Google sign-in (accounts.google.com + the oauth2 introspection endpoints), plain HTTP
 * by default. Issues access tokens for the Calendar API simulator through the shared
 * TokenRegistry (audience `google-calendar`, account = email), keeps browser sessions in a cookie
 * so a browser that signed in once renews silently with `prompt=none`, and offers in-process
 * controls for tests and the demo.
 *
 * Routes: GET /o/oauth2/v2/auth, POST /o/oauth2/v2/auth/choose (the chooser page's form),
 * GET|POST /oauth2/v3/tokeninfo, GET /oauth2/v3/userinfo, POST /revoke, GET /a/:sub (avatar).
 */
import type { SimClock } from '../core/clock.ts';
import { FaultInjector } from '../core/faults.ts';
import { json, Router, type SimRequest } from '../core/http.ts';
import { RequestLog } from '../core/request-log.ts';
import { SimServer } from '../core/server.ts';
import type { TlsMaterial } from '../core/tls.ts';
import type { TokenRegistry } from '../core/tokens.ts';
import { authorizeHandler, chooseHandler, CHOOSER_ACTION } from './authorize.ts';
import type { ImplicitRequest } from './authorize-request.ts';
import { newCounters, type GoogleAuthContext, type GoogleAuthCounters } from './context.ts';
import { GoogleDirectory, type GoogleAccount, type GoogleAccountInput, type GoogleClient, type GoogleClientInput } from './directory.ts';
import { avatarHandler, revokeHandler, revokeTokens, tokeninfoHandler, userinfoHandler } from './endpoints.ts';
import { BrowserSessions, PendingRequests } from '../core/sessions.ts';
import { corsPreflight } from '../core/web.ts';

export type { GoogleAccount, GoogleClient, GoogleAuthCounters };

export interface GoogleAuthSimOptions {
  readonly clock: SimClock;
  readonly tokens: TokenRegistry;
  readonly faults?: FaultInjector;
  readonly log?: RequestLog;
  readonly tls?: TlsMaterial;
  /** Access-token lifetime; Google's is 1 h (reported as expires_in=3599). */
  readonly accessTokenLifetimeMs?: number;
}

export class GoogleAuthSim {
  readonly server: SimServer;
  readonly faults: FaultInjector;
  readonly log: RequestLog;
  readonly counters: GoogleAuthCounters = newCounters();
  private readonly directory = new GoogleDirectory();
  private readonly sessions: BrowserSessions;
  private readonly context: GoogleAuthContext;
  private autoSignInAccount: string | null = null;

  constructor(options: GoogleAuthSimOptions) {
    this.faults = options.faults ?? new FaultInjector();
    this.log = options.log ?? new RequestLog();
    this.sessions = new BrowserSessions('SID', () => options.tls !== undefined);
    const { clock, tokens } = options;
    this.context = {
      clock,
      tokens,
      directory: this.directory,
      sessions: this.sessions,
      pending: new PendingRequests<ImplicitRequest>(() => clock.now()),
      counters: this.counters,
      issuedTokens: new Map(),
      accessTokenLifetimeMs: options.accessTokenLifetimeMs ?? 3600_000,
      autoSignIn: () => this.autoSignInAccount,
      baseUrl: () => this.url,
    };
    this.server = new SimServer({
      name: 'google-auth',
      router: this.routes(),
      clock,
      log: this.log,
      faults: this.faults,
      tls: options.tls,
      // CORS is per endpoint: the introspection endpoints allow it, the authorize page needs none.
      cors: false,
      renderError: (status, reason, message, retryAfter) =>
        json(status, { error: reason ?? 'server_error', error_description: message }, retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) }),
      accountOf: (request) => this.accountOf(request),
    });
  }

  get url(): string {
    return this.server.url;
  }

  listen(port = 0): Promise<string> {
    return this.server.listen(port);
  }

  close(): Promise<void> {
    return this.server.close();
  }

  addAccount(input: GoogleAccountInput): GoogleAccount {
    return this.directory.addAccount(input);
  }

  registerClient(input: GoogleClientInput): GoogleClient {
    return this.directory.registerClient(input);
  }

  /** An interactive authorize request signs this account in at once (as a user clicking through); null shows the chooser. */
  setAutoSignIn(email: string | null): void {
    const account = email?.toLowerCase() ?? null;
    if (account !== null && !this.directory.accounts.has(account)) throw new Error(`No Google account ${account}; addAccount() it first`);
    this.autoSignInAccount = account;
  }

  /** The user signed out / cleared cookies: every browser session ends, so prompt=none fails. */
  endAllSessions(): void {
    this.sessions.endAll();
  }

  /** The user removed the app's access: the account's tokens die now and its grants are forgotten. */
  revoke(email: string): void {
    const account = email.toLowerCase();
    revokeTokens(this.context, account, undefined);
    this.directory.forget(account);
  }

  /** Scopes (canonical form) `email` granted `clientId`. */
  grantedScopes(email: string, clientId: string): string[] {
    return [...this.directory.granted(email.toLowerCase(), clientId)];
  }

  private routes(): Router {
    const ctx = this.context;
    return new Router()
      .on('GET', '/o/oauth2/v2/auth', authorizeHandler(ctx))
      .on('POST', CHOOSER_ACTION, chooseHandler(ctx))
      .on('GET', '/oauth2/v3/tokeninfo', tokeninfoHandler(ctx))
      .on('POST', '/oauth2/v3/tokeninfo', tokeninfoHandler(ctx))
      .on('OPTIONS', '/oauth2/v3/tokeninfo', (request) => corsPreflight(request, 'GET, POST', 'echo'))
      .on('GET', '/oauth2/v3/userinfo', userinfoHandler(ctx))
      .on('OPTIONS', '/oauth2/v3/userinfo', (request) => corsPreflight(request, 'GET', 'echo'))
      .on('POST', '/revoke', revokeHandler(ctx))
      .on('GET', '/a/:sub', avatarHandler(ctx));
  }

  private accountOf(request: SimRequest): string | undefined {
    const token = request.url.searchParams.get('access_token');
    const authorization = request.headers['authorization'] ?? (token === null ? undefined : `Bearer ${token}`);
    const check = this.context.tokens.check(authorization, 'google-calendar');
    return check.ok ? check.grant.account : undefined;
  }
}
