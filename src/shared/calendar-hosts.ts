/**
 * The calendar web apps Tandem decorates. The manifest's content-script matches and host
 * permissions, the content script's app detection and the background's sender check all read this
 * one list, so a host cannot be added to one and forgotten in another (content-dom.md §2.1: a host
 * missing from the manifest means silent non-injection).
 */
export type CalendarApp = 'google' | 'outlook';

export const CALENDAR_HOSTS: Readonly<Record<string, CalendarApp>> = {
  'calendar.google.com': 'google',
  'outlook.office.com': 'outlook',
  'outlook.office365.com': 'outlook',
  'outlook.live.com': 'outlook',
  'outlook.cloud.microsoft': 'outlook',
};

/** Which app a host serves, or null for every other host. */
export function appForHost(host: string): CalendarApp | null {
  return Object.hasOwn(CALENDAR_HOSTS, host) ? (CALENDAR_HOSTS[host] ?? null) : null;
}

/** True for 127.0.0.1 and localhost (any port): the simulator build's pages. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost';
}

/**
 * In the simulator build, fixture pages stand in for the real hosts at
 * `http://127.0.0.1:<port>/_host/<real host>/<real path>`: the content script reads the real host
 * and path from there, so the same app detection runs as on the live sites.
 */
export const SIM_HOST_PREFIX = '/_host/';

export interface PageLocation {
  readonly host: string;
  readonly path: string;
}

/** The host and path a page stands for (loopback stand-ins only when `simulator` is true). */
export function effectiveLocation(url: { readonly hostname: string; readonly pathname: string }, simulator: boolean): PageLocation {
  if (simulator && isLoopbackHost(url.hostname) && url.pathname.startsWith(SIM_HOST_PREFIX)) {
    const rest = url.pathname.slice(SIM_HOST_PREFIX.length);
    const slash = rest.indexOf('/');
    return slash < 0 ? { host: rest, path: '/' } : { host: rest.slice(0, slash), path: rest.slice(slash) };
  }
  return { host: url.hostname, path: url.pathname };
}
