/**
 * The browser side of the badge service: messages from our content scripts (with the sender's tab,
 * which the UI router does not need), messages to calendar tabs, and running the content script in
 * calendar tabs that were open before the extension was installed or updated (decisions.md #4:
 * the `scripting` permission and host access to exactly the calendar hosts).
 */
import browser from 'webextension-polyfill';
import type { BackgroundToContent } from '../../shared/messaging/content-protocol.ts';
import type { ContentSender } from '../badges/sender.ts';

export function onContentMessage(handler: (message: unknown, sender: ContentSender) => Promise<unknown> | undefined): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
    handler(message, { id: sender.id, url: sender.url, tab: sender.tab ? { id: sender.tab.id, url: sender.tab.url } : undefined }),
  );
}

export async function sendToTab(tabId: number, message: BackgroundToContent): Promise<void> {
  await browser.tabs.sendMessage(tabId, message);
}

/** The content script as the manifest declares it (the build names its files). */
function contentScript(): { matches: string[]; files: string[] } {
  const declared = browser.runtime.getManifest().content_scripts?.[0];
  return { matches: declared?.matches ?? [], files: declared?.js ?? [] };
}

/** Open tabs whose page the content script matches (host access makes their URLs visible). */
export async function calendarTabs(): Promise<number[]> {
  const { matches } = contentScript();
  if (matches.length === 0) return [];
  const tabs = await browser.tabs.query({ url: matches });
  return tabs.flatMap((tab) => (typeof tab.id === 'number' && tab.id >= 0 ? [tab.id] : []));
}

export async function injectContentScript(tabId: number): Promise<void> {
  const { files } = contentScript();
  if (files.length === 0) return;
  await browser.scripting.executeScript({ target: { tabId }, files });
}
