import { describe, expect, it } from 'vitest';
import type { GEvent } from './model.ts';
import { ANN, expandedInstances as instances, startGoogle, timed, weekly } from './test-kit.ts';


const MARCH_APRIL = { timeMin: '2026-03-01T00:00:00Z', timeMax: '2026-04-14T00:00:00Z' };

describe('Google sim: events.instances', () => {
  it('lists a series’ instances with timeMin/timeMax, originalStart, paging and showDeleted', async () => {
    const { api } = await startGoogle();
    const master = await api.insert('primary', weekly('RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=6'));
    const path = `/calendars/primary/events/${master.body.id}/instances`;
    const all = await api.call<{ items: GEvent[]; nextPageToken?: string }>('GET', path);
    expect(all.body.items).toHaveLength(6);
    const window = await api.call<{ items: GEvent[] }>('GET', path, { query: { timeMin: '2026-03-23T09:00:00+01:00', timeMax: '2026-03-30T09:00:00+02:00' } });
    // timeMin is inclusive on the end here; timeMax exclusive on the start.
    expect(window.body.items.map((e) => e.start!.dateTime)).toEqual(['2026-03-23T09:00:00+01:00']);
    const one = await api.call<{ items: GEvent[] }>('GET', path, { query: { originalStart: '2026-03-30T09:00:00+02:00' } });
    expect(one.body.items.map((e) => e.id)).toEqual([`${master.body.id}_20260330T070000Z`]);

    const page1 = await api.call<{ items: GEvent[]; nextPageToken?: string }>('GET', path, { query: { maxResults: 4 } });
    expect(page1.body.items).toHaveLength(4);
    const page2 = await api.call<{ items: GEvent[]; nextPageToken?: string }>('GET', path, { query: { maxResults: 4, pageToken: page1.body.nextPageToken! } });
    expect(page2.body.items).toHaveLength(2);
    expect(page2.body.nextPageToken).toBeUndefined();

    await api.event('primary', `${master.body.id}_20260316T080000Z`, 'DELETE');
    expect((await api.call<{ items: GEvent[] }>('GET', path)).body.items).toHaveLength(5);
    const withDeleted = await api.call<{ items: GEvent[] }>('GET', path, { query: { showDeleted: true } });
    expect(withDeleted.body.items.map((e) => e.status)).toEqual(['cancelled', 'confirmed', 'confirmed', 'confirmed', 'confirmed', 'confirmed']);
    expect((await api.call('GET', '/calendars/primary/events/nosuchevent/instances')).status).toBe(404);
  });
});

