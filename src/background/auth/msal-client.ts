/**
 * The worker's side of the MSAL offscreen document: typed requests out, validated replies back,
 * and a whole sign-in flow (authorize URL → launchWebAuthFlow → redeem) as one call. After a
 * failed web-auth flow MSAL is told to drop its pending interaction.
 */
import {
  OFFSCREEN_TARGET,
  OFFSCREEN_VERSION,
  isOffscreenReply,
  type MsalFailure,
  type MsalGrant,
  type MsalSetup,
  type OffscreenReply,
  type OffscreenRequest,
} from '../offscreen/protocol.ts';
import type { AuthPlatform } from './platform.ts';

type Failure = Omit<MsalFailure, 'kind'> & { readonly kind: MsalFailure['kind'] | 'cancelled' };
export type MsalOutcome = { readonly ok: true; readonly grant: MsalGrant } | Failure;

export interface FlowRequest {
  readonly interactive: boolean;
  readonly prompt: 'none' | 'select_account' | null;
  readonly loginHint: string | null;
  readonly homeAccountId: string | null;
}

type Payload<K extends OffscreenRequest['kind']> = Omit<Extract<OffscreenRequest, { kind: K }>, 'target' | 'v' | 'kind' | 'setup'>;

/** Entra's numbers for "an administrator must consent" (AADSTS65001 consent missing, 90094/90095 admin consent required). */
const ADMIN_CONSENT = new Set(['65001', '90094', '90095']);

export class MsalClient {
  constructor(
    private readonly platform: AuthPlatform,
    private readonly redirectUri: string,
  ) {}

  async flow(setup: MsalSetup, request: FlowRequest): Promise<MsalOutcome> {
    const prepared = await this.send('authorize-url', setup, { prompt: request.prompt, loginHint: request.loginHint, homeAccountId: request.homeAccountId });
    if (!prepared.ok) return prepared;
    if (prepared.kind !== 'url') return unexpected(prepared.kind);
    const result = await this.platform.webAuthFlow(prepared.url, request.interactive);
    if (!result.ok || !result.url.startsWith(this.redirectUri)) {
      await this.send('abandon', setup, {}).catch(() => undefined);
      if (result.ok) return { ok: false, kind: 'failed', errorCode: 'wrong_redirect', errorNo: '', message: 'The sign-in ended on an unexpected page.' };
      const kind = result.reason === 'unreachable' ? 'network' : result.reason;
      return { ok: false, kind, errorCode: result.reason, errorNo: '', message: result.message };
    }
    const answer = responseOf(result.url);
    const redeemed = await this.send('redeem', setup, { response: answer });
    return grantOf(redeemed);
  }

  async silent(setup: MsalSetup, homeAccountId: string, forceRefresh: boolean): Promise<MsalOutcome> {
    return grantOf(await this.send('silent', setup, { homeAccountId, forceRefresh }));
  }

  async forget(setup: MsalSetup, homeAccountId: string): Promise<void> {
    const reply = await this.send('forget', setup, { homeAccountId });
    if (!reply.ok) throw new Error(reply.message);
  }

  private async send<K extends OffscreenRequest['kind']>(kind: K, setup: MsalSetup, payload: Payload<K>): Promise<OffscreenReply> {
    const request = { target: OFFSCREEN_TARGET, v: OFFSCREEN_VERSION, kind, setup, ...payload } as unknown as OffscreenRequest;
    const reply = await this.platform.offscreen(request);
    if (!isOffscreenReply(reply)) throw new Error('The Microsoft sign-in helper did not answer. Reload the extension and try again.');
    return reply;
  }
}

/** The part of the redirect MSAL reads: the fragment (`#code=…`), or the query for a query-mode answer. */
function responseOf(url: string): string {
  const hash = url.indexOf('#');
  if (hash >= 0) return url.slice(hash);
  const query = url.indexOf('?');
  return query >= 0 ? url.slice(query) : '';
}

function grantOf(reply: OffscreenReply): MsalOutcome {
  if (!reply.ok) return reply;
  if (reply.kind !== 'grant') return unexpected(reply.kind);
  return { ok: true, grant: reply.grant };
}

function unexpected(kind: string): Failure {
  return { ok: false, kind: 'failed', errorCode: 'unexpected_reply', errorNo: '', message: `The sign-in helper answered "${kind}".` };
}

/** Plain words for a failed Microsoft sign-in or renewal. */
export function msalFailureMessage(failure: Failure, interactive: boolean): string {
  if (ADMIN_CONSENT.has(failure.errorNo) || (interactive && failure.errorCode === 'consent_required')) {
    return `Your organisation requires an administrator to approve Tandem before you can sign in (AADSTS${failure.errorNo || '65001'}). Ask your Microsoft 365 administrator to grant consent; the README explains how.`;
  }
  switch (failure.kind) {
    case 'cancelled':
      return 'The Microsoft sign-in window was closed before signing in finished.';
    case 'network':
      return 'Microsoft\u2019s sign-in service could not be reached. Check your connection and try again.';
    case 'interaction-required':
      return interactive ? 'Microsoft needs you to sign in again.' : 'Your Microsoft sign-in has expired.';
    case 'no-account':
    case 'failed':
      break;
  }
  if (failure.errorCode === 'access_denied') return 'Microsoft sign-in was cancelled, or access to your calendar was not allowed.';
  const code = failure.errorNo ? `${failure.errorCode}, AADSTS${failure.errorNo}` : failure.errorCode;
  return `Microsoft sign-in failed (${code}): ${failure.message}`;
}
