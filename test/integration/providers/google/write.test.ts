import { describe, expect, it } from 'vitest';
import { mirrorId } from '../../../../src/background/providers/google/index.ts';
import { ConflictError, ForbiddenError, RateLimitedError } from '../../../../src/background/sync/errors.ts';
import type { WriteOp, WriteOutcome } from '../../../../src/background/sync/ports.ts';
import { ANN, BOB, MARKER, allDay, apiWrites, canonical, create, signal, startHarness, timed, type Harness } from './harness.ts';

const SERIES = timed('2026-03-16T09:00:00', '2026-03-16T10:00:00', { id: 'series0001', summary: 'Series', recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO'] });
const MONDAY = { instant: '2026-03-23T08:00:00Z', zone: 'Europe/Berlin' } as const;

function createOp(key: string, title = key): WriteOp {
  return { op: 'create', ref: `ref-${key}`, key, event: canonical({ title }), marker: { ...MARKER, sourceId: key } };
}

function expectOk(outcome: WriteOutcome | undefined): Extract<WriteOutcome, { ok: true }> {
  if (!outcome?.ok) throw new Error(`expected success, got ${outcome ? outcome.error.message : 'nothing'}`);
  return outcome;
}

function expectNoEmails(h: Harness): void {
  expect(apiWrites(h.sim).length).toBeGreaterThan(0);
  expect(apiWrites(h.sim).every((w) => w.sendUpdates === 'none')).toBe(true);
  expect(h.sim.counters.invitationsSent).toBe(0);
  expect(h.sim.notifications).toEqual([]);
}

describe('Google adapter: write', () => {
  it('sends several ops as one batch and answers in op order', async () => {
    const h = await startHarness();
    h.seed(SERIES);
    const existing = h.seed(timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { id: 'present001', summary: 'Old' }));
    const doomed = h.seed(timed('2026-03-03T10:00:00', '2026-03-03T11:00:00', { id: 'doomed0001' }));
    const ops: WriteOp[] = [
      createOp('k1', 'Created'),
      { op: 'update', ref: 'u', id: 'present001', version: existing.etag!, event: canonical({ title: 'New' }), changed: ['title'] },
      { op: 'delete', ref: 'd', id: 'doomed0001', version: doomed.etag! },
      { op: 'update-occurrence', ref: 'o', seriesId: 'series0001', originalStart: MONDAY, event: canonical({ title: 'Just this one' }), changed: ['title'] },
      { op: 'cancel-occurrence', ref: 'c', seriesId: 'series0001', originalStart: { instant: '2026-03-30T07:00:00Z', zone: 'Europe/Berlin' } },
    ];
    const outcomes = await h.provider.write(ANN, ops, signal);
    expect(outcomes.map((o) => [o.ref, o.ok])).toEqual(ops.map((op) => [op.ref, true]));
    expect(expectOk(outcomes[0]).event).toMatchObject({ id: mirrorId('k1'), event: { title: 'Created' } });
    expect(expectOk(outcomes[1]).event?.event?.title).toBe('New');
    expect(expectOk(outcomes[2]).event).toBeNull();
    expect(expectOk(outcomes[3]).event).toMatchObject({ id: 'series0001_20260323T080000Z', shape: 'instance', seriesId: 'series0001', event: { title: 'Just this one' } });
    expect(expectOk(outcomes[4]).event).toBeNull();
    expect(h.sim.getEvent(ANN, 'doomed0001')!.status).toBe('cancelled');
    expect(h.sim.getEvent(ANN, 'series0001_20260330T070000Z')!.status).toBe('cancelled');
    expect(h.sim.counters).toMatchObject({ batches: 1, batchParts: 5 });
    expect(h.sim.log.count()).toBe(2); // the calendarList entry (zone, defaults) and the batch
    expectNoEmails(h);
  });

  it('splits large writes into batches of batchSize', async () => {
    const h = await startHarness({ batchSize: 3 });
    const outcomes = await h.provider.write(ANN, ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((k) => createOp(k)), signal);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(h.sim.counters).toMatchObject({ batches: 3, batchParts: 7 });
    expect(outcomes.map((o) => expectOk(o).event?.event?.title)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('makes creates idempotent: a create whose answer was lost is adopted, not duplicated', async () => {
    let lose = true;
    // The first insert reaches Google, then the connection drops before the answer arrives.
    const flaky: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (lose && init?.method === 'POST') {
        lose = false;
        throw new TypeError('socket hang up');
      }
      return response;
    };
    const h = await startHarness({ fetch: flaky });
    const [outcome] = await h.provider.write(ANN, [createOp('crash')], signal);
    expect(expectOk(outcome)).toMatchObject({ adopted: true, event: { id: mirrorId('crash'), marker: { sourceId: 'crash' } } });
    expect(h.clock.sleeps).toHaveLength(1);
    // After a crash of the whole run, the engine sends the same create again.
    const again = await h.provider.write(ANN, [createOp('crash'), createOp('other')], signal);
    expect(again.map((o) => [expectOk(o).event?.id, expectOk(o).adopted ?? false])).toEqual([[mirrorId('crash'), true], [mirrorId('other'), false]]);
    expect(h.sim.listStoredEvents(ANN)).toHaveLength(2);
  });

  it('points a mirror at a new source with an update carrying a marker, changing nothing else', async () => {
    const h = await startHarness();
    const mirror = await create(h, canonical({ title: 'Kept' }), 'k-marker');
    const marker = { ...MARKER, sourceId: 'AAMk-new' };
    const [outcome] = await h.provider.write(ANN, [{ op: 'update', ref: 'm', id: mirror.id, version: '', event: canonical({ title: 'Ignored' }), changed: [], marker }], signal);
    expect(expectOk(outcome).event).toMatchObject({ id: mirror.id, marker, event: { title: 'Kept' } });
    expect(h.sim.getEvent(ANN, mirror.id)?.summary).toBe('Kept');
  });

  it('restores a deleted mirror when its create comes again', async () => {
    const h = await startHarness();
    const first = await create(h, canonical(), 'k-again');
    h.sim.userDeleteEvent(ANN, ANN, first.id);
    const second = await create(h, canonical({ title: 'Back' }), 'k-again');
    expect(second).toMatchObject({ id: first.id, cancelled: false, event: { title: 'Back' } });
    expect(h.sim.getEvent(ANN, first.id)).toMatchObject({ status: 'confirmed', summary: 'Back' });
  });

  it('turns a stale etag (412) into ConflictError for updates, deletes and occurrence updates', async () => {
    const h = await startHarness();
    const mine = await create(h, canonical());
    h.sim.userPatchEvent(ANN, ANN, mine.id, { summary: 'Changed meanwhile' });
    h.seed(SERIES);
    const exception = h.sim.userPatchEvent(ANN, ANN, 'series0001_20260323T080000Z', { summary: 'Exception' });
    h.sim.userPatchEvent(ANN, ANN, exception.id!, { summary: 'Exception again' });
    const outcomes = await h.provider.write(ANN, [
      { op: 'update', ref: 'u', id: mine.id, version: mine.version, event: canonical({ title: 'Mine' }), changed: ['title'] },
      { op: 'delete', ref: 'd', id: mine.id, version: mine.version },
      { op: 'update-occurrence', ref: 'o', seriesId: 'series0001', originalStart: MONDAY, id: exception.id!, version: exception.etag!, event: canonical(), changed: ['title'] },
    ], signal);
    for (const outcome of outcomes) {
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.error).toBeInstanceOf(ConflictError);
    }
    expect(h.sim.getEvent(ANN, mine.id)).toMatchObject({ status: 'confirmed', summary: 'Changed meanwhile' });
    expect(h.sim.counters.preconditionFailures).toBe(3);
  });

  it('reads instead of writing when no changed field is one Google stores, keeping the precondition', async () => {
    const h = await startHarness();
    const mine = await create(h, canonical());
    const same = await h.provider.write(ANN, [{ op: 'update', ref: 'u', id: mine.id, version: mine.version, event: canonical({ meetingUrl: 'https://x' }), changed: ['meetingUrl'] }], signal);
    expect(expectOk(same[0]).event).toMatchObject({ id: mine.id, version: mine.version });
    h.sim.userPatchEvent(ANN, ANN, mine.id, { summary: 'Changed meanwhile' });
    const stale = await h.provider.write(ANN, [{ op: 'update', ref: 'u', id: mine.id, version: mine.version, event: canonical(), changed: ['meetingUrl'] }], signal);
    expect(stale[0]?.ok === false && stale[0].error).toBeInstanceOf(ConflictError);
    expect(h.sim.log.count((e) => e.method === 'PATCH')).toBe(0);
  });

  it('treats deleting a deleted or unknown event as done', async () => {
    const h = await startHarness();
    h.seed(timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { id: 'doomed0001' }));
    const first = await h.provider.write(ANN, [{ op: 'delete', ref: 'd1', id: 'doomed0001', version: null }], signal);
    expect(expectOk(first[0]).event).toBeNull();
    const again = await h.provider.write(ANN, [
      { op: 'delete', ref: 'd2', id: 'doomed0001', version: null },
      { op: 'delete', ref: 'd3', id: 'unknown001', version: '"123"' },
    ], signal);
    expect(again.map((o) => o.ok)).toEqual([true, true]);
  });

  it('updates and cancels occurrences of all-day series by their date', async () => {
    const h = await startHarness();
    h.seed(allDay('2026-03-02', '2026-03-03', { id: 'dates00001', recurrence: ['RRULE:FREQ=DAILY;COUNT=10'] }));
    const outcomes = await h.provider.write(ANN, [
      { op: 'update-occurrence', ref: 'o', seriesId: 'dates00001', originalStart: { date: '2026-03-04' }, event: canonical({ title: 'Wed', start: { date: '2026-03-04' }, end: { date: '2026-03-05' } }), changed: ['title'] },
      { op: 'cancel-occurrence', ref: 'c', seriesId: 'dates00001', originalStart: { date: '2026-03-05' } },
    ], signal);
    expect(expectOk(outcomes[0]).event).toMatchObject({ id: 'dates00001_20260304', originalStart: { date: '2026-03-04' }, event: { title: 'Wed' } });
    expect(h.sim.getEvent(ANN, 'dates00001_20260305')!.status).toBe('cancelled');
  });

  it('finds an occurrence through events.instances?originalStart when its derived id is unknown', async () => {
    const h = await startHarness();
    h.seed(SERIES);
    const unknownOnce = () => h.sim.faults.inject({ match: { path: /series0001_20260323T080000Z$/ }, action: { kind: 'status', status: 404 } });
    unknownOnce();
    const [updated] = await h.provider.write(ANN, [
      { op: 'update-occurrence', ref: 'o', seriesId: 'series0001', originalStart: MONDAY, event: canonical({ title: 'Found' }), changed: ['title'] },
    ], signal);
    unknownOnce();
    const [cancelled, nothing] = await h.provider.write(ANN, [
      { op: 'cancel-occurrence', ref: 'c', seriesId: 'series0001', originalStart: MONDAY },
      { op: 'cancel-occurrence', ref: 'n', seriesId: 'series0001', originalStart: { instant: '2026-03-24T08:00:00Z', zone: 'Europe/Berlin' } },
    ], signal);
    expect(expectOk(updated).event?.event?.title).toBe('Found');
    expect(expectOk(cancelled).event).toBeNull();
    expect(expectOk(nothing).event).toBeNull();
    expect(h.sim.getEvent(ANN, 'series0001_20260323T080000Z')!.status).toBe('cancelled');
    const lookups = h.sim.log.all((e) => e.path.endsWith('/instances')).map((e) => new URLSearchParams(e.query).get('originalStart'));
    expect(lookups).toEqual(['2026-03-23T08:00:00Z', '2026-03-23T08:00:00Z', '2026-03-24T08:00:00Z']);
  });

  it('retries throttled parts after the Retry-After Google asked for, and conflicted parts on their own', async () => {
    const h = await startHarness();
    h.sim.throttleNext(2, 'tooManyRequests', { retryAfterSeconds: 7, match: { inBatch: true, method: 'POST' } });
    h.sim.throttleNext(1, 'conflict', { match: { inBatch: true, method: 'POST' } });
    const outcomes = await h.provider.write(ANN, ['a', 'b', 'c'].map((k) => createOp(k)), signal);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(h.clock.sleeps).toEqual([7_000]);
    expect(h.sim.counters.batches).toBe(2);
    expect(h.sim.log.count((e) => e.method === 'POST' && e.path.endsWith('/events'))).toBe(1); // the conflicted one, alone
    expect(h.sim.listStoredEvents(ANN)).toHaveLength(3);
  });

  it('reports failures per op: quota exhaustion is not retried, a read-only calendar is forbidden', async () => {
    const h = await startHarness();
    h.sim.throttleNext(1, 'quota', { match: { inBatch: true, method: 'POST' } });
    const [quota, fine] = await h.provider.write(ANN, [createOp('q'), createOp('f')], signal);
    expect(quota?.ok).toBe(false);
    if (quota && !quota.ok) expect(quota.error).toMatchObject({ constructor: RateLimitedError, quota: true });
    expect(fine?.ok).toBe(true);
    expect(h.clock.sleeps).toEqual([]);

    const bobs = h.sim.addCalendar(BOB, { summary: 'Bob' });
    h.sim.shareCalendar(bobs, ANN, 'reader');
    const [denied] = await h.provider.write(bobs, [createOp('x')], signal);
    expect(denied?.ok).toBe(false);
    if (denied && !denied.ok) expect(denied.error).toBeInstanceOf(ForbiddenError);
  });
});
