/**
 * chrome.identity for sign-in. Chrome reports web-auth-flow failures only as messages
 * (chrome/browser/extensions/api/identity/identity_constants.h); they are turned into reasons here,
 * in the seam, so sign-in decides on reasons.
 */
import type { ChromeIdentityTokens, WebAuthOutcome } from '../auth/platform.ts';

/** Google's prompt=none answer may take a script redirect; give it this long, without UI. */
const NON_INTERACTIVE_TIMEOUT_MS = 15_000;

export async function launchWebAuthFlow(url: string, interactive: boolean): Promise<WebAuthOutcome> {
  try {
    const details: chrome.identity.WebAuthFlowDetails = interactive
      ? { url, interactive: true }
      : { url, interactive: false, abortOnLoadForNonInteractive: false, timeoutMsForNonInteractive: NON_INTERACTIVE_TIMEOUT_MS };
    const responseUrl = await chrome.identity.launchWebAuthFlow(details);
    if (!responseUrl) return { ok: false, reason: 'failed', message: 'The sign-in returned no address.' };
    return { ok: true, url: responseUrl };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: reasonOf(message), message };
  }
}

export function reasonOf(message: string): Exclude<WebAuthOutcome, { ok: true }>['reason'] {
  if (message.startsWith('The user did not approve access')) return 'cancelled';
  if (message.startsWith('User interaction required')) return 'interaction-required';
  if (message.startsWith('Authorization page could not be loaded') || message.startsWith('Authorization page load timed out')) return 'unreachable';
  return 'failed';
}

/**
 * getAuthToken works only in Google Chrome with a signed-in profile and a manifest `oauth2` client;
 * without that block there is no fast path to try.
 */
export function chromeIdentityTokens(): ChromeIdentityTokens | null {
  if (!chrome.runtime.getManifest().oauth2?.client_id) return null;
  return {
    get: async () => {
      const result = await chrome.identity.getAuthToken({ interactive: false });
      if (!result.token) throw new Error('getAuthToken returned no token');
      return result.token;
    },
    remove: (token) => chrome.identity.removeCachedAuthToken({ token }),
  };
}
