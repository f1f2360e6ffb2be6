/**
 * Service-worker entry. Every listener is registered synchronously in the first turn: Chrome only
 * guarantees delivery of the event that woke the worker to listeners registered at top level.
 */
import { createConsoleLogger } from '../shared/logger.ts';
import { ENDPOINTS, IS_SIMULATOR_BUILD } from '../shared/endpoints.ts';
import { createRouter } from './router.ts';
import * as platform from './platform/browser.ts';

const log = createConsoleLogger('tandem', IS_SIMULATOR_BUILD ? 'debug' : 'warn');

const router = createRouter({
  extensionId: platform.extensionId,
  uiPages: ['/src/popup/index.html', '/src/options/index.html'],
  onRejected: (reason) => log.debug?.('message rejected', { reason }),
  handlers: {
    'status/get': () =>
      Promise.resolve({
        version: platform.extensionVersion(),
        simulatorBuild: IS_SIMULATOR_BUILD,
        redirectUri: platform.redirectUri(),
        endpoints: { googleApi: ENDPOINTS.googleApi, graphApi: ENDPOINTS.graphApi },
      }),
  },
});

platform.onMessage(router);

// Every wake, not only on install/start-up: the call is cheap and idempotent, and a worker woken by
// an alarm after an update must not run a single turn with storage.local readable by pages.
lockStorage();
platform.onInstalledOrStartup(lockStorage);

function lockStorage(): void {
  platform.lockLocalStorageToTrustedContexts().then(
    () => log.debug?.('storage.local locked to trusted contexts'),
    (error: unknown) => log.error?.('could not lock storage.local', { error: String(error) }),
  );
}
