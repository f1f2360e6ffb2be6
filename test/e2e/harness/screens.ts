/**
 * Screenshots of the extension's pages for the record: every screen the UI e2e visits is saved,
 * in light and dark, under artifacts/screenshots/ (gitignored; the README shows a few of them,
 * copied to docs/screenshots/).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../../artifacts/screenshots');

/** The toolbar popup's size in Chrome (its width is set by the page; the height grows to fit). */
export const POPUP_VIEWPORT = { width: 380, height: 560 };

/** Saves the page (whole, or just the viewport: a modal dialog's backdrop covers only that). */
export async function snap(page: Page, name: string, options: { readonly fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Let transitions (progress bar width) and fonts settle; a full page is taken from its top.
  if (options.fullPage ?? true) await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(150);
  // Chrome sizes the toolbar popup to its content: shrink the viewport and let the full-page
  // screenshot grow to the content's height.
  const viewport = page.viewportSize();
  const popup = page.url().includes('/src/popup/');
  if (popup && viewport) await page.setViewportSize({ width: viewport.width, height: 100 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}${scheme === 'dark' ? '-dark' : ''}.png`), fullPage: options.fullPage ?? true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  if (popup && viewport) await page.setViewportSize(viewport);
}
