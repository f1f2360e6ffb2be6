/**
 * The Google Calendar adapter: the engine's CalendarProvider port (ports.ts) over the Calendar v3
 * REST API. The only code in Tandem that knows Google's wire format and error codes; everything
 * it hands the engine is canonical (model.ts). Runs unchanged in the service worker, in Node and
 * in tests: its only I/O is the injected fetch, its only time the injected clock.
 */
import type { Logger } from '../../../shared/logger.ts';
import type { EventTime } from '../../sync/model.ts';
import type {
  CalendarInfo, CalendarProvider, Clock, ReadRequest, ReadResult, RemoteEvent, TimeWindow, TokenSource, WriteOp, WriteOutcome,
} from '../../sync/ports.ts';
import type { RecurrenceRule } from '../../sync/recurrence.ts';
import type { RetryPolicy } from '../../sync/retry.ts';
import { Calendars } from './calendars.ts';
import { GoogleHttp } from './http.ts';
import { findMirrors, getEvents, listOccurrences, readChanges, type ReadDeps } from './reads.ts';
import { runPlans } from './runner.ts';
import { listSeriesOccurrences } from './series-occurrences.ts';
import type { CalendarContext } from './to-remote.ts';
import { planWrite } from './writes.ts';

export { mirrorId } from './writes.ts';

export interface GoogleProviderOptions {
  /** The API base, e.g. `https://www.googleapis.com/calendar/v3` (any http(s) host and port). */
  readonly baseUrl: string;
  readonly tokens: TokenSource;
  readonly clock: Clock;
  readonly logger?: Logger;
  readonly retry?: RetryPolicy;
  /** Per HTTP exchange, body included (default 30 s). */
  readonly timeoutMs?: number;
  /** Default: the global fetch. */
  readonly fetch?: typeof fetch;
  /** Parts per batch request (default 50, calendar-apis.md §1.9). */
  readonly batchSize?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_BATCH_SIZE = 50;

export class GoogleCalendarProvider implements CalendarProvider {
  readonly side = 'google' as const;
  private readonly deps: ReadDeps;

  constructor(options: GoogleProviderOptions) {
    const http = new GoogleHttp({
      baseUrl: options.baseUrl,
      tokens: options.tokens,
      clock: options.clock,
      logger: options.logger,
      retry: options.retry,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      // Unbound, a browser's fetch throws "Illegal invocation"; looked up late so tests may stub it.
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    });
    const batchSize = Math.max(1, Math.min(options.batchSize ?? DEFAULT_BATCH_SIZE, 1000));
    this.deps = { http, calendars: new Calendars(http), batchSize };
  }

  listCalendars(signal: AbortSignal): Promise<readonly CalendarInfo[]> {
    return this.deps.calendars.list(signal);
  }

  readChanges(request: ReadRequest): Promise<ReadResult> {
    return readChanges(this.deps, request);
  }

  getEvents(calendarId: string, ids: readonly string[], signal: AbortSignal): Promise<ReadonlyMap<string, RemoteEvent | null>> {
    return getEvents(this.deps, calendarId, ids, signal);
  }

  listOccurrences(calendarId: string, seriesId: string, window: TimeWindow, signal: AbortSignal): Promise<readonly RemoteEvent[]> {
    return listOccurrences(this.deps, calendarId, seriesId, window, signal);
  }

  listSeriesOccurrences(calendarId: string, seriesIds: readonly string[], window: TimeWindow, signal: AbortSignal): Promise<ReadonlyMap<string, readonly RemoteEvent[]>> {
    return listSeriesOccurrences(this.deps, calendarId, seriesIds, window, signal);
  }

  findMirrors(calendarId: string, pair: string, signal: AbortSignal): Promise<readonly RemoteEvent[]> {
    return findMirrors(this.deps, calendarId, pair, signal);
  }

  /**
   * One outcome per op, in op order. Failures are outcomes, never thrown: an op that failed (even
   * for want of a token, or because the run was cancelled) does not hide those that succeeded.
   */
  async write(calendarId: string, ops: readonly WriteOp[], signal: AbortSignal): Promise<readonly WriteOutcome[]> {
    if (ops.length === 0) return [];
    let calendar: CalendarContext;
    try {
      calendar = await this.deps.calendars.context(calendarId, signal);
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      return ops.map((op) => ({ ref: op.ref, ok: false, error }));
    }
    const plans = ops.map((op) => planWrite(op, { http: this.deps.http, calendarId, calendar }));
    const results = await runPlans(this.deps.http, plans, signal, this.deps.batchSize);
    return results.map((result, i): WriteOutcome => {
      const ref = (ops[i] as WriteOp).ref;
      if (!result.ok) return { ref, ok: false, error: result.error };
      return { ref, ok: true, event: result.value.event, ...(result.value.adopted ? { adopted: true } : {}) };
    });
  }

  /** Google stores any RRULE, so every canonical rule (calendar-apis.md §1.3). */
  canStore(_rule: RecurrenceRule, _start: EventTime): boolean {
    return true;
  }
}
