/**
 * One simulator = one node:http(s) server on loopback. The server applies injected faults, routes
 * the request, logs it, and renders errors in the owning service's format. `dispatch` is also the
 * entry point for batch parts, so a part goes through the same faults, routes and log as a request.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SimClock } from './clock.ts';
import type { FaultInjector, FaultAction } from './faults.ts';
import { encodeBody, type Router, type SimRequest, type SimResponse } from './http.ts';
import type { RequestLog } from './request-log.ts';
import type { TlsMaterial } from './tls.ts';

export type ErrorRenderer = (
  status: number,
  reason: string | undefined,
  message: string,
  retryAfterSeconds?: number,
) => SimResponse;

export interface SimServerOptions {
  readonly name: string;
  readonly router: Router;
  readonly clock: SimClock;
  readonly log: RequestLog;
  readonly faults: FaultInjector;
  readonly renderError: ErrorRenderer;
  /** Serve HTTPS with this certificate; plain HTTP when absent. */
  readonly tls?: TlsMaterial | undefined;
  /** Answer CORS preflights and add Access-Control-Allow-Origin, as Google's and Microsoft's APIs do. */
  readonly cors?: boolean;
  /** Names the account a request acts for (from its bearer token), for the log. */
  readonly accountOf?: (request: SimRequest) => string | undefined;
  readonly maxBodyBytes?: number;
}

export type UnservedRequest = Omit<SimRequest, 'params'>;

/** What `dispatch` returns: the response, or an instruction to drop the connection. */
export type DispatchResult = SimResponse | { readonly drop: 'reset' | 'hang' };

export class SimServer {
  private server: http.Server | undefined;
  private readonly sockets = new Set<Socket>();
  /** Exceptions thrown by handlers: simulator bugs, asserted empty by the simulator tests. */
  readonly internalErrors: Error[] = [];
  url = '';

  constructor(private readonly options: SimServerOptions) {}

  get name(): string {
    return this.options.name;
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
      this.handleHttp(req, res).catch((error: unknown) => {
        // A client that gave up mid-request (an aborted fetch: a cancelled sync) is not a
        // simulator failure; anything else is recorded like a handler's error.
        if (req.destroyed || (error as NodeJS.ErrnoException).code === 'ECONNRESET') return;
        this.internalErrors.push(error instanceof Error ? error : new Error(String(error)));
      });
    };
    const server = this.options.tls
      ? https.createServer({ key: this.options.tls.key, cert: this.options.tls.cert }, handler)
      : http.createServer(handler);
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const address = server.address() as AddressInfo;
    this.url = `${this.options.tls ? 'https' : 'http'}://${host}:${address.port}`;
    return this.url;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Serves one request (a real one or a batch part) through faults, routes and the log. */
  async dispatch(request: UnservedRequest): Promise<DispatchResult> {
    const started = performance.now();
    const at = this.options.clock.now();
    const fault = this.options.faults.take(request.method, request.url.pathname, request.inBatch);
    const result = await this.serve(request, fault);
    const encoded = 'drop' in result ? undefined : encodeBody(result);
    this.options.log.add({
      at,
      method: request.method,
      path: request.url.pathname,
      query: request.url.search,
      status: 'drop' in result ? 0 : result.status,
      requestBytes: request.body.length,
      responseBytes: encoded?.body.length ?? 0,
      durationMs: performance.now() - started,
      inBatch: request.inBatch,
      ...(fault ? { fault: fault.kind === 'status' ? `${fault.status}` : fault.kind } : {}),
      ...this.accountField(request),
    });
    return result;
  }

  private accountField(request: UnservedRequest): { account?: string } {
    const account = this.options.accountOf?.({ ...request, params: {} });
    return account ? { account } : {};
  }

  private async serve(request: UnservedRequest, fault: FaultAction | undefined): Promise<DispatchResult> {
    const { renderError } = this.options;
    if (fault) {
      switch (fault.kind) {
        case 'status':
          return renderError(fault.status, fault.reason, fault.message ?? 'Injected fault', fault.retryAfterSeconds);
        case 'delay':
          await sleep(fault.ms);
          break;
        case 'reset':
        case 'hang':
          // A batch part cannot drop a connection on its own: it fails like a gateway timeout.
          return request.inBatch ? renderError(504, 'gatewayTimeout', 'Injected fault') : { drop: fault.kind };
        case 'malformed':
          return { status: 200, headers: { 'content-type': 'application/json; charset=UTF-8' }, body: fault.body ?? '{"items": [' };
      }
    }
    const route = this.options.router.match(request.method, request.url.pathname);
    if (route === undefined) return renderError(404, 'notFound', `No route for ${request.method} ${request.url.pathname}`);
    if (route === 'method') return renderError(405, 'methodNotAllowed', `${request.method} is not supported here`);
    try {
      return await route.handler({ ...request, params: route.params });
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      this.internalErrors.push(err);
      return renderError(500, 'backendError', `Simulator error: ${err.message}`);
    }
  }

  private async handleHttp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readBody(req, this.options.maxBodyBytes ?? 32 * 1024 * 1024);
    const origin = req.headers.origin;
    if (this.options.cors && req.method === 'OPTIONS' && origin) {
      res.writeHead(204, corsPreflightHeaders(origin, req.headers['access-control-request-headers']));
      res.end();
      return;
    }
    if (body === 'too-large') {
      res.writeHead(413).end();
      return;
    }
    const request: UnservedRequest = {
      method: req.method ?? 'GET',
      url: new URL(req.url ?? '/', this.url || 'http://127.0.0.1'),
      headers: flattenHeaders(req.headers),
      body,
      inBatch: false,
    };
    const result = await this.dispatch(request);
    if ('drop' in result) {
      if (result.drop === 'reset') req.socket.destroy();
      return; // 'hang': leave the socket open until the client gives up or the server closes.
    }
    const { body: payload, contentType } = encodeBody(result);
    const headers: Record<string, string> = { ...result.headers };
    if (contentType && !hasHeader(headers, 'content-type')) headers['content-type'] = contentType;
    if (this.options.cors && origin) Object.assign(headers, corsResponseHeaders(origin));
    headers['content-length'] = String(payload.length);
    res.writeHead(result.status, headers);
    res.end(payload);
  }
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((h) => h.toLowerCase() === name);
}

function corsPreflightHeaders(origin: string, requested: string | undefined): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers': requested ?? 'authorization, content-type',
    'access-control-max-age': '3600',
    vary: 'Origin',
  };
}

function corsResponseHeaders(origin: string): Record<string, string> {
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': '*', vary: 'Origin' };
}
