/**
 * Reading Outlook through the adapter, over HTTPS against the Graph simulator: calendars, delta
 * rounds (full, incremental, paged, expired), series, occurrences, events by id, and mirrors.
 */
import { describe, expect, it } from 'vitest';
import { markerProperties } from '../../../../src/background/providers/graph/markers.ts';
import { CursorExpiredError } from '../../../../src/background/sync/errors.ts';
import type { ChangeRow, ReadResult, RemoteEvent } from '../../../../src/background/sync/ports.ts';
import { allDay, sharedFixture, signal, timed, UPN, WINDOW } from './fixture.ts';

const fx = sharedFixture();

const events = (result: ReadResult): RemoteEvent[] => result.rows.flatMap((row) => (row.kind === 'event' ? [row.event] : []));
const removed = (result: ReadResult): string[] => result.rows.flatMap((row) => (row.kind === 'removed' ? [row.id] : []));
const titles = (list: readonly RemoteEvent[]): string[] => list.map((e) => e.event?.title ?? '').sort();
const weekly = (count: number) => ({
  pattern: { type: 'weekly', interval: 1, daysOfWeek: ['tuesday'], firstDayOfWeek: 'monday' },
  range: { type: 'numbered', startDate: '2026-03-10', numberOfOccurrences: count },
});
const MARKER = { pair: 'p1', sourceSide: 'google', sourceCalendar: 'ann@example.com', sourceId: 'g1' } as const;

describe('listCalendars', () => {
  it('lists every calendar (paged) with read-only, colour, default and the mailbox zone', async () => {
    const { sim, adapter } = fx();
    const shared = sim.addCalendar(UPN, { name: 'Team (read-only)', canEdit: false, hexColor: '#ff8800' });
    const mark = sim.log.mark();
    const calendars = await adapter({ pageSize: 2 }).listCalendars(signal);
    expect(calendars.find((c) => c.primary)).toMatchObject({ name: 'Calendar', readOnly: false, color: null, timeZone: 'Europe/Berlin' });
    expect(calendars.find((c) => c.id === shared)).toEqual({ id: shared, name: 'Team (read-only)', color: '#ff8800', readOnly: true, primary: false, timeZone: 'Europe/Berlin' });
    expect(sim.log.since(mark).filter((e) => e.path === '/v1.0/me/calendars').length).toBe(Math.ceil(calendars.length / 2));
  });
});

