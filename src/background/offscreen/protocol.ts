/**
 * Messages between the service worker and the offscreen document that hosts MSAL (MSAL needs a
 * window and Web Storage, which the worker lacks). The worker sends one request at a time and gets
 * one reply through sendResponse, so access tokens travel only to the worker, never as a broadcast.
 * Both directions are checked by shape: anything else is ignored.
 */
import { hasExactKeys, isRecord } from '../../shared/pair-validation.ts';

export const OFFSCREEN_TARGET = 'tandem/offscreen';
export const OFFSCREEN_VERSION = 1;
/** Path of the offscreen page inside the built extension (vite.config.ts lists it as an input). */
export const OFFSCREEN_PATH = 'src/background/offscreen/offscreen.html';

/** Graph permissions Tandem asks for; MSAL adds openid, profile and offline_access. */
export const GRAPH_SCOPES: readonly string[] = ['Calendars.ReadWrite', 'User.Read', 'MailboxSettings.Read'];

/** What the offscreen document needs to build its PublicClientApplication. */
export interface MsalSetup {
  readonly clientId: string;
  /** https://login.microsoftonline.com/<tenant> (or the build's authority with the tenant). */
  readonly authority: string;
  /** https://<extension id>.chromiumapp.org/ */
  readonly redirectUri: string;
  /** Hosts MSAL must trust without instance discovery (the simulator build's authority host). */
  readonly knownAuthorities: readonly string[];
}

type Request<K extends string, P> = { readonly target: typeof OFFSCREEN_TARGET; readonly v: typeof OFFSCREEN_VERSION; readonly kind: K; readonly setup: MsalSetup } & P;

export type OffscreenRequest =
  /** Prepares an authorize request (PKCE, state, nonce) and returns its URL without navigating. */
  | Request<'authorize-url', { readonly prompt: 'none' | 'select_account' | null; readonly loginHint: string | null; readonly homeAccountId: string | null }>
  /** Hands MSAL the redirect's response (`#code=…&state=…` or `#error=…`) to redeem. */
  | Request<'redeem', { readonly response: string }>
  /** Cache, then refresh token — never the hidden iframe. */
  | Request<'silent', { readonly homeAccountId: string; readonly forceRefresh: boolean }>
  /** A web-auth flow failed: clear MSAL's "interaction in progress" state. */
  | Request<'abandon', object>
  /** Removes the account and its tokens from MSAL's cache. */
  | Request<'forget', { readonly homeAccountId: string }>;

export type OffscreenRequestKind = OffscreenRequest['kind'];

export interface MsalGrant {
  readonly accessToken: string;
  /** Epoch ms. */
  readonly expiresOn: number;
  readonly homeAccountId: string;
  /** The signed-in address (preferred_username). */
  readonly username: string;
}

/** `interaction-required`: only a (silent or interactive) sign-in helps; `network`: try again later. */
export type MsalFailureKind = 'interaction-required' | 'network' | 'no-account' | 'failed';

export interface MsalFailure {
  readonly ok: false;
  readonly kind: MsalFailureKind;
  /** MSAL's errorCode (e.g. login_required, invalid_grant, no_network_connectivity). */
  readonly errorCode: string;
  /** Entra's AADSTS number when the service sent one (e.g. "65001" consent needed), else "". */
  readonly errorNo: string;
  readonly message: string;
}

export type OffscreenReply =
  | { readonly ok: true; readonly kind: 'url'; readonly url: string }
  | { readonly ok: true; readonly kind: 'grant'; readonly grant: MsalGrant }
  | { readonly ok: true; readonly kind: 'done' }
  | MsalFailure;

const PAYLOAD_KEYS: { readonly [K in OffscreenRequestKind]: readonly string[] } = {
  'authorize-url': ['prompt', 'loginHint', 'homeAccountId'],
  redeem: ['response'],
  silent: ['homeAccountId', 'forceRefresh'],
  abandon: [],
  forget: ['homeAccountId'],
};

const isText = (value: unknown, max = 4096): value is string => typeof value === 'string' && value.length > 0 && value.length <= max;
const isTextOrNull = (value: unknown): boolean => value === null || isText(value);

function isHttpsUrl(value: unknown, max = 4096): boolean {
  if (!isText(value, max)) return false;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

export function isMsalSetup(value: unknown): value is MsalSetup {
  if (!isRecord(value) || !hasExactKeys(value, ['clientId', 'authority', 'redirectUri', 'knownAuthorities'])) return false;
  const known = value['knownAuthorities'];
  return (
    isText(value['clientId'], 256) &&
    isHttpsUrl(value['authority']) &&
    isHttpsUrl(value['redirectUri']) &&
    Array.isArray(known) &&
    known.every((host) => isText(host, 256))
  );
}

const PAYLOAD_CHECKS: { readonly [K in OffscreenRequestKind]: (m: Record<string, unknown>) => boolean } = {
  'authorize-url': (m) => (m['prompt'] === null || m['prompt'] === 'none' || m['prompt'] === 'select_account') && isTextOrNull(m['loginHint']) && isTextOrNull(m['homeAccountId']),
  redeem: (m) => isText(m['response'], 65536),
  silent: (m) => isText(m['homeAccountId']) && typeof m['forceRefresh'] === 'boolean',
  abandon: () => true,
  forget: (m) => isText(m['homeAccountId']),
};

export function isOffscreenRequest(value: unknown): value is OffscreenRequest {
  if (!isRecord(value) || value['target'] !== OFFSCREEN_TARGET || value['v'] !== OFFSCREEN_VERSION) return false;
  const kind = value['kind'];
  if (typeof kind !== 'string' || !Object.hasOwn(PAYLOAD_KEYS, kind)) return false;
  const k = kind as OffscreenRequestKind;
  return hasExactKeys(value, ['target', 'v', 'kind', 'setup', ...PAYLOAD_KEYS[k]]) && isMsalSetup(value['setup']) && PAYLOAD_CHECKS[k](value);
}

function isGrant(value: unknown): value is MsalGrant {
  return (
    isRecord(value) &&
    isText(value['accessToken'], 65536) &&
    typeof value['expiresOn'] === 'number' &&
    Number.isFinite(value['expiresOn']) &&
    isText(value['homeAccountId']) &&
    isText(value['username'], 512)
  );
}

const FAILURE_KINDS: readonly string[] = ['interaction-required', 'network', 'no-account', 'failed'] satisfies readonly MsalFailureKind[];

export function isOffscreenReply(value: unknown): value is OffscreenReply {
  if (!isRecord(value)) return false;
  if (value['ok'] === false) {
    return typeof value['kind'] === 'string' && FAILURE_KINDS.includes(value['kind']) && typeof value['errorCode'] === 'string' && typeof value['errorNo'] === 'string' && typeof value['message'] === 'string';
  }
  if (value['ok'] !== true) return false;
  switch (value['kind']) {
    case 'url':
      return isHttpsUrl(value['url'], 16384);
    case 'grant':
      return isGrant(value['grant']);
    case 'done':
      return true;
    default:
      return false;
  }
}
