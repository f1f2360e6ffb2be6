/**
 * Engine scenarios end to end: the real adapters talking HTTP to the simulators, the engine on a
 * memory store, and helpers to act "as the user" on either side and to read what each side holds.
 */
import type { Event as GraphEvent } from '@microsoft/microsoft-graph-types';
import type { calendar_v3 } from '@googleapis/calendar';
import { GoogleCalendarProvider } from '../../../src/background/providers/google/index.ts';
import { GraphCalendarProvider } from '../../../src/background/providers/graph/index.ts';
import { MemoryStore } from '../../../src/background/sync/memory-store.ts';
import { withDefaults, type PairConfig } from '../../../src/background/sync/pair.ts';
import type { EngineDeps } from '../../../src/background/sync/context.ts';
import type { Clock, TokenSource } from '../../../src/background/sync/ports.ts';
import type { PairReport } from '../../../src/background/sync/report.ts';
import { syncPair, type SyncOptions } from '../../../src/background/sync/run.ts';
import { SimClock } from '../../sim/core/clock.ts';
import { startSimulators, type Simulators } from '../../sim/index.ts';

export const GOOGLE_USER = 'ann@example.com';
export const MS_USER = 'ann@contoso.com';
const CALENDAR_SCOPE = 'https://www.googleapis.com/auth/calendar';

export interface World {
  readonly sims: Simulators;
  readonly store: MemoryStore;
  readonly googleCalendar: string;
  readonly outlookCalendar: string;
  /** The Outlook mailbox (UPN) that owns `outlookCalendar`. */
  readonly msUser: string;
  readonly pair: PairConfig;
  /** Sleeps the engine asked for (retries honour Retry-After), in ms. */
  readonly sleeps: number[];
  /** The engine's ports as `sync` wires them (the real adapters and the fake clock). */
  readonly deps: EngineDeps;
  sync(options?: SyncOptions & { pair?: Partial<PairConfig> }): Promise<PairReport>;
  googleEvents(): calendar_v3.Schema$Event[];
  outlookEvents(): GraphEvent[];
  /** Live Google events (not cancelled) with a title. */
  googleTitles(): string[];
  outlookTitles(): string[];
  close(): Promise<void>;
}

export async function createWorld(pairOverrides: Partial<PairConfig> = {}): Promise<World> {
  // A fixed "now" (Monday 2 March 2026, 09:00 in Berlin) makes dates in scenarios readable.
  const sims = await startSimulators({ ports: 'random', clock: new SimClock(() => Date.parse('2026-03-02T08:00:00Z')) });
  return attachWorld(sims, { pair: pairOverrides, close: () => sims.close() });
}

export interface AttachOptions {
  /** Google account (its primary calendar is the pair's); default GOOGLE_USER. */
  readonly googleUser?: string;
  readonly googleZone?: string;
  /** Outlook mailbox (its default calendar is the pair's); default MS_USER. */
  readonly msUser?: string;
  /** A Windows zone name, as mailboxSettings reports it. */
  readonly msZone?: string;
  readonly pair?: Partial<PairConfig>;
  /** What `World.close` does (default: nothing; the caller owns the simulators). */
  readonly close?: () => Promise<void>;
  /** Per-request timeout of both adapters (default theirs, 30 s). */
  readonly timeoutMs?: number;
  /** A sleep the engine asks for (Retry-After, backoff) moves the simulators' clock on by as much. */
  readonly sleepAdvancesClock?: boolean;
}

/**
 * A world on simulators that are already running: new accounts on both services, the real
 * adapters, a fresh memory store. Many worlds can share one set of simulators (property tests).
 */
export function attachWorld(sims: Simulators, options: AttachOptions = {}): World {
  const googleUser = options.googleUser ?? GOOGLE_USER;
  const msUser = options.msUser ?? MS_USER;
  sims.google.addUser(googleUser, { name: 'Ann', timeZone: options.googleZone ?? 'Europe/Berlin' });
  const { defaultCalendarId } = sims.graph.addMailbox(msUser, { displayName: 'Ann', timeZone: options.msZone ?? 'W. Europe Standard Time' });
  const sleeps: number[] = [];
  const sleep = (ms: number): Promise<void> => {
    sleeps.push(ms);
    if (options.sleepAdvancesClock) sims.clock.advance(ms);
    return Promise.resolve();
  };
  const clock: Clock = { now: () => sims.clock.now(), sleep };
  const timeout = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };
  const google = new GoogleCalendarProvider({ baseUrl: sims.endpoints.googleApi, tokens: renewing(() => sims.google.issueToken(googleUser, 3_600_000, [CALENDAR_SCOPE])), clock, ...timeout });
  const outlook = new GraphCalendarProvider({ baseUrl: sims.endpoints.graphApi, tokens: renewing(() => sims.graph.issueToken(msUser)), clock, ...timeout });
  const store = new MemoryStore();
  const pair = withDefaults({ id: 'pair1', googleCalendarId: googleUser, outlookCalendarId: defaultCalendarId, ...options.pair });
  const liveGoogle = (): calendar_v3.Schema$Event[] => sims.google.listStoredEvents(googleUser).filter((e) => e.status !== 'cancelled');
  return {
    sims,
    store,
    googleCalendar: googleUser,
    outlookCalendar: defaultCalendarId,
    msUser,
    pair,
    sleeps,
    deps: { google, outlook, clock },
    sync: (syncOptions = {}) => syncPair({ google, outlook, clock }, store, { ...pair, ...syncOptions.pair }, syncOptions),
    googleEvents: liveGoogle,
    outlookEvents: () => sims.graph.listStoredEvents(defaultCalendarId),
    googleTitles: () => liveGoogle().filter((e) => !e.recurringEventId).map((e) => e.summary ?? '').sort(),
    outlookTitles: () => sims.graph.listStoredEvents(defaultCalendarId).map((e) => e.subject ?? '').sort(),
    close: options.close ?? (() => Promise.resolve()),
  };
}

/** A token source that issues a fresh simulator token whenever the last one was rejected. */
export function renewing(issue: () => string): TokenSource {
  let token = issue();
  return {
    getToken: () => Promise.resolve(token),
    invalidate: (rejected) => {
      if (rejected === token) token = issue();
      return Promise.resolve();
    },
  };
}

/** Timed event JSON for Google (local wall time + IANA zone). */
export function gTimed(summary: string, day: string, from: string, to: string, zone = 'Europe/Berlin'): calendar_v3.Schema$Event {
  return { summary, start: { dateTime: `${day}T${from}:00`, timeZone: zone }, end: { dateTime: `${day}T${to}:00`, timeZone: zone } };
}

/** Timed event JSON for Graph (local wall time + Windows zone). */
export function oTimed(subject: string, day: string, from: string, to: string, zone = 'W. Europe Standard Time'): Record<string, unknown> {
  return { subject, start: { dateTime: `${day}T${from}:00`, timeZone: zone }, end: { dateTime: `${day}T${to}:00`, timeZone: zone } };
}

export function totalWrites(report: PairReport): number {
  const sum = (s: { google: number; outlook: number }): number => s.google + s.outlook;
  return sum(report.created) + sum(report.updated) + sum(report.deleted);
}
