/**
 * write(): each op becomes one request (architecture.md §8.3): create → POST with transactionId
 * and the marker; update → PATCH of the changed fields with If-Match W/"changeKey"; delete →
 * DELETE (404 = already gone); occurrence edits → PATCH/DELETE of the occurrence, found by its
 * original start when the engine has no id. Several ops go as one sequential $batch chain
 * (batch.ts). The event returned is what Outlook stored (the POST/PATCH answer).
 */
import { both } from '../../sync/both.ts';
import { NotFoundError, SyncError } from '../../sync/errors.ts';
import type { MirrorMarker, RemoteEvent, WriteOp, WriteOutcome } from '../../sync/ports.ts';
import { runChain, type ChainItem } from './batch.ts';
import { markerProperties } from './markers.ts';
import { eventPath, mapEvent, readContext, type AdapterDeps } from './context.ts';
import { errorFor, type HttpResult } from './http-errors.ts';
import { findOccurrence } from './occurrence-lookup.ts';
import { createBody, patchBody, type GraphBody, type WriteZones } from './to-graph.ts';
import type { ReadContext } from './to-canonical.ts';

/** A create answered with an event made this long before the request is one an earlier attempt made. */
const ADOPTION_AGE_MS = 60_000;

interface Planned {
  readonly item: ChainItem;
  readonly interpret: (answer: HttpResult) => WriteOutcome;
}

type Plan = Planned | { readonly outcome: WriteOutcome };

interface WriteContext {
  readonly deps: AdapterDeps;
  readonly calendarId: string;
  readonly read: ReadContext;
  readonly zones: WriteZones;
  readonly signal: AbortSignal;
  readonly startedAt: number;
}

export async function write(deps: AdapterDeps, calendarId: string, ops: readonly WriteOp[], signal: AbortSignal): Promise<WriteOutcome[]> {
  if (ops.length === 0) return [];
  const [read, zone] = await both(readContext(deps, calendarId, signal), deps.mailbox.mailboxZone(signal));
  const ctx: WriteContext = { deps, calendarId, read, zones: { allDayZone: zone.graphName }, signal, startedAt: deps.transport.clock.now() };
  const plans = await Promise.all(ops.map((op) => guarded(op.ref, () => plan(ctx, op))));
  const planned = plans.filter((p): p is Planned => 'item' in p);
  const answers = await runChain(deps.transport, planned.map((p) => p.item), signal);
  return plans.map((p, i) => {
    if (!('item' in p)) return p.outcome;
    const answer = answers[planned.indexOf(p)]!;
    return answer instanceof SyncError ? failed(ops[i]!.ref, answer) : guardedSync(ops[i]!.ref, () => p.interpret(answer));
  });
}

async function plan(ctx: WriteContext, op: WriteOp): Promise<Plan> {
  switch (op.op) {
    case 'create':
      return {
        item: { method: 'POST', path: `/me/calendars/${encodeURIComponent(ctx.calendarId)}/events`, body: createBody(op.event, op.key, op.marker, ctx.zones), what: 'create of an event' },
        interpret: (answer) => created(ctx, op, answer),
      };
    case 'update':
      return patch(ctx, op.ref, op.id, op.version, withMarker(patchBody(op.event, op.changed, ctx.zones, false), op.marker));
    case 'delete':
      return remove(ctx, op.ref, op.id, op.version);
    case 'update-occurrence': {
      const id = op.id ?? (await findOccurrence(ctx.deps, op.seriesId, op.originalStart, ctx.read.mailboxZone, ctx.signal))?.id;
      if (id === undefined) return { outcome: failed(op.ref, new NotFoundError('Outlook has no occurrence of the series at that original start.')) };
      return patch(ctx, op.ref, id, op.version ?? null, patchBody(op.event, op.changed, ctx.zones, true), 'date' in op.originalStart);
    }
    case 'cancel-occurrence': {
      const id = op.id ?? (await findOccurrence(ctx.deps, op.seriesId, op.originalStart, ctx.read.mailboxZone, ctx.signal))?.id;
      if (id === undefined) return { outcome: { ref: op.ref, ok: true, event: null } }; // already cancelled
      return remove(ctx, op.ref, id, null);
    }
  }
}

function patch(ctx: WriteContext, ref: string, id: string, version: string | null, body: GraphBody, seriesAllDay?: boolean): Plan {
  const interpret = (answer: HttpResult): WriteOutcome => {
    if (answer.status >= 300) return failed(ref, errorFor(answer, 'update of an event', ctx.deps.transport.clock.now()));
    return { ref, ok: true, event: mapEvent(answer.body, 'updated event', ctx.read, seriesAllDay) };
  };
  // Nothing Outlook stores changed (e.g. only the join URL): report the event as it is.
  if (Object.keys(body).length === 0) return { item: { method: 'GET', path: eventPath(ctx.calendarId, id), what: 'read of an event' }, interpret };
  const headers: Record<string, string> = version ? { 'If-Match': `W/"${version}"` } : {};
  return { item: { method: 'PATCH', path: `/me/events/${encodeURIComponent(id)}`, headers, body, what: 'update of an event' }, interpret };
}

/** A marker re-pointed at a new source: Graph upserts the named properties, leaving others. */
function withMarker(body: GraphBody, marker: MirrorMarker | undefined): GraphBody {
  return marker ? { ...body, singleValueExtendedProperties: markerProperties(marker) } : body;
}

function remove(ctx: WriteContext, ref: string, id: string, version: string | null): Plan {
  const headers: Record<string, string> = version ? { 'If-Match': `W/"${version}"` } : {};
  return {
    item: { method: 'DELETE', path: `/me/events/${encodeURIComponent(id)}`, headers, what: 'delete of an event' },
    interpret: (answer) => {
      if (answer.status < 300 || answer.status === 404) return { ref, ok: true, event: null };
      return failed(ref, errorFor(answer, 'delete of an event', ctx.deps.transport.clock.now()));
    },
  };
}

function created(ctx: WriteContext, op: Extract<WriteOp, { op: 'create' }>, answer: HttpResult): WriteOutcome {
  if (answer.status >= 300) return failed(op.ref, errorFor(answer, 'create of an event', ctx.deps.transport.clock.now()));
  const event: RemoteEvent = mapEvent(answer.body, 'created event', ctx.read);
  const createdAt = (answer.body as { createdDateTime?: string | null } | null)?.createdDateTime;
  // Graph answers a repeated transactionId with the first event (§2.4), status and all: only its age tells.
  const made = createdAt ? Date.parse(createdAt) : Number.NaN;
  const adopted = made < ctx.startedAt - ADOPTION_AGE_MS;
  return { ref: op.ref, ok: true, event: event.marker || !op.marker ? event : { ...event, marker: op.marker }, ...(adopted ? { adopted } : {}) };
}

function failed(ref: string, error: Error): WriteOutcome {
  return { ref, ok: false, error };
}

/** Engine errors become the op's outcome; anything else is a bug and propagates. */
async function guarded(ref: string, build: () => Promise<Plan>): Promise<Plan> {
  try {
    return await build();
  } catch (error) {
    if (error instanceof SyncError && error.kind !== 'cancelled') return { outcome: failed(ref, error) };
    throw error;
  }
}

function guardedSync(ref: string, interpret: () => WriteOutcome): WriteOutcome {
  try {
    return interpret();
  } catch (error) {
    if (error instanceof SyncError) return failed(ref, error);
    throw error;
  }
}
