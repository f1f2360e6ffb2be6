/**
 * write(): creates (idempotent), updates with If-Match, deletes, occurrence edits and
 * cancellations, and how several ops travel as one sequential $batch chain.
 */
import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, InvalidRequestError, NotFoundError } from '../../../../src/background/sync/errors.ts';
import type { RemoteEvent, WriteOp, WriteOutcome } from '../../../../src/background/sync/ports.ts';
import { createFixture, EVENT, sharedFixture, signal, timed, UPN } from './fixture.ts';

const fx = sharedFixture();
const MARKER = { pair: 'p1', sourceSide: 'google', sourceCalendar: 'ann@example.com', sourceId: 'g1' } as const;
const createOp = (key: string, title = key): WriteOp => ({ op: 'create', ref: key, key, event: { ...EVENT, title }, marker: MARKER });

function ok(outcome: WriteOutcome | undefined): RemoteEvent | null {
  if (!outcome?.ok) throw outcome?.error ?? new Error('no outcome');
  return outcome.event;
}

function failure(outcome: WriteOutcome | undefined): Error {
  if (!outcome || outcome.ok) throw new Error('expected a failed outcome');
  return outcome.error;
}

function weeklySeries(calendarId: string): string {
  const made = fx().sim.userCreateEvent(UPN, calendarId, {
    ...timed('Weekly', '2026-03-10T14:00:00', '2026-03-10T15:00:00'),
    recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['tuesday'], firstDayOfWeek: 'monday' }, range: { type: 'numbered', startDate: '2026-03-10', numberOfOccurrences: 4 } },
  });
  return made.id!;
}

describe('creates', () => {
  it('are idempotent: the same create after a crash finds the first event (one event, adopted)', async () => {
    const { sim, simClock, newCalendar, adapter } = fx();
    const cal = newCalendar();
    const first = ok((await adapter().write(cal, [createOp('pair|google|g1')], signal))[0]);
    simClock.advance(5 * 60_000); // the next run, minutes later, after losing its state
    const [again] = await adapter().write(cal, [createOp('pair|google|g1')], signal);
    expect(ok(again)?.id).toBe(first?.id);
    expect(again).toMatchObject({ ok: true, adopted: true });
    expect(sim.listStoredEvents(cal)).toHaveLength(1);
    const [fresh] = await adapter().write(cal, [createOp('pair|google|g2')], signal);
    expect(fresh).not.toHaveProperty('adopted');
  });

  it('fail with ForbiddenError on a read-only calendar', async () => {
    const { sim, provider } = fx();
    const shared = sim.addCalendar(UPN, { name: 'Shared', canEdit: false });
    expect(failure((await provider.write(shared, [createOp('x')], signal))[0])).toBeInstanceOf(ForbiddenError);
  });
});

describe('updates and deletes', () => {
  it('update with If-Match: a stale changeKey is a ConflictError, the current one succeeds', async () => {
    const { sim, provider, newCalendar } = fx();
    const cal = newCalendar();
    const created = ok((await provider.write(cal, [createOp('k')], signal))[0])!;
    sim.userUpdateEvent(created.id, { subject: 'Changed in Outlook' });
    const stale: WriteOp = { op: 'update', ref: 'u', id: created.id, version: created.version, event: { ...EVENT, title: 'Mine' }, changed: ['title'] };
    const [conflict] = await provider.write(cal, [stale], signal);
    expect(failure(conflict)).toBeInstanceOf(ConflictError);
    expect(sim.getStoredEvent(created.id)?.subject).toBe('Changed in Outlook');
    const current = sim.getStoredEvent(created.id)!.changeKey!;
    const updated = ok((await provider.write(cal, [{ ...stale, version: current }], signal))[0]);
    expect(updated).toMatchObject({ id: created.id, event: { title: 'Mine' } });
    expect(updated?.version).not.toBe(current);
  });

  it('an update with a marker points the mirror at a new source, changing nothing else', async () => {
    const { sim, provider, newCalendar } = fx();
    const cal = newCalendar();
    const created = ok((await provider.write(cal, [createOp('k')], signal))[0])!;
    const marker = { ...MARKER, sourceId: 'g2' };
    const op: WriteOp = { op: 'update', ref: 'm', id: created.id, version: '', event: { ...EVENT, title: 'Ignored' }, changed: [], marker };
    ok((await provider.write(cal, [op], signal))[0]);
    expect((await provider.getEvents(cal, [created.id], signal)).get(created.id)).toMatchObject({ marker, event: { title: 'k' } });
    expect(sim.getStoredEvent(created.id)?.subject).toBe('k');
  });

  it('an update that changes nothing Outlook stores sends no PATCH and returns the event', async () => {
    const { sim, provider, newCalendar } = fx();
    const cal = newCalendar();
    const created = ok((await provider.write(cal, [createOp('k')], signal))[0])!;
    const mark = sim.log.mark();
    const op: WriteOp = { op: 'update', ref: 'u', id: created.id, version: created.version, event: { ...EVENT, meetingUrl: 'https://x' }, changed: ['meetingUrl', 'tentative'] };
    expect(ok((await provider.write(cal, [op], signal))[0])?.version).toBe(created.version);
    expect(sim.log.since(mark).map((e) => e.method)).toEqual(['GET']);
  });

  it('delete with If-Match; an already deleted event is a success; a stale version a conflict', async () => {
    const { sim, provider, newCalendar } = fx();
    const cal = newCalendar();
    const [a, b] = (await provider.write(cal, [createOp('a'), createOp('b')], signal)).map(ok) as RemoteEvent[];
    sim.userUpdateEvent(b!.id, { subject: 'Edited' });
    const outcomes = await provider.write(
      cal,
      [
        { op: 'delete', ref: 'a', id: a!.id, version: a!.version },
        { op: 'delete', ref: 'b', id: b!.id, version: b!.version },
      ],
      signal,
    );
    expect(outcomes[0]).toEqual({ ref: 'a', ok: true, event: null });
    expect(failure(outcomes[1])).toBeInstanceOf(ConflictError);
    expect(sim.getStoredEvent(a!.id)).toBeUndefined();
    const again = await provider.write(cal, [{ op: 'delete', ref: 'a', id: a!.id, version: null }], signal);
    expect(again).toEqual([{ ref: 'a', ok: true, event: null }]);
    expect(sim.counters.cancellationsSent).toBe(0);
  });
});

