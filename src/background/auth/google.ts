/**
 * Google sign-in. Interactive: launchWebAuthFlow with the implicit token flow, then the address
 * from the Calendar API (the primary calendar's id). Silent: the token kept in
 * chrome.storage.session while it has more than 5 minutes left, else getAuthToken where the
 * browser offers it (only for the same account), else `prompt=none` with the address as login
 * hint. When that fails the account becomes `sign-in-needed`.
 */
import type { AccountStatus } from '../../shared/messaging/types.ts';
import { AuthRequiredError, NetworkError } from '../sync/errors.ts';
import { RENEW_BEFORE_MS, type ProviderContext } from './context.ts';
import { GOOGLE_CALENDAR_SCOPE, googleAuthorizeUrl, googleErrorMessage, parseGoogleResponse } from './google-flow.ts';

export const GOOGLE_TOKEN_KEY = 'auth/google/token';
/** getAuthToken tokens are cached by Chrome; ask it again after this long. */
const CHROME_TOKEN_TTL_MS = 10 * 60_000;

interface CachedToken {
  readonly token: string;
  readonly expiresAt: number;
  readonly source: 'web-flow' | 'chrome';
}

type FlowOutcome =
  | { readonly ok: true; readonly token: CachedToken }
  | { readonly ok: false; readonly kind: 'needs-user' | 'unreachable' | 'failed'; readonly message: string };

const NO_CLIENT = 'No Google client id is set. Enter one in Tandem\u2019s settings (see \u201cUsing your own accounts\u201d in the README).';
const EXPIRED = 'Your Google sign-in has expired. Click \u201cSign in\u201d to keep syncing.';

export class GoogleAuth {
  private renewing: Promise<string> | null = null;
  private chromeFastPath = true;

  constructor(
    private readonly ctx: ProviderContext,
    private readonly googleApi: string,
  ) {}

  async signIn(): Promise<AccountStatus> {
    const { googleClientId } = await this.ctx.deps.clients();
    if (!googleClientId) throw new Error(NO_CLIENT);
    const known = await this.ctx.accounts.get('google');
    const outcome = await this.ctx.flows.run(() => this.flow(googleClientId, true, known?.address ?? null));
    if (!outcome.ok) throw new Error(outcome.message);
    const address = await this.addressOf(outcome.token.token);
    await this.ctx.platform.session.set({ [GOOGLE_TOKEN_KEY]: outcome.token });
    this.ctx.deps.log.info?.('signed in to Google');
    return this.ctx.accounts.signedIn('google', address);
  }

  async signOut(): Promise<AccountStatus> {
    const cached = await this.cached();
    await this.ctx.platform.session.remove([GOOGLE_TOKEN_KEY]);
    if (cached?.source === 'chrome') await this.ctx.platform.chromeIdentity?.remove(cached.token).catch(() => undefined);
    return this.ctx.accounts.signedOut('google');
  }

  /** Never shows UI. */
  async getToken(): Promise<string> {
    const account = await this.ctx.accounts.get('google');
    if (!account) throw new AuthRequiredError('Not signed in to Google. Sign in from Tandem\u2019s settings.');
    if (account.reason !== null) throw new AuthRequiredError(account.reason);
    const cached = await this.cached();
    if (cached && cached.expiresAt - RENEW_BEFORE_MS > this.ctx.deps.clock.now()) return cached.token;
    this.renewing ??= this.renew(account.address).finally(() => (this.renewing = null));
    return this.renewing;
  }

  /** Google refused `token` (401): forget it so the next getToken renews. */
  async invalidate(token: string): Promise<void> {
    const cached = await this.cached();
    if (cached?.token !== token) return;
    await this.ctx.platform.session.remove([GOOGLE_TOKEN_KEY]);
    if (cached.source === 'chrome') await this.ctx.platform.chromeIdentity?.remove(token).catch(() => undefined);
  }

  private async renew(address: string): Promise<string> {
    const { googleClientId } = await this.ctx.deps.clients();
    if (!googleClientId) return this.fail(NO_CLIENT);
    const fast = await this.fromChrome(address);
    if (fast) return fast;
    const outcome = await this.ctx.flows.run(() => this.flow(googleClientId, false, address));
    if (outcome.ok) {
      await this.ctx.platform.session.set({ [GOOGLE_TOKEN_KEY]: outcome.token });
      this.ctx.deps.log.debug?.('Google token renewed silently');
      return outcome.token.token;
    }
    if (outcome.kind === 'unreachable') throw new NetworkError(`Google sign-in could not be reached: ${outcome.message}`);
    this.ctx.deps.log.warn?.('Google silent renewal failed', { kind: outcome.kind, message: outcome.message });
    return this.fail(EXPIRED);
  }

