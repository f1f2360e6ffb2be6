/**
 * Every HTTP request of the adapter: built by the Graph client (`Client.initWithMiddleware` with our
 * own chain, middleware.ts), sent with Outlook's Prefer headers (immutable ids, UTC times, page
 * size: calendar-apis.md §2 rule 4), limited to 3 in flight, bounded by a timeout and the caller's
 * AbortSignal, retried by withRetry (retry.ts) with the injected Clock, and renewed once on 401.
 * Answers come back as {status, header, body}: transient statuses (429, 5xx) throw so withRetry
 * can wait and retry; every other status is for the caller to interpret (404 is often an answer).
 */
import { Client, ResponseType, type GraphRequest } from '@microsoft/microsoft-graph-client';
import type { Logger } from '../../../shared/logger.ts';
import { AuthRequiredError, CancelledError, MalformedResponseError, NetworkError, SyncError } from '../../sync/errors.ts';
import type { Clock, TokenSource } from '../../sync/ports.ts';
import { withRetry, type RetryPolicy } from '../../sync/retry.ts';
import { errorFor, isTransientStatus, type HttpResult } from './http-errors.ts';
import { BearerMiddleware, BearerToken, terminalHandler } from './middleware.ts';
import { Semaphore } from './semaphore.ts';

export interface TransportOptions {
  /** API base including the version, e.g. "https://graph.microsoft.com/v1.0". */
  readonly baseUrl: string;
  readonly tokens: TokenSource;
  readonly clock: Clock;
  readonly logger?: Logger | undefined;
  readonly retry?: RetryPolicy | undefined;
  readonly timeoutMs?: number | undefined;
  readonly fetch?: typeof fetch | undefined;
}

export interface GraphCall {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the version ("/me/events/…?…"), or an absolute nextLink/deltaLink of this base. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** Reads of pages: asks for this many items per page. */
  readonly pageSize?: number;
  /** Names the request in error messages ("delta page", "update of an event"). */
  readonly what: string;
  /** Requests Outlook runs at once for this call (the parts of a parallel $batch); default 1. */
  readonly concurrency?: number;
}

export const PREFER = 'IdType="ImmutableId", outlook.timezone="UTC"';
export const MAX_IN_FLIGHT = 3;

export class GraphTransport {
  readonly base: string;
  readonly version: string;
  private readonly client: Client;
  private readonly limit = new Semaphore(MAX_IN_FLIGHT);
  private readonly timeoutMs: number;

  constructor(private readonly options: TransportOptions) {
    ({ base: this.base, version: this.version } = splitBase(options.baseUrl));
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.client = Client.initWithMiddleware({
      baseUrl: this.base,
      defaultVersion: this.version,
      middleware: [new BearerMiddleware(this.base), terminalHandler(options.fetch)],
    });
  }

  get clock(): Clock {
    return this.options.clock;
  }

  get retryPolicy(): RetryPolicy | undefined {
    return this.options.retry;
  }

  /**
   * Sends a call with retries; throws the engine's errors for transient failures that persist.
   * `check` validates a successful answer inside the attempt, so a malformed answer (transient,
   * errors.ts) is asked for again like any other transient failure.
   */
  request(call: GraphCall, signal: AbortSignal, check?: (result: HttpResult) => void): Promise<HttpResult> {
    const { clock, retry, logger } = this.options;
    return withRetry(() => this.authorised(call, signal, check), {
      clock,
      signal,
      ...(retry ? { policy: retry } : {}),
      onRetry: (error, attempt, delayMs) => logger?.info?.('Outlook request retried', { what: call.what, kind: error.kind, attempt, delayMs }),
    });
  }

  /** Whether an absolute link (nextLink, deltaLink) belongs to this API base. */
  owns(link: string): boolean {
    return link.startsWith(this.base);
  }

