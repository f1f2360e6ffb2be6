/**
 * A tiny request router shared by every simulator. Handlers receive a parsed request and return a
 * response object instead of writing to a socket, so batch endpoints (Google multipart, Graph
 * $batch) can dispatch their parts through the very same routes in-process.
 */
export interface SimRequest {
  readonly method: string;
  readonly url: URL;
  /** Lower-cased header names; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** Path parameters captured by the route pattern (already URI-decoded). */
  readonly params: Readonly<Record<string, string>>;
  /** True when the request is a part of a batch request rather than its own HTTP request. */
  readonly inBatch: boolean;
}

export interface SimResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Objects are sent as JSON; strings and Buffers as they are. */
  readonly body?: unknown;
}

export type Handler = (request: SimRequest) => SimResponse | Promise<SimResponse>;

interface Route {
  readonly method: string;
  readonly segments: readonly string[];
  readonly handler: Handler;
}

export class Router {
  private readonly routes: Route[] = [];

  /**
   * Registers a route. Pattern segments starting with ":" capture one path segment; a final "*name"
   * captures the rest of the path. Routes match in registration order.
   */
  on(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method: method.toUpperCase(), segments: splitPath(pattern), handler });
    return this;
  }

  /** Finds the route for a request; `undefined` when no pattern matches, `'method'` when only the method is wrong. */
  match(method: string, pathname: string): { handler: Handler; params: Record<string, string> } | 'method' | undefined {
    const path = splitPath(pathname);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, path);
      if (!params) continue;
      if (route.method !== method.toUpperCase()) {
        pathMatched = true;
        continue;
      }
      return { handler: route.handler, params };
    }
    return pathMatched ? 'method' : undefined;
  }
}

function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

function matchSegments(pattern: readonly string[], path: readonly string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    if (p.startsWith('*')) {
      params[p.slice(1)] = path.slice(i).map(safeDecode).join('/');
      return params;
    }
    const actual = path[i];
    if (actual === undefined) return undefined;
    if (p.startsWith(':')) params[p.slice(1)] = safeDecode(actual);
    else if (p !== actual) return undefined;
  }
  return path.length === pattern.length ? params : undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Parses a JSON request body; `undefined` for an empty body, a thrown SyntaxError for bad JSON. */
export function jsonBody(request: SimRequest): unknown {
  if (request.body.length === 0) return undefined;
  return JSON.parse(request.body.toString('utf8')) as unknown;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): SimResponse {
  return { status, body, headers };
}

export function noContent(headers: Record<string, string> = {}): SimResponse {
  return { status: 204, headers };
}

/** Serialises a response body and fills Content-Type when the handler left it out. */
export function encodeBody(response: SimResponse): { body: Buffer; contentType: string | undefined } {
  const { body } = response;
  if (body === undefined || body === null) return { body: Buffer.alloc(0), contentType: undefined };
  if (Buffer.isBuffer(body)) return { body, contentType: 'application/octet-stream' };
  if (typeof body === 'string') return { body: Buffer.from(body, 'utf8'), contentType: 'text/plain; charset=utf-8' };
  return { body: Buffer.from(JSON.stringify(body), 'utf8'), contentType: 'application/json; charset=UTF-8' };
}

export function headerValue(request: SimRequest, name: string): string | undefined {
  return request.headers[name.toLowerCase()];
}
