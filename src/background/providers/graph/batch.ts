/**
 * Several requests as JSON $batch (calendar-apis.md §2.8): at most 20 per batch, run as ONE
 * sequential dependsOn chain. Outlook runs at most 4 requests per mailbox at a time, batch parts
 * included, and a fully sequential batch never trips that (nor the adapter's own limit of 3).
 * A failed part makes every later part of the chain fail with 424; those are sent again in the
 * next batch. A throttled or failing part (429, 5xx) is retried after Retry-After or a backoff,
 * as withRetry would (retry.ts `retryDelay`). A single request is sent as itself.
 *
 * Reads whose answers are often 404 (confirming deletions) would break chain after chain, one
 * answer per batch: once a chain of reads breaks within its first few parts, the next batches are
 * fully parallel, as many parts as the adapter may have in flight, holding all of its slots — and
 * chains again as soon as a parallel batch fails nothing.
 */
import { CancelledError, MalformedResponseError, SyncError } from '../../sync/errors.ts';
import { DEFAULT_RETRY, retryDelay } from '../../sync/retry.ts';
import { assertBatch, type WireBatchItem } from './guards.ts';
import { errorFor, isTransientStatus, type HttpResult } from './http-errors.ts';
import { MAX_IN_FLIGHT, PREFER, type GraphCall, type GraphTransport } from './transport.ts';

export const MAX_BATCH = 20;

/**
 * One request of a chain: a path relative to the version ("/me/events/…"). Reads give `check`,
 * which validates a successful answer's body inside the attempt (a malformed answer is asked for
 * again); writes leave it out, so a write is never repeated for the sake of its answer.
 */
export type ChainItem = Omit<GraphCall, 'pageSize' | 'concurrency'> & { readonly check?: (body: unknown) => void };

/** Each item's answer, or the error that stopped it (network, auth, exhausted retries). */
export type ItemOutcome = HttpResult | SyncError;

export async function runChain(transport: GraphTransport, items: readonly ChainItem[], signal: AbortSignal): Promise<ItemOutcome[]> {
  if (items.length === 1) return [await single(transport, items[0]!, signal)];
  const outcomes: ItemOutcome[] = new Array<ItemOutcome>(items.length);
  const attempts = new Map<number, number>();
  let pending = items.map((_, index) => index);
  const reads = items.every((item) => item.method === 'GET');
  let parallel = false;
  while (pending.length > 0) {
    const chunk = pending.slice(0, parallel ? MAX_IN_FLIGHT : MAX_BATCH);
    let answers: Map<number, HttpResult>;
    try {
      answers = await sendBatch(transport, items, chunk, signal, parallel);
    } catch (error) {
      if (!(error instanceof SyncError) || error instanceof CancelledError) throw error;
      for (const index of pending) outcomes[index] = error;
      break;
    }
    const { again, delayMs } = settle(transport, items, chunk, answers, attempts, outcomes);
    pending = [...again, ...pending.slice(chunk.length)];
    if (reads) parallel = parallelNext(parallel, [...answers.values()]);
    if (delayMs > 0) await transport.clock.sleep(delayMs, signal);
  }
  return outcomes;
}

/** Parallel after a chain that broke before answering MAX_IN_FLIGHT parts; a chain again after a parallel batch without failures. */
function parallelNext(parallel: boolean, answers: readonly HttpResult[]): boolean {
  if (parallel) return answers.some((answer) => answer.status >= 300);
  const answered = answers.filter((answer) => answer.status !== 424).length;
  return answered < answers.length && answered < MAX_IN_FLIGHT;
}

/** Records final answers; returns the parts to send again (424s, retried failures) and how long to wait. */
function settle(
  transport: GraphTransport,
  items: readonly ChainItem[],
  chunk: readonly number[],
  answers: ReadonlyMap<number, HttpResult>,
  attempts: Map<number, number>,
  outcomes: ItemOutcome[],
): { again: number[]; delayMs: number } {
  const again: number[] = [];
  let delayMs = 0;
  // The head of a chain depends on nothing, so it cannot answer 424.
  if (chunk.every((index) => answers.get(index)!.status === 424)) {
    throw new MalformedResponseError("Outlook's $batch answer failed every request on a dependency.");
  }
  for (const index of chunk) {
    const answer = answers.get(index)!;
    if (answer.status === 424) {
      again.push(index);
      continue;
    }
    const attempt = attempts.get(index) ?? 1;
    const wait = isTransientStatus(answer.status)
      ? retryDelay(errorFor(answer, items[index]!.what, transport.clock.now()), attempt, transport.retryPolicy ?? DEFAULT_RETRY, Math.random)
      : undefined;
    if (wait === undefined) {
      outcomes[index] = answer;
      continue;
    }
    attempts.set(index, attempt + 1);
    again.push(index);
    delayMs = Math.max(delayMs, wait);
  }
  return { again, delayMs };
}

async function single(transport: GraphTransport, item: ChainItem, signal: AbortSignal): Promise<ItemOutcome> {
  try {
    return await transport.request(item, signal, item.check && ((answer) => item.check!(answer.body)));
  } catch (error) {
    if (!(error instanceof SyncError) || error instanceof CancelledError) throw error;
    return error;
  }
}

async function sendBatch(
  transport: GraphTransport,
  items: readonly ChainItem[],
  chunk: readonly number[],
  signal: AbortSignal,
  parallel: boolean,
): Promise<Map<number, HttpResult>> {
  const requests = chunk.map((index, position) => {
    const item = items[index]!;
    const headers = { Prefer: PREFER, ...(item.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...item.headers };
    return {
      id: String(index),
      method: item.method,
      url: item.path,
      headers,
      ...(item.body === undefined ? {} : { body: item.body }),
      ...(position > 0 && !parallel ? { dependsOn: [String(chunk[position - 1])] } : {}),
    };
  });
  const ids = requests.map((r) => r.id);
  const call = { method: 'POST', path: '/$batch', body: { requests }, what: '$batch', concurrency: parallel ? chunk.length : 1 } as const;
  const result = await transport.request(call, signal, (answer) => {
    const body = answer.body;
    assertBatch(body, ids);
    for (const part of body.responses) if (part.status < 300) items[Number(part.id)]!.check?.(part.body);
  });
  if (result.status >= 300) throw errorFor(result, '$batch', transport.clock.now());
  const body = result.body;
  assertBatch(body, ids);
  return new Map(body.responses.map((response) => [Number(response.id), answerOf(response)]));
}

function answerOf(response: WireBatchItem): HttpResult {
  const headers = new Map(Object.entries(response.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]));
  return { status: response.status, header: (name) => headers.get(name.toLowerCase()) ?? null, body: response.body };
}
