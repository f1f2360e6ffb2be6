/**
 * All Graph routes, under /v1.0 and /beta alike. The server's router forwards every request to
 * the calendar routes, so a path Graph does not know is answered the way Graph answers it
 * (400 "Resource not found for the segment …") rather than with a generic 404.
 */
import { Router, type SimRequest, type SimResponse } from '../core/http.ts';
import type { SimServer } from '../core/server.ts';
import { batchRoute } from './batch.ts';
import type { DeltaFeeds } from './delta.ts';
import { renderGraphError } from './errors.ts';
import type { ContextDeps } from './http-context.ts';
import { eventRoutes, type EventCounters } from './routes-events.ts';
import { mailboxRoutes } from './routes-mailbox.ts';
import { viewRoutes } from './routes-views.ts';
import type { WindowCache } from './window-cache.ts';

export type RouteDeps = ContextDeps & { counters: EventCounters; windows: WindowCache; delta: DeltaFeeds };

export function graphRouter(deps: RouteDeps, server: () => SimServer): Router {
  const routes = new Router();
  for (const version of ['v1.0', 'beta']) {
    routes.on('POST', `/${version}/$batch`, batchRoute(server, version));
    mailboxRoutes(routes, deps, version);
    viewRoutes(routes, deps, version);
    eventRoutes(routes, deps, version);
  }
  const front = new Router();
  for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE']) {
    front.on(method, '/*path', (request) => forward(routes, request));
  }
  return front;
}

function forward(routes: Router, request: SimRequest): SimResponse | Promise<SimResponse> {
  const match = routes.match(request.method, request.url.pathname);
  if (match === 'method') {
    return renderGraphError(405, 'BadRequest', `The HTTP method '${request.method}' is not supported for this resource.`);
  }
  if (match === undefined) {
    const segment = request.url.pathname.split('/').filter(Boolean).at(-1) ?? '';
    return renderGraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
  }
  return match.handler({ ...request, params: match.params });
}
