/**
 * The shared SimServer, plus what every Graph response carries: a `request-id` header, the
 * caller's `client-request-id` echoed, and — on errors — `innerError` with date, request-id and
 * client-request-id. Done in `dispatch` so HTTP requests, batch parts and injected faults all get it.
 */
import { randomUUID } from 'node:crypto';
import type { SimClock } from '../core/clock.ts';
import type { SimResponse } from '../core/http.ts';
import { SimServer, type DispatchResult, type SimServerOptions, type UnservedRequest } from '../core/server.ts';

export class GraphServer extends SimServer {
  constructor(
    options: SimServerOptions,
    private readonly clock: SimClock,
  ) {
    super(options);
  }

  override async dispatch(request: UnservedRequest): Promise<DispatchResult> {
    const result = await super.dispatch(request);
    if ('drop' in result) return result;
    return decorate(result, request.headers['client-request-id'], this.clock.nowIso());
  }
}

function decorate(response: SimResponse, clientRequestId: string | undefined, nowIso: string): SimResponse {
  const requestId = randomUUID();
  const ids = { 'request-id': requestId, ...(clientRequestId ? { 'client-request-id': clientRequestId } : {}) };
  const headers = { ...response.headers, ...ids };
  const body = response.body;
  if (!isErrorBody(body)) return { ...response, headers };
  const innerError = { date: nowIso.slice(0, 19), ...ids };
  return { ...response, headers, body: { error: { ...body.error, innerError } } };
}

function isErrorBody(body: unknown): body is { error: Record<string, unknown> } {
  if (typeof body !== 'object' || body === null || Buffer.isBuffer(body)) return false;
  const error = (body as { error?: unknown }).error;
  return typeof error === 'object' && error !== null;
}
