import { describe, expect, it } from 'vitest';
import {
  AuthRequiredError, CancelledError, InvalidRequestError, MalformedResponseError, NetworkError, NotFoundError, RateLimitedError, ServerError,
} from '../../../../src/background/sync/errors.ts';
import type { WriteOp } from '../../../../src/background/sync/ports.ts';
import { DEFAULT_RETRY } from '../../../../src/background/sync/retry.ts';
import type { Logger } from '../../../../src/shared/logger.ts';
import { ANN, MARKER, WINDOW, canonical, signal, startHarness, TestTokens, timed } from './harness.ts';

const FEW_TRIES = { ...DEFAULT_RETRY, maxAttempts: 2 };

function createOp(key: string): WriteOp {
  return { op: 'create', ref: key, key, event: canonical({ title: 'Secret title' }), marker: MARKER };
}

describe('Google adapter: authorisation', () => {
  it('renews a refused token once (invalidate, then a fresh one) and carries on', async () => {
    const h = await startHarness();
    const stale = await h.tokens.getToken();
    h.registry.revoke(stale);
    expect(await h.provider.listCalendars(signal)).toHaveLength(1);
    expect(h.tokens.invalidated).toEqual([stale]);
    expect(h.tokens.issued).toHaveLength(2);
  });

  it('answers AuthRequiredError when the renewed token is refused too', async () => {
    const h = await startHarness();
    const tokens = new TestTokens(() => 'ya29.revoked');
    const provider = h.adapter({ tokens });
    await expect(provider.listCalendars(signal)).rejects.toBeInstanceOf(AuthRequiredError);
    expect(tokens.invalidated).toEqual(['ya29.revoked']);
    await expect(provider.readChanges({ calendarId: ANN, cursor: null, window: WINDOW, signal })).rejects.toBeInstanceOf(AuthRequiredError);
    expect(h.clock.sleeps).toEqual([]);
  });

  it('renews the token for refused batch parts, and reports AuthRequired per op when that fails', async () => {
    const h = await startHarness();
    await h.provider.listCalendars(signal); // learn the calendar's settings with a good token
    const stale = await h.tokens.getToken();
    h.registry.revoke(stale);
    const outcomes = await h.provider.write(ANN, [createOp('a'), createOp('b')], signal);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
    expect(h.tokens.invalidated).toEqual([stale]);

    const broken = new TestTokens(() => 'ya29.revoked');
    const refused = await h.adapter({ tokens: broken }).write(ANN, [createOp('c'), createOp('d')], signal);
    expect(refused.map((o) => !o.ok && o.error instanceof AuthRequiredError)).toEqual([true, true]);
  });

  it('turns a TokenSource that has no token into AuthRequiredError', async () => {
    const h = await startHarness();
    const provider = h.adapter({ tokens: { getToken: () => Promise.reject(new Error('no account')), invalidate: () => Promise.resolve() } });
    await expect(provider.listCalendars(signal)).rejects.toBeInstanceOf(AuthRequiredError);
  });
});

