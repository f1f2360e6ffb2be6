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

export async function openOptionsPage(): Promise<void> {
  await browser.runtime.openOptionsPage();
}
