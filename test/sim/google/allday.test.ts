import { describe, expect, it } from 'vitest';
import { allDay, ANN, errorOf, startGoogle } from './test-kit.ts';

describe('Google sim: all-day events', () => {
  it('stores dates with an exclusive end, single and multi-day', async () => {
    const { api } = await startGoogle();
    const one = await api.insert('primary', allDay('2026-03-10', '2026-03-11'));
    expect(one.body.start).toEqual({ date: '2026-03-10' });
    expect(one.body.end).toEqual({ date: '2026-03-11' });
    const trip = await api.insert('primary', allDay('2026-03-12', '2026-03-15', { summary: 'Trip' }));
    expect(trip.body.end).toEqual({ date: '2026-03-15' });
    // end == start is empty for all-day events (the end is exclusive).
    expect(errorOf(await api.insert('primary', allDay('2026-03-10', '2026-03-10')))).toMatchObject({ code: 400, reason: 'timeRangeEmpty' });
    expect(errorOf(await api.insert('primary', allDay('2026-02-30', '2026-03-01')))).toMatchObject({ code: 400 });
  });

  it('filters all-day events by timeMin/timeMax at midnight in the calendar’s zone', async () => {
    const { api } = await startGoogle();
    await api.insert('primary', allDay('2026-03-12', '2026-03-15', { summary: 'Trip' }));
    const find = async (timeMin: string, timeMax: string) =>
      (await api.events('primary', { timeMin, timeMax })).body.items!.map((e) => e.summary);
    // The calendar is Europe/Berlin: the trip covers 2026-03-11T23:00Z … 2026-03-14T23:00Z.
    expect(await find('2026-03-14T22:59:59Z', '2026-03-20T00:00:00Z')).toEqual(['Trip']);
    expect(await find('2026-03-14T23:00:00Z', '2026-03-20T00:00:00Z')).toEqual([]);
    expect(await find('2026-03-01T00:00:00Z', '2026-03-11T23:00:00Z')).toEqual([]);
    expect(await find('2026-03-01T00:00:00Z', '2026-03-11T23:00:01Z')).toEqual(['Trip']);
  });

  it('uses each calendar’s own zone for the all-day bounds', async () => {
    const { sim, api } = await startGoogle();
    const tokyo = sim.addCalendar(ANN, { summary: 'Tokyo', timeZone: 'Asia/Tokyo' });
    await api.insert(tokyo, allDay('2026-03-12', '2026-03-13', { summary: 'Tokyo day' }));
    // 2026-03-12 in Tokyo = 2026-03-11T15:00Z … 2026-03-12T15:00Z.
    const window = { timeMin: '2026-03-11T14:00:00Z', timeMax: '2026-03-11T15:00:01Z' };
    expect((await api.events(tokyo, window)).body.items!.map((e) => e.summary)).toEqual(['Tokyo day']);
    expect((await api.events(tokyo, { ...window, timeMax: '2026-03-11T15:00:00Z' })).body.items).toEqual([]);
  });

  it('orders all-day and timed events together by start', async () => {
    const { api } = await startGoogle();
    await api.insert('primary', { summary: 'Timed', start: { dateTime: '2026-03-12T00:30:00+01:00' }, end: { dateTime: '2026-03-12T01:00:00+01:00' } });
    await api.insert('primary', allDay('2026-03-12', '2026-03-13', { summary: 'Day' }));
    await api.insert('primary', { summary: 'Earlier', start: { dateTime: '2026-03-11T23:30:00+01:00' }, end: { dateTime: '2026-03-11T23:45:00+01:00' } });
    const list = await api.events('primary', { singleEvents: true, orderBy: 'startTime' });
    expect(list.body.items!.map((e) => e.summary)).toEqual(['Earlier', 'Day', 'Timed']);
  });
});
