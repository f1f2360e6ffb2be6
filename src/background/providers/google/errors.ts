/**
 * Google's error answers → the engine's error taxonomy (errors.ts), by status and `reason`
 * (calendar-apis.md §1.10: envelope `{"error":{"errors":[{domain, reason, message}], code, message}}`).
 * Messages name the call and Google's reason only: never event text or tokens.
 */
import {
  AuthRequiredError, ConflictError, CursorExpiredError, ForbiddenError, InvalidRequestError, NotFoundError, RateLimitedError,
  ServerError, type SyncError,
} from '../../sync/errors.ts';
import { isRecord } from './check.ts';
import type { HttpResponse } from './http-types.ts';

/** 403 reasons that mean "slow down" (retried after backoff), not "you may not". */
const THROTTLED = new Set(['rateLimitExceeded', 'userRateLimitExceeded']);
/** 403 reasons that mean "stop writing to this calendar for hours". */
const QUOTA = new Set(['quotaExceeded', 'dailyLimitExceeded']);

/** The first `reason` of Google's error envelope, if the body has one. */
export function googleReason(response: HttpResponse): string | undefined {
  try {
    const body: unknown = JSON.parse(response.text);
    const error = isRecord(body) ? body.error : undefined;
    const first = isRecord(error) && Array.isArray(error.errors) ? (error.errors[0] as unknown) : undefined;
    return isRecord(first) && typeof first.reason === 'string' ? first.reason : undefined;
  } catch {
    return undefined;
  }
}

/** A failed answer as a SyncError (401 arrives here only after the token was renewed once). */
export function toSyncError(response: HttpResponse, what: string, now: number): SyncError {
  const { status } = response;
  const reason = googleReason(response);
  const text = `Google ${what} failed: ${status}${reason ? ` ${reason}` : ''}`;
  const retryAfter = retryAfterMs(response.headers, now);
  if (status === 401) return new AuthRequiredError(`${text}. Sign in to Google again.`);
  if (status === 429 || (status === 403 && reason !== undefined && THROTTLED.has(reason))) return new RateLimitedError(text, retryAfter);
  if (status === 403 && reason !== undefined && QUOTA.has(reason)) return new RateLimitedError(text, retryAfter, true);
  if (status === 403) return new ForbiddenError(text);
  if (status === 404) return new NotFoundError(text);
  // An operational conflict between batched items: transient, retried on its own (calendar-apis.md §1.9).
  if (status === 409 && reason === 'conflict') return new ServerError(text, status, retryAfter);
  // 410: `deleted` is an event deleted already; every other reason (fullSyncRequired,
  // updatedMinTooLongAgo, …) means the sync or page token is dead: re-read in full.
  if (status === 410) return reason === 'deleted' ? new NotFoundError(text) : new CursorExpiredError(text);
  if (status === 412) return new ConflictError(text);
  if (status >= 500) return new ServerError(text, status, retryAfter);
  return new InvalidRequestError(text);
}

/** Retry-After in seconds or as an HTTP date, in ms from `now`. */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
