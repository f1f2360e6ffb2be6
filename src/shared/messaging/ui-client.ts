/**
 * The popup's and the options page's only way to talk to the background. The single importer of
 * webextension-polyfill outside the background's browser seam.
 */
import browser from 'webextension-polyfill';
import { isBackgroundToUi } from './guards.ts';
import { PROTOCOL_VERSION, type BackgroundToUi, type Envelope, type Reply, type UiRequestType, type UiToBackground } from './protocol.ts';

/** The request of type T without its envelope fields. */
export type Payload<T extends UiRequestType> = Omit<Extract<UiToBackground, { type: T }>, 'v' | 'type'>;

export async function ask<T extends UiRequestType>(type: T, ...payload: keyof Payload<T> extends never ? [] : [Payload<T>]): Promise<Reply<T>> {
  const request = { v: PROTOCOL_VERSION, type, ...payload[0] } as UiToBackground;
  const envelope = await browser.runtime.sendMessage<UiToBackground, Envelope<Reply<T>> | undefined>(request);
  if (!envelope) throw new Error('The background did not answer. Reload the extension and try again.');
  if (!envelope.ok) throw new Error(envelope.error);
  return envelope.value;
}

/** Calls `listener` with each update the background broadcasts; returns the unsubscribe function. */
export function onBackgroundUpdate(listener: (update: BackgroundToUi) => void): () => void {
  const handler = (message: unknown, sender: browser.Runtime.MessageSender): undefined => {
    // Only our own worker broadcasts; a page's message never reaches extension pages anyway.
    if (sender.id === browser.runtime.id && isBackgroundToUi(message)) listener(message);
    return undefined;
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}

const OPTIONS_PATH = 'src/options/index.html';

/**
 * Opens the options page, or brings its open tab forward; with a fragment (e.g. "#accounts") it
 * lands there, also in a tab already open (its hashchange listener follows the fragment).
 */
export async function openOptionsPage(fragment = ''): Promise<void> {
  if (!fragment) {
    await browser.runtime.openOptionsPage();
    return;
  }
  const page = browser.runtime.getURL(OPTIONS_PATH);
  // runtime.getContexts lists our own open pages without the "tabs" permission (Chrome 116+).
  const contexts = await chrome.runtime.getContexts({ contextTypes: ['TAB'] });
  const open = contexts.find((c) => c.documentUrl?.split('#')[0] === page && c.tabId >= 0);
  if (!open) {
    await browser.tabs.create({ url: page + fragment });
    return;
  }
  await browser.tabs.update(open.tabId, { url: page + fragment, active: true });
  if (open.windowId >= 0) await browser.windows.update(open.windowId, { focused: true });
}
