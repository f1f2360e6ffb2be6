/**
 * Google's JSON error envelope (calendar-apis.md §1.10, the Calendar "Handle API errors" guide):
 * `{"error":{"errors":[{domain, reason, message, locationType?, location?}], code, message}}`.
 * Store and validation code throws `GoogleApiError`; route handlers turn it into a response.
 */
import type { SimResponse } from '../core/http.ts';

export interface ErrorLocation {
  readonly locationType: 'parameter' | 'header';
  readonly location: string;
}

/**
 * Newer Google front ends word some errors twice: a long top-level message plus a gRPC-style
 * `status` next to the short per-error message (e.g. 401 "Login Required." / UNAUTHENTICATED).
 */
export interface ErrorEnvelope {
  readonly topMessage: string;
  readonly status: string;
}

export class GoogleApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly where?: ErrorLocation,
    readonly envelope?: ErrorEnvelope,
  ) {
    super(message);
  }
}

/** Reasons outside the `global` domain, as Google reports them. */
const DOMAINS: Readonly<Record<string, string>> = {
  rateLimitExceeded: 'usageLimits',
  userRateLimitExceeded: 'usageLimits',
  quotaExceeded: 'usageLimits',
  dailyLimitExceeded: 'usageLimits',
  timeRangeEmpty: 'calendar',
  forbiddenForNonOrganizer: 'calendar',
  fullSyncRequired: 'calendar',
  requiredAccessLevel: 'calendar',
  updatedMinTooLongAgo: 'calendar',
  cannotUseDefaultRemindersAndSpecifyOverride: 'calendar',
};

/** The reason a bare status gets when a fault rule names none. */
const DEFAULT_REASONS: Readonly<Record<number, string>> = {
  400: 'badRequest',
  401: 'authError',
  403: 'forbidden',
  404: 'notFound',
  405: 'httpMethodNotAllowed',
  409: 'conflict',
  410: 'deleted',
  412: 'conditionNotMet',
  429: 'rateLimitExceeded',
  500: 'backendError',
  503: 'backendError',
};

/** Google's wording for the reasons an injected fault commonly carries. */
export const STANDARD_MESSAGES: Readonly<Record<string, string>> = {
  rateLimitExceeded: 'Rate Limit Exceeded',
  userRateLimitExceeded: 'User Rate Limit Exceeded',
  quotaExceeded: 'Calendar usage limits exceeded.',
  backendError: 'Backend Error',
  conflict: 'Conflict',
  notFound: 'Not Found',
  authError: 'Invalid Credentials',
};

function googleErrorBody(status: number, reason: string, message: string, where?: ErrorLocation, envelope?: ErrorEnvelope): object {
  return {
    error: {
      errors: [{ domain: DOMAINS[reason] ?? 'global', reason, message, ...(where ?? {}) }],
      code: status,
      message: envelope?.topMessage ?? message,
      ...(envelope ? { status: envelope.status } : {}),
    },
  };
}

/** The `renderError` the SimServer uses for injected faults, unknown routes and crashes. */
export function renderGoogleError(
  status: number,
  reason: string | undefined,
  message: string,
  retryAfterSeconds?: number,
): SimResponse {
  const chosen = reason ?? DEFAULT_REASONS[status] ?? 'unknown';
  const headers: Record<string, string> = {};
  if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
  return { status, headers, body: googleErrorBody(status, chosen, message) };
}

export function errorResponse(error: GoogleApiError): SimResponse {
  const headers: Record<string, string> = {};
  // Google answers 401 with a Bearer challenge, as OAuth 2.0 resource servers do (RFC 6750 §3).
  if (error.status === 401) headers['www-authenticate'] = 'Bearer realm="https://accounts.google.com/", error="invalid_token"';
  return { status: error.status, headers, body: googleErrorBody(error.status, error.reason, error.message, error.where, error.envelope) };
}

// Constructors for the errors the simulator raises itself, worded as Google words them.

export const notFound = (): GoogleApiError => new GoogleApiError(404, 'notFound', 'Not Found');

export const invalidParam = (name: string, message = `Invalid value for parameter ${name}.`): GoogleApiError =>
  new GoogleApiError(400, 'invalid', message, { locationType: 'parameter', location: name });

export const invalidField = (message: string): GoogleApiError => new GoogleApiError(400, 'invalid', message);

export const requiredField = (message: string): GoogleApiError => new GoogleApiError(400, 'required', message);

export const timeRangeEmpty = (location?: string): GoogleApiError =>
  new GoogleApiError(
    400,
    'timeRangeEmpty',
    'The specified time range is empty.',
    location ? { locationType: 'parameter', location } : undefined,
  );

export const fullSyncRequired = (): GoogleApiError =>
  new GoogleApiError(410, 'fullSyncRequired', 'Sync token is no longer valid, a full sync is required.', {
    locationType: 'parameter',
    location: 'syncToken',
  });

export const alreadyDeleted = (): GoogleApiError => new GoogleApiError(410, 'deleted', 'Resource has been deleted');

export const duplicateId = (): GoogleApiError => new GoogleApiError(409, 'duplicate', 'The requested identifier already exists.');

export const preconditionFailed = (): GoogleApiError =>
  new GoogleApiError(412, 'conditionNotMet', 'Precondition Failed', { locationType: 'header', location: 'If-Match' });

export const writerAccessRequired = (): GoogleApiError =>
  new GoogleApiError(403, 'requiredAccessLevel', 'You need to have writer access to this calendar.');

export const forbiddenForNonOrganizer = (): GoogleApiError =>
  new GoogleApiError(403, 'forbiddenForNonOrganizer', 'Shared properties can only be changed by the organizer of the event.');
