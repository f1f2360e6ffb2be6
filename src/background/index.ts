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

const runtime = createRuntime({
  localArea: platform.localArea,
  state: new IdbStore('tandem-state'),
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
  broadcast: platform.broadcast,
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

function lockStorage(): void {
  platform.lockLocalStorageToTrustedContexts().then(
    () => log.debug?.('storage.local locked to trusted contexts'),
    (error: unknown) => log.error?.('could not lock storage.local', { error: String(error) }),
  );
}

function logFailure(what: string): (error: unknown) => void {
  return (error) => log.error?.(`${what} failed`, { error: String(error) });
}
