/**
 * Errors as Entra ID renders them. Token endpoint: HTTP 400 (401 for invalid_client) with
 * `{error, error_description: "AADSTS…: …\r\nTrace ID: …\r\nCorrelation ID: …\r\nTimestamp: …",
 * error_codes: [n], timestamp, trace_id, correlation_id, error_uri, suberror?}` (shape and texts as
 * seen in MSAL issues #7033, #6765, #2694, #3059). Authorize: the same description in
 * `#error=…&error_description=…&error_uri=…/error?code=n&state=…` (MSAL reads the number from
 * error_uri's `code=`), or an error page when the redirect URI cannot be trusted.
 */
import { randomUUID } from 'node:crypto';
import type { SimResponse } from '../core/http.ts';
import { escapeHtml, htmlPage } from '../core/web.ts';
import { AADSTS, type EntraError } from './aadsts.ts';

export type { EntraError };

/** Identifiers Entra stamps on every error; the correlation id echoes the client's `client-request-id`. */
export interface ErrorStamp {
  readonly traceId: string;
  readonly correlationId: string;
  /** "2022-04-08 11:53:29Z" */
  readonly timestamp: string;
}

export function errorStamp(now: number, clientRequestId: string | undefined): ErrorStamp {
  return { traceId: randomUUID(), correlationId: clientRequestId ?? randomUUID(), timestamp: entraTimestamp(now) };
}

export function entraTimestamp(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

export function errorDescription(e: EntraError, stamp: ErrorStamp): string {
  return `AADSTS${e.code}: ${e.message}\r\nTrace ID: ${stamp.traceId}\r\nCorrelation ID: ${stamp.correlationId}\r\nTimestamp: ${stamp.timestamp}`;
}

/** The JSON body and status of a token-endpoint (or metadata) error. */
export function jsonError(e: EntraError, stamp: ErrorStamp, origin: string, headers: Record<string, string> = {}): SimResponse {
  return {
    status: e.error === 'invalid_client' ? 401 : 400,
    headers: { 'cache-control': 'no-store', 'x-ms-request-id': stamp.traceId, ...headers },
    body: {
      error: e.error,
      error_description: errorDescription(e, stamp),
      error_codes: [e.code],
      timestamp: stamp.timestamp,
      trace_id: stamp.traceId,
      correlation_id: stamp.correlationId,
      error_uri: errorUri(origin, e),
      ...(e.suberror ? { suberror: e.suberror } : {}),
    },
  };
}

/** Parameters of an error redirect back to the client's redirect URI. */
export function redirectErrorParams(e: EntraError, stamp: ErrorStamp, origin: string, state: string | undefined): Record<string, string> {
  return {
    error: e.error,
    error_description: errorDescription(e, stamp),
    error_uri: errorUri(origin, e),
    ...(e.subcode ? { error_subcode: e.subcode } : {}),
    ...(state === undefined ? {} : { state }),
  };
}

/** The "Sorry, but we're having trouble signing you in" page (status 400: nothing is redirected). */
export function errorPage(e: EntraError, stamp: ErrorStamp): SimResponse {
  const body =
    '<h1>Sign in</h1>' +
    "<p>Sorry, but we're having trouble signing you in.</p>" +
    `<p role="alert"><strong>AADSTS${e.code}</strong>: ${escapeHtml(e.message)}</p>` +
    '<h2>Troubleshooting details</h2><dl>' +
    `<dt>Request Id</dt><dd>${escapeHtml(stamp.traceId)}</dd>` +
    `<dt>Correlation Id</dt><dd>${escapeHtml(stamp.correlationId)}</dd>` +
    `<dt>Timestamp</dt><dd>${escapeHtml(stamp.timestamp)}</dd></dl>`;
  return htmlPage(400, 'Sign in to your account', body);
}

/**
 * Renders a fault or an unrouted request (SimServer's renderError) in Entra's JSON format: a
 * 405 is Entra's "endpoint only accepts POST" error, throttling and 5xx are transient errors.
 */
export function renderFault(status: number, reason: string | undefined, message: string, now: number, origin: string, retryAfterSeconds?: number): SimResponse {
  const e: EntraError =
    status === 405
      ? AADSTS.methodNotAllowed(message)
      : status === 429 || status >= 500
        ? AADSTS.transient()
        : { error: reason && /^[a-z_]+$/.test(reason) ? reason : 'invalid_request', code: AADSTS.malformed().code, message };
  const response = jsonError(e, errorStamp(now, undefined), origin, retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) });
  return { ...response, status };
}

function errorUri(origin: string, e: EntraError): string {
  return `${origin}/error?code=${e.code}`;
}
