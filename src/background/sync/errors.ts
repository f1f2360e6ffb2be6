/**
 * Expected failures of a sync, as a closed set of types. Adapters translate their service's
 * errors into these at the boundary; the engine decides by type (retry, re-read, pause, ask the
 * user) and never by message text. Anything else thrown is a bug and surfaces as such.
 */
export type SyncErrorKind =
  | 'auth-required'
  | 'rate-limited'
  | 'cursor-expired'
  | 'conflict'
  | 'not-found'
  | 'forbidden'
  | 'invalid'
  | 'malformed-response'
  | 'network'
  | 'server'
  | 'cancelled';

export abstract class SyncError extends Error {
  abstract readonly kind: SyncErrorKind;
  /** Worth retrying later without any change on our side. */
  abstract readonly transient: boolean;
}

/** The token is missing, expired and not renewable silently: the user must sign in again. */
export class AuthRequiredError extends SyncError {
  readonly kind = 'auth-required';
  readonly transient = false;
}

/** Throttled (429, Google 403 rateLimitExceeded, Graph MailboxConcurrency); wait `retryAfterMs`. */
export class RateLimitedError extends SyncError {
  readonly kind = 'rate-limited';
  readonly transient = true;
  constructor(
    message: string,
    readonly retryAfterMs: number | undefined,
    /** Google quotaExceeded: writes to this calendar should stop for hours, not seconds. */
    readonly quota = false,
  ) {
    super(message);
  }
}

/** Google 410 fullSyncRequired / Graph syncStateNotFound: re-read in full and reconcile. */
export class CursorExpiredError extends SyncError {
  readonly kind = 'cursor-expired';
  readonly transient = false;
}

/** If-Match failed (412): the item changed since we read it; re-read, re-merge, retry. */
export class ConflictError extends SyncError {
  readonly kind = 'conflict';
  readonly transient = false;
}

export class NotFoundError extends SyncError {
  readonly kind = 'not-found';
  readonly transient = false;
}

/** No right to do this: read-only calendar, someone else's event, missing scope. */
export class ForbiddenError extends SyncError {
  readonly kind = 'forbidden';
  readonly transient = false;
}

/** The service rejected what we sent (400): a bug or an event this side cannot store. */
export class InvalidRequestError extends SyncError {
  readonly kind = 'invalid';
  readonly transient = false;
}

/** The service answered something that is not what its API promises. Changes no state. */
export class MalformedResponseError extends SyncError {
  readonly kind = 'malformed-response';
  readonly transient = true;
}

export class NetworkError extends SyncError {
  readonly kind = 'network';
  readonly transient = true;
}

/** 5xx. */
export class ServerError extends SyncError {
  readonly kind = 'server';
  readonly transient = true;
  constructor(
    message: string,
    readonly status: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export class CancelledError extends SyncError {
  readonly kind = 'cancelled';
  readonly transient = false;
  constructor(message = 'The sync was cancelled.') {
    super(message);
  }
}