describe('readChanges', () => {
  it('reads the window in full the first time: singles, all-day events, series as master + occurrences', async () => {
    const { sim, provider, newCalendar } = fx();
    const cal = newCalendar();
    const single = sim.userCreateEvent(UPN, cal, timed('Single', '2026-03-10T09:00:00', '2026-03-10T10:00:00'));
    sim.userCreateEvent(UPN, cal, allDay('Holiday', '2026-03-12', '2026-03-14'));
    const master = sim.userCreateEvent(UPN, cal, { ...timed('Weekly', '2026-03-10T14:00:00', '2026-03-10T15:00:00'), recurrence: weekly(3) });
    sim.userCreateEvent(UPN, cal, timed('Outside', '2028-01-01T09:00:00', '2028-01-01T10:00:00'));

    const result = await provider.readChanges({ calendarId: cal, cursor: null, window: WINDOW, signal });
    expect(result.full).toBe(true);
    expect(result.cursor).toMatch(/\$deltatoken=/);
    const all = events(result);
    expect(all.find((e) => e.id === single.id)).toMatchObject({
      shape: 'single',
      version: single.changeKey,
      cancelled: false,
      event: { title: 'Single', start: { instant: '2026-03-10T08:00:00Z', zone: 'Europe/Berlin' }, end: { instant: '2026-03-10T09:00:00Z', zone: 'Europe/Berlin' } },
    });
    expect(all.find((e) => e.event?.title === 'Holiday')?.event).toMatchObject({ start: { date: '2026-03-12' }, end: { date: '2026-03-14' } });
    const masterRow = all.find((e) => e.shape === 'master');
    expect(masterRow).toMatchObject({
      id: master.id,
      event: { title: 'Weekly', recurrence: { freq: 'WEEKLY', interval: 1, byDay: [{ day: 'TU' }], weekStart: 'MO', count: 3 } },
    });
    const occurrences = all.filter((e) => e.shape === 'instance');
    expect(occurrences.map((o) => o.originalStart)).toEqual([
      { instant: '2026-03-10T13:00:00Z', zone: 'Europe/Berlin' },
      { instant: '2026-03-17T13:00:00Z', zone: 'Europe/Berlin' },
      { instant: '2026-03-24T13:00:00Z', zone: 'Europe/Berlin' },
    ]);
    expect(occurrences.every((o) => o.seriesId === master.id && o.exception === false && o.event?.recurrence === null)).toBe(true);
    expect(titles(all)).not.toContain('Outside');
    // The master comes before its occurrences, so the series is known when they are read.
    expect(result.rows.findIndex((r) => r.kind === 'event' && r.event.shape === 'master')).toBeLessThan(
      result.rows.findIndex((r) => r.kind === 'event' && r.event.shape === 'instance'),
    );
  });

  it('then reads only what changed: new and edited events in full, deletions as unverified removals', async () => {
    const { sim, provider, newCalendar } = fx();
    const cal = newCalendar();
    const kept = sim.userCreateEvent(UPN, cal, timed('Kept', '2026-03-10T09:00:00', '2026-03-10T10:00:00'));
    const edited = sim.userCreateEvent(UPN, cal, timed('Edited', '2026-03-11T09:00:00', '2026-03-11T10:00:00'));
    const deleted = sim.userCreateEvent(UPN, cal, timed('Deleted', '2026-03-12T09:00:00', '2026-03-12T10:00:00'));
    const first = await provider.readChanges({ calendarId: cal, cursor: null, window: WINDOW, signal });
    expect(events(first).map((e) => e.id)).toContain(kept.id);

    sim.userUpdateEvent(edited.id!, { subject: 'Edited again' });
    sim.userDeleteEvent(deleted.id!);
    const added = sim.userCreateEvent(UPN, cal, timed('Added', '2026-03-13T09:00:00', '2026-03-13T10:00:00'));
    const second = await provider.readChanges({ calendarId: cal, cursor: first.cursor, window: WINDOW, signal });
    expect(second.full).toBe(false);
    expect(titles(events(second))).toEqual(['Added', 'Edited again']);
    expect(events(second).find((e) => e.id === added.id)?.shape).toBe('single');
    expect(removed(second)).toEqual([deleted.id]);

    const third = await provider.readChanges({ calendarId: cal, cursor: second.cursor, window: WINDOW, signal });
    expect(third.rows).toEqual([]);
  });

  it('follows every page to the deltaLink, reporting progress, and asks for its page size', async () => {
    const { sim, adapter, newCalendar } = fx();
    const cal = newCalendar();
    for (let day = 10; day < 17; day++) sim.userCreateEvent(UPN, cal, timed(`E${day}`, `2026-03-${day}T09:00:00`, `2026-03-${day}T10:00:00`));
    const progress: number[] = [];
    const mark = sim.log.mark();
    const result = await adapter({ pageSize: 3 }).readChanges({ calendarId: cal, cursor: null, window: WINDOW, signal, onPage: (n) => progress.push(n) });
    expect(events(result)).toHaveLength(7);
    expect(progress).toEqual([3, 6, 7]);
    expect(sim.log.since(mark).filter((e) => e.path.endsWith('/calendarView/delta'))).toHaveLength(3);
  });

  it('throws CursorExpiredError when Outlook no longer knows the delta token (410) or the link is foreign', async () => {
    const { sim, provider, newCalendar } = fx();
    const cal = newCalendar();
    sim.userCreateEvent(UPN, cal, timed('A', '2026-03-10T09:00:00', '2026-03-10T10:00:00'));
    const first = await provider.readChanges({ calendarId: cal, cursor: null, window: WINDOW, signal });
    sim.invalidateDeltaTokens();
    await expect(provider.readChanges({ calendarId: cal, cursor: first.cursor, window: WINDOW, signal })).rejects.toBeInstanceOf(CursorExpiredError);
    const again = await provider.readChanges({ calendarId: cal, cursor: null, window: WINDOW, signal });
    sim.resetTenant(); // 410 resyncRequired with a Location header
    await expect(provider.readChanges({ calendarId: cal, cursor: again.cursor, window: WINDOW, signal })).rejects.toBeInstanceOf(CursorExpiredError);
    const foreign = 'https://graph.example.net/v1.0/me/calendarView/delta?$deltatoken=abc';
    await expect(provider.readChanges({ calendarId: cal, cursor: foreign, window: WINDOW, signal })).rejects.toBeInstanceOf(CursorExpiredError);
  });

  it('reports exceptions and cancelled occurrences, fetching the master once per series', async () => {
    const { sim, provider, newCalendar } = fx();
    const cal = newCalendar();
    const master = sim.userCreateEvent(UPN, cal, { ...timed('Weekly', '2026-03-10T14:00:00', '2026-03-10T15:00:00'), recurrence: weekly(4) });
    const first = await provider.readChanges({ calendarId: cal, cursor: null, window: WINDOW, signal });
    const second = events(first).find((e) => e.originalStart && 'instant' in e.originalStart && e.originalStart.instant === '2026-03-17T13:00:00Z')!;
    const third = events(first).find((e) => e.originalStart && 'instant' in e.originalStart && e.originalStart.instant === '2026-03-24T13:00:00Z')!;

    sim.userUpdateOccurrence(master.id!, '2026-03-17T13:00:00Z', { subject: 'Moved', ...timed('Moved', '2026-03-18T14:00:00', '2026-03-18T15:00:00') });
    sim.userDeleteOccurrence(master.id!, '2026-03-24T13:00:00Z');
    const mark = sim.log.mark();
    const next = await provider.readChanges({ calendarId: cal, cursor: first.cursor, window: WINDOW, signal });
    const exception = events(next).find((e) => e.shape === 'instance');
    expect(exception).toMatchObject({
      id: second.id,
      seriesId: master.id,
      exception: true,
      originalStart: { instant: '2026-03-17T13:00:00Z', zone: 'Europe/Berlin' },
      event: { title: 'Moved', start: { instant: '2026-03-18T13:00:00Z', zone: 'Europe/Berlin' } },
    });
    expect(removed(next)).toEqual([third.id]);
    expect(events(next).filter((e) => e.shape === 'master').map((e) => e.id)).toEqual([master.id]);
    expect(sim.log.since(mark).filter((e) => e.path.includes(encodeURIComponent(master.id!)) || e.path.endsWith(master.id!))).toHaveLength(1);
  });

  it('keys all-day occurrences by date, and reports a series whose master is gone as removed', async () => {
    const { sim, provider, newCalendar } = fx();
    const cal = newCalendar();
    const master = sim.userCreateEvent(UPN, cal, {
      ...allDay('Daily all-day', '2026-03-10', '2026-03-11', 'Pacific Standard Time'),
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', startDate: '2026-03-10', numberOfOccurrences: 2 } },
    });
    const result = await provider.readChanges({ calendarId: cal, cursor: null, window: WINDOW, signal });
    expect(events(result).filter((e) => e.shape === 'instance').map((e) => e.originalStart)).toEqual([{ date: '2026-03-10' }, { date: '2026-03-11' }]);
    expect(events(result).find((e) => e.shape === 'master')?.event).toMatchObject({ start: { date: '2026-03-10' }, recurrence: { freq: 'DAILY', count: 2 } });

    sim.faults.inject({ match: { method: 'GET', path: new RegExp(`/events/${master.id!}$`) }, action: { kind: 'status', status: 404 } });
    const again = await provider.readChanges({ calendarId: cal, cursor: null, window: WINDOW, signal });
    expect(removed(again)).toEqual([master.id]);
    expect(events(again).filter((e) => e.shape === 'instance')).toHaveLength(2);
  });

  it('batches the master reads of many series into $batch chains', async () => {
    const { sim, provider, newCalendar } = fx();
    const cal = newCalendar();
    for (let i = 0; i < 22; i++) sim.userCreateEvent(UPN, cal, { ...timed(`S${i}`, '2026-03-10T09:00:00', '2026-03-10T09:30:00'), recurrence: weekly(1) });
    const mark = sim.log.mark();
    const result = await provider.readChanges({ calendarId: cal, cursor: null, window: WINDOW, signal });
    expect(events(result).filter((e) => e.shape === 'master')).toHaveLength(22);
    const outer = sim.log.since(mark).filter((e) => !e.inBatch);
    expect(outer.filter((e) => e.path === '/v1.0/$batch')).toHaveLength(2); // 20 + 2
    expect(sim.counters.throttled).toBe(0);
  });
});

