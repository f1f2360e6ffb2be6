/**
 * Writes (calendar-apis.md §1.5, §1.7; engine.md step 6): each WriteOp as a plan for the runner.
 * Every request says `sendUpdates=none` and carries no attendees. Creates use an id derived from
 * the op's key, so a retried create finds the first one (409 duplicate → adopt it); updates and
 * deletes send `If-Match` with the etag (412 → ConflictError); occurrences are addressed by the
 * instance id Google forms from the original start, falling back to events.instances?originalStart.
 */
import { digestHex } from '../../sync/digest.ts';
import { ConflictError, NotFoundError } from '../../sync/errors.ts';
import type { CanonicalEvent, EventTime, SyncedField } from '../../sync/model.ts';
import type { MirrorMarker, RemoteEvent, WriteOp } from '../../sync/ports.ts';
import { googleReason } from './errors.ts';
import { markerProperties } from './marker.ts';
import { parseJson, type GoogleHttp } from './http.ts';
import type { HttpRequest, HttpResponse } from './http-types.ts';
import { eventPath } from './reads.ts';
import { done, failed, follow, runAlone, type Plan, type Settled } from './runner.ts';
import { createBody, patchBody } from './to-google.ts';
import { toRemote, type CalendarContext } from './to-remote.ts';
import { instanceId, originalStartParam } from './time.ts';
import { assertEvent, assertEventsPage } from './wire.ts';

export interface Written {
  readonly event: RemoteEvent | null;
  readonly adopted?: boolean;
}

export interface WriteContext {
  readonly http: GoogleHttp;
  readonly calendarId: string;
  readonly calendar: CalendarContext;
}

const NO_EMAILS = { sendUpdates: 'none' } as const;

/** The id a create with this key gets: hex is a subset of Google's base32hex id alphabet. */
export function mirrorId(key: string): string {
  return digestHex(`tandem|${key}`, 32);
}

export function planWrite(op: WriteOp, ctx: WriteContext): Plan<Written> {
  switch (op.op) {
    case 'create':
      return createPlan(ctx, mirrorId(op.key), createBody(op.event, mirrorId(op.key), op.marker));
    case 'update':
      return patchPlan(ctx, op.id, op.version || undefined, op.event, op.changed, false, op.marker);
    case 'delete':
      return deletePlan(ctx, op.id, op.version || undefined);
    case 'update-occurrence': {
      const id = op.id ?? instanceId(op.seriesId, op.originalStart);
      const plan = patchPlan(ctx, id, op.id ? op.version : undefined, op.event, op.changed, true);
      return withFallback(plan, (signal) => updateFound(ctx, op.seriesId, op.originalStart, op.event, op.changed, signal));
    }
    case 'cancel-occurrence': {
      const plan = deletePlan(ctx, op.id ?? instanceId(op.seriesId, op.originalStart), undefined);
      return withFallback(plan, (signal) => cancelFound(ctx, op.seriesId, op.originalStart, signal));
    }
  }
}

function createPlan(ctx: WriteContext, id: string, body: Record<string, unknown>): Plan<Written> {
  const what = 'events.insert';
  return {
    request: { method: 'POST', path: `/calendars/${encodeURIComponent(ctx.calendarId)}/events`, query: NO_EMAILS, body, what },
    settle: (response) => {
      // The id is taken: an earlier attempt of this very create succeeded (engine.md step 6).
      if (response.status === 409 && googleReason(response) === 'duplicate') return follow((signal) => adopt(ctx, id, body, signal));
      return answer(ctx, response, what);
    },
  };
}

async function adopt(ctx: WriteContext, id: string, body: Record<string, unknown>, signal: AbortSignal): Promise<Written> {
  const path = eventPath(ctx.calendarId, id);
  const existing = await ctx.http.json({ method: 'GET', path, what: 'events.get' }, signal, assertEvent);
  if (existing.status !== 'cancelled') return { event: toRemote(existing, ctx.calendar), adopted: true };
  // A mirror made under this key was deleted since: bring it back as the create describes it.
  const restore = { ...body, status: body.status ?? 'confirmed' };
  const restored = await runAlone(ctx.http, patchRequestPlan(ctx, { method: 'PATCH', path, query: NO_EMAILS, body: restore, what: 'events.patch' }), signal);
  if (body['recurrence']) await uncancelOccurrences(ctx, id, signal);
  return { ...restored, adopted: true };
}

/**
 * A series brought back keeps the occurrences cancelled with it (deleting a series cancels its
 * exceptions too); a series made anew has none, so they are restored (the first 2500 suffice for
 * any window). Their content is the engine's to align afterwards.
 */
