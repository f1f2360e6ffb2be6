/**
 * Google batch requests (calendar-apis.md §1.9): `POST <origin>/batch/calendar/v3` with a
 * multipart/mixed body; each part is `application/http` holding one request with a path-only URL.
 * The answer is multipart/mixed too, parts tagged `Content-ID: <response-…>`, possibly reordered.
 */
import { malformed } from './check.ts';
import type { HttpRequest, HttpResponse } from './http-types.ts';

/** `http://h:p/calendar/v3` → `http://h:p/batch/calendar/v3` (the API's path under `/batch`). */
export function batchUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.origin}/batch${url.pathname.replace(/\/+$/, '')}`;
}

export function encodeBatch(requests: readonly HttpRequest[], basePath: string, boundary: string): string {
  const parts = requests.map((request, i) => {
    const query = new URLSearchParams(request.query).toString();
    const target = `${basePath}${request.path}${query ? `?${query}` : ''}`;
    const headers = { ...(request.body === undefined ? {} : { 'Content-Type': 'application/json; charset=UTF-8' }), ...request.headers };
    return [
      `--${boundary}`,
      'Content-Type: application/http',
      `Content-ID: <item-${i}>`,
      '',
      `${request.method} ${target} HTTP/1.1`,
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      '',
      request.body === undefined ? '' : JSON.stringify(request.body),
    ].join('\r\n');
  });
  return `${parts.join('\r\n')}\r\n--${boundary}--\r\n`;
}

/** The answers to `count` parts, in request order. */
export function decodeBatch(response: HttpResponse, count: number): HttpResponse[] {
  const where = 'the batch response';
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(response.headers.get('content-type') ?? '');
  if (!boundary) throw malformed(where, 'is not multipart/mixed with a boundary');
  const chunks = response.text.split(`--${boundary[1] ?? boundary[2]}`).slice(1);
  const answers: Array<HttpResponse | undefined> = new Array<HttpResponse | undefined>(count);
  let position = 0;
  for (const chunk of chunks) {
    if (chunk.startsWith('--')) break;
    const { contentId, answer } = decodePart(chunk.replace(/^\r?\n/, '').replace(/\r?\n$/, ''), `${where} part ${position}`);
    const index = contentId ?? position;
    if (index < 0 || index >= count || answers[index]) throw malformed(where, `has an unexpected part ${index}`);
    answers[index] = answer;
    position++;
  }
  const missing = answers.findIndex((answer) => answer === undefined);
  if (position !== count || missing >= 0) throw malformed(where, `answers ${position} of ${count} parts`);
  return answers as HttpResponse[];
}

function decodePart(text: string, where: string): { contentId: number | undefined; answer: HttpResponse } {
  const [partHead, http] = splitHead(text);
  const id = /^content-id:\s*<?response-item-(\d+)>?\s*$/im.exec(partHead);
  const [head, body] = splitHead(http);
  const [statusLine = '', ...lines] = head.split(/\r?\n/);
  const status = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(statusLine.trim());
  if (!status) throw malformed(where, 'has no HTTP status line');
  const headers = new Headers();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    try {
      headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
    } catch {
      throw malformed(where, 'has an invalid header');
    }
  }
  return { contentId: id ? Number(id[1]) : undefined, answer: { status: Number(status[1]), headers, text: body } };
}

/** Splits at the first blank line: head and the rest. */
function splitHead(text: string): [string, string] {
  const m = /\r?\n\r?\n/.exec(text);
  return m ? [text.slice(0, m.index), text.slice(m.index + m[0].length)] : [text, ''];
}