describe('getEvents', () => {
  it('reads events by id in $batch chains: singles, masters and occurrences with markers; 404 as null', async () => {
    const { sim, provider, newCalendar } = fx();
    const cal = newCalendar();
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) ids.push(sim.userCreateEvent(UPN, cal, timed(`E${i}`, '2026-03-10T09:00:00', '2026-03-10T10:00:00')).id!);
    const mirror = sim.userCreateEvent(UPN, cal, { ...timed('Mirror', '2026-03-11T09:00:00', '2026-03-11T10:00:00'), singleValueExtendedProperties: markerProperties(MARKER) });
    const gone = sim.userCreateEvent(UPN, cal, timed('Gone', '2026-03-12T09:00:00', '2026-03-12T10:00:00'));
    sim.userDeleteEvent(gone.id!);
    const mark = sim.log.mark();
    const result = await provider.getEvents(cal, [...ids, mirror.id!, gone.id!], signal);
    expect(result.size).toBe(25);
    expect(result.get(gone.id!)).toBeNull();
    expect(result.get(ids[5]!)?.event?.title).toBe('E5');
    expect(result.get(mirror.id!)?.marker).toEqual(MARKER);
    const outer = sim.log.since(mark).filter((e) => !e.inBatch);
    expect(outer.filter((e) => e.path.includes('/events/'))).toEqual([]);
    expect(outer.filter((e) => e.path === '/v1.0/$batch')).toHaveLength(2); // 20 + 5
  });

  it('confirms many deletions in few requests: after a chain of reads breaks on a 404, parallel batches of 3', async () => {
    const { sim, provider, newCalendar } = fx();
    const cal = newCalendar();
    const ids = Array.from({ length: 10 }, (_, i) => sim.userCreateEvent(UPN, cal, timed(`E${i}`, '2026-03-10T09:00:00', '2026-03-10T10:00:00')).id!);
    for (const id of ids) sim.userDeleteEvent(id);
    await provider.getEvents(cal, [ids[0]!], signal); // the mailbox facts are read once, before counting
    const throttled = sim.counters.throttled;
    const mark = sim.log.mark();
    const result = await provider.getEvents(cal, ids, signal);
    expect([...result.values()]).toEqual(Array.from({ length: 10 }, () => null));
    // A chain that stops at its first part, then 9 reads three at a time (it was 10 chains).
    expect(sim.log.since(mark).filter((e) => e.path === '/v1.0/$batch')).toHaveLength(4);
    expect(sim.counters.throttled).toBe(throttled);
  });

  it('goes back to chains once reads succeed again', async () => {
    const { sim, provider, newCalendar } = fx();
    const cal = newCalendar();
    const ids = Array.from({ length: 20 }, (_, i) => sim.userCreateEvent(UPN, cal, timed(`E${i}`, '2026-03-10T09:00:00', '2026-03-10T10:00:00')).id!);
    sim.userDeleteEvent(ids[0]!);
    const mark = sim.log.mark();
    const result = await provider.getEvents(cal, ids, signal);
    expect(result.get(ids[0]!)).toBeNull();
    expect(result.get(ids[19]!)?.event?.title).toBe('E19');
    // 1 answered + 19 × 424; 3 in parallel, all found; the last 16 as one chain.
    expect(sim.log.since(mark).filter((e) => e.path === '/v1.0/$batch')).toHaveLength(3);
  });

  it('reads an occurrence by its id, keyed by its original start', async () => {
    const { sim, provider, newCalendar } = fx();
    const cal = newCalendar();
    sim.userCreateEvent(UPN, cal, { ...timed('Weekly', '2026-03-10T14:00:00', '2026-03-10T15:00:00'), recurrence: weekly(2) });
    const full = await provider.readChanges({ calendarId: cal, cursor: null, window: WINDOW, signal });
    const occurrence = events(full).find((e) => e.shape === 'instance')!;
    const read = await provider.getEvents(cal, [occurrence.id], signal);
    expect(read.get(occurrence.id)).toMatchObject({ shape: 'instance', seriesId: occurrence.seriesId, originalStart: occurrence.originalStart });
  });
});

