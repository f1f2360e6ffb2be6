/**
 * The background's one door to the browser: the only background module that imports
 * webextension-polyfill or touches `chrome`. Everything else receives what it needs from here, so
 * the rest of the background runs in Node tests.
 */
import browser from 'webextension-polyfill';
import type { MessageSenderLike } from '../router.ts';

export const extensionId: string = browser.runtime.id;

export function extensionVersion(): string {
  return browser.runtime.getManifest().version;
}

/** https://<extension id>.chromiumapp.org/ — the OAuth redirect URI for both providers. */
export function redirectUri(): string {
  return browser.identity.getRedirectURL();
}

export function onMessage(
  handler: (message: unknown, sender: MessageSenderLike) => Promise<unknown> | undefined,
): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
    handler(message, { id: sender.id, url: sender.url }),
  );
}

export function onInstalledOrStartup(handler: () => void): void {
  browser.runtime.onInstalled.addListener(handler);
  browser.runtime.onStartup.addListener(handler);
}

/**
 * By default content scripts can read storage.local. Lock it to extension pages and the worker
 * (Chromium ≥ 120 supports per-area access levels; older versions lack the method, and then we
 * rely on never writing secrets there at all).
 */
export async function lockLocalStorageToTrustedContexts(): Promise<void> {
  const local = chrome.storage.local as chrome.storage.StorageArea & {
    setAccessLevel?: (options: { accessLevel: chrome.storage.AccessLevel }) => Promise<void>;
  };
  if (typeof local.setAccessLevel === 'function') {
    await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  }
}
