/** Helpers for the Google sign-in simulator's tests: start it, and act like a browser over HTTP. */
import { SimClock } from '../core/clock.ts';
import { TokenRegistry } from '../core/tokens.ts';
import { GoogleAuthSim } from './index.ts';

export const CLIENT_ID = '1234567890-tandem.apps.googleusercontent.com';
export const REDIRECT_URI = 'https://nlbikdfbadfllbfnnjfbffaihjhkbomc.chromiumapp.org/';
export const CALENDAR = 'https://www.googleapis.com/auth/calendar';
export const CALENDAR_EVENTS = 'https://www.googleapis.com/auth/calendar.events';

export interface GoogleFixture {
  readonly sim: GoogleAuthSim;
  readonly clock: SimClock;
  readonly tokens: TokenRegistry;
  readonly url: string;
}

export async function startGoogleAuth(options: { accessTokenLifetimeMs?: number } = {}): Promise<GoogleFixture> {
  const clock = new SimClock();
  clock.freeze();
  const tokens = new TokenRegistry(clock);
  const sim = new GoogleAuthSim({ clock, tokens, ...options });
  sim.registerClient({ clientId: CLIENT_ID, name: 'Tandem', redirectUris: [REDIRECT_URI] });
  sim.addAccount({ email: 'ann@example.com', name: 'Ann Example' });
  sim.addAccount({ email: 'bob@corp.example', name: 'Bob Corp', hostedDomain: 'corp.example' });
  const url = await sim.listen();
  return { sim, clock, tokens, url };
}

export function authorizeUrl(base: string, params: Record<string, string>): string {
  const query = new URLSearchParams({
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: 'token',
    scope: CALENDAR_EVENTS,
    state: 'st-1',
    ...params,
  });
  for (const [name, value] of Object.entries(params)) if (value === '') query.delete(name);
  return `${base}/o/oauth2/v2/auth?${query.toString()}`;
}

/** A one-cookie browser: remembers the last session cookie the simulator set. */
export class Browser {
  cookie = '';

  async get(url: string): Promise<BrowserResponse> {
    return this.send(url, { method: 'GET' });
  }

  async post(url: string, form: Record<string, string>): Promise<BrowserResponse> {
    return this.send(url, { method: 'POST', body: new URLSearchParams(form), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  private async send(url: string, init: RequestInit): Promise<BrowserResponse> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const location = res.headers.get('location');
    const target = location ? new URL(location) : undefined;
    return {
      status: res.status,
      location,
      setCookie,
      fragment: new URLSearchParams(target?.hash.slice(1) ?? ''),
      query: target?.searchParams ?? new URLSearchParams(),
      text: await res.text(),
      contentType: res.headers.get('content-type'),
    };
  }
}

export interface BrowserResponse {
  readonly status: number;
  readonly location: string | null;
  readonly setCookie: string | null;
  /** Parameters of the Location's fragment (implicit flow, response_mode=fragment). */
  readonly fragment: URLSearchParams;
  readonly query: URLSearchParams;
  readonly text: string;
  readonly contentType: string | null;
}

/** Extracts the hidden pending-request id from a chooser / sign-in page. */
export function pendingIdOf(html: string): string {
  const match = /name="request" value="([^"]+)"/.exec(html);
  if (!match) throw new Error(`No pending request id in page: ${html.slice(0, 200)}`);
  return match[1]!;
}
