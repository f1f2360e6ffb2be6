import { describe, expect, it } from 'vitest';
import { CursorExpiredError } from '../../../../src/background/sync/errors.ts';
import { ANN, BOB, WINDOW, allDay, rowOf, rowsById, signal, startHarness, timed } from './harness.ts';

const SERIES = timed('2026-03-16T09:00:00', '2026-03-16T10:00:00', { id: 'series0001', summary: 'Weekly', recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO'] });

describe('Google adapter: calendars', () => {
  it('lists calendars with name, colour, zone, primary and read-only flags, across pages', async () => {
    const h = await startHarness();
    const work = h.sim.addCalendar(ANN, { summary: 'Work', timeZone: 'America/New_York' });
    const bobs = h.sim.addCalendar(BOB, { summary: 'Bob' });
    h.sim.shareCalendar(bobs, ANN, 'reader', { summaryOverride: 'Bob (shared)' });
    const busy = h.sim.addCalendar(BOB, { summary: 'Bob busy' });
    h.sim.shareCalendar(busy, ANN, 'freeBusyReader');
    for (let i = 0; i < 250; i++) h.sim.addCalendar(ANN, { summary: `Extra ${String(i).padStart(3, '0')}` });

    const calendars = await h.provider.listCalendars(signal);
    expect(calendars).toHaveLength(254);
    expect(h.sim.log.count((e) => e.path.endsWith('/calendarList'))).toBe(2);
    const byId = new Map(calendars.map((c) => [c.id, c]));
    expect(byId.get(ANN)).toMatchObject({ id: ANN, name: ANN, readOnly: false, primary: true, timeZone: 'Europe/Berlin' });
    expect(byId.get(ANN)?.color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(byId.get(work)).toMatchObject({ name: 'Work', readOnly: false, primary: false, timeZone: 'America/New_York' });
    expect(byId.get(bobs)).toMatchObject({ name: 'Bob (shared)', readOnly: true });
    expect(byId.get(busy)).toMatchObject({ name: 'Bob busy', readOnly: true });
  });
});

describe('Google adapter: readChanges', () => {
  it('reads everything from the window start in full, without timeMax, and hands back the sync token', async () => {
    const h = await startHarness();
    h.seed(timed('2026-01-05T10:00:00', '2026-01-05T11:00:00', { id: 'before00001' }));
    const single = h.seed(timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { id: 'single0001', summary: 'Single' }));
    const later = h.seed(allDay('2027-05-01', '2027-05-02', { id: 'farfuture01' }));
    const pages: number[] = [];
    const result = await h.provider.readChanges({ calendarId: ANN, cursor: null, window: WINDOW, signal, onPage: (n) => pages.push(n) });

    expect(result.full).toBe(true);
    expect(result.cursor).toEqual(expect.any(String));
    expect([...rowsById(result).keys()].sort()).toEqual([later.id, single.id].sort());
    expect(rowOf(result, 'single0001')).toMatchObject({ shape: 'single', cancelled: false, version: single.etag, modifiedAt: single.updated });
    expect(pages).toEqual([2]);
    const [list] = h.sim.log.all((e) => e.path.endsWith('/events'));
    const query = new URLSearchParams(list!.query);
    expect(Object.fromEntries(query)).toEqual({ singleEvents: 'false', showDeleted: 'true', maxResults: '2500', timeMin: WINDOW.start });
  });

  it('reads only what changed since the cursor, deletions included, with the token and no filters', async () => {
    const h = await startHarness();
    h.seed(timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { id: 'keep000001' }));
    h.seed(timed('2026-03-03T10:00:00', '2026-03-03T11:00:00', { id: 'change0001' }));
    h.seed(timed('2026-03-04T10:00:00', '2026-03-04T11:00:00', { id: 'delete0001' }));
    const first = await h.fullRead();
    h.sim.userPatchEvent(ANN, ANN, 'change0001', { summary: 'Changed' });
    h.sim.userDeleteEvent(ANN, ANN, 'delete0001');
    h.sim.userCreateEvent(ANN, ANN, timed('2026-03-05T10:00:00', '2026-03-05T11:00:00', { id: 'create0001', summary: 'New' }));

    const next = await h.provider.readChanges({ calendarId: ANN, cursor: first.cursor, window: WINDOW, signal });
    expect(next.full).toBe(false);
    expect(next.cursor).not.toBe(first.cursor);
    expect([...rowsById(next).keys()].sort()).toEqual(['change0001', 'create0001', 'delete0001']);
    expect(rowOf(next, 'change0001').event?.title).toBe('Changed');
    expect(rowOf(next, 'delete0001')).toMatchObject({ cancelled: true, shape: 'single' });
    expect(rowOf(next, 'delete0001').event).toBeUndefined();
    const incremental = h.sim.log.all((e) => e.path.endsWith('/events')).at(-1)!;
    expect(Object.fromEntries(new URLSearchParams(incremental.query))).toEqual({
      singleEvents: 'false', showDeleted: 'true', maxResults: '2500', syncToken: first.cursor,
    });
    const quiet = await h.provider.readChanges({ calendarId: ANN, cursor: next.cursor, window: WINDOW, signal });
    expect(quiet.rows).toEqual([]);
  });

  it('turns a dead sync token (410 fullSyncRequired) into CursorExpiredError', async () => {
    const h = await startHarness();
    const { cursor } = await h.fullRead();
    h.sim.invalidateSyncTokens(ANN);
    await expect(h.provider.readChanges({ calendarId: ANN, cursor, window: WINDOW, signal })).rejects.toBeInstanceOf(CursorExpiredError);
    expect(h.clock.sleeps).toEqual([]);
  });

  it('drains short and empty pages and reports progress per page', async () => {
    // Google may serve short and empty pages whatever maxResults says: here pages of at most 7.
    const smallPages: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.searchParams.has('maxResults')) url.searchParams.set('maxResults', '7');
      return fetch(url, init);
    };
    const h = await startHarness({ fetch: smallPages }, { emptyPageProbability: 0.3 });
    for (let i = 0; i < 40; i++) h.seed(timed(`2026-03-${String(2 + (i % 25)).padStart(2, '0')}T10:00:00`, `2026-03-${String(2 + (i % 25)).padStart(2, '0')}T11:00:00`, { id: `paged${String(i).padStart(5, '0')}` }));
    const pages: number[] = [];
    const result = await h.provider.readChanges({ calendarId: ANN, cursor: null, window: WINDOW, signal, onPage: (n) => pages.push(n) });
    expect(result.rows).toHaveLength(40);
    expect(h.sim.counters.fullSyncPages).toBeGreaterThan(2);
    expect(pages).toHaveLength(h.sim.counters.fullSyncPages);
    expect(pages.at(-1)).toBe(40);
    h.sim.userPatchEvent(ANN, ANN, 'paged00007', { summary: 'Moved on' });
    const next = await h.provider.readChanges({ calendarId: ANN, cursor: result.cursor, window: WINDOW, signal });
    expect(next.rows.map((r) => (r.kind === 'event' ? r.event.id : r.id))).toEqual(['paged00007']);
  });

  it('reads series as master + exceptions + cancelled instances, EXDATEs as extra cancelled instances', async () => {
    const h = await startHarness();
    const master = h.seed({ ...SERIES, recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20260630T215959Z', 'EXDATE;TZID=Europe/Berlin:20260406T090000'] });
    h.sim.userPatchEvent(ANN, ANN, 'series0001_20260323T080000Z', { summary: 'Moved', start: { dateTime: '2026-03-24T09:00:00+01:00' }, end: { dateTime: '2026-03-24T10:00:00+01:00' } });
    h.sim.userDeleteEvent(ANN, ANN, 'series0001_20260330T070000Z');
    const result = await h.fullRead();

    expect(rowOf(result, 'series0001')).toMatchObject({
      shape: 'master',
      cancelled: false,
      event: {
        title: 'Weekly',
        start: { instant: '2026-03-16T08:00:00Z', zone: 'Europe/Berlin' },
        recurrence: { freq: 'WEEKLY', interval: 1, byDay: [{ day: 'MO' }], until: '2026-06-30' },
      },
    });
    expect(rowOf(result, 'series0001').unsupportedRecurrence).toBeUndefined();
    expect(rowOf(result, 'series0001_20260323T080000Z')).toMatchObject({
      shape: 'instance',
      exception: true,
      seriesId: 'series0001',
      originalStart: { instant: '2026-03-23T08:00:00Z', zone: 'Europe/Berlin' },
      cancelled: false,
      event: { title: 'Moved', start: { instant: '2026-03-24T08:00:00Z', zone: 'Europe/Berlin' }, recurrence: null },
    });
    expect(rowOf(result, 'series0001_20260330T070000Z')).toMatchObject({
      shape: 'instance',
      seriesId: 'series0001',
      originalStart: { instant: '2026-03-30T07:00:00Z' },
      cancelled: true,
    });
    // The EXDATE (09:00 Berlin summer time = 07:00Z) as Google would name that instance.
    expect(rowOf(result, 'series0001_20260406T070000Z')).toEqual({
      id: 'series0001_20260406T070000Z',
      version: master.etag,
      modifiedAt: master.updated,
      shape: 'instance',
      seriesId: 'series0001',
      originalStart: { instant: '2026-04-06T07:00:00Z', zone: 'Europe/Berlin' },
      cancelled: true,
    });
    expect(result.rows).toHaveLength(4);
  });

  it('keys all-day series instances by date and reads date EXDATEs', async () => {
    const h = await startHarness();
    h.seed(allDay('2026-03-02', '2026-03-03', { id: 'dates00001', recurrence: ['RRULE:FREQ=DAILY;COUNT=10', 'EXDATE;VALUE=DATE:20260304'] }));
    h.sim.userPatchEvent(ANN, ANN, 'dates00001_20260305', { summary: 'Changed day' });
    const result = await h.fullRead();
    expect(rowOf(result, 'dates00001').event).toMatchObject({ start: { date: '2026-03-02' }, end: { date: '2026-03-03' }, recurrence: { freq: 'DAILY', interval: 1, count: 10 } });
    expect(rowOf(result, 'dates00001_20260304')).toMatchObject({ cancelled: true, originalStart: { date: '2026-03-04' } });
    expect(rowOf(result, 'dates00001_20260305')).toMatchObject({ originalStart: { date: '2026-03-05' }, event: { title: 'Changed day', start: { date: '2026-03-05' } } });
  });

  it.each([
    ['RDATE', ['RRULE:FREQ=WEEKLY;BYDAY=MO', 'RDATE;TZID=Europe/Berlin:20260318T090000'], /RDATE/],
    ['EXRULE', ['RRULE:FREQ=WEEKLY;BYDAY=MO', 'EXRULE:FREQ=MONTHLY;BYDAY=1MO'], /EXRULE/],
    ['two RRULEs', ['RRULE:FREQ=WEEKLY;BYDAY=MO', 'RRULE:FREQ=WEEKLY;BYDAY=WE'], /several RRULEs/],
    ['BYHOUR', ['RRULE:FREQ=DAILY;BYHOUR=9,15'], /BYHOUR/],
    ['FREQ=HOURLY', ['RRULE:FREQ=HOURLY;INTERVAL=8'], /FREQ=HOURLY/],
    ['BYWEEKNO', ['RRULE:FREQ=YEARLY;BYWEEKNO=20'], /BYWEEKNO/],
  ])('marks a master with %s as unsupported, without a rule', async (_name, recurrence, reason) => {
    const h = await startHarness();
    h.seed({ ...SERIES, recurrence });
    const master = rowOf(await h.fullRead(), 'series0001');
    expect(master.shape).toBe('master');
    expect(master.event?.recurrence).toBeNull();
    expect(master.unsupportedRecurrence?.unsupported).toMatch(reason);
  });
});

describe('Google adapter: getEvents, listOccurrences, findMirrors', () => {
  it('gets events by id in one batch: live ones mapped, deleted and unknown ones null', async () => {
    const h = await startHarness();
    h.seed(timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { id: 'alive00001', summary: 'Alive' }));
    h.seed(timed('2026-03-03T10:00:00', '2026-03-03T11:00:00', { id: 'gone000001' }));
    h.sim.userDeleteEvent(ANN, ANN, 'gone000001');
    h.seed(SERIES);
    const found = await h.provider.getEvents(ANN, ['alive00001', 'gone000001', 'nothing0001', 'series0001_20260323T080000Z', 'alive00001'], signal);
    expect(found.get('alive00001')).toMatchObject({ shape: 'single', event: { title: 'Alive' } });
    expect(found.get('gone000001')).toBeNull();
    expect(found.get('nothing0001')).toBeNull();
    expect(found.get('series0001_20260323T080000Z')).toMatchObject({ shape: 'instance', seriesId: 'series0001', originalStart: { instant: '2026-03-23T08:00:00Z' } });
    expect(found.size).toBe(4);
    expect(h.sim.counters).toMatchObject({ batches: 1, batchParts: 4 });
    // The calendar's settings (zone, default reminders) came from its calendarList entry.
    expect(h.sim.log.count((e) => e.path.includes('/calendarList/'))).toBe(1);
  });

  it('gets a single id with a plain request', async () => {
    const h = await startHarness();
    h.seed(timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { id: 'alive00001' }));
    await h.fullRead();
    const found = await h.provider.getEvents(ANN, ['alive00001'], signal);
    expect(found.get('alive00001')?.id).toBe('alive00001');
    expect(h.sim.counters.batches).toBe(0);
    expect(h.sim.log.count((e) => e.path.includes('/calendarList/'))).toBe(0);
  });

  it('lists the occurrences of a series in the window, exceptions and cancellations included', async () => {
    const h = await startHarness();
    h.seed(SERIES);
    h.sim.userPatchEvent(ANN, ANN, 'series0001_20260323T080000Z', { summary: 'Edited' });
    h.sim.userDeleteEvent(ANN, ANN, 'series0001_20260330T070000Z');
    const window = { start: '2026-03-20T00:00:00Z', end: '2026-04-10T00:00:00Z' };
    const occurrences = await h.provider.listOccurrences(ANN, 'series0001', window, signal);
    expect(occurrences.map((o) => [o.id, o.cancelled, o.event?.title ?? null])).toEqual([
      ['series0001_20260323T080000Z', false, 'Edited'],
      ['series0001_20260330T070000Z', true, null],
      ['series0001_20260406T070000Z', false, 'Weekly'],
    ]);
    expect(occurrences.every((o) => o.shape === 'instance' && o.seriesId === 'series0001')).toBe(true);
    expect(occurrences[2]!.originalStart).toEqual({ instant: '2026-04-06T07:00:00Z', zone: 'Europe/Berlin' });
    const query = new URLSearchParams(h.sim.log.all((e) => e.path.endsWith('/instances'))[0]!.query);
    expect(Object.fromEntries(query)).toMatchObject({ timeMin: window.start, timeMax: window.end, showDeleted: 'true' });
  });

  it('lists the occurrences of many series as batch parts, each as listOccurrences would', async () => {
    const h = await startHarness({ batchSize: 3 });
    const ids = ['series0001', 'series0002', 'series0003', 'series0004'];
    for (const id of ids) h.seed({ ...SERIES, id });
    h.sim.userPatchEvent(ANN, ANN, 'series0002_20260323T080000Z', { summary: 'Edited' });
    h.sim.userDeleteEvent(ANN, ANN, 'series0003_20260330T070000Z');
    const window = { start: '2026-03-20T00:00:00Z', end: '2026-04-10T00:00:00Z' };
    await h.provider.listCalendars(signal);
    const mark = h.sim.log.mark();
    const lists = await h.provider.listSeriesOccurrences(ANN, [...ids, 'series0001'], window, signal);
    // Four series, three parts per batch: two batch requests, no request of its own per series.
    expect(h.sim.log.since(mark).filter((e) => !e.inBatch).map((e) => e.path)).toEqual(['/batch/calendar/v3', '/batch/calendar/v3']);
    expect([...lists.keys()]).toEqual(ids);
    for (const id of ids) expect(lists.get(id)).toEqual(await h.provider.listOccurrences(ANN, id, window, signal));
    expect(lists.get('series0002')?.[0]?.event?.title).toBe('Edited');
    expect(lists.get('series0003')?.[1]?.cancelled).toBe(true);
  });

  it('finds the mirrors of one pair by their private marker, never with a sync token', async () => {
    const h = await startHarness();
    const marker = (pair: string, sourceId: string) => ({ private: { tandemPair: pair, tandemSource: 'outlook', tandemSourceCalendar: 'AAMkCal', tandemSourceId: sourceId } });
    h.seed(timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { id: 'mirror0001', extendedProperties: marker('p1', 'AAMk1') }));
    h.seed(timed('2026-03-03T10:00:00', '2026-03-03T11:00:00', { id: 'mirror0002', extendedProperties: marker('p2', 'AAMk2') }));
    h.seed(timed('2026-03-04T10:00:00', '2026-03-04T11:00:00', { id: 'mirror0003', extendedProperties: marker('p1', 'AAMk3') }));
    h.sim.userDeleteEvent(ANN, ANN, 'mirror0003');
    h.seed(timed('2026-03-05T10:00:00', '2026-03-05T11:00:00', { id: 'plain00001' }));
    h.seed({ ...SERIES, id: 'mirror0004', extendedProperties: marker('p1', 'AAMk4') });
    // Google copies the master's private properties onto an exception.
    h.sim.userPatchEvent(ANN, ANN, 'mirror0004_20260323T080000Z', { summary: 'Exception' });
    const mirrors = await h.provider.findMirrors(ANN, 'p1', signal);
    expect(mirrors.map((m) => [m.id, m.shape, m.marker?.sourceId])).toEqual([
      ['mirror0001', 'single', 'AAMk1'],
      ['mirror0004', 'master', 'AAMk4'],
    ]);
    expect(mirrors[0]!.marker).toEqual({ pair: 'p1', sourceSide: 'outlook', sourceCalendar: 'AAMkCal', sourceId: 'AAMk1' });
    expect(rowOf(await h.fullRead(), 'mirror0004_20260323T080000Z').marker?.sourceId).toBe('AAMk4');
    const query = new URLSearchParams(h.sim.log.all((e) => e.path.endsWith('/events'))[0]!.query);
    expect(query.get('privateExtendedProperty')).toBe('tandemPair=p1');
    expect(query.get('showDeleted')).toBe('false');
    expect(query.has('syncToken')).toBe(false);
  });
});
