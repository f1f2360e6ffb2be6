/**
 * HTTP to the Google Calendar API over the injected fetch: bearer token from the TokenSource (a 401
 * renews it once, calendar-apis.md §1.10), a timeout on every exchange, the caller's AbortSignal,
 * transport failures as NetworkError, and retries of transient failures through withRetry on the
 * injected clock. Works against any http(s) base URL (production, simulator, tests).
 */
import type { Logger } from '../../../shared/logger.ts';
import { AuthRequiredError, CancelledError, NetworkError, SyncError } from '../../sync/errors.ts';
import type { Clock, TokenSource } from '../../sync/ports.ts';
import { withRetry, type RetryPolicy } from '../../sync/retry.ts';
import { batchUrl, decodeBatch, encodeBatch } from './batch.ts';
import { malformed } from './check.ts';
import { toSyncError } from './errors.ts';
import { isOk, type HttpRequest, type HttpResponse } from './http-types.ts';

export interface HttpOptions {
  readonly baseUrl: string;
  readonly tokens: TokenSource;
  readonly clock: Clock;
  readonly logger?: Logger | undefined;
  readonly retry?: RetryPolicy | undefined;
  readonly timeoutMs: number;
  readonly fetch: typeof fetch;
}

export type Guard<T> = (value: unknown, where: string) => asserts value is T;

interface Exchange {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly what: string;
}

export class GoogleHttp {
  private readonly base: string;
  private readonly basePath: string;
  private readonly batchEndpoint: string;

  constructor(private readonly options: HttpOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
    this.basePath = new URL(this.base).pathname;
    this.batchEndpoint = batchUrl(this.base);
  }

  get clock(): Clock {
    return this.options.clock;
  }

  get policy(): RetryPolicy | undefined {
    return this.options.retry;
  }

  /** One request; any status comes back (401 only if the renewed token was refused too). */
  send(request: HttpRequest, signal: AbortSignal): Promise<HttpResponse> {
    const query = new URLSearchParams(request.query).toString();
    const json = request.body === undefined ? {} : { 'Content-Type': 'application/json; charset=UTF-8' };
    return this.authorized((token) =>
      this.exchange(
        {
          url: `${this.base}${request.path}${query ? `?${query}` : ''}`,
          method: request.method,
          headers: { Accept: 'application/json', ...json, ...request.headers, Authorization: `Bearer ${token}` },
          ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
          what: request.what,
        },
        signal,
      ),
    );
  }

  /** One batch request; the parts' answers in request order. A failed batch as a whole throws. */
  async sendBatch(requests: readonly HttpRequest[], signal: AbortSignal): Promise<HttpResponse[]> {
    let token = await this.token();
    let answers = await this.postBatch(requests, token, signal);
    // Parts are authenticated one by one: an expired token shows up as 401 parts.
    const refused = answers.flatMap((answer, i) => (answer.status === 401 ? [i] : []));
    if (refused.length === 0) return answers;
    await this.options.tokens.invalidate(token);
    token = await this.token();
    const again = await this.postBatch(refused.map((i) => requests[i] as HttpRequest), token, signal);
    answers = [...answers];
    refused.forEach((index, i) => (answers[index] = again[i] as HttpResponse));
    return answers;
  }

  /** Runs `operation`, retrying transient failures as the policy allows. */
  retrying<T>(what: string, operation: (attempt: number) => Promise<T>, signal: AbortSignal): Promise<T> {
    const { clock, retry, logger } = this.options;
    return withRetry(operation, {
      clock,
      signal,
      ...(retry ? { policy: retry } : {}),
      onRetry: (error, attempt, delayMs) => logger?.info?.('Google request will be retried', { what, kind: error.kind, attempt, delayMs }),
    });
  }

  /** A request whose 2xx answer is JSON of the guarded shape; retried; errors mapped. */
  json<T>(request: HttpRequest, signal: AbortSignal, guard: Guard<T>): Promise<T> {
    return this.retrying(
      request.what,
      async () => {
        const response = await this.send(request, signal);
        if (!isOk(response)) throw this.error(response, request.what);
        return parseJson(response, request.what, guard);
      },
      signal,
    );
  }

  error(response: HttpResponse, what: string): SyncError {
    return toSyncError(response, what, this.options.clock.now());
  }

  private async postBatch(requests: readonly HttpRequest[], token: string, signal: AbortSignal): Promise<HttpResponse[]> {
    const boundary = `batch_tandem_${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
    const post = (bearer: string) =>
      this.exchange(
        {
          url: this.batchEndpoint,
          method: 'POST',
          headers: { 'Content-Type': `multipart/mixed; boundary=${boundary}`, Authorization: `Bearer ${bearer}` },
          body: encodeBatch(requests, this.basePath, boundary),
          what: 'batch',
        },
        signal,
      );
    let outer = await post(token);
    if (outer.status === 401) {
      await this.options.tokens.invalidate(token);
      outer = await post(await this.token());
    }
    if (!isOk(outer)) throw this.error(outer, 'batch');
    return decodeBatch(outer, requests.length);
  }

  private async authorized(call: (token: string) => Promise<HttpResponse>): Promise<HttpResponse> {
    const token = await this.token();
    const first = await call(token);
    if (first.status !== 401) return first;
    await this.options.tokens.invalidate(token);
    return call(await this.token());
  }

  private async token(): Promise<string> {
    try {
      return await this.options.tokens.getToken({ interactive: false });
    } catch (error) {
      if (error instanceof SyncError) throw error;
      throw new AuthRequiredError('No Google access token is available. Sign in to Google again.');
    }
  }

  /** One HTTP exchange with a timeout; the body is read inside the timeout too. */
  private async exchange(exchange: Exchange, signal: AbortSignal): Promise<HttpResponse> {
    if (signal.aborted) throw new CancelledError();
    const controller = new AbortController();
    const abort = (): void => controller.abort();
    signal.addEventListener('abort', abort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    const doFetch = this.options.fetch;
    try {
      const { url, what: _what, ...init } = exchange;
      const response = await doFetch(url, { ...init, signal: controller.signal });
      const text = await response.text();
      this.options.logger?.debug?.('Google request', { what: exchange.what, status: response.status });
      return { status: response.status, headers: response.headers, text };
    } catch (error) {
      if (signal.aborted) throw new CancelledError();
      if (timedOut) throw new NetworkError(`Google ${exchange.what} timed out after ${this.options.timeoutMs} ms.`);
      throw new NetworkError(`Google ${exchange.what} could not be reached (${error instanceof Error ? error.message : 'network error'}).`);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
    }
  }
}

/** The JSON of an answer, checked by `guard`; anything else is a MalformedResponseError. */
export function parseJson<T>(response: HttpResponse, what: string, guard: Guard<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(response.text);
  } catch {
    throw malformed(`the answer to ${what}`, 'is not JSON');
  }
  guard(value, what);
  return value;
}
