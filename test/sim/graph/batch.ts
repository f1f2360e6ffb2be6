/**
 * JSON batching (M-BATCH, calendar-apis.md §2.8): `POST /v1.0/$batch` with up to 20 requests, ids
 * unique, urls relative, a body only with a Content-Type header, `dependsOn` ordering (424 Failed
 * Dependency when a dependency failed). Parts run concurrently unless ordered, each through
 * `server.dispatch` as a batch part, so faults, throttling (4 in flight per mailbox) and the log
 * apply to every part. Responses come back in completion order; the outer status is 200 even when
 * parts fail.
 */
import type { Handler, SimRequest, SimResponse } from '../core/http.ts';
import type { SimServer } from '../core/server.ts';
import { GraphError, renderThrown } from './errors.ts';
import { readJson } from './http-context.ts';

const MAX_REQUESTS = 20;
const METHODS = new Set(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']);

interface BatchPart {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly dependsOn: readonly string[];
}

interface PartResponse {
  readonly id: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

export function batchRoute(server: () => SimServer, version: string): Handler {
  return async (request) => {
    try {
      const parts = parseBatch(readJson(request));
      return { status: 200, body: { responses: await runParts(server(), version, request, parts) } };
    } catch (error) {
      if (error instanceof GraphError) return renderThrown(error);
      throw error;
    }
  };
}

async function runParts(server: SimServer, version: string, outer: SimRequest, parts: readonly BatchPart[]): Promise<PartResponse[]> {
  const responses: PartResponse[] = [];
  const done = new Map<string, Promise<PartResponse>>();
  const run = async (part: BatchPart): Promise<PartResponse> => {
    const dependencies = await Promise.all(part.dependsOn.map((id) => done.get(id)!));
    const response = dependencies.some((d) => d.status >= 400) ? failedDependency(part.id) : await dispatchPart(server, version, outer, part);
    responses.push(response);
    return response;
  };
  // Parts are started in dependency order so every dependency's promise exists before it is awaited.
  for (const part of topologicalOrder(parts)) done.set(part.id, run(part));
  await Promise.all(done.values());
  return responses;
}

async function dispatchPart(server: SimServer, version: string, outer: SimRequest, part: BatchPart): Promise<PartResponse> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.headers)) headers[name.toLowerCase()] = value;
  const authorization = outer.headers['authorization'];
  if (authorization !== undefined) headers['authorization'] = authorization;
  const body = part.body === undefined ? Buffer.alloc(0) : Buffer.from(typeof part.body === 'string' ? part.body : JSON.stringify(part.body), 'utf8');
  const url = new URL(`/${version}/${part.url.replace(/^\//, '')}`, outer.url.origin);
  const result = await server.dispatch({ method: part.method, url, headers, body, inBatch: true });
  const response: SimResponse = 'drop' in result ? { status: 504 } : result;
  return { id: part.id, status: response.status, headers: canonicalHeaders(response), ...(response.body === undefined ? {} : { body: response.body }) };
}

function failedDependency(id: string): PartResponse {
  return {
    id,
    status: 424,
    headers: { 'Content-Type': 'application/json' },
    body: { error: { code: 'FailedDependency', message: 'The request could not be run because a request it depends on failed.' } },
  };
}

function canonicalHeaders(response: SimResponse): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers ?? {})) {
    headers[name.replace(/(^|-)([a-z])/g, (_m: string, dash: string, letter: string) => dash + letter.toUpperCase())] = value;
  }
  if (response.body !== undefined && typeof response.body === 'object') headers['Content-Type'] ??= 'application/json';
  return headers;
}

function parseBatch(raw: unknown): BatchPart[] {
  const requests = (raw as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests)) throw badRequest('Invalid batch payload format.');
  if (requests.length === 0 || requests.length > MAX_REQUESTS) {
    throw badRequest(`The number of requests in a batch must be between 1 and ${MAX_REQUESTS}; got ${requests.length}.`);
  }
  const parts = (requests as unknown[]).map(parsePart);
  const ids = new Set(parts.map((p) => p.id));
  if (ids.size !== parts.length) throw badRequest('Batch request contains duplicate request ids.');
  for (const part of parts) {
    const unknown = part.dependsOn.find((id) => !ids.has(id) || id === part.id);
    if (unknown !== undefined) throw badRequest(`Request id ${part.id} depends on an unknown request id ${unknown}.`);
  }
  return parts;
}

function parsePart(raw: unknown): BatchPart {
  const part = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const { id, method, url, headers = {}, body, dependsOn = [] } = part;
  if (typeof id !== 'string' || id === '') throw badRequest('Every batch request needs a string id.');
  if (typeof method !== 'string' || !METHODS.has(method.toUpperCase())) throw badRequest(`Request id ${id} has an invalid method.`);
  if (typeof url !== 'string' || /^[a-z]+:/i.test(url) || /^\/?\$batch/i.test(url)) throw badRequest(`Request id ${id} has an invalid request URL: ${String(url)}`);
  if (typeof headers !== 'object' || headers === null || Object.values(headers).some((v) => typeof v !== 'string')) {
    throw badRequest(`Request id ${id} has invalid headers.`);
  }
  const hasContentType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  if (body !== undefined && !hasContentType) throw badRequest(`Write request id : ${id} does not contain Content-Type header or body.`);
  if (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string')) throw badRequest(`Request id ${id} has an invalid dependsOn.`);
  return { id, method: method.toUpperCase(), url, headers: headers as Record<string, string>, body, dependsOn: dependsOn as string[] };
}

/** Parts ordered so each comes after its dependencies; a cycle is a 400. */
function topologicalOrder(parts: readonly BatchPart[]): BatchPart[] {
  const byId = new Map(parts.map((p) => [p.id, p]));
  const state = new Map<string, 'visiting' | 'done'>();
  const ordered: BatchPart[] = [];
  const visit = (part: BatchPart): void => {
    if (state.get(part.id) === 'done') return;
    if (state.get(part.id) === 'visiting') throw badRequest('Batch request dependencies form a cycle.');
    state.set(part.id, 'visiting');
    for (const id of part.dependsOn) visit(byId.get(id)!);
    state.set(part.id, 'done');
    ordered.push(part);
  };
  parts.forEach(visit);
  return ordered;
}

function badRequest(message: string): GraphError {
  return new GraphError(400, 'BadRequest', message);
}
