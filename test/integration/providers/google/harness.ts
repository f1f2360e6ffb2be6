/**
 * Scaffolding for the Google adapter's integration tests: the Google simulator in-process on an
 * ephemeral port (clock fixed at 2026-03-01T09:00Z), a token source that renews on invalidate, a
 * clock whose sleeps return at once but are recorded, and the adapter pointed at the simulator.
 */
import { afterEach, expect } from 'vitest';
import { GoogleCalendarProvider, type GoogleProviderOptions } from '../../../../src/background/providers/google/index.ts';
import type { CanonicalEvent } from '../../../../src/background/sync/model.ts';
import type { Clock, MirrorMarker, ReadResult, RemoteEvent, TokenSource } from '../../../../src/background/sync/ports.ts';
import { SimClock } from '../../../sim/core/clock.ts';
import { TokenRegistry } from '../../../sim/core/tokens.ts';
import { GoogleCalendarSim, type GEvent, type GoogleSettings } from '../../../sim/google/index.ts';

export const T0 = Date.parse('2026-03-01T09:00:00Z');
export const ANN = 'ann@example.com';
export const BOB = 'bob@example.com';
export const CALENDAR_SCOPE = 'https://www.googleapis.com/auth/calendar';
export const WINDOW = { start: '2026-02-01T00:00:00Z', end: '2026-07-01T00:00:00Z' } as const;
export const signal = new AbortController().signal;

/** Sleeps return at once; their durations are kept for assertions. */
export class RecordingClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(private readonly source: SimClock) {}
  now(): number {
    return this.source.now();
  }
  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    return Promise.resolve();
  }
}

/** Issues a token on demand; `invalidate` forgets it so the next getToken issues a fresh one. */
export class TestTokens implements TokenSource {
  readonly issued: string[] = [];
  readonly invalidated: string[] = [];
  private current: string | undefined;
  constructor(private readonly issue: () => string) {}
  getToken(): Promise<string> {
    if (!this.current) {
      this.current = this.issue();
      this.issued.push(this.current);
    }
    return Promise.resolve(this.current);
  }
  invalidate(token: string): Promise<void> {
    this.invalidated.push(token);
    if (this.current === token) this.current = undefined;
    return Promise.resolve();
  }
}

export interface Harness {
  readonly sim: GoogleCalendarSim;
  readonly simClock: SimClock;
  readonly registry: TokenRegistry;
  readonly clock: RecordingClock;
  readonly tokens: TestTokens;
  readonly provider: GoogleCalendarProvider;
  /** Another adapter on the same simulator (e.g. with other options). */
  adapter(options?: Partial<GoogleProviderOptions>): GoogleCalendarProvider;
  /** Seeds an event into Ann's primary calendar as the web app would (not logged). */
  seed(event: GEvent, calendarId?: string): GEvent;
  /** A full read of the window, then the cursor. */
  fullRead(calendarId?: string): Promise<ReadResult>;
}

const running: GoogleCalendarSim[] = [];

afterEach(async () => {
  for (const sim of running.splice(0)) {
    await sim.close();
    expect(sim.server.internalErrors.map((e) => e.stack)).toEqual([]);
  }
});

export async function startHarness(options: Partial<GoogleProviderOptions> = {}, settings: Partial<GoogleSettings> = {}): Promise<Harness> {
  const simClock = new SimClock(() => T0);
  const registry = new TokenRegistry(simClock);
  const sim = new GoogleCalendarSim({ clock: simClock, tokens: registry, settings });
  running.push(sim);
  await sim.listen();
  sim.addUser(ANN, { name: 'Ann', timeZone: 'Europe/Berlin' });
  sim.addUser(BOB, { name: 'Bob', timeZone: 'Europe/Berlin' });
  const clock = new RecordingClock(simClock);
  const tokens = new TestTokens(() => sim.issueToken(ANN, 365 * 86_400_000, [CALENDAR_SCOPE]));
  const adapter = (more: Partial<GoogleProviderOptions> = {}) =>
    new GoogleCalendarProvider({ baseUrl: sim.apiBase, tokens, clock, ...options, ...more });
  const provider = adapter();
  return {
    sim,
    simClock,
    registry,
    clock,
    tokens,
    provider,
    adapter,
    seed: (event, calendarId = ANN) => sim.seedEvent(ANN, calendarId, event),
    fullRead: (calendarId = ANN) => provider.readChanges({ calendarId, cursor: null, window: WINDOW, signal }),
  };
}

/** A timed event body in Europe/Berlin (local wall-clock times). */
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

/** The event rows of a read, by id. */
export function rowsById(result: ReadResult): Map<string, RemoteEvent> {
  return new Map(result.rows.flatMap((row) => (row.kind === 'event' ? [[row.event.id, row.event] as const] : [])));
}

/** The one event row with this id (fails the test when absent). */
export function rowOf(result: ReadResult, id: string): RemoteEvent {
  const row = rowsById(result).get(id);
  expect(row, `row ${id}`).toBeDefined();
  return row!;
}

/** API writes as the simulator recorded them (web-app changes excluded). */
export function apiWrites(sim: GoogleCalendarSim) {
  return sim.writeRecords.filter((record) => record.origin === 'api');
}

export const MARKER: MirrorMarker = { pair: 'pair1', sourceSide: 'outlook', sourceCalendar: 'AAMkCalendar', sourceId: 'AAMkEvent1' };

export function canonical(overrides: Partial<CanonicalEvent> = {}): CanonicalEvent {
  return {
    title: 'Planning',
    description: 'Agenda\nline two',
    location: 'Room 1',
    start: { instant: '2026-03-02T09:00:00Z', zone: 'Europe/Berlin' },
    end: { instant: '2026-03-02T10:30:00Z', zone: 'Europe/Berlin' },
    endUnspecified: false,
    freeBusy: 'busy',
    privacy: 'default',
    tentative: false,
    reminders: [10],
    color: null,
    meetingUrl: null,
    recurrence: null,
    ...overrides,
  };
}

/** Creates a mirror through the adapter (one plain request); fails the test when it fails. */
export async function create(h: Harness, event: CanonicalEvent, key = 'pair1|outlook|AAMkEvent1'): Promise<RemoteEvent> {
  const [outcome] = await h.provider.write(ANN, [{ op: 'create', ref: 'r1', key, event, marker: MARKER }], signal);
  if (!outcome?.ok || !outcome.event) throw new Error(`create failed: ${outcome && !outcome.ok ? outcome.error.message : 'no event'}`);
  return outcome.event;
}
