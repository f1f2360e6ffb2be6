import { defineManifest } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };
import { hostPermissionFor, isSimulatorMode, type Endpoints } from './endpoints.config.ts';
import { CALENDAR_HOSTS } from './src/shared/calendar-hosts.ts';

/**
 * Public half of the extension's signing key. It pins the extension id (EXTENSION_ID) for unpacked
 * loads on every machine, so the OAuth redirect URI https://<id>.chromiumapp.org/ registered with
 * Google and Microsoft never changes. The private half is not in the repository; the Chrome Web
 * Store signs published builds with it.
 */
const EXTENSION_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA3boxXnlxyyDDvButG9y33mdtypNjAJhj5kOm9CQrwacqTDz7bnFuo+E92aaS8YZ5Kj3YAgxcFpz1ZcMNKDhiVrErOEgtc8/XuUAuEUdrqbOfL1d+FdtvFsBcn75MQxSx4/X9Zw9rsE1rvKANQnU6xLUK2VX7c296c/V9vXTT67Xw8r3JW1ShUrE7XDNTw864/vnXRrIYcaqNOCYHSpuNx9Vy3NRbp03yhfgeXQXpcgaECdQI8r5kXExf75ptrECH16IibC5qSK/lR+gtFSV8JA3lNmMhFNGVVT7BnmvY1l9yCQTIPzT2oUmZZhLlo6WuyzsQgh/ZyVt8UHt3V8zY/wIDAQAB';

/** Derived from EXTENSION_KEY (sha256 of the DER key, first 32 hex digits mapped to a–p). */
export const EXTENSION_ID = 'nlbikdfbadfllbfnnjfbffaihjhkbomc';

/** The calendar web apps our content scripts decorate (src/shared/calendar-hosts.ts). */
export const CALENDAR_PAGE_MATCHES: readonly string[] = Object.keys(CALENDAR_HOSTS).map((host) => `https://${host}/*`);

/** Loopback, granted only in the simulator build (match patterns without a port match any port). */
const LOOPBACK = ['http://127.0.0.1/*', 'https://127.0.0.1/*', 'http://localhost/*', 'https://localhost/*'];

export function createManifest(mode: string, endpoints: Endpoints) {
  const simulator = isSimulatorMode(mode);
  const apiHosts = [endpoints.googleApi, endpoints.graphApi, endpoints.msAuthority].map(hostPermissionFor);
  return defineManifest({
    manifest_version: 3,
    // Name and description come from _locales (public/_locales/en/messages.json), like the UI's text.
    name: simulator ? 'Tandem (simulator build)' : '__MSG_extName__',
    short_name: 'Tandem',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    version: pkg.version,
    key: EXTENSION_KEY,
    minimum_chrome_version: '120',
    incognito: 'not_allowed',
    icons: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png', 48: 'icons/icon-48.png', 128: 'icons/icon-128.png' },
    background: { service_worker: 'src/background/index.ts', type: 'module' },
    action: { default_popup: 'src/popup/index.html', default_title: 'Tandem' },
    options_ui: { page: 'src/options/index.html', open_in_tab: true },
    // notifications: "sign-in needed" and paused deletions (decisions.md #10). scripting and the
    // calendar hosts: the content script is run in calendar tabs already open at install or update
    // (decisions.md #4); the hosts are those the content script matches, so the warning is the same.
    permissions: ['alarms', 'storage', 'identity', 'offscreen', 'notifications', 'scripting'],
    host_permissions: unique([...apiHosts, ...CALENDAR_PAGE_MATCHES, ...(simulator ? LOOPBACK : [])]),
    content_scripts: [
      {
        matches: [...CALENDAR_PAGE_MATCHES, ...(simulator ? ['http://127.0.0.1/*'] : [])],
        js: ['src/content/index.ts'],
        run_at: 'document_idle',
      },
    ],
  });
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
