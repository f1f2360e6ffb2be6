/**
 * Graph's error answers translated into the engine's taxonomy (errors.ts), from the status, the
 * envelope's `error.code` ({"error":{"code","message","innerError"}}, calendar-apis.md §2.9) and
 * Retry-After. The engine decides by type, so codes that change the meaning of a status are
 * handled here: delta's syncStateNotFound / resyncRequired / syncStateInvalid, and Outlook's
 * refusal to move an occurrence across its neighbours.
 */
import {
  AuthRequiredError,
  ConflictError,
  CursorExpiredError,
  ForbiddenError,
  InvalidRequestError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  type SyncError,
} from '../../sync/errors.ts';

/** What an HTTP answer (a whole response or one $batch part) consists of. */
export interface HttpResult {
  readonly status: number;
  /** Header lookup, case-insensitive. */
  readonly header: (name: string) => string | null;
  readonly body: unknown;
}

const CURSOR_CODES = new Set(['syncStateNotFound', 'syncStateInvalid', 'resyncRequired']);

export function isTransientStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** The engine's error for a failed answer; `what` names the request for the message. */
export function errorFor(result: HttpResult, what: string, nowMs: number): SyncError {
  const { code, message } = envelope(result.body);
  const text = `Outlook ${what}: ${result.status}${code ? ` ${code}` : ''}${message ? ` – ${message}` : ''}`;
  const retryAfterMs = parseRetryAfter(result.header('retry-after'), nowMs);
  if (CURSOR_CODES.has(code) || result.status === 410) return new CursorExpiredError(text);
  if (code === 'ErrorOccurrenceCrossingBoundary') {
    return new InvalidRequestError(
      `Outlook refused to move the occurrence onto or past a neighbouring occurrence (ErrorOccurrenceCrossingBoundary) – ${text}`,
    );
  }
  switch (result.status) {
    case 401:
      return new AuthRequiredError(text);
    case 403:
      return new ForbiddenError(text);
    case 404:
      return new NotFoundError(text);
    case 409:
    case 412:
      return new ConflictError(text);
    case 429:
      return new RateLimitedError(text, retryAfterMs);
    default:
      return result.status >= 500 ? new ServerError(text, result.status, retryAfterMs) : new InvalidRequestError(text);
  }
}

/** Retry-After in milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function envelope(body: unknown): { code: string; message: string } {
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof error !== 'object' || error === null) return { code: '', message: '' };
  const { code, message } = error as { code?: unknown; message?: unknown };
  return { code: typeof code === 'string' ? code : '', message: typeof message === 'string' ? message : '' };
}
