/** Driving Tandem's own pages the way a user does: open the popup, follow it to the options page. */
import type { Page } from 'playwright-core';
import type { ExtensionSession } from './extension.ts';
import { POPUP_VIEWPORT } from './screens.ts';

/** Opens the popup page at the toolbar popup's size and waits for its first render. */
export async function openPopup(session: ExtensionSession): Promise<Page> {
  const popup = await session.openPopup();
  await popup.setViewportSize(POPUP_VIEWPORT);
  await popup.locator('.popup main > :not([role="status"])').first().waitFor();
  return popup;
}

/** Clicks something in the popup that opens the options page; returns that page. */
export async function followToOptions(session: ExtensionSession, click: () => Promise<void>): Promise<Page> {
  const [page] = await Promise.all([session.context.waitForEvent('page', (p) => p.url().includes('/src/options/index.html')), click()]);
  await page.waitForLoadState();
  await page.locator('#accounts').waitFor();
  return page;
}
