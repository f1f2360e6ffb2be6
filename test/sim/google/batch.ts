/**
 * Google batch requests (calendar-apis.md §1.9): `POST /batch/calendar/v3` with a multipart/mixed
 * body whose parts are `application/http` requests with path-only URLs. Each part is served by
 * SimServer.dispatch (inBatch), so it is authenticated, faulted, routed and logged like a request.
 * Outer headers other than Content-* apply to every part unless the part sets its own. The reply is
 * multipart/mixed with `Content-ID: <response-…>` per part; more than 1000 parts is a 400.
 */
import { randomBytes } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { encodeBody, headerValue, type Handler, type SimRequest, type SimResponse } from '../core/http.ts';
import type { DispatchResult, UnservedRequest } from '../core/server.ts';
import type { GoogleCounters } from './core.ts';
import { errorResponse, GoogleApiError, renderGoogleError } from './errors.ts';

const MAX_BATCH_PARTS = 1000;

export interface BatchPart {
  readonly contentId: string | undefined;
  readonly method: string;
  readonly target: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

export function batchHandler(dispatch: (request: UnservedRequest) => Promise<DispatchResult>, counters: GoogleCounters): Handler {
  return async (request) => {
    try {
      if (request.inBatch) throw new GoogleApiError(400, 'badRequest', 'Batch requests cannot be nested.');
      const parts = parseBatch(headerValue(request, 'content-type'), request.body);
      counters.batches++;
      counters.batchParts += parts.length;
      const replies: Array<{ contentId: string | undefined; response: SimResponse }> = [];
      for (const part of parts) replies.push({ contentId: part.contentId, response: await servePart(dispatch, request, part) });
      const boundary = `batch_${randomBytes(12).toString('hex')}`;
      return { status: 200, headers: { 'content-type': `multipart/mixed; boundary=${boundary}` }, body: serializeBatch(boundary, replies) };
    } catch (error) {
      if (error instanceof GoogleApiError) return errorResponse(error);
      throw error;
    }
  };
}

async function servePart(dispatch: (request: UnservedRequest) => Promise<DispatchResult>, outer: SimRequest, part: BatchPart): Promise<SimResponse> {
  const inherited = Object.fromEntries(Object.entries(outer.headers).filter(([name]) => !name.startsWith('content-')));
  const result = await dispatch({
    method: part.method,
    url: new URL(part.target, outer.url),
    headers: { ...inherited, ...part.headers },
    body: part.body,
    inBatch: true,
  });
  // Parts never drop (SimServer answers a reset/hang fault on a part with 504); this narrows the type.
  return 'drop' in result ? renderGoogleError(503, 'backendError', 'Backend Error') : result;
}

function parseBatch(contentType: string | undefined, body: Buffer): BatchPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  if (!contentType?.toLowerCase().startsWith('multipart/mixed') || !boundary) {
    throw new GoogleApiError(400, 'badRequest', 'Batch requests must be multipart/mixed with a boundary.');
  }
  const delimiter = `--${boundary[1] ?? boundary[2]}`;
  const chunks = body.toString('utf8').split(delimiter).slice(1);
  const parts: BatchPart[] = [];
  for (const chunk of chunks) {
    if (chunk.startsWith('--')) break;
    parts.push(parsePart(chunk.replace(/^\r?\n/, '').replace(/\r?\n$/, '')));
  }
  if (parts.length === 0) throw new GoogleApiError(400, 'badRequest', 'The batch request contains no parts.');
  if (parts.length > MAX_BATCH_PARTS) {
    throw new GoogleApiError(400, 'invalid', `A batch request cannot contain more than ${MAX_BATCH_PARTS} calls.`);
  }
  return parts;
}

function parsePart(text: string): BatchPart {
  const [partHeaderText, http] = splitHead(text);
  const partHeaders = parseHeaders(partHeaderText);
  const [requestHead, bodyText] = splitHead(http);
  const [requestLine = '', ...headerLines] = requestHead.split(/\r?\n/);
  const m = /^([A-Z]+)\s+(\S+)(?:\s+HTTP\/\d(?:\.\d)?)?$/.exec(requestLine.trim());
  if (!m) throw new GoogleApiError(400, 'badRequest', `Malformed batch part request line: ${requestLine}`);
  const target = m[2]!.replace(/^https?:\/\/[^/]+/i, '');
  return {
    contentId: partHeaders['content-id'],
    method: m[1]!,
    target,
    headers: parseHeaders(headerLines.join('\n')),
    body: Buffer.from(bodyText, 'utf8'),
  };
}

/** Splits at the first blank line: head and the rest. */
function splitHead(text: string): [string, string] {
  const m = /\r?\n\r?\n/.exec(text);
  return m ? [text.slice(0, m.index), text.slice(m.index + m[0].length)] : [text, ''];
}

function parseHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function serializeBatch(boundary: string, replies: ReadonlyArray<{ contentId: string | undefined; response: SimResponse }>): Buffer {
  const chunks: Buffer[] = [];
  for (const { contentId, response } of replies) {
    const { body, contentType } = encodeBody(response);
    const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
    for (const [name, value] of Object.entries(response.headers ?? {})) headers[name.toLowerCase()] = value;
    headers['content-length'] = String(body.length);
    const head = [
      `--${boundary}`,
      'Content-Type: application/http',
      ...(contentId ? [`Content-ID: <response-${contentId.replace(/^<|>$/g, '')}>`] : []),
      '',
      `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}`,
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      '',
      '',
    ].join('\r\n');
    chunks.push(Buffer.from(head, 'utf8'), body, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}
