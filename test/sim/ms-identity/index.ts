/**
 * Simulated Microsoft identity platform (login.microsoftonline.com, v2.0 endpoints) over HTTPS
 * with the start-up self-signed certificate, because MSAL refuses an http authority. Tenant path
 * segment: `common`, `organizations`, `consumers` or a tenant GUID. Issues Graph access tokens
 * through the shared TokenRegistry (audience `microsoft-graph`, account = UPN), real RS256
 * id_tokens, rotating refresh tokens (SPA: fixed 24 h chains), and keeps browser sessions in a
 * cookie so a browser that signed in once renews with `prompt=none`.
 *
 * Routes: GET /{tenant}/v2.0/.well-known/openid-configuration, GET /common/discovery/instance,
 * GET /{tenant}/discovery/v2.0/keys, GET /{tenant}/oauth2/v2.0/authorize, POST /{tenant}/login
 * (the picker's form), POST|OPTIONS /{tenant}/oauth2/v2.0/token, GET /{tenant}/oauth2/v2.0/logout,
 * GET /error.
 */
import type { SimClock } from '../core/clock.ts';
import { FaultInjector } from '../core/faults.ts';
import { Router, type SimRequest } from '../core/http.ts';
import { RequestLog } from '../core/request-log.ts';
import { SimServer } from '../core/server.ts';
import { simulatorCertificate, type TlsMaterial } from '../core/tls.ts';
import type { TokenRegistry } from '../core/tokens.ts';
import { BrowserSessions, PendingRequests } from '../core/sessions.ts';
import { formBody } from '../core/web.ts';
import { authorizeHandler, loginHandler } from './authorize.ts';
import type { AuthorizeRequest } from './authorize-request.ts';
import { newCounters, type Lifetimes, type MsIdentityContext, type MsIdentityCounters } from './context.ts';
import { MsDirectory, type MsAccount, type MsAccountInput, type MsClient, type MsClientInput } from './directory.ts';
import { renderFault } from './errors.ts';
import { GrantStore } from './grants.ts';
import { simulatorSigningKey } from './jwt.ts';
import { logoutHandler } from './logout.ts';
import { instanceDiscoveryHandler, keysHandler, msalMetadataFor, openIdConfigurationHandler } from './metadata.ts';
import { errorCodePage } from './pages.ts';
import { tokenHandler, tokenPreflightHandler } from './token.ts';

export { CONSUMERS_TENANT_ID, DEFAULT_WORK_TENANT_ID } from './directory.ts';
export type { MsAccount, MsClient, MsIdentityCounters };

const HOUR = 3600_000;

export interface MicrosoftIdentitySimOptions {
  readonly clock: SimClock;
  readonly tokens: TokenRegistry;
  readonly faults?: FaultInjector;
  readonly log?: RequestLog;
  /** Defaults to the process's simulator certificate (fetched in listen()). */
  readonly tls?: TlsMaterial;
  readonly accessTokenLifetimeMs?: number;
  /** SPA refresh-token chains end this long after the sign-in (Entra: 24 h, not sliding). */
  readonly spaRefreshTokenLifetimeMs?: number;
  readonly codeLifetimeMs?: number;
  readonly refreshTokenInactivityMs?: number;
}

export class MicrosoftIdentitySim {
  readonly faults: FaultInjector;
  readonly log: RequestLog;
  readonly counters: MsIdentityCounters = newCounters();
  private readonly directory = new MsDirectory();
  private readonly sessions = new BrowserSessions('ESTSAUTH', () => true);
  private readonly grants = new GrantStore();
  private readonly context: MsIdentityContext;
  private simServer: SimServer | undefined;
  private autoSignInAccount: string | null = null;

  constructor(private readonly options: MicrosoftIdentitySimOptions) {
    this.faults = options.faults ?? new FaultInjector();
    this.log = options.log ?? new RequestLog();
    const lifetimes: Lifetimes = {
      accessTokenMs: options.accessTokenLifetimeMs ?? HOUR,
      codeMs: options.codeLifetimeMs ?? 10 * 60_000,
      spaRefreshTokenMs: options.spaRefreshTokenLifetimeMs ?? 24 * HOUR,
      refreshTokenInactivityMs: options.refreshTokenInactivityMs ?? 90 * 24 * HOUR,
    };
    this.context = {
      clock: options.clock,
      tokens: options.tokens,
      directory: this.directory,
      sessions: this.sessions,
      pending: new PendingRequests<AuthorizeRequest>(() => options.clock.now()),
      grants: this.grants,
      counters: this.counters,
      signingKey: simulatorSigningKey(),
      lifetimes,
      autoSignIn: () => this.autoSignInAccount,
      origin: () => this.url,
    };
  }

