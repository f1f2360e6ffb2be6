/**
 * The offscreen document's entry: answers the service worker's MSAL requests, one at a time. The
 * listener is registered in the first turn (the worker may message as soon as the document
 * loads) and answers only well-formed requests from our own extension's worker or pages.
 */
import { handleRequest } from './msal-host.ts';
import { isOffscreenRequest, type OffscreenReply } from './protocol.ts';
import { isTrustedSender } from './sender.ts';

let queue: Promise<unknown> = Promise.resolve();

chrome.runtime.onMessage.addListener((message: unknown, sender: chrome.runtime.MessageSender, sendResponse: (reply: OffscreenReply) => void) => {
  if (!isOffscreenRequest(message) || !isTrustedSender(sender, chrome.runtime.id)) return false;
  const run = queue.then(() => handleRequest(message));
  queue = run.catch(() => undefined);
  run.then(sendResponse, (error: unknown) =>
    sendResponse({ ok: false, kind: 'failed', errorCode: 'unexpected', errorNo: '', message: error instanceof Error ? error.message : String(error) }),
  );
  return true; // answered asynchronously
});
