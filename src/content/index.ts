/**
 * Content script for Google Calendar and Outlook on the web: badges on the events Tandem syncs, and
 * a nudge to the background when the user edits one (sync-on-view). It holds no secrets and reads
 * no storage (storage.local is locked to trusted contexts, decisions.md #3): it asks the background
 * about the ids it sees. Injected by the manifest on page load and by the background into tabs
 * already open at install or update — a second copy in the same page replaces the first.
 */
import { appForHost, effectiveLocation, type CalendarApp } from '../shared/calendar-hosts.ts';
import { IS_SIMULATOR_BUILD } from '../shared/endpoints.ts';
import { startController } from './controller.ts';
import { googleSurface } from './google/surface.ts';
import { isOpenableUrl } from './open.ts';
import { outlookSurface } from './outlook/surface.ts';
import type { Surface } from './surface.ts';
import { extensionTransport } from './transport.ts';

interface Running {
  stop(): void;
  alive(): boolean;
}

const INSTANCE = Symbol.for('tandem.content');
type Scope = typeof globalThis & { [INSTANCE]?: Running };

function main(): void {
  const scope = globalThis as Scope;
  const existing = scope[INSTANCE];
  if (existing?.alive()) return;
  existing?.stop();
  const where = () => effectiveLocation(window.location, IS_SIMULATOR_BUILD);
  const app = appForHost(where().host);
  if (!app) return;
  const transport = extensionTransport(app);
  const controller = startController({
    doc: document,
    surface: surfaceFor(app, () => where().path + window.location.search),
    transport,
    frame: (callback) => void window.requestAnimationFrame(callback),
    timers: {
      now: () => performance.now(),
      setTimeout: (callback, ms) => window.setTimeout(callback, ms),
      clearTimeout: (handle) => window.clearTimeout(handle as number),
    },
    localZone: localZone(),
    alive: () => transport.alive(),
    open: (url) => {
      if (isOpenableUrl(url, IS_SIMULATOR_BUILD)) window.open(url, '_blank', 'noopener,noreferrer');
    },
    ...(IS_SIMULATOR_BUILD ? { measure: (name: string, start: number) => void performance.measure(name, { start }) } : {}),
  });
  transport.onOrphaned(() => controller.stop());
  scope[INSTANCE] = { stop: () => controller.stop(), alive: () => transport.alive() };
}

function surfaceFor(app: CalendarApp, location: () => string): Surface {
  return app === 'google' ? googleSurface(document, location) : outlookSurface(document, location, localZone);
}

function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

main();
