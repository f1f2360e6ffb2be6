/**
 * Glue shared by the route modules: error handling (GoogleApiError → Google's envelope; anything
 * else is a simulator bug and reaches SimServer.internalErrors), partial responses, JSON bodies,
 * and write parameters.
 */
import type { Handler, SimRequest, SimResponse } from '../core/http.ts';
import { headerValue } from '../core/http.ts';
import { errorResponse, GoogleApiError, invalidParam } from './errors.ts';
import { applyFields } from './fields.ts';

/** Runs a handler: Google errors become responses, and `fields` trims successful JSON answers. */
export function guarded(handler: (request: SimRequest) => SimResponse): Handler {
  return (request) => {
    try {
      const response = handler(request);
      const fields = request.url.searchParams.get('fields');
      if (fields === null || response.status !== 200 || typeof response.body !== 'object') return response;
      return { ...response, body: applyFields(response.body, fields) };
    } catch (error) {
      if (error instanceof GoogleApiError) return errorResponse(error);
      throw error;
    }
  };
}

/** A JSON body; malformed JSON is Google's 400 `parseError`. */
export function readJson(request: SimRequest): unknown {
  if (request.body.length === 0) return undefined;
  try {
    return JSON.parse(request.body.toString('utf8')) as unknown;
  } catch {
    throw new GoogleApiError(400, 'parseError', 'Parse Error');
  }
}

export function param(request: SimRequest, name: string): string {
  const value = request.params[name];
  if (value === undefined) throw new Error(`Route is missing :${name}`);
  return value;
}

export interface WriteParams {
  readonly sendUpdates: string | undefined;
  readonly conferenceDataVersion: number;
  readonly ifMatch: string | undefined;
}

/** sendUpdates (or the deprecated sendNotifications), conferenceDataVersion and If-Match. */
export function writeParams(request: SimRequest): WriteParams {
  const params = request.url.searchParams;
  let sendUpdates = params.get('sendUpdates') ?? undefined;
  if (sendUpdates !== undefined && !['all', 'externalOnly', 'none'].includes(sendUpdates)) throw invalidParam('sendUpdates');
  const legacy = params.get('sendNotifications');
  if (sendUpdates === undefined && legacy !== null) sendUpdates = legacy === 'true' ? 'all' : 'none';
  const version = params.get('conferenceDataVersion') ?? '0';
  if (version !== '0' && version !== '1') throw invalidParam('conferenceDataVersion');
  return { sendUpdates, conferenceDataVersion: Number(version), ifMatch: headerValue(request, 'if-match') };
}
