/**
 * Who may talk to the badge service: our own content script (sender id is ours) in a tab whose page
 * is one of the five calendar hosts over https — in the simulator build also loopback stand-ins.
 * Extension pages, other extensions, other sites and frames of other origins get no answer.
 */
import { appForHost, effectiveLocation, isLoopbackHost, type CalendarApp } from '../../shared/calendar-hosts.ts';

export interface ContentSender {
  readonly id?: string | undefined;
  readonly url?: string | undefined;
  readonly tab?: { readonly id?: number | undefined; readonly url?: string | undefined } | undefined;
}

export interface TrustedPage {
  readonly app: CalendarApp;
  /** The real host the page is (or stands in for). */
  readonly host: string;
  readonly tabId: number;
  readonly loopback: boolean;
}

export function trustedPage(sender: ContentSender, extensionId: string, simulator: boolean): TrustedPage | null {
  if (sender.id !== extensionId || !sender.tab || typeof sender.tab.id !== 'number' || sender.tab.id < 0) return null;
  const frame = pageOf(sender.url, simulator);
  if (!frame) return null;
  // The tab's own URL (filled in where we hold host permission) must agree.
  if (sender.tab.url !== undefined) {
    const tab = pageOf(sender.tab.url, simulator);
    if (!tab || tab.app !== frame.app) return null;
  }
  return { ...frame, tabId: sender.tab.id };
}

function pageOf(raw: string | undefined, simulator: boolean): Omit<TrustedPage, 'tabId'> | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  const loopback = isLoopbackHost(url.hostname);
  if (loopback) {
    if (!simulator || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  } else if (url.protocol !== 'https:' || url.port !== '') {
    return null;
  }
  const { host } = effectiveLocation(url, simulator);
  const app = appForHost(host);
  return app ? { app, host, loopback } : null;
}
