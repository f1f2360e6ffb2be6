/**
 * The Graph client's middleware chain. The library's own AuthenticationHandler attaches the token
 * only to https URLs on Microsoft's Graph hosts or `customHosts` (auth-and-toolchain.md §6 item 4),
 * so national clouds behind proxies, http bases and the simulators would silently get no token.
 * Ours attaches the token the transport chose for this request (so a 401 invalidates exactly that
 * token) to every request for the configured base, and to nothing else. Retries are not the
 * library's business: the transport runs every request through withRetry.
 */
import { HTTPMessageHandler, type Context, type Middleware, type MiddlewareOptions } from '@microsoft/microsoft-graph-client';

/** Per-request middleware option carrying the bearer token. */
export class BearerToken implements MiddlewareOptions {
  constructor(readonly token: string) {}
}

export class BearerMiddleware implements Middleware {
  private next: Middleware | undefined;

  /** `base` is the configured API base, e.g. "https://graph.microsoft.us/" (scheme, host, port, path). */
  constructor(private readonly base: string) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const option = context.middlewareControl?.getMiddlewareOptions(BearerToken);
    const headers = new Headers(context.options?.headers);
    headers.delete('Authorization');
    if (option instanceof BearerToken && url.startsWith(this.base)) headers.set('Authorization', `Bearer ${option.token}`);
    context.options = { ...context.options, headers };
    if (!this.next) throw new Error('BearerMiddleware needs a next middleware');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** The library's HTTPMessageHandler with an injected fetch (tests, the headless runner). */
export class InjectedFetchHandler implements Middleware {
  constructor(private readonly fetchFn: typeof fetch) {}

  async execute(context: Context): Promise<void> {
    context.response = await this.fetchFn(context.request, context.options);
  }
}

/** The end of the chain: the library's own handler (global fetch) unless a fetch is injected. */
export function terminalHandler(fetchFn: typeof fetch | undefined): Middleware {
  return fetchFn ? new InjectedFetchHandler(fetchFn) : new HTTPMessageHandler();
}
