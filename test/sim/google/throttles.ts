/**
 * Ready-made throttling and failure answers in Google's words (calendar-apis.md §1.10, §1.11 item
 * 9), injected through the shared FaultInjector so they hit requests and batch parts alike.
 */
import type { FaultInjector, FaultMatch } from '../core/faults.ts';
import { STANDARD_MESSAGES } from './errors.ts';

export const THROTTLES = {
  rateLimit: { status: 403, reason: 'rateLimitExceeded' },
  userRateLimit: { status: 403, reason: 'userRateLimitExceeded' },
  quota: { status: 403, reason: 'quotaExceeded' },
  tooManyRequests: { status: 429, reason: 'rateLimitExceeded' },
  backendError: { status: 500, reason: 'backendError' },
  unavailable: { status: 503, reason: 'backendError' },
  conflict: { status: 409, reason: 'conflict' },
} as const;

export type ThrottleKind = keyof typeof THROTTLES;

export interface ThrottleOptions {
  readonly match?: FaultMatch;
  readonly retryAfterSeconds?: number;
}

/** The next `times` matching requests get this answer; returns a function that withdraws the rule. */
export function injectThrottle(faults: FaultInjector, times: number, kind: ThrottleKind, options: ThrottleOptions = {}): () => void {
  const { status, reason } = THROTTLES[kind];
  return faults.inject({
    times,
    label: `google ${status} ${reason}`,
    ...(options.match ? { match: options.match } : {}),
    action: {
      kind: 'status',
      status,
      reason,
      message: STANDARD_MESSAGES[reason] ?? reason,
      ...(options.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: options.retryAfterSeconds }),
    },
  });
}
