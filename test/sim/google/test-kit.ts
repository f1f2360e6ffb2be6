/**
 * Test scaffolding for the Google simulator's tests: a simulator on an ephemeral port with a clock
 * fixed at 2026-03-01T09:00Z (so DST changes of 2026 lie ahead), and a tiny fetch client.
 */
import { afterEach, expect } from 'vitest';
import { SimClock } from '../core/clock.ts';
import { TokenRegistry } from '../core/tokens.ts';
import { GoogleCalendarSim, type GoogleSettings } from './index.ts';
import type { GEvent, GEvents } from './model.ts';

export const T0 = Date.parse('2026-03-01T09:00:00Z');
export const ANN = 'ann@example.com';
export const BOB = 'bob@example.com';

export interface Reply<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export interface CallOptions {
  readonly query?: Record<string, string | number | boolean | readonly string[]>;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly token?: string | null;
}

export class Client {
  constructor(
    readonly base: string,
    public token: string,
  ) {}

  async call<T = unknown>(method: string, path: string, options: CallOptions = {}): Promise<Reply<T>> {
    const url = new URL(`${this.base}${path}`);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(v));
    }
    const token = options.token === undefined ? this.token : options.token;
    const headers: Record<string, string> = { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(url, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
  }

  events(calendarId: string, query: CallOptions['query'] = {}): Promise<Reply<GEvents>> {
    return this.call('GET', `/calendars/${encodeURIComponent(calendarId)}/events`, { query });
  }

  insert(calendarId: string, event: GEvent, query: CallOptions['query'] = {}): Promise<Reply<GEvent>> {
    return this.call('POST', `/calendars/${encodeURIComponent(calendarId)}/events`, { body: event, query });
  }

  event(calendarId: string, eventId: string, method = 'GET', options: CallOptions = {}): Promise<Reply<GEvent>> {
    return this.call(method, `/calendars/${encodeURIComponent(calendarId)}/events/${encodeURIComponent(eventId)}`, options);
  }

  /** Follows nextPageToken to the end; returns all items, the pages and the final nextSyncToken. */
  async listAll(calendarId: string, query: Record<string, string | number | boolean | readonly string[]> = {}): Promise<{ items: GEvent[]; pages: GEvents[]; nextSyncToken: string | undefined }> {
    const pages: GEvents[] = [];
    let pageToken: string | undefined;
    do {
      const reply = await this.events(calendarId, { ...query, ...(pageToken ? { pageToken } : {}) });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      pages.push(reply.body);
      pageToken = reply.body.nextPageToken ?? undefined;
    } while (pageToken && pages.length < 10_000);
    return { items: pages.flatMap((p) => p.items ?? []), pages, nextSyncToken: pages.at(-1)?.nextSyncToken ?? undefined };
  }
}

export interface Harness {
  readonly sim: GoogleCalendarSim;
  readonly clock: SimClock;
  readonly tokens: TokenRegistry;
  /** Ann's client (full scope); Ann and Bob exist, both in Europe/Berlin. */
  readonly api: Client;
  readonly client: (email: string) => Client;
}

const running: GoogleCalendarSim[] = [];

/** Stops the simulators a test started and checks that none of them crashed. */
afterEach(async () => {
  for (const sim of running.splice(0)) {
    await sim.close();
    expect(sim.server.internalErrors.map((e) => e.stack)).toEqual([]);
  }
});

export async function startGoogle(settings: Partial<GoogleSettings> = {}): Promise<Harness> {
  const clock = new SimClock(() => T0);
  const tokens = new TokenRegistry(clock);
  const sim = new GoogleCalendarSim({ clock, tokens, settings });
  running.push(sim);
  await sim.listen();
  sim.addUser(ANN, { name: 'Ann', timeZone: 'Europe/Berlin' });
  sim.addUser(BOB, { name: 'Bob', timeZone: 'Europe/Berlin' });
  // Long-lived tokens: tests move the clock by days and weeks.
  const client = (email: string) => new Client(sim.apiBase, sim.issueToken(email, 365 * 86_400_000));
  return { sim, clock, tokens, api: client(ANN), client };
}

/** A timed event body in Europe/Berlin. */
export function timed(startLocal: string, endLocal: string, extra: GEvent = {}): GEvent {
  return {
    summary: 'Meeting',
    start: { dateTime: startLocal, timeZone: 'Europe/Berlin' },
    end: { dateTime: endLocal, timeZone: 'Europe/Berlin' },
    ...extra,
  };
}

export function allDay(start: string, end: string, extra: GEvent = {}): GEvent {
  return { summary: 'All day', start: { date: start }, end: { date: end }, ...extra };
}

export interface GoogleErrorBody {
  readonly error: {
    readonly code: number;
    readonly message: string;
    readonly errors: ReadonlyArray<{ domain: string; reason: string; message: string; locationType?: string; location?: string }>;
  };
}

/** Google's error envelope parts a test usually checks (`message`: the per-error one). */
export function errorOf(reply: Reply<unknown>): { code: number; reason: string; domain: string; message: string; location?: string } {
  const { error } = reply.body as GoogleErrorBody;
  const first = error.errors[0]!;
  expect(reply.status).toBe(error.code);
  return { code: error.code, reason: first.reason, domain: first.domain, message: first.message, ...(first.location ? { location: first.location } : {}) };
}

/** A weekly Monday 09:00–10:00 Europe/Berlin series from 2026-03-16 (DST starts 2026-03-29). */
export function weekly(rule = 'RRULE:FREQ=WEEKLY;BYDAY=MO', extra: GEvent = {}): GEvent {
  return timed('2026-03-16T09:00:00', '2026-03-16T10:00:00', { summary: 'Weekly', recurrence: [rule], ...extra });
}

/** All of a calendar's events with series expanded, in start order. */
export async function expandedInstances(api: Client, query: Record<string, string | boolean | number> = {}, calendarId = 'primary'): Promise<GEvent[]> {
  return (await api.listAll(calendarId, { singleEvents: true, orderBy: 'startTime', ...query })).items;
}