describe('Google adapter: throttling and transient failures', () => {
  it('waits exactly the Retry-After of a 429, again on a repeated 429', async () => {
    const h = await startHarness();
    h.sim.throttleNext(2, 'tooManyRequests', { retryAfterSeconds: 7 });
    expect(await h.provider.listCalendars(signal)).toHaveLength(1);
    expect(h.clock.sleeps).toEqual([7_000, 7_000]);
  });

  it('backs off on 403 rateLimitExceeded and 500, honours Retry-After on 503', async () => {
    const h = await startHarness();
    h.sim.throttleNext(1, 'rateLimit');
    h.sim.throttleNext(1, 'backendError');
    h.sim.throttleNext(1, 'unavailable', { retryAfterSeconds: 3 });
    await h.fullRead();
    expect(h.clock.sleeps).toHaveLength(3);
    expect(h.clock.sleeps[2]).toBe(3_000);
    expect(h.clock.sleeps[0]).toBeLessThan(DEFAULT_RETRY.baseDelayMs);
  });

  it('does not retry quota exhaustion or a Retry-After longer than the policy allows', async () => {
    const h = await startHarness();
    h.sim.throttleNext(1, 'quota');
    await expect(h.fullRead()).rejects.toMatchObject({ constructor: RateLimitedError, quota: true });
    h.sim.throttleNext(1, 'tooManyRequests', { retryAfterSeconds: 3600 });
    await expect(h.fullRead()).rejects.toMatchObject({ constructor: RateLimitedError, retryAfterMs: 3_600_000, quota: false });
    expect(h.clock.sleeps).toEqual([]);
  });

  it('gives up after the policy’s attempts with the last error', async () => {
    const h = await startHarness({ retry: { ...DEFAULT_RETRY, maxAttempts: 3 } });
    h.sim.throttleNext(5, 'backendError');
    await expect(h.provider.listCalendars(signal)).rejects.toMatchObject({ constructor: ServerError, status: 500 });
    expect(h.clock.sleeps).toHaveLength(2);
  });

  it('retries dropped connections and times out a request that never answers', async () => {
    const h = await startHarness({ timeoutMs: 150, retry: FEW_TRIES });
    h.sim.faults.inject({ action: { kind: 'reset' } });
    expect(await h.provider.listCalendars(signal)).toHaveLength(1);
    h.sim.faults.inject({ action: { kind: 'reset' }, times: 2 });
    await expect(h.provider.listCalendars(signal)).rejects.toBeInstanceOf(NetworkError);
    h.sim.faults.inject({ action: { kind: 'hang' }, times: 2 });
    await expect(h.provider.listCalendars(signal)).rejects.toThrow(/timed out after 150 ms/);
  });

  it('stops at once when the run is cancelled, before or during a request', async () => {
    const h = await startHarness();
    const cancelled = new AbortController();
    cancelled.abort();
    await expect(h.provider.listCalendars(cancelled.signal)).rejects.toBeInstanceOf(CancelledError);
    h.sim.faults.inject({ action: { kind: 'hang' } });
    const later = new AbortController();
    setTimeout(() => later.abort(), 50);
    await expect(h.provider.readChanges({ calendarId: ANN, cursor: null, window: WINDOW, signal: later.signal })).rejects.toBeInstanceOf(CancelledError);
    const outcomes = await h.provider.write(ANN, [createOp('a'), createOp('b')], cancelled.signal);
    expect(outcomes.map((o) => !o.ok && o.error instanceof CancelledError)).toEqual([true, true]);
  });

  it('maps 404 to NotFoundError and 400 to InvalidRequestError', async () => {
    const h = await startHarness();
    await expect(h.provider.readChanges({ calendarId: 'nobody@example.com', cursor: null, window: WINDOW, signal })).rejects.toBeInstanceOf(NotFoundError);
    h.seed(timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { id: 'single0001' }));
    await expect(h.provider.listOccurrences(ANN, 'single0001', WINDOW, signal)).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(h.provider.readChanges({ calendarId: ANN, cursor: 'forged', window: WINDOW, signal })).rejects.toBeInstanceOf(InvalidRequestError);
  });
});

