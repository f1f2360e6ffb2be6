/**
 * Content-script decoration in Chromium: the live stand-in of a web app (test/sim/web/live.ts)
 * showing a synced calendar's events as chips, with the simulator build's content script drawing a
 * badge on each. The page's own 3 s repaint timer is paused so that every repaint is one we start.
 *
 * - first decoration: a fresh tab; the content script's own work is the sum of its User Timing
 *   measures (`tandem:flush`, `tandem:decorate`: one per animation frame it worked in), and the
 *   time to badges runs from the page's DOMContentLoaded to the last badge inserted (injection,
 *   lookups answered by the service worker, drawing);
 * - repaint: the page replaces every chip (`tandemLive.refresh()`, as the web apps re-render);
 *   our work is again the measures, the time from the chips' insertion to the last badge.
 */
import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../../../test/e2e/harness/extension.ts';

export interface DecorationSample {
  /** The content script's own work: the sum of its per-frame measures. */
  readonly cpuMs: number;
  readonly frames: number;
  readonly longestFrameMs: number;
  /** Wall time until the last badge was drawn (see the module comment for where it starts). */
  readonly toBadgesMs: number;
}

export interface AppDecoration {
  readonly app: 'google' | 'outlook';
  readonly chips: number;
  readonly badges: number;
  /** One sample per fresh tab (the first also builds the service worker's badge index). */
  readonly first: readonly DecorationSample[];
  readonly repaint: readonly DecorationSample[];
  readonly median: { readonly first: DecorationSample; readonly repaint: DecorationSample };
}

const CHIP_SELECTOR = { google: '[data-eventchip]', outlook: '[data-calitemid]' } as const;

/** Installed before the page's scripts: records when badges and other elements were inserted. */
function recorder(): void {
  const w = window as unknown as { __tb: { badgeAt: number; otherAt: number } };
  w.__tb = { badgeAt: 0, otherAt: 0 };
  new MutationObserver((records) => {
    const now = performance.now();
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element && node.hasAttribute('data-tandem-badge')) w.__tb.badgeAt = now;
        else if (node instanceof Element) w.__tb.otherAt = now;
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

interface PageFigures {
  readonly chips: number;
  readonly badges: number;
  readonly badgeAt: number;
  readonly otherAt: number;
  readonly measures: readonly number[];
}

function figures(page: Page, chipSelector: string, skipMeasures: number): Promise<PageFigures> {
  return page.evaluate(
    ({ selector, skip }) => {
      const w = window as unknown as { __tb: { badgeAt: number; otherAt: number } };
      const measures = performance.getEntriesByType('measure').filter((e) => e.name.startsWith('tandem:'));
      return {
        chips: document.querySelectorAll(selector).length,
        badges: document.querySelectorAll('[data-tandem-badge]').length,
        badgeAt: w.__tb.badgeAt,
        otherAt: w.__tb.otherAt,
        measures: measures.slice(skip).map((e) => e.duration),
      };
    },
    { selector: chipSelector, skip: skipMeasures },
  );
}

/**
 * Waits until `want` badges are drawn (default: one per chip), or, should some chip never get one,
 * until the badge count has not moved for 5 s.
 */
async function settle(page: Page, chipSelector: string, want: number | null, timeoutMs = 120_000): Promise<PageFigures> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let stableSince = Date.now();
  for (;;) {
    const now = await figures(page, chipSelector, 0);
    if (now.chips > 0 && now.badges >= (want ?? now.chips)) return now;
    if (now.badges !== last) {
      last = now.badges;
      stableSince = Date.now();
    } else if (now.badges > 0 && Date.now() - stableSince > 5_000) {
      return now;
    }
    if (Date.now() > deadline) throw new Error(`badges did not settle on ${page.url()}: ${now.badges} of ${now.chips} chips`);
    await page.waitForTimeout(50);
  }
}

function sample(measures: readonly number[], toBadgesMs: number): DecorationSample {
  return { cpuMs: measures.reduce((a, b) => a + b, 0), frames: measures.length, longestFrameMs: Math.max(0, ...measures), toBadgesMs };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function medianSample(samples: readonly DecorationSample[]): DecorationSample {
  return {
    cpuMs: median(samples.map((s) => s.cpuMs)),
    frames: median(samples.map((s) => s.frames)),
    longestFrameMs: median(samples.map((s) => s.longestFrameMs)),
    toBadgesMs: median(samples.map((s) => s.toBadgesMs)),
  };
}

/** Opens the page, pauses its repaint timer; returns it once its DOM is loaded. */
export async function openLive(session: ExtensionSession, url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.addInitScript(recorder);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.evaluate(() => (window as unknown as { tandemLive: { pause(): void } }).tandemLive.pause());
  return page;
}

export async function measureDecoration(session: ExtensionSession, app: 'google' | 'outlook', url: string, tabs: number, repaints: number): Promise<AppDecoration> {
  const selector = CHIP_SELECTOR[app];
  const first: DecorationSample[] = [];
  const repaint: DecorationSample[] = [];
  let want: number | null = null;
  let chips = 0;
  for (let tab = 0; tab < Math.max(1, tabs); tab++) {
    const page = await openLive(session, url);
    try {
      const done = await settle(page, selector, want);
      want ??= done.badges;
      chips = done.chips;
      const loaded = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
      const all = await figures(page, selector, 0);
      first.push(sample(all.measures, all.badgeAt - loaded));
      if (tab !== tabs - 1) continue;
      let seen = all.measures.length;
      for (let i = 0; i < repaints; i++) {
        await page.evaluate(() => (window as unknown as { tandemLive: { refresh(): Promise<void> } }).tandemLive.refresh());
        // The page's swap is done; wait for our badges on every new chip, and a frame or two more.
        await settle(page, selector, want);
        await page.waitForTimeout(100);
        const after = await figures(page, selector, seen);
        seen += after.measures.length;
        repaint.push(sample(after.measures, after.badgeAt - after.otherAt));
      }
    } finally {
      await page.close();
    }
  }
  return { app, chips, badges: want ?? 0, first, repaint, median: { first: medianSample(first), repaint: medianSample(repaint) } };
}
