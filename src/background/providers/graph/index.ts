/**
 * The Microsoft Graph (Outlook) calendar adapter: the only code in Tandem that knows Graph's wire
 * format and error codes. It implements the engine's CalendarProvider port (sync/ports.ts) on
 * Graph v1.0 through @microsoft/microsoft-graph-client with our own middleware, and runs alike
 * in the service worker, in Node and in tests (fetch only; no DOM, no Node APIs).
 */
import type { Logger } from '../../../shared/logger.ts';
import type { EventTime } from '../../sync/model.ts';
import type {
  CalendarInfo,
  CalendarProvider,
  Clock,
  ReadRequest,
  ReadResult,
  RemoteEvent,
  TimeWindow,
  TokenSource,
  WriteOp,
  WriteOutcome,
} from '../../sync/ports.ts';
import type { RecurrenceRule } from '../../sync/recurrence.ts';
import type { RetryPolicy } from '../../sync/retry.ts';
import type { AdapterDeps } from './context.ts';
import { readChanges } from './delta.ts';
import { MailboxInfo, type MailboxFactsCache } from './mailbox.ts';
import { findMirrors, getEvents, listCalendars, listOccurrences } from './reads.ts';
import { canStoreRule } from './recurrence-write.ts';
import { listSeriesOccurrences } from './series-occurrences.ts';
import { GraphTransport } from './transport.ts';
import { write } from './writes.ts';

export interface GraphProviderOptions {
  /** API base with its version, any http(s) host and port: "https://graph.microsoft.com/v1.0", a national cloud, a simulator. */
  readonly baseUrl: string;
  readonly tokens: TokenSource;
  readonly clock: Clock;
  readonly logger?: Logger;
  readonly retry?: RetryPolicy;
  /** Per request, in milliseconds (default 30 s). */
  readonly timeoutMs?: number;
  /** Items per page asked with `Prefer: odata.maxpagesize` (default 500). */
  readonly pageSize?: number;
  readonly fetch?: typeof fetch;
  /** Keeps the mailbox's zone and calendar facts between adapters (the extension: between workers). */
  readonly mailboxFacts?: MailboxFactsCache;
}

export const DEFAULT_PAGE_SIZE = 500;

export class GraphCalendarProvider implements CalendarProvider {
  readonly side = 'outlook' as const;
  private readonly deps: AdapterDeps;

  constructor(options: GraphProviderOptions) {
    const transport = new GraphTransport(options);
    this.deps = { transport, mailbox: new MailboxInfo(transport, options.mailboxFacts), pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE };
  }

  listCalendars(signal: AbortSignal): Promise<readonly CalendarInfo[]> {
    return listCalendars(this.deps, signal);
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

  /** Every pair's mirrors, not only `_pair`'s: see ports.ts. */
  findMirrors(calendarId: string, _pair: string, signal: AbortSignal): Promise<readonly RemoteEvent[]> {
    return findMirrors(this.deps, calendarId, signal);
  }

  write(calendarId: string, ops: readonly WriteOp[], signal: AbortSignal): Promise<readonly WriteOutcome[]> {
    return write(this.deps, calendarId, ops, signal);
  }

  canStore(rule: RecurrenceRule, start: EventTime): boolean {
    return canStoreRule(rule, start);
  }
}
