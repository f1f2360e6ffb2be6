/**
 * What sign-in needs from the browser, as plain functions: the real ones live in
 * src/background/platform/auth.ts; unit tests pass fakes, so everything here runs in Node.
 */
import type { OffscreenRequest } from '../offscreen/protocol.ts';

/**
 * The end of a chrome.identity.launchWebAuthFlow. Chrome reports failures only as messages; the
 * seam turns them into reasons: `cancelled` (the user closed the window or refused),
 * `interaction-required` (a silent flow would need the user), `unreachable` (the page did not load),
 * `failed` (anything else).
 */
export type WebAuthOutcome =
  | { readonly ok: true; readonly url: string }
  | { readonly ok: false; readonly reason: 'cancelled' | 'interaction-required' | 'unreachable' | 'failed'; readonly message: string };

/** chrome.storage.session / chrome.storage.local, as far as sign-in uses them. */
export interface StorageAreaLike {
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** chrome.identity.getAuthToken: signed-in Google Chrome with the build's oauth2 client only. */
export interface ChromeIdentityTokens {
  /** getAuthToken({ interactive: false }); rejects where the browser cannot (Chromium: "The user is not signed in."). */
  get(): Promise<string>;
  /** removeCachedAuthToken: a token Google refused. */
  remove(token: string): Promise<void>;
}

export interface AuthPlatform {
  readonly webAuthFlow: (url: string, interactive: boolean) => Promise<WebAuthOutcome>;
  /** null when this browser or build has no getAuthToken fast path. */
  readonly chromeIdentity: ChromeIdentityTokens | null;
  /** Tokens and their expiry: in memory, trusted contexts only, gone when the browser closes. */
  readonly session: StorageAreaLike;
  /** Non-secret account facts only (address, MSAL account id), under keys starting with `auth/`. */
  readonly local: StorageAreaLike;
  /** Sends a request to the MSAL offscreen document, creating the document when it is missing. */
  readonly offscreen: (request: OffscreenRequest) => Promise<unknown>;
  readonly fetch: typeof fetch;
  /** A random, unguessable string (OAuth `state`). */
  readonly random: () => string;
}