  private async fail(reason: string): Promise<never> {
    await this.ctx.accounts.needsSignIn('google', reason);
    throw new AuthRequiredError(reason);
  }

  /** The opportunistic fast path; null whenever it cannot give a token for this very account. */
  private async fromChrome(address: string): Promise<string | null> {
    const chrome = this.ctx.platform.chromeIdentity;
    if (!chrome || !this.chromeFastPath) return null;
    try {
      const token = await chrome.get();
      if ((await this.addressOf(token)).toLowerCase() !== address.toLowerCase()) {
        this.chromeFastPath = false; // the browser's Google account is someone else
        return null;
      }
      const cached: CachedToken = { token, expiresAt: this.ctx.deps.clock.now() + CHROME_TOKEN_TTL_MS, source: 'chrome' };
      await this.ctx.platform.session.set({ [GOOGLE_TOKEN_KEY]: cached });
      return token;
    } catch (error) {
      this.chromeFastPath = false; // e.g. Chromium: "The user is not signed in."
      this.ctx.deps.log.debug?.('getAuthToken unavailable, using the web-auth flow', { error: error instanceof Error ? error.message : String(error) });
      return null;
    }
  }

  private async flow(clientId: string, interactive: boolean, loginHint: string | null): Promise<FlowOutcome> {
    const { deps, platform } = this.ctx;
    const state = platform.random();
    const prompt = interactive ? (loginHint ? null : 'select_account') : 'none';
    const url = googleAuthorizeUrl({ authorizeUrl: deps.endpoints.googleAuth, clientId, redirectUri: deps.redirectUri, state, loginHint, prompt });
    const started = deps.clock.now();
    const result = await platform.webAuthFlow(url, interactive);
    if (!result.ok) {
      if (result.reason === 'unreachable') return { ok: false, kind: 'unreachable', message: 'The Google sign-in page could not be loaded. Check your connection and try again.' };
      if (result.reason === 'interaction-required') return { ok: false, kind: 'needs-user', message: 'Google needs you to sign in again.' };
      if (result.reason === 'cancelled') return { ok: false, kind: 'failed', message: 'The Google sign-in window was closed before signing in finished.' };
      return { ok: false, kind: 'failed', message: `Google sign-in failed: ${result.message}` };
    }
    const parsed = parseGoogleResponse(result.url, deps.redirectUri, state);
    if (!parsed.ok) return { ok: false, kind: 'needs-user', message: googleErrorMessage(parsed.error) };
    if (parsed.scopes.length > 0 && !parsed.scopes.includes(GOOGLE_CALENDAR_SCOPE)) {
      return { ok: false, kind: 'needs-user', message: 'Tandem needs access to your Google Calendar. Sign in again and allow calendar access.' };
    }
    return { ok: true, token: { token: parsed.accessToken, expiresAt: started + parsed.expiresInSeconds * 1000, source: 'web-flow' } };
  }

  /** The account's address: the primary calendar's id. */
  private async addressOf(token: string): Promise<string> {
    let response: Response;
    try {
      response = await this.ctx.platform.fetch(`${this.googleApi}/calendars/primary`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
    } catch {
      throw new Error('Signed in to Google, but Google Calendar could not be reached. Check your connection and try again.');
    }
    const body: unknown = response.ok ? await response.json().catch(() => null) : null;
    const id = typeof body === 'object' && body !== null ? (body as { id?: unknown }).id : undefined;
    if (typeof id !== 'string' || !id.includes('@')) throw new Error(`Signed in to Google, but your calendar could not be read (HTTP ${response.status}).`);
    return id;
  }

  private async cached(): Promise<CachedToken | null> {
    const value = (await this.ctx.platform.session.get([GOOGLE_TOKEN_KEY]))[GOOGLE_TOKEN_KEY];
    if (typeof value !== 'object' || value === null) return null;
    const { token, expiresAt, source } = value as Partial<CachedToken>;
    if (typeof token !== 'string' || typeof expiresAt !== 'number' || (source !== 'web-flow' && source !== 'chrome')) return null;
    return { token, expiresAt, source };
  }
}