describe('Google adapter: response validation', () => {
  it('retries a body that is not JSON, and names the call when it keeps coming', async () => {
    const h = await startHarness({ retry: FEW_TRIES });
    h.sim.faults.inject({ action: { kind: 'malformed' } });
    expect((await h.fullRead()).full).toBe(true);
    h.sim.faults.inject({ action: { kind: 'malformed' }, times: 2 });
    await expect(h.fullRead()).rejects.toThrow(MalformedResponseError);
    h.sim.faults.inject({ action: { kind: 'malformed' }, times: 2 });
    await expect(h.fullRead()).rejects.toThrow(/the answer to events\.list is not JSON/);
  });

  it.each([
    ['a listing without items', '{"kind":"calendar#events"}', /events\.list\.items is missing/],
    ['an event without id', '{"items":[{"status":"confirmed"}]}', /events\.list\.items\[0\]\.id is missing/],
    ['an event without start', '{"items":[{"id":"abc12","etag":"\\"1\\"","updated":"2026-03-01T00:00:00Z","end":{"date":"2026-03-02"}}]}', /items\[0\]\.start is not an object/],
    ['a bad dateTime', '{"items":[{"id":"abc12","etag":"\\"1\\"","updated":"x","start":{"dateTime":"tomorrow"},"end":{"date":"2026-03-02"}}]}', /items\[0\]\.start has neither/],
    ['an unknown status', '{"items":[{"id":"abc12","status":"maybe"}]}', /items\[0\]\.status is "maybe"/],
    ['an instance without original start', '{"items":[{"id":"abc12","status":"cancelled","recurringEventId":"abc"}]}', /originalStartTime is not an object/],
    ['a reminder that is not a number', '{"items":[{"id":"abc12","etag":"e","updated":"u","start":{"date":"2026-03-01"},"end":{"date":"2026-03-02"},"reminders":{"overrides":[{"minutes":"ten"}]}}]}', /reminders\.overrides\[0\] is not a reminder/],
    ['a last page without sync token', '{"items":[]}', /carries no nextSyncToken/],
  ])('rejects %s with a MalformedResponseError that says what is wrong', async (_name, body, message) => {
    const h = await startHarness({ retry: { ...DEFAULT_RETRY, maxAttempts: 1 } });
    h.sim.faults.inject({ action: { kind: 'malformed', body } });
    const failure = h.fullRead();
    await expect(failure).rejects.toBeInstanceOf(MalformedResponseError);
    await expect(failure).rejects.toThrow(message);
  });

  it('validates single events, batch parts and calendar lists too', async () => {
    const h = await startHarness({ retry: { ...DEFAULT_RETRY, maxAttempts: 1 } });
    h.seed(timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { id: 'single0001' }));
    await h.provider.listCalendars(signal);
    h.sim.faults.inject({ action: { kind: 'malformed', body: '{"id":"single0001","etag":"e"}' } });
    await expect(h.provider.getEvents(ANN, ['single0001'], signal)).rejects.toThrow(/events\.get\.updated is missing/);
    h.sim.faults.inject({ match: { inBatch: true }, action: { kind: 'malformed', body: '{"id":"x"}' } });
    const [bad, good] = await h.provider.write(ANN, [createOp('a'), createOp('b')], signal);
    expect(bad?.ok === false && bad.error).toBeInstanceOf(MalformedResponseError);
    expect(good?.ok).toBe(true);
    h.sim.faults.inject({ match: { path: '/batch' }, action: { kind: 'malformed', body: 'not multipart' } });
    await expect(h.provider.getEvents(ANN, ['single0001', 'x0000'], signal)).rejects.toThrow(/batch response/);
    h.sim.faults.inject({ action: { kind: 'malformed', body: '{"items":[{"id":"cal","summary":"No role"}]}' } });
    await expect(h.provider.listCalendars(signal)).rejects.toThrow(/calendarList\.list\.items\[0\]\.accessRole is missing/);
  });
});

describe('Google adapter: logs', () => {
  it('logs calls and retries without tokens or event text', async () => {
    const lines: string[] = [];
    const record = (message: string, details?: Readonly<Record<string, unknown>>) => lines.push(`${message} ${JSON.stringify(details ?? {})}`);
    const logger: Logger = { error: record, warn: record, info: record, debug: record };
    const h = await startHarness({ logger });
    h.seed(timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { id: 'single0001', summary: 'Secret title', description: 'Secret text' }));
    h.sim.throttleNext(1, 'tooManyRequests', { retryAfterSeconds: 1 });
    await h.fullRead();
    await h.provider.write(ANN, [createOp('a'), createOp('b')], signal);
    expect(lines.length).toBeGreaterThan(3);
    const all = lines.join('\n');
    expect(all).toMatch(/retried/);
    for (const token of h.tokens.issued) expect(all).not.toContain(token);
    expect(all).not.toMatch(/Secret|Bearer/);
  });
});
