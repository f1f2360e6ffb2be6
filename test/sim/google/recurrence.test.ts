import { describe, expect, it } from 'vitest';
import { errorOf, expandedInstances as instances, startGoogle, timed, weekly } from './test-kit.ts';


const MARCH_APRIL = { timeMin: '2026-03-01T00:00:00Z', timeMax: '2026-04-14T00:00:00Z' };

describe('Google sim: recurring events', () => {
  it('expands in start.timeZone, keeping 09:00 local across the DST change, with instance ids in UTC', async () => {
    const { api } = await startGoogle();
    const master = await api.insert('primary', weekly('RRULE:FREQ=WEEKLY;BYDAY=MO', { id: 'series00001' }));
    const list = await instances(api, MARCH_APRIL);
    expect(list.map((e) => e.id)).toEqual([
      'series00001_20260316T080000Z',
      'series00001_20260323T080000Z',
      'series00001_20260330T070000Z',
      'series00001_20260406T070000Z',
      'series00001_20260413T070000Z',
    ]);
    expect(list.map((e) => e.start!.dateTime)).toEqual([
      '2026-03-16T09:00:00+01:00',
      '2026-03-23T09:00:00+01:00',
      '2026-03-30T09:00:00+02:00',
      '2026-04-06T09:00:00+02:00',
      '2026-04-13T09:00:00+02:00',
    ]);
    expect(list[2]).toMatchObject({
      recurringEventId: master.body.id,
      originalStartTime: { dateTime: '2026-03-30T09:00:00+02:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2026-03-30T10:00:00+02:00', timeZone: 'Europe/Berlin' },
      iCalUID: master.body.iCalUID,
      summary: 'Weekly',
    });
    expect(list[2]!.recurrence).toBeUndefined();
    // Autumn too: 2026-10-25 ends DST in Europe.
    const autumn = await instances(api, { timeMin: '2026-10-18T00:00:00Z', timeMax: '2026-11-03T00:00:00Z' });
    expect(autumn.map((e) => [e.id!.split('_')[1], e.start!.dateTime])).toEqual([
      ['20261019T070000Z', '2026-10-19T09:00:00+02:00'],
      ['20261026T080000Z', '2026-10-26T09:00:00+01:00'],
      ['20261102T080000Z', '2026-11-02T09:00:00+01:00'],
    ]);
  });

  it('applies EXDATE, RDATE and EXRULE', async () => {
    const { api } = await startGoogle();
    await api.insert('primary', timed('2026-03-02T09:00:00', '2026-03-02T09:30:00', {
      recurrence: [
        'RRULE:FREQ=DAILY;COUNT=10',
        'EXDATE;TZID=Europe/Berlin:20260303T090000',
        'EXRULE:FREQ=WEEKLY;BYDAY=SA,SU',
        'RDATE;TZID=Europe/Berlin:20260320T150000',
      ],
    }));
    const days = (await instances(api)).map((e) => e.start!.dateTime);
    expect(days).toEqual([
      '2026-03-02T09:00:00+01:00',
      '2026-03-04T09:00:00+01:00',
      '2026-03-05T09:00:00+01:00',
      '2026-03-06T09:00:00+01:00',
      '2026-03-09T09:00:00+01:00',
      '2026-03-10T09:00:00+01:00',
      '2026-03-11T09:00:00+01:00',
      '2026-03-20T15:00:00+01:00',
    ]);
  });

  it('names all-day instances <masterId>_YYYYMMDD with date originalStartTime', async () => {
    const { api } = await startGoogle();
    const master = await api.insert('primary', { summary: 'Bin day', start: { date: '2026-03-03' }, end: { date: '2026-03-04' }, recurrence: ['RRULE:FREQ=WEEKLY;COUNT=3'], id: 'bins000001' });
    const list = await instances(api);
    expect(list.map((e) => [e.id, e.start, e.end, e.originalStartTime])).toEqual([
      ['bins000001_20260303', { date: '2026-03-03' }, { date: '2026-03-04' }, { date: '2026-03-03' }],
      ['bins000001_20260310', { date: '2026-03-10' }, { date: '2026-03-11' }, { date: '2026-03-10' }],
      ['bins000001_20260317', { date: '2026-03-17' }, { date: '2026-03-18' }, { date: '2026-03-17' }],
    ]);
    expect(list[0]!.recurringEventId).toBe(master.body.id);
  });

  it('stops an endless series at the query window, else at the horizon and the instance cap', async () => {
    const { sim, api } = await startGoogle({ expansionHorizonMs: 30 * 86_400_000 });
    await api.insert('primary', timed('2026-03-02T08:00:00', '2026-03-02T08:15:00', { recurrence: ['RRULE:FREQ=DAILY'] }));
    expect(await instances(api, { timeMin: '2026-03-10T00:00:00Z', timeMax: '2026-03-13T00:00:00Z' })).toHaveLength(3);
    // No timeMax: up to 30 days past the series start (it is later than now): 2026-03-02 … 2026-04-01.
    const horizon = await instances(api);
    expect(horizon).toHaveLength(31);
    expect(horizon.at(-1)!.start!.dateTime).toBe('2026-04-01T08:00:00+02:00');
    sim.settings.maxInstancesPerSeries = 7;
    expect(await instances(api)).toHaveLength(7);
  });

  it('turns a patched instance into an exception that keeps its id and originalStartTime when moved', async () => {
    const { api } = await startGoogle();
    const master = await api.insert('primary', weekly());
    const id = `${master.body.id}_20260323T080000Z`;
    const unmodified = await api.event('primary', id);
    expect(unmodified.body).toMatchObject({ id, recurringEventId: master.body.id, status: 'confirmed' });
    const moved = await api.event('primary', id, 'PATCH', {
      body: { summary: 'Moved', start: { dateTime: '2026-03-25T14:00:00+01:00' }, end: { dateTime: '2026-03-25T15:00:00+01:00' } },
    });
    expect(moved.body).toMatchObject({
      id,
      recurringEventId: master.body.id,
      originalStartTime: { dateTime: '2026-03-23T09:00:00+01:00', timeZone: 'Europe/Berlin' },
      start: { dateTime: '2026-03-25T14:00:00+01:00' },
      summary: 'Moved',
    });
    const list = await instances(api, MARCH_APRIL);
    expect(list.map((e) => [e.id!.split('_')[1], e.start!.dateTime, e.summary])).toEqual([
      ['20260316T080000Z', '2026-03-16T09:00:00+01:00', 'Weekly'],
      ['20260323T080000Z', '2026-03-25T14:00:00+01:00', 'Moved'],
      ['20260330T070000Z', '2026-03-30T09:00:00+02:00', 'Weekly'],
      ['20260406T070000Z', '2026-04-06T09:00:00+02:00', 'Weekly'],
      ['20260413T070000Z', '2026-04-13T09:00:00+02:00', 'Weekly'],
    ]);
    // A window around the new time finds it; one around only the original slot does not.
    expect((await instances(api, { timeMin: '2026-03-25T00:00:00Z', timeMax: '2026-03-26T00:00:00Z' })).map((e) => e.id)).toEqual([id]);
    expect(await instances(api, { timeMin: '2026-03-23T00:00:00Z', timeMax: '2026-03-24T00:00:00Z' })).toEqual([]);
    // singleEvents=false: the master (with recurrence) and the exception.
    const raw = (await api.listAll('primary')).items;
    expect(raw.map((e) => e.id).sort()).toEqual([master.body.id, id].sort());
    expect(raw.find((e) => e.id === master.body.id)!.recurrence).toEqual(['RRULE:FREQ=WEEKLY;BYDAY=MO']);
  });

  it('cancels one instance by DELETE or by patching status: cancelled', async () => {
    const { api } = await startGoogle();
    const master = await api.insert('primary', weekly());
    const first = `${master.body.id}_20260316T080000Z`;
    const second = `${master.body.id}_20260323T080000Z`;
    expect((await api.event('primary', first, 'DELETE')).status).toBe(204);
    expect((await api.event('primary', second, 'PATCH', { body: { status: 'cancelled' } })).status).toBe(200);
    expect((await instances(api, MARCH_APRIL)).map((e) => e.id!.split('_')[1])).toEqual(['20260330T070000Z', '20260406T070000Z', '20260413T070000Z']);
    const withDeleted = await instances(api, { ...MARCH_APRIL, showDeleted: true });
    expect(withDeleted.filter((e) => e.status === 'cancelled').map((e) => e.id)).toEqual([first, second]);
    // singleEvents=false lists cancelled instances of a live series even without showDeleted.
    const raw = (await api.listAll('primary')).items;
    expect(raw.filter((e) => e.status === 'cancelled').map((e) => [e.id, e.recurringEventId, e.originalStartTime?.dateTime])).toEqual([
      [first, master.body.id, '2026-03-16T09:00:00+01:00'],
      [second, master.body.id, '2026-03-23T09:00:00+01:00'],
    ]);
    expect((await api.event('primary', first, 'DELETE')).status).toBe(410);
    expect((await api.event('primary', first)).body.status).toBe('cancelled');
  });

  it('answers 404 for instance ids that are not occurrences of the series', async () => {
    const { api } = await startGoogle();
    const master = await api.insert('primary', weekly());
    expect((await api.event('primary', `${master.body.id}_20260317T080000Z`)).status).toBe(404);
    expect((await api.event('primary', `${master.body.id}_20260316T080000Z`)).status).toBe(200);
    expect((await api.event('primary', 'nosuchmaster_20260316T080000Z', 'PATCH', { body: {} })).status).toBe(404);
  });

  it('lists a deleted series as cancelled instances with singleEvents, as a cancelled master without', async () => {
    const { api } = await startGoogle();
    const master = await api.insert('primary', weekly('RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3'));
    const token = (await api.listAll('primary', { singleEvents: true })).nextSyncToken!;
    await api.event('primary', master.body.id!, 'DELETE');
    const expanded = await instances(api, { showDeleted: true });
    expect(expanded.map((e) => [e.id!.split('_')[1], e.status])).toEqual([
      ['20260316T080000Z', 'cancelled'],
      ['20260323T080000Z', 'cancelled'],
      ['20260330T070000Z', 'cancelled'],
    ]);
    expect(await instances(api)).toEqual([]);
    const raw = (await api.listAll('primary', { showDeleted: true })).items;
    expect(raw.map((e) => [e.id, e.status])).toEqual([[master.body.id, 'cancelled']]);
    const feed = await api.listAll('primary', { singleEvents: true, syncToken: token });
    expect(feed.items.map((e) => e.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
  });

  it('refuses invalid recurrence lines with 400', async () => {
    const { api } = await startGoogle();
    for (const recurrence of [['RRULE:FREQ=SOMETIMES'], ['RRULE:BYDAY=MO'], ['DTSTART:20260316T090000'], ['RRULE:FREQ=DAILY;COUNT=0'], ['EXDATE:20260316T090000']]) {
      const reply = await api.insert('primary', weekly(recurrence[0]));
      expect(errorOf(reply), recurrence[0]).toMatchObject({ code: 400, reason: 'invalid', message: 'Invalid recurrence rule.' });
    }
  });
});
