/** The real browser seam for sign-in (src/background/auth/platform.ts describes it). */
import type { AuthPlatform } from '../auth/platform.ts';
import { localArea } from './browser.ts';
import { chromeIdentityTokens, launchWebAuthFlow } from './identity.ts';
import { sendToOffscreen } from './offscreen.ts';
import { sessionArea } from './session-storage.ts';

export function browserAuthPlatform(): AuthPlatform {
  return {
    webAuthFlow: launchWebAuthFlow,
    chromeIdentity: chromeIdentityTokens(),
    session: sessionArea,
    local: localArea,
    offscreen: sendToOffscreen,
    fetch: (input, init) => fetch(input, init),
    random: () => {
      const bytes = crypto.getRandomValues(new Uint8Array(24));
      return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    },
  };
}
