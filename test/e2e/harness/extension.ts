/**
 * Drives the unpacked simulator build of Tandem in real Chromium: loads it, finds its service
 * worker and id, opens its pages, and collects every console error and uncaught exception from
 * pages and the worker so tests can assert a clean run.
 */
import path from 'node:path';
import type { BrowserContext, ConsoleMessage, Page, Worker } from 'playwright-core';
import { launchChromium } from './chromium.ts';

/** The simulator build under test; TANDEM_SIM_BUILD_DIR points at another copy (e.g. a private build). */
export const SIM_BUILD_DIR = path.resolve(process.env['TANDEM_SIM_BUILD_DIR'] ?? path.join(import.meta.dirname, '../../../dist-sim'));

export interface ConsoleProblem {
  readonly source: string;
  readonly text: string;
}

export interface ExtensionSession {
  readonly context: BrowserContext;
  readonly extensionId: string;
  readonly worker: Worker;
  /** Console errors and uncaught exceptions seen so far, from any page or the service worker. */
  readonly problems: ConsoleProblem[];
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  /** Opens any page (e.g. a simulated web app) and watches it for errors too. */
  open(url: string): Promise<Page>;
  close(): Promise<void>;
}

export interface ExtensionLaunchOptions {
  readonly extensionDir?: string;
  readonly headless?: boolean;
  readonly viewport?: { width: number; height: number } | null;
}

export async function launchExtension(options: ExtensionLaunchOptions = {}): Promise<ExtensionSession> {
  const context = await launchChromium({
    extensionDir: options.extensionDir ?? SIM_BUILD_DIR,
    headless: options.headless ?? true,
    ...(options.viewport === undefined ? {} : { viewport: options.viewport }),
  });
  const problems: ConsoleProblem[] = [];
  const watchPage = (page: Page): void => {
    page.on('console', (message) => recordConsole(problems, page.url(), message));
    page.on('pageerror', (error) => problems.push({ source: page.url(), text: `uncaught: ${error.message}` }));
  };
  context.on('page', watchPage);
  context.pages().forEach(watchPage);

  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  worker.on('console', (message) => recordConsole(problems, 'service worker', message));
  const extensionId = new URL(worker.url()).host;
  const origin = `chrome-extension://${extensionId}`;

  const open = async (url: string): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(url);
    return page;
  };
  return {
    context,
    extensionId,
    worker,
    problems,
    open,
    openPopup: () => open(`${origin}/src/popup/index.html`),
    openOptions: () => open(`${origin}/src/options/index.html`),
    close: () => context.close(),
  };
}

function recordConsole(problems: ConsoleProblem[], source: string, message: ConsoleMessage): void {
  if (message.type() === 'error') problems.push({ source, text: message.text() });
}