async function uncancelOccurrences(ctx: WriteContext, id: string, signal: AbortSignal): Promise<void> {
  const query = { showDeleted: 'true', maxResults: '2500' };
  const page = await ctx.http.json({ method: 'GET', path: `${eventPath(ctx.calendarId, id)}/instances`, query, what: 'events.instances' }, signal, assertEventsPage);
  for (const instance of page.items) {
    if (instance.status !== 'cancelled' || !instance.id) continue;
    const request = { method: 'PATCH', path: eventPath(ctx.calendarId, instance.id), query: NO_EMAILS, body: { status: 'confirmed' }, what: 'events.patch' } as const;
    await runAlone(ctx.http, patchRequestPlan(ctx, request), signal);
  }
}

function patchPlan(ctx: WriteContext, id: string, version: string | undefined, event: CanonicalEvent, changed: readonly SyncedField[], instance: boolean, marker?: MirrorMarker): Plan<Written> {
  const headers = version ? { 'If-Match': version } : undefined;
  const body = { ...patchBody(event, changed, instance), ...(marker ? { extendedProperties: { private: markerProperties(marker) } } : {}) };
  // Nothing Google stores changed (e.g. only the meeting link): read instead of an empty write.
  if (Object.keys(body).length === 0) return unchangedPlan(ctx, id, version);
  return patchRequestPlan(ctx, { method: 'PATCH', path: eventPath(ctx.calendarId, id), query: NO_EMAILS, body, what: 'events.patch', ...(headers ? { headers } : {}) });
}

/** The event as it is, with the same precondition a PATCH would have had. */
function unchangedPlan(ctx: WriteContext, id: string, version: string | undefined): Plan<Written> {
  const what = 'events.get';
  return {
    request: { method: 'GET', path: eventPath(ctx.calendarId, id), what },
    settle: (response) => {
      if (response.status !== 200) return failed(ctx.http.error(response, what));
      const event = parseJson(response, what, assertEvent);
      if (version && event.etag !== version) return failed(new ConflictError('The event changed on Google since it was read.'));
      return done({ event: toRemote(event, ctx.calendar) });
    },
  };
}

function patchRequestPlan(ctx: WriteContext, request: HttpRequest): Plan<Written> {
  return { request, settle: (response) => answer(ctx, response, request.what) };
}

function deletePlan(ctx: WriteContext, id: string, version: string | undefined): Plan<Written> {
  const what = 'events.delete';
  const headers = version ? { 'If-Match': version } : undefined;
  return {
    request: { method: 'DELETE', path: eventPath(ctx.calendarId, id), query: NO_EMAILS, what, ...(headers ? { headers } : {}) },
    settle: (response) => {
      // Already gone (404) or already deleted (410 deleted): what we wanted (calendar-apis.md §1.7).
      if (response.status < 300 || response.status === 404 || (response.status === 410 && googleReason(response) === 'deleted')) {
        return done({ event: null });
      }
      return failed(ctx.http.error(response, what));
    },
  };
}

/** The answer to an insert or patch: the event as Google stored it. */
function answer(ctx: WriteContext, response: HttpResponse, what: string): Settled<Written> {
  if (response.status !== 200) return failed(ctx.http.error(response, what));
  return done({ event: toRemote(parseJson(response, what, assertEvent), ctx.calendar) });
}

/** A 404 on the derived instance id: look the instance up by its original start instead. */
function withFallback(plan: Plan<Written>, fallback: (signal: AbortSignal) => Promise<Written>): Plan<Written> {
  return { request: plan.request, settle: (response) => (response.status === 404 ? follow(fallback) : plan.settle(response)) };
}

async function findInstance(ctx: WriteContext, seriesId: string, originalStart: EventTime, signal: AbortSignal) {
  const query = { originalStart: originalStartParam(originalStart), showDeleted: 'true' };
  const path = `${eventPath(ctx.calendarId, seriesId)}/instances`;
  const page = await ctx.http.json({ method: 'GET', path, query, what: 'events.instances' }, signal, assertEventsPage);
  return page.items[0];
}

async function updateFound(ctx: WriteContext, seriesId: string, originalStart: EventTime, event: CanonicalEvent, changed: readonly SyncedField[], signal: AbortSignal): Promise<Written> {
  const instance = await findInstance(ctx, seriesId, originalStart, signal);
  if (!instance) throw new NotFoundError('Google has no occurrence of this series at that original start.');
  if (instance.status === 'cancelled') throw new ConflictError('The occurrence was cancelled on Google since it was read.');
  return runAlone(ctx.http, patchPlan(ctx, instance.id, undefined, event, changed, true), signal);
}

async function cancelFound(ctx: WriteContext, seriesId: string, originalStart: EventTime, signal: AbortSignal): Promise<Written> {
  const instance = await findInstance(ctx, seriesId, originalStart, signal);
  // No such occurrence, or cancelled already: nothing left to cancel.
  if (!instance || instance.status === 'cancelled') return { event: null };
  return runAlone(ctx.http, deletePlan(ctx, instance.id, undefined), signal);
}
