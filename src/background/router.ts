/**
 * The background's single message router. It answers only messages whose sender is one of our own
 * extension pages and whose shape is exactly a documented request; everything else gets no answer
 * (undefined, synchronously), so a web page or content script cannot drive the background.
 */
import { isUiToBackground } from '../shared/messaging/guards.ts';
import type { Envelope, Reply, UiToBackground } from '../shared/messaging/protocol.ts';

export interface MessageSenderLike {
  readonly id?: string | undefined;
  readonly url?: string | undefined;
}

export type UiHandlers = {
  readonly [T in UiToBackground['type']]: (request: Extract<UiToBackground, { type: T }>) => Promise<Reply<T>>;
};

export interface RouterOptions {
  readonly extensionId: string;
  /** Paths of the extension pages allowed to send UI requests, e.g. "/src/popup/index.html". */
  readonly uiPages: readonly string[];
  readonly handlers: UiHandlers;
  readonly onRejected?: (reason: string) => void;
}

export type Router = (message: unknown, sender: MessageSenderLike) => Promise<Envelope<unknown>> | undefined;

export function createRouter(options: RouterOptions): Router {
  const isOurPage = (sender: MessageSenderLike): boolean => {
    if (sender.id !== options.extensionId || !sender.url) return false;
    let url: URL;
    try {
      url = new URL(sender.url);
    } catch {
      return false;
    }
    // Compare scheme and host rather than `origin`: URL parsers disagree on the origin of
    // non-special schemes (Node says "null", Chromium "chrome-extension://<id>").
    return url.protocol === 'chrome-extension:' && url.host === options.extensionId && options.uiPages.includes(url.pathname);
  };

  return (message, sender) => {
    if (!isOurPage(sender)) {
      options.onRejected?.('sender is not an extension page');
      return undefined;
    }
    if (!isUiToBackground(message)) {
      options.onRejected?.('unknown message shape');
      return undefined;
    }
    return dispatch(options.handlers, message);
  };
}

async function dispatch(handlers: UiHandlers, request: UiToBackground): Promise<Envelope<unknown>> {
  try {
    // The mapped UiHandlers type ties each handler to its own request type; TypeScript cannot
    // follow that through an index, hence the one cast.
    const handler = handlers[request.type] as (request: UiToBackground) => Promise<unknown>;
    return { ok: true, value: await handler(request) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
