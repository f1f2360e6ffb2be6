/**
 * Service-worker entry. Every listener is registered synchronously in the first turn: Chrome only
 * guarantees delivery of the event that woke the worker to listeners registered at top level.
 */
import { createConsoleLogger } from '../shared/logger.ts';
import { ENDPOINTS, IS_SIMULATOR_BUILD } from '../shared/endpoints.ts';
import { createAuth } from './auth/index.ts';
import { createRouter } from './router.ts';
import { DiagnosticsLog } from './runtime/diagnostics.ts';
import { IdbStore } from './runtime/idb-store.ts';
import { createRuntime } from './runtime/index.ts';
import { SettingsStore } from './runtime/settings.ts';
import { AreaStore } from './runtime/area-store.ts';
import { systemClock } from './sync/system-clock.ts';
import * as platform from './platform/browser.ts';
// Badges in the calendar web apps and sync-on-view (issue 6).
import { createBadgeService } from './badges/index.ts';
import { loadResults } from './runtime/results.ts';
import * as contentPlatform from './platform/content.ts';

const diagnostics = new DiagnosticsLog();
const log = diagnostics.wrap(createConsoleLogger('tandem', IS_SIMULATOR_BUILD ? 'debug' : 'warn'));

// Every wake, before anything else: the call is cheap and idempotent, and a worker woken by an
// alarm after an update must not run a single turn with storage.local readable by pages.
lockStorage();

const settings = new SettingsStore(new AreaStore(platform.localArea));
const auth = createAuth({
  clients: () => settings.clients(),
  endpoints: { googleAuth: ENDPOINTS.googleAuth, msAuthority: ENDPOINTS.msAuthority },
  redirectUri: platform.redirectUri(),
  clock: systemClock,
  log,
});

const state = new IdbStore('tandem-state');

// Badge service: answers our content scripts; a nudge from a web app runs an incremental sync of
// the pairs concerned (debounced and rate-limited inside the service).
const badges = createBadgeService({
  extensionId: platform.extensionId,
  simulator: IS_SIMULATOR_BUILD,
  state,
  pairs: () => settings.pairs(),
  syncPairs: async (pairIds) => {
    await runtime.ready;
    for (const pairId of pairIds) {
      // A run already going may have read before the change: wait it out, then run.
      await runtime.sync.idle();
      await runtime.sync.run('user', pairId);
    }
  },
  backstop: (when) => runtime.syncNoLaterThan(when),
  lastResults: () => loadResults(new AreaStore(platform.localArea)),
  tabs: { send: contentPlatform.sendToTab, calendarTabs: contentPlatform.calendarTabs, inject: contentPlatform.injectContentScript },
  clock: systemClock,
  log,
});

const runtime = createRuntime({
  localArea: platform.localArea,
  state,
  alarms: platform.alarms,
  auth,
  clock: systemClock,
  log,
  endpoints: { googleApi: ENDPOINTS.googleApi, graphApi: ENDPOINTS.graphApi },
  status: () => ({
    version: platform.extensionVersion(),
    simulatorBuild: IS_SIMULATOR_BUILD,
    redirectUri: platform.redirectUri(),
    endpoints: { googleApi: ENDPOINTS.googleApi, graphApi: ENDPOINTS.graphApi },
  }),
  broadcast: (message) => {
    platform.broadcast(message);
    if (isSyncFinished(message)) badges.onSyncFinished();
  },
  onReport: (report) => badges.recordReport(report),
  setBadge: (badge) => platform.setBadge(badge.text, badge.color, badge.title),
  notify: (notice) => platform.notify(notice.id, notice.title, notice.message),
  diagnostics,
  instanceId: crypto.randomUUID(),
});

const router = createRouter({
  extensionId: platform.extensionId,
  uiPages: ['/src/popup/index.html', '/src/options/index.html'],
  onRejected: (reason) => log.debug?.('message rejected', { reason }),
  handlers: runtime.handlers,
});

platform.onMessage(router);
platform.onAlarm((name) => void runtime.onAlarm(name).catch(logFailure('scheduled sync')));
platform.onStartup(() => {
  lockStorage();
  void runtime.onStartup().catch(logFailure('start-up sync'));
});
platform.onInstalled(lockStorage);
platform.onNotificationClicked(() => void platform.openOptionsPage().catch(logFailure('open options')));
contentPlatform.onContentMessage((message, sender) => badges.handleContentMessage(message, sender));
platform.onInstalled((reason) => {
  if (reason === 'install' || reason === 'update') void badges.injectIntoOpenTabs().catch(logFailure('injecting into open calendar tabs'));
});

/** The runtime's "sync state changed" broadcast once a run is over. */
function isSyncFinished(message: unknown): boolean {
  const m = message as { type?: unknown; state?: { running?: unknown } } | null;
  return m?.type === 'sync/changed' && m.state?.running === false;
}

function lockStorage(): void {
  platform.lockLocalStorageToTrustedContexts().then(
    () => log.debug?.('storage.local locked to trusted contexts'),
    (error: unknown) => log.error?.('could not lock storage.local', { error: String(error) }),
  );
}

function logFailure(what: string): (error: unknown) => void {
  return (error) => log.error?.(`${what} failed`, { error: String(error) });
}