describe('occurrences', () => {
  it('edits an occurrence by id or, without one, found by its original start; it becomes an exception', async () => {
    const { sim, provider, newCalendar } = fx();
    const cal = newCalendar();
    const master = weeklySeries(cal);
    const [first] = await provider.listOccurrences(cal, master, { start: '2026-03-10T00:00:00Z', end: '2026-03-11T00:00:00Z' }, signal);
    const byId: WriteOp = {
      op: 'update-occurrence',
      ref: 'o1',
      seriesId: master,
      originalStart: first!.originalStart!,
      id: first!.id,
      version: first!.version,
      event: { ...EVENT, title: 'First edited' },
      changed: ['title'],
    };
    const byStart: WriteOp = {
      op: 'update-occurrence',
      ref: 'o2',
      seriesId: master,
      originalStart: { instant: '2026-03-17T13:00:00Z', zone: 'Europe/Berlin' },
      event: { ...EVENT, title: 'Second moved', start: { instant: '2026-03-18T13:00:00Z', zone: 'Europe/Berlin' }, end: { instant: '2026-03-18T14:00:00Z', zone: 'Europe/Berlin' } },
      changed: ['title', 'start', 'end', 'recurrence'],
    };
    const [one, two] = await provider.write(cal, [byId, byStart], signal);
    expect(ok(one)).toMatchObject({ id: first!.id, shape: 'instance', exception: true, seriesId: master, event: { title: 'First edited' } });
    expect(ok(two)).toMatchObject({
      shape: 'instance',
      exception: true,
      originalStart: { instant: '2026-03-17T13:00:00Z', zone: 'Europe/Berlin' },
      event: { title: 'Second moved', start: { instant: '2026-03-18T13:00:00Z', zone: 'Europe/Berlin' }, recurrence: null },
    });
    expect(sim.getStoredEvent(master)?.subject).toBe('Weekly');
  });

  it("reports Outlook's refusal to move an occurrence across a neighbour as an InvalidRequestError saying so", async () => {
    const { provider, newCalendar } = fx();
    const cal = newCalendar();
    const master = weeklySeries(cal);
    const op: WriteOp = {
      op: 'update-occurrence',
      ref: 'o',
      seriesId: master,
      originalStart: { instant: '2026-03-17T13:00:00Z', zone: 'Europe/Berlin' },
      event: { ...EVENT, start: { instant: '2026-03-25T13:00:00Z', zone: 'Europe/Berlin' }, end: { instant: '2026-03-25T14:00:00Z', zone: 'Europe/Berlin' } },
      changed: ['start', 'end'],
    };
    const error = failure((await provider.write(cal, [op], signal))[0]);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toMatch(/ErrorOccurrenceCrossingBoundary/);
  });

  it('cancels occurrences by id or original start; one that is already gone is a success', async () => {
    const { provider, newCalendar } = fx();
    const cal = newCalendar();
    const master = weeklySeries(cal);
    const window = { start: '2026-03-01T00:00:00Z', end: '2026-04-30T00:00:00Z' };
    const [first] = await provider.listOccurrences(cal, master, window, signal);
    const outcomes = await provider.write(
      cal,
      [
        { op: 'cancel-occurrence', ref: 'c1', seriesId: master, originalStart: first!.originalStart!, id: first!.id },
        { op: 'cancel-occurrence', ref: 'c2', seriesId: master, originalStart: { instant: '2026-03-24T13:00:00Z', zone: 'Europe/Berlin' } },
        { op: 'cancel-occurrence', ref: 'c3', seriesId: master, originalStart: { instant: '2026-03-24T13:00:00Z', zone: 'Europe/Berlin' } },
      ],
      signal,
    );
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true]);
    const left = await provider.listOccurrences(cal, master, window, signal);
    expect(left.map((o) => (o.originalStart && 'instant' in o.originalStart ? o.originalStart.instant : ''))).toEqual(['2026-03-17T13:00:00Z', '2026-03-31T12:00:00Z']);
  });

  it('finds all-day occurrences by date; an original start that is no occurrence is NotFound', async () => {
    const { sim, provider, newCalendar } = fx();
    const cal = newCalendar();
    const made = sim.userCreateEvent(UPN, cal, {
      subject: 'Daily',
      isAllDay: true,
      start: { dateTime: '2026-03-10T00:00:00', timeZone: 'Pacific Standard Time' },
      end: { dateTime: '2026-03-11T00:00:00', timeZone: 'Pacific Standard Time' },
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', startDate: '2026-03-10', numberOfOccurrences: 3 } },
    });
    const edit = (date: string): WriteOp => ({
      op: 'update-occurrence',
      ref: date,
      seriesId: made.id!,
      originalStart: { date },
      event: { ...EVENT, title: 'Edited', start: { date }, end: { date } },
      changed: ['title'],
    });
    const [found, missing] = await provider.write(cal, [edit('2026-03-11'), edit('2026-03-20')], signal);
    expect(ok(found)).toMatchObject({ originalStart: { date: '2026-03-11' }, event: { title: 'Edited', start: { date: '2026-03-11' } } });
    expect(failure(missing)).toBeInstanceOf(NotFoundError);
  });
});