describe('Google sim: changing a series', () => {
  it('"this and following" via the API: UNTIL on the master, a new series, exceptions after the split reset', async () => {
    const { api } = await startGoogle();
    const master = await api.insert('primary', weekly());
    const id = master.body.id!;
    const token = (await api.listAll('primary', { singleEvents: true })).nextSyncToken!;
    await api.event('primary', `${id}_20260323T080000Z`, 'PATCH', { body: { summary: 'before split' } });
    await api.event('primary', `${id}_20260406T070000Z`, 'PATCH', { body: { summary: 'after split' } });
    // The guide's recipe: end the master just before 2026-03-30 09:00 Berlin (07:00Z), then insert the rest.
    await api.event('primary', id, 'PATCH', { body: { recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20260330T065959Z'] } });
    const rest = await api.insert('primary', timed('2026-03-30T10:00:00', '2026-03-30T11:00:00', { summary: 'Weekly (later)', recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO'] }));
    const list = await instances(api, MARCH_APRIL);
    expect(list.map((e) => [e.start!.dateTime, e.summary])).toEqual([
      ['2026-03-16T09:00:00+01:00', 'Weekly'],
      ['2026-03-23T09:00:00+01:00', 'before split'],
      ['2026-03-30T10:00:00+02:00', 'Weekly (later)'],
      ['2026-04-06T10:00:00+02:00', 'Weekly (later)'],
      ['2026-04-13T10:00:00+02:00', 'Weekly (later)'],
    ]);
    expect((await api.event('primary', `${id}_20260406T070000Z`)).status).toBe(404);
    // The incremental feed reports the old series' later instances as cancelled, the exception among them.
    const feed = (await api.listAll('primary', { singleEvents: true, syncToken: token })).items;
    const cancelled = feed.filter((e) => e.status === 'cancelled').map((e) => e.id);
    expect(cancelled).toContain(`${id}_20260406T070000Z`);
    expect(cancelled).toContain(`${id}_20260330T070000Z`);
    expect(feed.some((e) => e.recurringEventId === rest.body.id)).toBe(true);
  });

  it('"this and following" in the web app (userSplitSeries)', async () => {
    const { sim, api } = await startGoogle();
    const master = await api.insert('primary', weekly('RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=6', { id: 'splitme0001' }));
    await api.event('primary', 'splitme0001_20260406T070000Z', 'PATCH', { body: { summary: 'exception after split' } });
    const { ended, following } = sim.userSplitSeries(ANN, 'primary', 'splitme0001_20260330T070000Z', { summary: 'New time', start: { dateTime: '2026-03-30T11:00:00+02:00' }, end: { dateTime: '2026-03-30T12:00:00+02:00' } });
    expect(ended!.recurrence).toEqual(['RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20260330T065959Z']);
    expect(following.id).toBe('splitme0001_R20260330T070000');
    expect(following.recurrence).toEqual(['RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=4']);
    const list = await instances(api);
    expect(list.map((e) => [e.start!.dateTime, e.summary])).toEqual([
      ['2026-03-16T09:00:00+01:00', 'Weekly'],
      ['2026-03-23T09:00:00+01:00', 'Weekly'],
      ['2026-03-30T11:00:00+02:00', 'New time'],
      ['2026-04-06T11:00:00+02:00', 'New time'],
      ['2026-04-13T11:00:00+02:00', 'New time'],
      ['2026-04-20T11:00:00+02:00', 'New time'],
    ]);
    expect(list[2]!.id).toBe('splitme0001_R20260330T070000_20260330T090000Z');
    expect(master.body.id).toBe('splitme0001');
    // Split at the first instance = change the whole series.
    const whole = sim.userSplitSeries(ANN, 'primary', 'splitme0001_R20260330T070000_20260330T090000Z', { summary: 'All of it' });
    expect(whole.ended).toBeUndefined();
    expect(whole.following.id).toBe('splitme0001_R20260330T070000');
  });

  it('carries a renamed master into exceptions that kept the old name, not into renamed ones', async () => {
    const { api } = await startGoogle();
    const master = await api.insert('primary', weekly());
    const moved = `${master.body.id}_20260316T080000Z`;
    const renamed = `${master.body.id}_20260323T080000Z`;
    await api.event('primary', moved, 'PATCH', { body: { start: { dateTime: '2026-03-17T09:00:00+01:00' }, end: { dateTime: '2026-03-17T10:00:00+01:00' } } });
    await api.event('primary', renamed, 'PATCH', { body: { summary: 'Special' } });
    await api.event('primary', master.body.id!, 'PATCH', { body: { summary: 'Renamed series' } });
    const list = await instances(api, { timeMin: '2026-03-01T00:00:00Z', timeMax: '2026-03-31T00:00:00Z' });
    expect(list.map((e) => [e.id, e.summary, e.start!.dateTime])).toEqual([
      [moved, 'Renamed series', '2026-03-17T09:00:00+01:00'],
      [renamed, 'Special', '2026-03-23T09:00:00+01:00'],
      [`${master.body.id}_20260330T070000Z`, 'Renamed series', '2026-03-30T09:00:00+02:00'],
    ]);
  });

  it('drops exceptions whose original start no longer occurs when the series time changes', async () => {
    const { sim, api } = await startGoogle();
    const master = await api.insert('primary', weekly());
    const exception = `${master.body.id}_20260323T080000Z`;
    await api.event('primary', exception, 'PATCH', { body: { summary: 'Special' } });
    await api.event('primary', master.body.id!, 'PATCH', {
      body: { start: { dateTime: '2026-03-16T10:00:00', timeZone: 'Europe/Berlin' }, end: { dateTime: '2026-03-16T11:00:00', timeZone: 'Europe/Berlin' } },
    });
    expect(sim.getEvent(ANN, exception)).toBeUndefined();
    const list = await instances(api, { timeMin: '2026-03-01T00:00:00Z', timeMax: '2026-03-31T00:00:00Z' });
    expect(list.map((e) => [e.id!.split('_')[1], e.summary])).toEqual([
      ['20260316T090000Z', 'Weekly'],
      ['20260323T090000Z', 'Weekly'],
      ['20260330T080000Z', 'Weekly'],
    ]);
    expect((await api.event('primary', master.body.id!)).body.sequence).toBe(1);
  });

  it('re-sends every instance of a changed series to singleEvents feeds, and one changed instance alone', async () => {
    const { api } = await startGoogle();
    const master = await api.insert('primary', weekly('RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=4'));
    const t1 = (await api.listAll('primary', { singleEvents: true })).nextSyncToken!;
    await api.event('primary', master.body.id!, 'PATCH', { body: { location: 'Room 1' } });
    const all = await api.listAll('primary', { singleEvents: true, syncToken: t1 });
    expect(all.items.map((e) => e.location)).toEqual(['Room 1', 'Room 1', 'Room 1', 'Room 1']);
    await api.event('primary', `${master.body.id}_20260323T080000Z`, 'PATCH', { body: { location: 'Room 2' } });
    const one = await api.listAll('primary', { singleEvents: true, syncToken: all.nextSyncToken! });
    expect(one.items.map((e) => [e.id, e.location])).toEqual([[`${master.body.id}_20260323T080000Z`, 'Room 2']]);
    // Without singleEvents the feed carries the master or the exception itself.
    const t2 = (await api.listAll('primary')).nextSyncToken!;
    await api.event('primary', master.body.id!, 'PATCH', { body: { description: 'd' } });
    expect((await api.events('primary', { syncToken: t2 })).body.items!.map((e) => e.id).sort()).toEqual(
      [master.body.id, `${master.body.id}_20260323T080000Z`].sort(),
    );
  });
});
