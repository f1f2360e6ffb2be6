// These tests read the simulator's JSON replies (typed `any` by the test client): their shape is what is under test.
/* eslint-disable @typescript-eslint/no-unsafe-member-access */
import { describe, expect, it } from 'vitest';
import { IMMUTABLE, startGraph, timed, UPN } from './test-helpers.ts';

const JSON_HEADERS = { 'Content-Type': 'application/json', Prefer: IMMUTABLE };
const create = (id: string, subject: string, extra: Record<string, unknown> = {}) => ({
  id,
  method: 'POST',
  url: '/me/events',
  headers: JSON_HEADERS,
  body: timed(subject, '2026-03-10T09:00:00', '2026-03-10T10:00:00'),
  ...extra,
});

describe('Graph simulator: JSON $batch', () => {
  it('runs each part as its own request and answers {responses:[{id,status,headers,body}]} with outer 200', async () => {
    const { api, sim } = await startGraph();
    const reply = await api.post('/$batch', {
      requests: [create('1', 'From batch'), { id: '2', method: 'GET', url: 'me/events/does-not-exist' }, { id: '3', method: 'GET', url: '/me' }],
    });
    expect(reply.status).toBe(200);
    const byId = Object.fromEntries((reply.body.responses as Array<{ id: string }>).map((r) => [r.id, r]));
    expect(byId['1']).toMatchObject({ status: 201, headers: { 'Content-Type': 'application/json' }, body: { subject: 'From batch' } });
    expect(byId['1']).toMatchObject({ body: { id: expect.stringMatching(/^AAkALg/) as unknown } }); // the part's own Prefer header applied
    expect(byId['2']).toMatchObject({ status: 404, body: { error: { code: 'ErrorItemNotFound' } } });
    expect(byId['3']).toMatchObject({ status: 200, body: { userPrincipalName: 'ann@contoso.com' } });
    const parts = sim.log.all((e) => e.inBatch);
    expect(parts.map((e) => [e.method, e.path, e.status])).toEqual(
      expect.arrayContaining([['POST', '/v1.0/me/events', 201], ['GET', '/v1.0/me', 200]]),
    );
    expect(sim.log.count()).toBe(1); // the batch is one HTTP request
  });

  it('refuses more than 20 parts, duplicate ids, and a body without Content-Type (whole batch 400)', async () => {
    const { api } = await startGraph();
    const tooMany = await api.post('/$batch', { requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' })) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe('BadRequest');
    const twenty = await api.post('/$batch', { requests: Array.from({ length: 20 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' })) });
    expect(twenty.status).toBe(200);
    const duplicate = await api.post('/$batch', { requests: [{ id: '1', method: 'GET', url: '/me' }, { id: '1', method: 'GET', url: '/me' }] });
    expect(duplicate.status).toBe(400);
    const noType = await api.post('/$batch', { requests: [{ id: '1', method: 'POST', url: '/me/events', body: timed('x', '2026-03-10T09:00:00', '2026-03-10T10:00:00') }] });
    expect(noType.status).toBe(400);
    expect(noType.body.error.message).toBe('Write request id : 1 does not contain Content-Type header or body.');
    const absolute = await api.post('/$batch', { requests: [{ id: '1', method: 'GET', url: 'https://graph.microsoft.com/v1.0/me' }] });
    expect(absolute.status).toBe(400);
  });

  it('runs dependsOn parts in order and answers 424 Failed Dependency when a dependency failed', async () => {
    const { api, sim, calendarId } = await startGraph();
    const reply = await api.post('/$batch', {
      requests: [
        create('1', 'First'),
        create('2', 'Second', { dependsOn: ['1'] }),
        { id: '3', method: 'PATCH', url: '/me/events/missing', headers: JSON_HEADERS, body: { subject: 'x' }, dependsOn: ['2'] },
        create('4', 'Never', { dependsOn: ['3'] }),
        create('5', 'Chained', { dependsOn: ['4'] }),
      ],
    });
    const status = Object.fromEntries((reply.body.responses as Array<{ id: string; status: number }>).map((r) => [r.id, r.status]));
    expect(status).toEqual({ '1': 201, '2': 201, '3': 404, '4': 424, '5': 424 });
    const created = sim.listStoredEvents(calendarId);
    expect(created.map((e) => e.subject)).toEqual(['First', 'Second']);
    const unknown = await api.post('/$batch', { requests: [{ id: '1', method: 'GET', url: '/me', dependsOn: ['9'] }] });
    expect(unknown.status).toBe(400);
  });

  it('applies injected faults to individual parts, in Graph format', async () => {
    const { api, sim } = await startGraph();
    sim.faults.inject({ match: { inBatch: true, path: '/v1.0/me/events' }, action: { kind: 'status', status: 503, retryAfterSeconds: 7 } });
    const reply = await api.post('/$batch', { requests: [create('1', 'Unlucky'), create('2', 'Lucky', { dependsOn: ['1'] }), { id: '3', method: 'GET', url: '/me' }] });
    const byId = Object.fromEntries((reply.body.responses as Array<{ id: string }>).map((r) => [r.id, r]));
    expect(byId['1']).toMatchObject({ status: 503, headers: { 'Retry-After': '7' }, body: { error: { code: 'serviceNotAvailable' } } });
    expect(byId['2']).toMatchObject({ status: 424 });
    expect(byId['3']).toMatchObject({ status: 200 });
  });
});

describe('Graph simulator: throttling and faults', () => {
  it('answers the 5th concurrent request for a mailbox with 429 ApplicationThrottled and Retry-After', async () => {
    const { api, sim } = await startGraph();
    sim.setLatency(150);
    const replies = await Promise.all(Array.from({ length: 6 }, () => api.get('/me')));
    const throttled = replies.filter((r) => r.status === 429);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(4);
    expect(throttled).toHaveLength(2);
    expect(throttled[0]!.body.error).toMatchObject({ code: 'ApplicationThrottled', message: 'Application is over its MailboxConcurrency limit.' });
    expect(throttled[0]!.headers.get('retry-after')).toBe('1');
    expect(sim.counters.throttled).toBe(2);
    // Another mailbox has its own slots.
    sim.addMailbox('bob@contoso.com');
    const bob = sim.issueToken('bob@contoso.com');
    const mixed = await Promise.all([
      ...Array.from({ length: 4 }, () => api.get('/me')),
      api.get('/me', { authorization: `Bearer ${bob}` }),
    ]);
    expect(mixed.every((r) => r.status === 200)).toBe(true);
  });

  it('counts batch parts against the 4-in-flight limit', async () => {
    const { api, sim } = await startGraph();
    sim.setLatency(100);
    const reply = await api.post('/$batch', { requests: Array.from({ length: 6 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/me' })) });
    const statuses = (reply.body.responses as Array<{ status: number }>).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    const throttledPart = (reply.body.responses as Array<{ status: number; headers: Record<string, string> }>).find((r) => r.status === 429)!;
    expect(throttledPart.headers['Retry-After']).toBe('1');
  });

  it('enforces a per-mailbox request budget over a sliding window (10,000 per 10 minutes by default)', async () => {
    const { api, sim, clock } = await startGraph();
    sim.setThrottleLimits({ budget: 3 });
    for (let i = 0; i < 3; i++) expect((await api.get('/me')).status).toBe(200);
    clock.advance(200_000);
    const over = await api.get('/me');
    expect(over.status).toBe(429);
    expect(over.body.error).toMatchObject({ code: 'ApplicationThrottled', message: 'Application is over its MailboxRequests limit.' });
    expect(over.headers.get('retry-after')).toBe('400');
    clock.advance(400_000);
    expect((await api.get('/me')).status).toBe(200);
  });

  it('renders injected faults in the Graph error format (429/503 with Retry-After, 500, 504)', async () => {
    const { api, sim } = await startGraph();
    const cases = [
      [429, 'ApplicationThrottled', 3],
      [503, 'serviceNotAvailable', 5],
      [500, 'ErrorInternalServerError', undefined],
      [504, 'UnknownError', undefined],
    ] as const;
    for (const [status, code, retryAfter] of cases) {
      sim.faults.inject({ action: { kind: 'status', status, ...(retryAfter ? { retryAfterSeconds: retryAfter } : {}) } });
      const reply = await api.post('/me/events', timed('Faulty', '2026-03-10T09:00:00', '2026-03-10T10:00:00'), { 'client-request-id': 'cid-1' });
      expect(reply.status).toBe(status);
      expect(reply.body.error.code).toBe(code);
      expect(reply.body.error.innerError['client-request-id']).toBe('cid-1');
      expect(reply.headers.get('retry-after')).toBe(retryAfter === undefined ? null : String(retryAfter));
    }
    expect(sim.listStoredEvents(sim.defaultCalendarId(UPN))).toEqual([]);
  });
});
