/**
 * The engine's ports. The engine sees the world only through these; the extension, the headless
 * runner and the tests plug in their own implementations.
 */
import type { CanonicalEvent, EventFacts, EventTime, Side, SyncedField } from './model.ts';
import type { RecurrenceRule, UnsupportedRecurrence } from './recurrence.ts';

export interface CalendarInfo {
  readonly id: string;
  readonly name: string;
  /** CSS colour, when the service has one. */
  readonly color: string | null;
  /** Source only: Google reader/freeBusyReader, Outlook canEdit:false. */
  readonly readOnly: boolean;
  readonly primary: boolean;
  /** IANA zone of the calendar (Google) or mailbox (Outlook), when known. */
  readonly timeZone: string | null;
}

/** Half-open interval of instants (ISO 8601 UTC) a pair syncs. */
export interface TimeWindow {
  readonly start: string;
  readonly end: string;
}

/** What Tandem writes on every mirror so it can be recognised after local state is lost. */
export interface MirrorMarker {
  /** Stable key of the pair that made the mirror. */
  readonly pair: string;
  /** Side and calendar the source event lives in. */
  readonly sourceSide: Side;
  readonly sourceCalendar: string;
  readonly sourceId: string;
}

/** One event as a provider reports it. */
export interface RemoteEvent {
  readonly id: string;
  /** Google etag / Graph changeKey: changes on every change of the item. */
  readonly version: string;
  /** Google `updated` / Graph `lastModifiedDateTime` (ISO), for "later change wins". */
  readonly modifiedAt: string;
  readonly shape: 'single' | 'master' | 'instance';
  /** Instances: the series master's id and the occurrence's original start (its key). */
  readonly seriesId?: string;
  readonly originalStart?: EventTime;
  /** Outlook distinguishes plain occurrences from edited ones (exceptions). */
  readonly exception?: boolean;
  /** Deleted single/master, or a cancelled occurrence. `event` is absent then. */
  readonly cancelled: boolean;
  readonly event?: CanonicalEvent;
  /** A master whose rule the canonical form cannot hold: mirrored as occurrences. */
  readonly unsupportedRecurrence?: UnsupportedRecurrence;
  readonly facts?: EventFacts;
  readonly marker?: MirrorMarker;
}

/** A row of a change feed. `removed` is Outlook's unverified `@removed` (deleted or left the window). */
export type ChangeRow = { readonly kind: 'event'; readonly event: RemoteEvent } | { readonly kind: 'removed'; readonly id: string };

export interface ReadResult {
  readonly rows: readonly ChangeRow[];
  /** Where the next incremental read starts; store it only after the rows are applied. */
  readonly cursor: string;
  /** True when this was a full read (no cursor, or the cursor had expired): absence means deletion. */
  readonly full: boolean;
}

export interface ReadRequest {
  readonly calendarId: string;
  readonly cursor: string | null;
  readonly window: TimeWindow;
  readonly signal: AbortSignal;
  readonly onPage?: (rowsSoFar: number) => void;
}

export type WriteOp =
  /**
   * `key` is deterministic per (pair, source): it makes the create idempotent across retries.
   * `marker` null creates an ordinary event (a user's event brought back by undo).
   */
  | { readonly op: 'create'; readonly ref: string; readonly key: string; readonly event: CanonicalEvent; readonly marker: MirrorMarker | null }
  /**
   * `changed` lists the fields to write; others are left as they are on the service. `marker`
   * points a mirror at a new source (a kept event re-created under a new id).
   */
  | { readonly op: 'update'; readonly ref: string; readonly id: string; readonly version: string; readonly event: CanonicalEvent; readonly changed: readonly SyncedField[]; readonly marker?: MirrorMarker }
  | { readonly op: 'delete'; readonly ref: string; readonly id: string; readonly version: string | null }
  /** Edit one occurrence of a series (it becomes an exception). `id` when the engine knows it. */
  | { readonly op: 'update-occurrence'; readonly ref: string; readonly seriesId: string; readonly originalStart: EventTime; readonly id?: string; readonly version?: string; readonly event: CanonicalEvent; readonly changed: readonly SyncedField[] }
  | { readonly op: 'cancel-occurrence'; readonly ref: string; readonly seriesId: string; readonly originalStart: EventTime; readonly id?: string };

export type WriteOutcome =
  | { readonly ref: string; readonly ok: true; readonly event: RemoteEvent | null; readonly adopted?: boolean }
  | { readonly ref: string; readonly ok: false; readonly error: Error };

export interface CalendarProvider {
  readonly side: Side;
  listCalendars(signal: AbortSignal): Promise<readonly CalendarInfo[]>;
  /** Reads every page of changes; throws CursorExpiredError when the cursor is no longer valid. */
  readChanges(request: ReadRequest): Promise<ReadResult>;
  /** Current state of these ids; null for gone (404, or deleted). */
  getEvents(calendarId: string, ids: readonly string[], signal: AbortSignal): Promise<ReadonlyMap<string, RemoteEvent | null>>;
  /** Occurrences (and exceptions) of a series inside the window. */
  listOccurrences(calendarId: string, seriesId: string, window: TimeWindow, signal: AbortSignal): Promise<readonly RemoteEvent[]>;
  /** The same for several series, in as few requests as the service's batches allow; by series id. */
  listSeriesOccurrences(calendarId: string, seriesIds: readonly string[], window: TimeWindow, signal: AbortSignal): Promise<ReadonlyMap<string, readonly RemoteEvent[]>>;
  /**
   * Every event in the calendar carrying a marker of this pair (re-linking after lost state).
   * Outlook's answer holds other pairs' mirrors as well: its delta carries no markers, and with
   * them all found the engine need not read each unknown event again for its marker.
   */
  findMirrors(calendarId: string, pair: string, signal: AbortSignal): Promise<readonly RemoteEvent[]>;
  /** Applies writes (batched as the service allows); one outcome per op, in op order. */
  write(calendarId: string, ops: readonly WriteOp[], signal: AbortSignal): Promise<readonly WriteOutcome[]>;
  /** Whether this service can store the rule for a series starting at `start`. */
  canStore(rule: RecurrenceRule, start: EventTime): boolean;
}

/** Access tokens, one source per side. `interactive` is never true inside a background sync. */
export interface TokenSource {
  getToken(options: { readonly interactive: false }): Promise<string>;
  /** The service rejected this token (401): forget it so the next getToken renews. */
  invalidate(token: string): Promise<void>;
}

/** Durable key-value storage of JSON values; `set` and `remove` of several keys are atomic. */
export interface KeyValueStore {
  get(keys: readonly string[]): Promise<Readonly<Record<string, unknown>>>;
  /** Every entry whose key starts with `prefix`. */
  scan(prefix: string): Promise<Readonly<Record<string, unknown>>>;
  set(entries: Readonly<Record<string, unknown>>): Promise<void>;
  remove(keys: readonly string[]): Promise<void>;
}

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}