describe('listOccurrences', () => {
  it('lists the occurrences and exceptions of a series inside the window; none for a series that is gone', async () => {
    const { sim, provider, newCalendar } = fx();
    const cal = newCalendar();
    const master = sim.userCreateEvent(UPN, cal, { ...timed('Weekly', '2026-03-10T14:00:00', '2026-03-10T15:00:00'), recurrence: weekly(6) });
    sim.userUpdateOccurrence(master.id!, '2026-03-17T13:00:00Z', { subject: 'Edited' });
    sim.userDeleteOccurrence(master.id!, '2026-03-24T13:00:00Z');
    const list = await provider.listOccurrences(cal, master.id!, { start: '2026-03-15T00:00:00Z', end: '2026-04-08T00:00:00Z' }, signal);
    expect(list.map((o) => [o.originalStart && 'instant' in o.originalStart ? o.originalStart.instant : '', o.exception, o.event?.title])).toEqual([
      ['2026-03-17T13:00:00Z', true, 'Edited'],
      ['2026-03-31T12:00:00Z', false, 'Weekly'], // 14:00 in Berlin, summer time from 29 March
      ['2026-04-07T12:00:00Z', false, 'Weekly'],
    ]);
    sim.userDeleteEvent(master.id!);
    expect(await provider.listOccurrences(cal, master.id!, WINDOW, signal)).toEqual([]);
  });

  it('costs one request; the master is read only when the window holds exceptions alone', async () => {
    const { sim, provider, newCalendar } = fx();
    const cal = newCalendar();
    const series = sim.userCreateEvent(UPN, cal, { ...allDay('Gym days', '2026-03-10', '2026-03-11'), recurrence: weekly(4) });
    sim.userUpdateOccurrence(series.id!, '2026-03-16T23:00:00Z', { subject: 'Gym (moved)' }); // midnight in Berlin
    const reads = (mark: number) => sim.log.since(mark).filter((e) => e.path.includes('/events/'));
    let mark = sim.log.mark();
    const all = await provider.listOccurrences(cal, series.id!, WINDOW, signal);
    expect(all.map((o) => o.originalStart)).toEqual([{ date: '2026-03-10' }, { date: '2026-03-17' }, { date: '2026-03-24' }, { date: '2026-03-31' }]);
    expect(reads(mark).map((e) => e.path)).toEqual([`/v1.0/me/calendars/${encodeURIComponent(cal)}/events/${series.id!}/instances`]);
    mark = sim.log.mark();
    const onlyException = await provider.listOccurrences(cal, series.id!, { start: '2026-03-16T00:00:00Z', end: '2026-03-19T00:00:00Z' }, signal);
    expect(onlyException.map((o) => [o.originalStart, o.exception, o.event?.title])).toEqual([[{ date: '2026-03-17' }, true, 'Gym (moved)']]);
    expect(reads(mark)).toHaveLength(2);
  });

  it('lists nothing for a series of another calendar', async () => {
    const { sim, provider, newCalendar } = fx();
    const series = sim.userCreateEvent(UPN, newCalendar(), { ...timed('Weekly', '2026-03-10T14:00:00', '2026-03-10T15:00:00'), recurrence: weekly(2) });
    expect(await provider.listOccurrences(newCalendar(), series.id!, WINDOW, signal)).toEqual([]);
  });
});

