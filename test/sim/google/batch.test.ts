import { describe, expect, it } from 'vitest';
import type { GEvent } from './model.ts';
import { ANN, startGoogle, timed, type Harness } from './test-kit.ts';

interface Part {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly id?: string;
}

function multipart(boundary: string, parts: readonly Part[]): string {
  const chunks = parts.map((p, i) => {
    const headers = Object.entries({ ...(p.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...p.headers }).map(([k, v]) => `${k}: ${v}`);
    return [
      `--${boundary}`,
      'Content-Type: application/http',
      `Content-ID: <${p.id ?? `item${i + 1}`}>`,
      '',
      `${p.method} ${p.path} HTTP/1.1`,
      ...headers,
      '',
      p.body === undefined ? '' : JSON.stringify(p.body),
    ].join('\r\n');
  });
  return `${chunks.join('\r\n')}\r\n--${boundary}--\r\n`;
}

interface PartReply {
  readonly contentId: string | undefined;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

/** Parses Google's multipart/mixed batch reply. */
function parseReply(contentType: string, text: string): PartReply[] {
  const boundary = /boundary=([^;]+)/.exec(contentType)![1]!;
  return text
    .split(`--${boundary}`)
    .slice(1)
    .filter((chunk) => !chunk.startsWith('--'))
    .map((chunk) => {
      const [partHead = '', httpHead = '', ...rest] = chunk.trim().split('\r\n\r\n');
      const contentId = /Content-ID: (.+)/i.exec(partHead)?.[1];
      const [statusLine = '', ...headerLines] = httpHead.split('\r\n');
      const headers = Object.fromEntries(headerLines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      const bodyText = rest.join('\r\n\r\n');
      return { contentId, status: Number(statusLine.split(' ')[1]), headers, body: bodyText ? (JSON.parse(bodyText) as unknown) : undefined };
    });
}

async function batch(h: Harness, parts: readonly Part[], headers: Record<string, string> = { authorization: `Bearer ${h.api.token}` }) {
  const res = await fetch(`${h.sim.url}/batch/calendar/v3`, {
    method: 'POST',
    headers: { 'content-type': 'multipart/mixed; boundary=batch_test', ...headers },
    body: multipart('batch_test', parts),
  });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text, parts: res.ok ? parseReply(res.headers.get('content-type')!, text) : [] };
}

describe('Google sim: batch requests', () => {
  it('serves each part through the API and answers multipart/mixed with response Content-IDs', async () => {
    const h = await startGoogle();
    const existing = await h.api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { id: 'batchtarget1' }));
    const reply = await batch(h, [
      { method: 'POST', path: '/calendar/v3/calendars/primary/events?sendUpdates=none', body: timed('2026-03-03T10:00:00', '2026-03-03T11:00:00', { summary: 'new' }) },
      { method: 'PATCH', path: '/calendar/v3/calendars/primary/events/batchtarget1', body: { summary: 'patched' }, headers: { 'If-Match': existing.body.etag! } },
      { method: 'GET', path: '/calendar/v3/calendars/primary/events/missing0001' },
      { method: 'DELETE', path: '/calendar/v3/calendars/primary/events/batchtarget1', id: 'custom-id' },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.contentType).toMatch(/^multipart\/mixed; boundary=batch_/);
    expect(reply.parts.map((p) => [p.contentId, p.status])).toEqual([
      ['<response-item1>', 200],
      ['<response-item2>', 200],
      ['<response-item3>', 404],
      ['<response-custom-id>', 204],
    ]);
    expect((reply.parts[0]!.body as GEvent).summary).toBe('new');
    expect((reply.parts[1]!.body as GEvent).summary).toBe('patched');
    expect(reply.parts[2]!.body).toMatchObject({ error: { code: 404, errors: [{ reason: 'notFound' }] } });
    expect(reply.parts[0]!.headers['content-type']).toMatch(/^application\/json/);
    // Parts are logged as batch parts; the client made one HTTP request for them.
    const batchMark = h.sim.log.all().filter((e) => e.inBatch);
    expect(batchMark.map((e) => e.method)).toEqual(['POST', 'PATCH', 'GET', 'DELETE']);
    expect(h.sim.counters).toMatchObject({ batches: 1, batchParts: 4 });
  });

  it('applies outer headers (Authorization) to parts unless a part sets its own', async () => {
    const h = await startGoogle();
    const bobToken = h.sim.issueToken('bob@example.com');
    const reply = await batch(h, [
      { method: 'GET', path: '/calendar/v3/calendars/primary' },
      { method: 'GET', path: '/calendar/v3/calendars/primary', headers: { Authorization: `Bearer ${bobToken}` } },
      { method: 'GET', path: '/calendar/v3/calendars/primary', headers: { Authorization: 'Bearer nope' } },
    ]);
    expect(reply.parts.map((p) => p.status)).toEqual([200, 200, 401]);
    expect(reply.parts.map((p) => (p.body as { id?: string }).id)).toEqual([ANN, 'bob@example.com', undefined]);
    const anonymous = await batch(h, [{ method: 'GET', path: '/calendar/v3/colors' }], {});
    expect(anonymous.status).toBe(200);
    expect(anonymous.parts[0]!.status).toBe(401);
  });

  it('refuses more than 1000 parts, an empty batch, and a body that is not multipart', async () => {
    const h = await startGoogle();
    const many = Array.from({ length: 1001 }, () => ({ method: 'GET', path: '/calendar/v3/colors' }));
    const tooMany = await batch(h, many);
    expect(tooMany.status).toBe(400);
    expect(JSON.parse(tooMany.text)).toMatchObject({ error: { code: 400 } });
    expect((await batch(h, many.slice(0, 1000))).parts).toHaveLength(1000);
    const notMultipart = await fetch(`${h.sim.url}/batch/calendar/v3`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(notMultipart.status).toBe(400);
    const empty = await fetch(`${h.sim.url}/batch/calendar/v3`, { method: 'POST', headers: { 'content-type': 'multipart/mixed; boundary=x' }, body: '--x--' });
    expect(empty.status).toBe(400);
  });

  it('fails single parts with injected faults, e.g. 409 conflict for batched items', async () => {
    const h = await startGoogle();
    h.sim.throttleNext(1, 'conflict', { match: { inBatch: true, method: 'POST' } });
    const reply = await batch(h, [
      { method: 'POST', path: '/calendar/v3/calendars/primary/events', body: timed('2026-03-03T10:00:00', '2026-03-03T11:00:00') },
      { method: 'POST', path: '/calendar/v3/calendars/primary/events', body: timed('2026-03-03T12:00:00', '2026-03-03T13:00:00') },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.parts.map((p) => p.status)).toEqual([409, 200]);
    expect(reply.parts[0]!.body).toMatchObject({ error: { code: 409, errors: [{ reason: 'conflict', domain: 'global' }] } });
  });

  it('accepts LF line endings, a quoted boundary, parts without Content-ID and absolute part URLs', async () => {
    const h = await startGoogle();
    const body = [
      'preamble to ignore',
      '--b1',
      'Content-Type: application/http',
      '',
      `GET ${h.sim.apiBase}/calendars/primary`,
      '',
      '',
      '--b1--',
    ].join('\n');
    const res = await fetch(`${h.sim.url}/batch/calendar/v3`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/mixed; boundary="b1"', authorization: `Bearer ${h.api.token}` },
      body,
    });
    expect(res.status).toBe(200);
    const [part] = parseReply(res.headers.get('content-type')!, await res.text());
    expect(part).toMatchObject({ contentId: undefined, status: 200, body: { id: ANN } });
  });
});
