/**
 * The popup's and the options page's only way to talk to the background. The single importer of
 * webextension-polyfill outside the background's browser seam.
 */
import browser from 'webextension-polyfill';
import { PROTOCOL_VERSION, type Envelope, type Reply, type UiToBackground } from './protocol.ts';

export async function ask<T extends UiToBackground['type']>(type: T): Promise<Reply<T>> {
  const request: UiToBackground = { v: PROTOCOL_VERSION, type };
  const envelope = await browser.runtime.sendMessage<UiToBackground, Envelope<Reply<T>> | undefined>(request);
  if (!envelope) throw new Error('The background did not answer. Reload the extension and try again.');
  if (!envelope.ok) throw new Error(envelope.error);
  return envelope.value;
}

export async function openOptionsPage(): Promise<void> {
  await browser.runtime.openOptionsPage();
}