describe('listSeriesOccurrences', () => {
  it('lists many series in $batch requests of 20 instance GETs, each as listOccurrences would', async () => {
    const { sim, provider, newCalendar } = fx();
    const cal = newCalendar();
    const series = Array.from({ length: 23 }, (_, n) => sim.userCreateEvent(UPN, cal, { ...timed(`Weekly ${n}`, '2026-03-10T14:00:00', '2026-03-10T15:00:00'), recurrence: weekly(3) }));
    sim.userUpdateOccurrence(series[0]!.id!, '2026-03-17T13:00:00Z', { subject: 'Edited' });
    sim.userDeleteOccurrence(series[1]!.id!, '2026-03-24T13:00:00Z');
    const gym = sim.userCreateEvent(UPN, cal, { ...allDay('Gym days', '2026-03-10', '2026-03-11'), recurrence: weekly(4) });
    sim.userUpdateOccurrence(gym.id!, '2026-03-16T23:00:00Z', { subject: 'Gym (moved)' });
    const gone = sim.userCreateEvent(UPN, cal, { ...timed('Gone', '2026-03-10T09:00:00', '2026-03-10T10:00:00'), recurrence: weekly(2) });
    sim.userDeleteEvent(gone.id!);
    const ids = [...series.map((s) => s.id!), gym.id!, gone.id!];
    const mark = sim.log.mark();
    const lists = await provider.listSeriesOccurrences(cal, ids, WINDOW, signal);
    const sent = sim.log.since(mark).filter((e) => !e.inBatch && !e.path.startsWith('/v1.0/me/mailboxSettings') && !/\/me\/calendars\/[^/]+$/.test(e.path));
    // 26 series: two batches; the gone series' 404 breaks a chain, so its later parts go again.
    expect(sent.every((e) => e.path === '/v1.0/$batch')).toBe(true);
    expect(sent.length).toBeLessThanOrEqual(3);
    for (const id of ids) expect(lists.get(id)).toEqual(await provider.listOccurrences(cal, id, WINDOW, signal));
    expect(lists.get(series[0]!.id!)?.find((o) => o.exception)?.event?.title).toBe('Edited');
    expect(lists.get(series[1]!.id!)).toHaveLength(2);
    expect(lists.get(gone.id!)).toEqual([]);
    const window = { start: '2026-03-16T00:00:00Z', end: '2026-03-19T00:00:00Z' };
    const onlyException = await provider.listSeriesOccurrences(cal, [gym.id!, series[2]!.id!], window, signal);
    expect(onlyException.get(gym.id!)?.map((o) => [o.originalStart, o.exception])).toEqual([[{ date: '2026-03-17' }, true]]);
  });

  it('asks for large pages inside the batch and reads further pages alone', async () => {
    const { sim, adapter, newCalendar } = fx();
    const cal = newCalendar();
    const daily = { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', startDate: '2026-03-10', numberOfOccurrences: 7 } };
    const a = sim.userCreateEvent(UPN, cal, { ...timed('Daily A', '2026-03-10T09:00:00', '2026-03-10T10:00:00'), recurrence: daily });
    const b = sim.userCreateEvent(UPN, cal, { ...timed('Daily B', '2026-03-10T11:00:00', '2026-03-10T12:00:00'), recurrence: daily });
    const mark = sim.log.mark();
    const lists = await adapter({ pageSize: 5 }).listSeriesOccurrences(cal, [a.id!, b.id!], WINDOW, signal);
    expect(lists.get(a.id!)).toHaveLength(7);
    expect(lists.get(b.id!)).toHaveLength(7);
    const outer = sim.log.since(mark).filter((e) => !e.inBatch && (e.path === '/v1.0/$batch' || e.path.includes('/events/'))).map((e) => e.path);
    expect(outer[0]).toBe('/v1.0/$batch');
    expect(outer.slice(1).map((path) => path.endsWith('/instances'))).toEqual([true, true]);
  });
});

describe('findMirrors', () => {
  it("finds every event carrying a Tandem marker, this pair's and other pairs' (paged), with the marker read back", async () => {
    const { sim, adapter, newCalendar } = fx();
    const cal = newCalendar();
    const mine = [1, 2, 3].map((n) =>
      sim.userCreateEvent(UPN, cal, { ...timed(`Mirror ${n}`, '2026-03-10T09:00:00', '2026-03-10T10:00:00'), singleValueExtendedProperties: markerProperties({ ...MARKER, sourceId: `g${n}` }) }),
    );
    const other = sim.userCreateEvent(UPN, cal, { ...timed('Other pair', '2026-03-10T09:00:00', '2026-03-10T10:00:00'), singleValueExtendedProperties: markerProperties({ ...MARKER, pair: 'p2' }) });
    sim.userCreateEvent(UPN, cal, timed('Own event', '2026-03-10T09:00:00', '2026-03-10T10:00:00'));
    const found = await adapter({ pageSize: 2 }).findMirrors(cal, 'p1', signal);
    expect(found.map((e) => e.id).sort()).toEqual([...mine, other].map((e) => e.id).sort());
    expect(found.map((e) => `${e.marker?.pair}:${e.marker?.sourceId}`).sort()).toEqual(['p1:g1', 'p1:g2', 'p1:g3', 'p2:g1']);
  });
});

describe('over plain HTTP', () => {
  const plain = sharedFixture({ http: true });

  it('sends the token to an http base too (the Graph client alone would not)', async () => {
    const { provider, sim, defaultCalendarId } = plain();
    expect(sim.url).toMatch(/^http:\/\//);
    const calendars = await provider.listCalendars(signal);
    expect(calendars.map((c) => c.id)).toEqual([defaultCalendarId]);
    const rows: ChangeRow[] = [...(await provider.readChanges({ calendarId: defaultCalendarId, cursor: null, window: WINDOW, signal })).rows];
    expect(rows).toEqual([]);
  });
});
