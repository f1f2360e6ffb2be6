/**
 * Microsoft sign-in: MSAL (auth code + PKCE) runs in the offscreen document; this worker side runs
 * the web-auth flows MSAL prepares and keeps the current access token in memory only. Silent
 * order: the token in memory, MSAL's cache, MSAL's refresh token, then `prompt=none` through a
 * non-interactive web-auth flow. When all fail the account becomes `sign-in-needed`.
 */
import type { AccountStatus } from '../../shared/messaging/types.ts';
import { AuthRequiredError, NetworkError } from '../sync/errors.ts';
import type { MsalGrant, MsalSetup } from '../offscreen/protocol.ts';
import { RENEW_BEFORE_MS, type ProviderContext } from './context.ts';
import type { StoredAccount } from './accounts.ts';
import { MsalClient, msalFailureMessage, type MsalOutcome } from './msal-client.ts';

const NO_CLIENT = 'No Microsoft application (client) id is set. Enter one in Tandem\u2019s settings (see \u201cUsing your own accounts\u201d in the README).';
const EXPIRED = 'Your Microsoft sign-in has expired. Click \u201cSign in\u201d to keep syncing.';

export interface MicrosoftOptions {
  /** The simulator build trusts its loopback authority without instance discovery. */
  readonly simulatorBuild: boolean;
}

/** The build's authority with its tenant segment (`common`) replaced by the configured tenant. */
export function authorityFor(msAuthority: string, tenant: string): string {
  const url = new URL(msAuthority);
  const segments = url.pathname.split('/').filter(Boolean);
  const segment = encodeURIComponent(tenant || 'common');
  if (segments.length === 0) segments.push(segment);
  else segments[segments.length - 1] = segment;
  return `${url.origin}/${segments.join('/')}`;
}

export class MicrosoftAuth {
  private memory: { readonly token: string; readonly expiresAt: number } | null = null;
  /** The service refused the last token: skip MSAL's cached access token next time. */
  private forceRefresh = false;
  private renewing: Promise<string> | null = null;
  private readonly msal: MsalClient;

  constructor(
    private readonly ctx: ProviderContext,
    private readonly options: MicrosoftOptions,
  ) {
    this.msal = new MsalClient(ctx.platform, ctx.deps.redirectUri);
  }

  async signIn(): Promise<AccountStatus> {
    const setup = await this.setup();
    if (!setup) throw new Error(NO_CLIENT);
    const known = await this.ctx.accounts.get('microsoft');
    const outcome = await this.ctx.flows.run(() =>
      this.msal.flow(setup, { interactive: true, prompt: known ? null : 'select_account', loginHint: known?.address ?? null, homeAccountId: known?.homeAccountId ?? null }),
    );
    if (!outcome.ok) throw new Error(msalFailureMessage(outcome, true));
    this.remember(outcome.grant);
    this.ctx.deps.log.info?.('signed in to Microsoft');
    return this.ctx.accounts.signedIn('microsoft', outcome.grant.username, outcome.grant.homeAccountId);
  }

  async signOut(): Promise<AccountStatus> {
    const account = await this.ctx.accounts.get('microsoft');
    this.memory = null;
    const setup = await this.setup();
    if (setup && account?.homeAccountId) {
      await this.msal.forget(setup, account.homeAccountId).catch((error: unknown) => this.ctx.deps.log.warn?.('could not clear the Microsoft sign-in cache', { error: String(error) }));
    }
    return this.ctx.accounts.signedOut('microsoft');
  }

  /** Never shows UI. */
  async getToken(): Promise<string> {
    const account = await this.ctx.accounts.get('microsoft');
    if (!account) throw new AuthRequiredError('Not signed in to Microsoft. Sign in from Tandem\u2019s settings.');
    if (account.reason !== null) throw new AuthRequiredError(account.reason);
    const memory = this.memory;
    if (memory && !this.forceRefresh && memory.expiresAt - RENEW_BEFORE_MS > this.ctx.deps.clock.now()) return memory.token;
    this.renewing ??= this.renew(account).finally(() => (this.renewing = null));
    return this.renewing;
  }

  /** Graph refused `token` (401): the next getToken skips every cached access token. */
  invalidate(token: string): Promise<void> {
    if (this.memory?.token === token) this.memory = null;
    this.forceRefresh = true;
    return Promise.resolve();
  }

  private async renew(account: StoredAccount): Promise<string> {
    const setup = await this.setup();
    if (!setup) return this.fail(NO_CLIENT);
    if (account.homeAccountId) {
      const silent = await this.msal.silent(setup, account.homeAccountId, this.forceRefresh);
      if (silent.ok && this.isSameAccount(silent.grant, account)) return this.remember(silent.grant);
      if (!silent.ok && silent.kind === 'network') throw new NetworkError(msalFailureMessage(silent, false));
      if (!silent.ok) this.ctx.deps.log.debug?.('MSAL silent renewal failed, trying prompt=none', { errorCode: silent.errorCode });
    }
    const outcome: MsalOutcome = await this.ctx.flows.run(() =>
      this.msal.flow(setup, { interactive: false, prompt: 'none', loginHint: account.address, homeAccountId: account.homeAccountId }),
    );
    if (outcome.ok && this.isSameAccount(outcome.grant, account)) {
      if (outcome.grant.homeAccountId !== account.homeAccountId) await this.ctx.accounts.signedIn('microsoft', account.address, outcome.grant.homeAccountId);
      this.ctx.deps.log.debug?.('Microsoft token renewed with prompt=none');
      return this.remember(outcome.grant);
    }
    if (!outcome.ok && outcome.kind === 'network') throw new NetworkError(msalFailureMessage(outcome, false));
    this.ctx.deps.log.warn?.('Microsoft silent renewal failed', outcome.ok ? { reason: 'another account answered' } : { errorCode: outcome.errorCode, kind: outcome.kind });
    return this.fail(EXPIRED);
  }

  private isSameAccount(grant: MsalGrant, account: StoredAccount): boolean {
    return grant.username.toLowerCase() === account.address.toLowerCase();
  }

  private remember(grant: MsalGrant): string {
    this.memory = { token: grant.accessToken, expiresAt: grant.expiresOn };
    this.forceRefresh = false;
    return grant.accessToken;
  }

  private async fail(reason: string): Promise<never> {
    this.memory = null;
    await this.ctx.accounts.needsSignIn('microsoft', reason);
    throw new AuthRequiredError(reason);
  }

  private async setup(): Promise<MsalSetup | null> {
    const { microsoftClientId, microsoftTenant } = await this.ctx.deps.clients();
    if (!microsoftClientId) return null;
    const authority = authorityFor(this.ctx.deps.endpoints.msAuthority, microsoftTenant);
    return {
      clientId: microsoftClientId,
      authority,
      redirectUri: this.ctx.deps.redirectUri,
      knownAuthorities: this.options.simulatorBuild ? [new URL(authority).host] : [],
    };
  }
}