  private async authorised(call: GraphCall, signal: AbortSignal, check: ((result: HttpResult) => void) | undefined): Promise<HttpResult> {
    const { tokens } = this.options;
    for (let renewed = false; ; renewed = true) {
      const token = await tokens.getToken({ interactive: false });
      const result = await this.limit.run(() => this.sendOnce(call, token, signal), call.concurrency);
      if (result.status === 401) {
        await tokens.invalidate(token);
        if (!renewed) continue;
        throw new AuthRequiredError(`Outlook rejected a renewed access token (${call.what}): sign in to Microsoft again.`);
      }
      if (isTransientStatus(result.status)) throw errorFor(result, call.what, this.options.clock.now());
      if (result.status < 300) check?.(result);
      return result;
    }
  }

  private async sendOnce(call: GraphCall, token: string, signal: AbortSignal): Promise<HttpResult> {
    if (signal.aborted) throw new CancelledError();
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const started = Date.now();
    try {
      const response = await this.send(this.build(call, token, AbortSignal.any([signal, timeout])), call);
      const body = await readBody(response, call.what);
      this.options.logger?.debug?.('Outlook request', { method: call.method, what: call.what, status: response.status, ms: Date.now() - started });
      return { status: response.status, header: (name) => response.headers.get(name), body };
    } catch (error) {
      if (signal.aborted) throw new CancelledError();
      if (error instanceof SyncError) throw error;
      if (timeout.aborted) throw new NetworkError(`Outlook did not answer within ${this.timeoutMs} ms (${call.what}).`);
      throw new NetworkError(`Outlook could not be reached (${call.what}): ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private build(call: GraphCall, token: string, signal: AbortSignal): GraphRequest {
    const { version, path } = this.locate(call.path);
    const prefer = call.pageSize === undefined ? PREFER : `${PREFER}, odata.maxpagesize=${call.pageSize}`;
    return this.client
      .api(path)
      .version(version)
      .headers({ Prefer: prefer, ...call.headers })
      .option('signal', signal)
      .option('redirect', 'error')
      .middlewareOptions([new BearerToken(token)])
      .responseType(ResponseType.RAW);
  }

  private async send(request: GraphRequest, call: GraphCall): Promise<Response> {
    switch (call.method) {
      case 'GET':
        return (await request.get()) as Response;
      case 'POST':
        return (await request.post(call.body)) as Response;
      case 'PATCH':
        return (await request.patch(call.body)) as Response;
      case 'DELETE':
        return (await request.delete()) as Response;
    }
  }

  /** Version and path of a call; absolute links must point into this base. */
  private locate(path: string): { version: string; path: string } {
    if (!/^[a-z][a-z0-9+.-]*:/i.test(path)) return { version: this.version, path };
    if (!this.owns(path)) throw new MalformedResponseError('Outlook sent a link outside the configured Graph base URL.');
    const rest = path.slice(this.base.length);
    const slash = rest.indexOf('/');
    return slash < 0 ? { version: rest, path: '' } : { version: rest.slice(0, slash), path: rest.slice(slash) };
  }
}

/** "https://host:port/prefix/v1.0" → base "https://host:port/prefix/" and version "v1.0". */
export function splitBase(baseUrl: string): { base: string; version: string } {
  const url = new URL(baseUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`The Graph base URL must be http(s): ${baseUrl}`);
  const segments = url.pathname.split('/').filter(Boolean);
  const version = segments.pop();
  if (version === undefined) throw new Error(`The Graph base URL needs a version segment (…/v1.0): ${baseUrl}`);
  const prefix = segments.length > 0 ? `/${segments.join('/')}/` : '/';
  return { base: `${url.origin}${prefix}`, version };
}

async function readBody(response: Response, what: string): Promise<unknown> {
  const text = await response.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    if (!response.ok) return text; // error pages of proxies and gateways: the status says enough
    throw new MalformedResponseError(`Outlook answered ${what} with a body that is not JSON.`);
  }
}
