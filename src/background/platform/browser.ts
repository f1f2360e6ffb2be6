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

/** chrome.storage.local (locked to trusted contexts at start-up; never holds tokens). */
export const localArea = {
  get: (keys: string[] | null): Promise<Record<string, unknown>> => browser.storage.local.get(keys),
  set: (items: Record<string, unknown>): Promise<void> => browser.storage.local.set(items),
  remove: (keys: string[]): Promise<void> => browser.storage.local.remove(keys),
};

export const alarms = {
  get: async (name: string): Promise<{ readonly scheduledTime: number } | undefined> => (await browser.alarms.get(name)) ?? undefined,
  create: async (name: string, info: { readonly when: number }): Promise<void> => {
    await browser.alarms.create(name, { when: info.when });
  },
  clear: (name: string): Promise<boolean> => browser.alarms.clear(name),
};

export function onAlarm(handler: (name: string) => void): void {
  browser.alarms.onAlarm.addListener((alarm) => handler(alarm.name));
}

export function onStartup(handler: () => void): void {
  browser.runtime.onStartup.addListener(handler);
}

export function onInstalled(handler: (reason: string) => void): void {
  browser.runtime.onInstalled.addListener((details) => handler(details.reason));
}

/** The toolbar badge: short text, its colour, and the tooltip. */
export async function setBadge(text: string, color: string, title: string): Promise<void> {
  await Promise.all([browser.action.setBadgeText({ text }), browser.action.setBadgeBackgroundColor({ color }), browser.action.setTitle({ title })]);
}

/** A system notification; clicking it opens the options page. */
export async function notify(id: string, title: string, message: string): Promise<void> {
  await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('icons/icon-128.png'), title, message });
}

export function onNotificationClicked(handler: (id: string) => void): void {
  browser.notifications.onClicked.addListener(handler);
}

export async function openOptionsPage(): Promise<void> {
  await browser.runtime.openOptionsPage();
}

/** Tells open extension pages something changed; no page open is not an error. */
export function broadcast(message: unknown): void {
  browser.runtime.sendMessage(message).catch(() => undefined);
}