  /** The SimServer (exists once listen() has been called: its certificate may be fetched there). */
  get server(): SimServer {
    if (!this.simServer) throw new Error('MicrosoftIdentitySim: call listen() first');
    return this.simServer;
  }

  get url(): string {
    return this.simServer?.url ?? '';
  }

  /** Base URL of the `common` authority, e.g. https://127.0.0.1:27804/common. */
  get authority(): string {
    return `${this.url}/common`;
  }

  async listen(port = 0): Promise<string> {
    const tls = this.options.tls ?? (await simulatorCertificate());
    this.simServer ??= new SimServer({
      name: 'ms-identity',
      router: this.routes(),
      clock: this.options.clock,
      log: this.log,
      faults: this.faults,
      tls,
      cors: false, // per endpoint: metadata and token endpoints send Access-Control-Allow-Origin: *
      renderError: (status, reason, message, retryAfter) => renderFault(status, reason, message, this.options.clock.now(), this.url, retryAfter),
      accountOf: (request) => this.accountOf(request),
    });
    return this.simServer.listen(port);
  }

  async close(): Promise<void> {
    await this.simServer?.close();
  }

  addAccount(input: MsAccountInput): MsAccount {
    return this.directory.addAccount(input);
  }

  account(upn: string): MsAccount | undefined {
    return this.directory.accounts.get(upn.toLowerCase());
  }

  registerClient(input: MsClientInput): MsClient {
    return this.directory.registerClient(input);
  }

  /** An interactive authorize request signs this account in at once (as a user clicking through); null shows the picker. */
  setAutoSignIn(upn: string | null): void {
    const account = upn?.toLowerCase() ?? null;
    if (account !== null && !this.directory.accounts.has(account)) throw new Error(`No Microsoft account ${account}; addAccount() it first`);
    this.autoSignInAccount = account;
  }

  /** The user signed out / cleared cookies: every browser session ends, so prompt=none fails. */
  endAllSessions(): void {
    this.sessions.endAll();
  }

  /**
   * An administrator revoked the user's sessions (Graph revokeSignInSessions): refresh tokens and
   * codes issued so far fail with AADSTS50173, browser sessions end, and — unlike Entra, whose
   * access tokens live on until expiry for clients without CAE — access tokens die at once.
   */
  revoke(upn: string): void {
    const account = upn.toLowerCase();
    this.directory.revokeSessions(account, this.options.clock.now());
    this.sessions.signOutEverywhere(account);
    for (const token of this.grants.takeAccessTokens(account)) this.options.tokens.revoke(token);
  }

  /** `authorityMetadata` and `cloudDiscoveryMetadata` JSON strings for MSAL's config, so it makes no discovery calls. */
  msalMetadata(authority = this.authority): { readonly authorityMetadata: string; readonly cloudDiscoveryMetadata: string } {
    return msalMetadataFor(this.url, authority);
  }

  private routes(): Router {
    const ctx = this.context;
    return new Router()
      .on('GET', '/common/discovery/instance', instanceDiscoveryHandler(ctx))
      .on('GET', '/:tenant/v2.0/.well-known/openid-configuration', openIdConfigurationHandler(ctx))
      .on('GET', '/:tenant/discovery/v2.0/keys', keysHandler(ctx))
      .on('GET', '/:tenant/oauth2/v2.0/authorize', authorizeHandler(ctx))
      .on('POST', '/:tenant/login', loginHandler(ctx))
      .on('POST', '/:tenant/oauth2/v2.0/token', tokenHandler(ctx))
      .on('OPTIONS', '/:tenant/oauth2/v2.0/token', tokenPreflightHandler())
      .on('GET', '/:tenant/oauth2/v2.0/logout', logoutHandler(ctx))
      .on('POST', '/:tenant/oauth2/v2.0/logout', logoutHandler(ctx))
      .on('GET', '/error', (request) => errorCodePage(request.url.searchParams.get('code') ?? ''));
  }

  private accountOf(request: SimRequest): string | undefined {
    if (request.method !== 'POST' || !request.url.pathname.endsWith('/oauth2/v2.0/token')) return undefined;
    return this.grants.accountOf(formBody(request));
  }
}
