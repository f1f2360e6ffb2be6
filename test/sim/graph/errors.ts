/**
 * Graph's error envelope (M-BATCH, calendar-apis.md §2.9 item 2):
 * `{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}`.
 * Handlers throw GraphError; the route wrapper and the fault path both render it here. innerError's
 * fields and the `request-id` / `client-request-id` headers are added per request by GraphServer.
 */
import type { SimResponse } from '../core/http.ts';

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

const CHANGE_KEY_MISMATCH =
  'The send or update operation could not be performed because the change key passed in the ' +
  'request does not match the current change key for the item.';

/** Codes and messages for statuses raised without a Graph code (injected faults, simulator crashes). */
const DEFAULT_ERRORS: Readonly<Record<number, readonly [string, string]>> = {
  400: ['BadRequest', 'Bad request.'],
  401: ['InvalidAuthenticationToken', 'Access token validation failure.'],
  403: ['ErrorAccessDenied', 'Access is denied. Check credentials and try again.'],
  404: ['ErrorItemNotFound', 'The specified object was not found in the store.'],
  409: ['ErrorIrresolvableConflict', 'The operation could not be completed because of a conflict.'],
  412: ['ErrorIrresolvableConflict', CHANGE_KEY_MISMATCH],
  429: ['ApplicationThrottled', 'Application is over its MailboxConcurrency limit.'],
  500: ['ErrorInternalServerError', 'An internal server error occurred. The operation failed.'],
  502: ['BadGateway', 'Bad gateway.'],
  503: ['serviceNotAvailable', 'The service is temporarily unavailable. Try again after the delay in Retry-After.'],
  504: ['UnknownError', 'The gateway timed out waiting for the backend.'],
};

/** Reasons the shared SimServer uses on its own (handler crash, dropped batch part). */
const CORE_REASONS: Readonly<Record<string, string>> = {
  backendError: 'ErrorInternalServerError',
  gatewayTimeout: 'UnknownError',
};

export const MESSAGES = {
  changeKeyMismatch: CHANGE_KEY_MISMATCH,
  accessDenied: 'Access is denied. Check credentials and try again.',
  itemNotFound: 'The specified object was not found in the store.',
  timeWindowRequired:
    'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
  crossingBoundary: 'Modified occurrence is crossing or overlapping adjacent occurrence.',
  mailboxConcurrency: 'Application is over its MailboxConcurrency limit.',
  mailboxRequests: 'Application is over its MailboxRequests limit.',
  syncStateNotFound: 'The sync state generation is not found. The delta token is expired and data must be synchronized again.',
  resyncRequired: 'Resync required. Replace any local cached data with the current state of the resource, then restart delta.',
  unreadableJson: 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
} as const;

export function notFound(): GraphError {
  return new GraphError(404, 'ErrorItemNotFound', MESSAGES.itemNotFound);
}

export function accessDenied(): GraphError {
  return new GraphError(403, 'ErrorAccessDenied', MESSAGES.accessDenied);
}

export function invalidRequest(message: string): GraphError {
  return new GraphError(400, 'ErrorInvalidRequest', message);
}

/** An unsupported zone name (microsoftgraph/microsoft-graph-docs#4758 shows the real text). */
export function timeZoneNotSupported(name: string): GraphError {
  return new GraphError(
    400,
    'TimeZoneNotSupportedException',
    `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${name}'.`,
  );
}

/** OData deserialisation failures: unknown properties, wrong JSON types, unknown enum literals. */
export function bodyReadError(message: string): GraphError {
  return new GraphError(400, 'RequestBodyRead', message);
}

export function renderGraphError(
  status: number,
  code: string | undefined,
  message: string,
  retryAfterSeconds?: number,
  headers: Readonly<Record<string, string>> = {},
): SimResponse {
  const fallback = DEFAULT_ERRORS[status] ?? ['UnknownError', message];
  const resolvedCode = code === undefined ? fallback[0] : (CORE_REASONS[code] ?? code);
  return {
    status,
    headers: { ...headers, ...(retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) }) },
    // innerError (date, request-id, client-request-id) is filled per request by GraphServer.
    body: { error: { code: resolvedCode, message: message === 'Injected fault' ? fallback[1] : message, innerError: {} } },
  };
}

export function renderThrown(error: GraphError): SimResponse {
  return renderGraphError(error.status, error.code, error.message, undefined, error.headers);
}
