/**
 * The content script's one door to the extension (the only content module that touches the
 * browser API): lookups and nudges to the background, "states changed" from it. When the extension
 * is reloaded or removed, this script is orphaned and every call throws "Extension context
 * invalidated" (content-dom.md §3.4): the transport then goes quiet for good and says so once.
 */
import browser from 'webextension-polyfill';
import { isBackgroundToContent, isLookupReply } from '../shared/messaging/content-guards.ts';
import { CONTENT_PROTOCOL_VERSION, type BadgeQuery, type CalendarApp, type ContentReplies } from '../shared/messaging/content-protocol.ts';
import type { ContentTransport } from './controller.ts';

export interface ExtensionTransport extends ContentTransport {
  /** False once the extension context is gone. */
  alive(): boolean;
  /** Called once, when the extension context goes away. */
  onOrphaned(listener: () => void): void;
}

export function extensionTransport(app: CalendarApp): ExtensionTransport {
  let alive = true;
  const orphanListeners: (() => void)[] = [];
  const orphaned = (): void => {
    if (!alive) return;
    alive = false;
    for (const listener of orphanListeners) listener();
  };
  const contextGone = (): boolean => {
    try {
      return !browser.runtime.id;
    } catch {
      return true;
    }
  };

  const send = async (message: unknown): Promise<unknown> => {
    if (!alive || contextGone()) {
      orphaned();
      return undefined;
    }
    try {
      return await browser.runtime.sendMessage(message);
    } catch (error) {
      if (contextGone() || /context invalidated/i.test(String(error))) orphaned();
      return undefined;
    }
  };

  return {
    alive: () => alive && !contextGone(),
    onOrphaned: (listener) => void orphanListeners.push(listener),
    lookup: async (queries: readonly BadgeQuery[]): Promise<ContentReplies['badges/lookup'] | null> => {
      const reply = await send({ v: CONTENT_PROTOCOL_VERSION, type: 'badges/lookup', app, queries });
      return isLookupReply(reply, queries.length) ? reply : null;
    },
    nudge: async (reason, calendars, ids, ageMs) => {
      await send({ v: CONTENT_PROTOCOL_VERSION, type: 'badges/nudge', app, reason, calendars, ids, ageMs });
    },
    onChanged: (listener) => {
      // Ours is acknowledged (the background forgets tabs whose message fails); others are left alone.
      const handler = (message: unknown): Promise<boolean> | undefined => {
        if (!isBackgroundToContent(message)) return undefined;
        listener();
        return Promise.resolve(true);
      };
      browser.runtime.onMessage.addListener(handler);
      return () => {
        try {
          browser.runtime.onMessage.removeListener(handler);
        } catch {
          // The context is gone: there is nothing left to unsubscribe from.
        }
      };
    },
  };
}
