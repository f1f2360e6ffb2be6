/**
 * Build-time endpoint resolution. Every service Tandem talks to can be redirected through an
 * environment variable, so the same code serves the real clouds, national clouds (e.g. Graph for
 * US Government at https://graph.microsoft.us/v1.0) and our loopback simulators.
 *
 * - production build (`vite build`): production endpoints unless a variable overrides one.
 * - simulator build (`vite build --mode sim`): every endpoint defaults to the loopback address
 *   `npm run sim` listens on; the variables override them for any host, port, http or https.
 */
import { SIM_CLIENTS, SIM_ENDPOINTS } from './test/sim/defaults.ts';

export interface Endpoints {
  /** Google Calendar API v3 base, no trailing slash. */
  readonly googleApi: string;
  /** Google OAuth 2.0 authorize URL (implicit token flow). */
  readonly googleAuth: string;
  /** Microsoft Graph base including the version segment, no trailing slash. */
  readonly graphApi: string;
  /** Microsoft identity platform authority (tenant segment included). */
  readonly msAuthority: string;
}

export const PRODUCTION_ENDPOINTS: Endpoints = {
  googleApi: 'https://www.googleapis.com/calendar/v3',
  googleAuth: 'https://accounts.google.com/o/oauth2/v2/auth',
  graphApi: 'https://graph.microsoft.com/v1.0',
  msAuthority: 'https://login.microsoftonline.com/common',
};

const VARIABLES: Readonly<Record<keyof Endpoints, string>> = {
  googleApi: 'TANDEM_GOOGLE_API',
  googleAuth: 'TANDEM_GOOGLE_AUTH',
  graphApi: 'TANDEM_GRAPH_API',
  msAuthority: 'TANDEM_MS_AUTHORITY',
};

export function isSimulatorMode(mode: string): boolean {
  return mode === 'sim';
}

export function resolveEndpoints(mode: string, env: Readonly<Record<string, string | undefined>>): Endpoints {
  const defaults = isSimulatorMode(mode) ? SIM_ENDPOINTS : PRODUCTION_ENDPOINTS;
  const pick = (name: keyof Endpoints): string => {
    const raw = env[VARIABLES[name]]?.trim();
    if (!raw) return defaults[name];
    return normaliseUrl(VARIABLES[name], raw);
  };
  return {
    googleApi: pick('googleApi'),
    googleAuth: pick('googleAuth'),
    graphApi: pick('graphApi'),
    msAuthority: pick('msAuthority'),
  };
}

function normaliseUrl(variable: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${variable} must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${variable} must use http or https, got "${url.protocol}"`);
  }
  return url.toString().replace(/\/+$/, '');
}

/** Match pattern granting host access to an endpoint's origin (any port, as Chrome matches). */
export function hostPermissionFor(endpoint: string): string {
  const url = new URL(endpoint);
  return `${url.protocol}//${url.hostname}/*`;
}

/** OAuth client ids a build uses until the user enters their own in the options page. */
export interface DefaultClientIds {
  readonly google: string;
  readonly microsoft: string;
}

/**
 * Production builds have no default unless TANDEM_GOOGLE_CLIENT_ID / TANDEM_MS_CLIENT_ID are set
 * (each user registers their own apps: see the README); the simulator build defaults to the
 * clients the simulators register.
 */
export function resolveClientIds(mode: string, env: Readonly<Record<string, string | undefined>>): DefaultClientIds {
  const defaults: DefaultClientIds = isSimulatorMode(mode) ? SIM_CLIENTS : { google: '', microsoft: '' };
  return {
    google: env['TANDEM_GOOGLE_CLIENT_ID']?.trim() || defaults.google,
    microsoft: env['TANDEM_MS_CLIENT_ID']?.trim() || defaults.microsoft,
  };
}