describe('batching', () => {
  it('sends several ops as one sequential chain, resubmits what a failure blocked, and answers in op order', async () => {
    const { sim, provider, newCalendar } = fx();
    const cal = newCalendar();
    const [victim] = (await provider.write(cal, [createOp('victim')], signal)).map(ok) as RemoteEvent[];
    const mark = sim.log.mark();
    const ops: WriteOp[] = [
      createOp('one'),
      { op: 'update', ref: 'stale', id: victim!.id, version: 'not-the-change-key', event: EVENT, changed: ['title'] },
      createOp('two'),
      { op: 'delete', ref: 'del', id: victim!.id, version: victim!.version },
      createOp('three'),
    ];
    const outcomes = await provider.write(cal, ops, signal);
    expect(outcomes.map((o) => [o.ref, o.ok])).toEqual([
      ['one', true],
      ['stale', false],
      ['two', true],
      ['del', true],
      ['three', true],
    ]);
    const batches = sim.log.since(mark).filter((e) => !e.inBatch);
    expect(batches.map((e) => e.path)).toEqual(['/v1.0/$batch', '/v1.0/$batch']);
    const parts = sim.log.since(mark).filter((e) => e.inBatch);
    expect(parts.map((e) => e.status)).toEqual([201, 412, 201, 204, 201]); // the 424s are answered without running
    expect(sim.listStoredEvents(cal).map((e) => e.subject).sort()).toEqual(['one', 'three', 'two']);
    expect(sim.counters.throttled).toBe(0);
  });

  it('splits more than 20 ops into chains of at most 20', async () => {
    const { sim, provider, newCalendar } = fx();
    const cal = newCalendar();
    const mark = sim.log.mark();
    const ops = Array.from({ length: 45 }, (_, i) => createOp(`k${i}`));
    const outcomes = await provider.write(cal, ops, signal);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(outcomes.map((o) => o.ref)).toEqual(ops.map((o) => o.ref));
    expect(sim.log.since(mark).filter((e) => e.path === '/v1.0/$batch')).toHaveLength(3);
    expect(sim.listStoredEvents(cal)).toHaveLength(45);
  });

  it('sends a single op as a plain request', async () => {
    const { sim, provider, newCalendar } = fx();
    const cal = newCalendar();
    const mark = sim.log.mark();
    await provider.write(cal, [createOp('solo')], signal);
    const requests = sim.log.since(mark).filter((e) => e.path !== `/v1.0/me/calendars/${encodeURIComponent(cal)}`); // the calendar's facts, once
    expect(requests.map((e) => [e.method, e.path.endsWith('/events'), e.inBatch])).toEqual([['POST', true, false]]);
  });

  it('never causes Outlook to send mail', async () => {
    const fixture = await createFixture();
    try {
      const cal = fixture.newCalendar();
      const created = (await fixture.provider.write(cal, [createOp('a'), createOp('b')], signal)).map(ok) as RemoteEvent[];
      await fixture.provider.write(cal, created.map((e) => ({ op: 'update', ref: e.id, id: e.id, version: e.version, event: { ...EVENT, title: 'x', location: 'y' }, changed: ['title', 'location', 'start'] })), signal);
      await fixture.provider.write(cal, created.map((e) => ({ op: 'delete', ref: e.id, id: e.id, version: null })), signal);
      expect(fixture.sim.counters).toMatchObject({ invitationsSent: 0, updatesSent: 0, cancellationsSent: 0 });
      expect(fixture.sim.mails).toEqual([]);
    } finally {
      await fixture.close();
    }
  });
});
