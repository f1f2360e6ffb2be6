/**
 * Runs many small requests: alone when there is one, else in Google batches of up to `batchSize`
 * parts (calendar-apis.md §1.9: ≤ 50 per batch, one quota unit per part, parts fail separately).
 * Parts that fail transiently are sent again in the next round after the longest wait any of them
 * asked for (Retry-After) or backoff; a batch "operational conflict" (409 conflict) is retried
 * outside the batch, as Google advises. Answers come back in plan order.
 */
import { CancelledError, SyncError } from '../../sync/errors.ts';
import { retryDelay, DEFAULT_RETRY } from '../../sync/retry.ts';
import { googleReason } from './errors.ts';
import type { GoogleHttp } from './http.ts';
import type { HttpRequest, HttpResponse } from './http-types.ts';

export type Settled<T> =
  | { readonly kind: 'done'; readonly value: T }
  | { readonly kind: 'failed'; readonly error: Error }
  /** The answer needs more requests (sent alone, after the batch). */
  | { readonly kind: 'follow'; readonly run: (signal: AbortSignal) => Promise<T> };

/** One logical operation: its first request and how to read the answer. */
export interface Plan<T> {
  readonly request: HttpRequest;
  settle(response: HttpResponse): Settled<T>;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Error };

export const done = <T>(value: T): Settled<T> => ({ kind: 'done', value });
export const failed = <T>(error: Error): Settled<T> => ({ kind: 'failed', error });
export const follow = <T>(run: (signal: AbortSignal) => Promise<T>): Settled<T> => ({ kind: 'follow', run });

export async function runPlans<T>(http: GoogleHttp, plans: readonly Plan<T>[], signal: AbortSignal, batchSize: number): Promise<Result<T>[]> {
  if (plans.length === 1) return [await settleResult(() => runAlone(http, plans[0] as Plan<T>, signal))];
  const results: Result<T>[] = [];
  for (let from = 0; from < plans.length; from += batchSize) {
    const chunk = plans.slice(from, from + batchSize);
    const outcome = await settleResult(() => runBatch(http, chunk, signal));
    if (!outcome.ok) {
      // The batch as a whole failed (auth, network, cancelled): nothing after it can fare better.
      return [...results, ...plans.slice(from).map(() => outcome)];
    }
    results.push(...outcome.value);
  }
  return results;
}

/** One plan as plain requests, retried as the policy allows. */
export async function runAlone<T>(http: GoogleHttp, plan: Plan<T>, signal: AbortSignal): Promise<T> {
  const settled = await http.retrying(
    plan.request.what,
    async () => {
      const answer = plan.settle(await http.send(plan.request, signal));
      if (answer.kind === 'failed') throw answer.error;
      return answer;
    },
    signal,
  );
  return settled.kind === 'done' ? settled.value : settled.run(signal);
}

async function runBatch<T>(http: GoogleHttp, plans: readonly Plan<T>[], signal: AbortSignal): Promise<Result<T>[]> {
  const results = new Array<Result<T> | undefined>(plans.length);
  const later: Array<{ index: number; run: (signal: AbortSignal) => Promise<T> }> = [];
  let pending = plans.map((_, i) => i);
  for (let attempt = 1; pending.length > 0; attempt++) {
    const answers = await http.retrying('batch', () => http.sendBatch(pending.map((i) => (plans[i] as Plan<T>).request), signal), signal);
    const again: number[] = [];
    let wait = 0;
    pending.forEach((index, i) => {
      const plan = plans[index] as Plan<T>;
      const answer = answers[i] as HttpResponse;
      if (answer.status === 409 && googleReason(answer) === 'conflict') {
        later.push({ index, run: (s) => runAlone(http, plan, s) });
        return;
      }
      const settled = settleSafely(plan, answer);
      if (settled.kind === 'follow') later.push({ index, run: settled.run });
      else if (settled.kind === 'done') results[index] = { ok: true, value: settled.value };
      else {
        const delay = retryDelay(settled.error, attempt, http.policy ?? DEFAULT_RETRY, Math.random);
        if (delay === undefined) results[index] = { ok: false, error: settled.error };
        else {
          again.push(index);
          wait = Math.max(wait, delay);
        }
      }
    });
    if (again.length > 0) await http.clock.sleep(wait, signal);
    if (signal.aborted) throw new CancelledError();
    pending = again;
  }
  for (const { index, run } of later) results[index] = await settleResult(() => run(signal));
  return results as Result<T>[];
}

/** A settle that threw (e.g. a malformed body) counts as a failed answer. */
function settleSafely<T>(plan: Plan<T>, answer: HttpResponse): Settled<T> {
  try {
    return plan.settle(answer);
  } catch (error) {
    if (error instanceof SyncError) return failed(error);
    throw error;
  }
}

async function settleResult<T>(run: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof Error) return { ok: false, error };
    throw error;
  }
}
