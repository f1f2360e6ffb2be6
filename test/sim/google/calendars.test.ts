import { describe, expect, it } from 'vitest';
import type { GCalendarList, GCalendarListEntry, GColors } from './model.ts';
import { ANN, BOB, errorOf, startGoogle } from './test-kit.ts';

describe('Google sim: calendarList, calendars, colors', () => {
  it('lists the primary calendar first, with its fields, and gets one entry by id or "primary"', async () => {
    const { sim, api } = await startGoogle();
    const work = sim.addCalendar(ANN, { summary: 'Work', description: 'Job', timeZone: 'America/New_York', colorId: '7' });
    const list = await api.call<GCalendarList>('GET', '/users/me/calendarList');
    expect(list.status).toBe(200);
    expect(list.body.kind).toBe('calendar#calendarList');
    expect(list.body.items!.map((e) => e.id)).toEqual([ANN, work]);
    const [primary, secondary] = list.body.items!;
    expect(primary).toMatchObject({ kind: 'calendar#calendarListEntry', primary: true, accessRole: 'owner', timeZone: 'Europe/Berlin', selected: true });
    expect(primary!.defaultReminders).toEqual([{ method: 'popup', minutes: 10 }]);
    expect(secondary).toMatchObject({ summary: 'Work', description: 'Job', timeZone: 'America/New_York', colorId: '7', backgroundColor: '#42d692' });
    expect(secondary!.primary).toBeUndefined();

    const byAlias = await api.call<GCalendarListEntry>('GET', '/users/me/calendarList/primary');
    expect(byAlias.body.id).toBe(ANN);
    const byId = await api.call<GCalendarListEntry>('GET', `/users/me/calendarList/${encodeURIComponent(work)}`);
    expect(byId.body.summary).toBe('Work');
    expect(errorOf(await api.call('GET', '/users/me/calendarList/nope%40example.com'))).toMatchObject({ code: 404, reason: 'notFound' });
  });

  it('shows calendars shared with the user, with their access role, and filters by minAccessRole', async () => {
    const { sim, api } = await startGoogle();
    const team = sim.addCalendar(BOB, { summary: 'Team' });
    const holidays = sim.addCalendar(BOB, { summary: 'Holidays' });
    const busy = sim.addCalendar(BOB, { summary: 'Busy' });
    sim.shareCalendar(team, ANN, 'writer');
    sim.shareCalendar(holidays, ANN, 'reader');
    sim.shareCalendar(busy, ANN, 'freeBusyReader');
    const all = await api.call<GCalendarList>('GET', '/users/me/calendarList');
    const roles = Object.fromEntries(all.body.items!.map((e) => [e.summary!, e.accessRole]));
    expect(roles).toEqual({ [ANN]: 'owner', Team: 'writer', Holidays: 'reader', Busy: 'freeBusyReader' });
    // A newly shared calendar starts without default reminders for the new viewer.
    expect(all.body.items!.find((e) => e.id === team)!.defaultReminders).toEqual([]);

    const writable = await api.call<GCalendarList>('GET', '/users/me/calendarList', { query: { minAccessRole: 'writer' } });
    expect(writable.body.items!.map((e) => e.accessRole)).toEqual(['owner', 'writer']);
    const readable = await api.call<GCalendarList>('GET', '/users/me/calendarList', { query: { minAccessRole: 'reader' } });
    expect(readable.body.items).toHaveLength(3);
    expect(errorOf(await api.call('GET', '/users/me/calendarList', { query: { minAccessRole: 'boss' } }))).toMatchObject({ code: 400 });
    // Bob's calendar is not Ann's to see unless shared: a calendar she has no entry for is 404.
    const secret = sim.addCalendar(BOB, { summary: 'Secret' });
    expect((await api.events(secret)).status).toBe(404);
  });

  it('hides hidden entries unless showHidden=true', async () => {
    const { sim, api } = await startGoogle();
    sim.addCalendar(ANN, { summary: 'Hidden one', hidden: true, selected: false });
    const visible = await api.call<GCalendarList>('GET', '/users/me/calendarList');
    expect(visible.body.items!.map((e) => e.summary)).toEqual([ANN]);
    const all = await api.call<GCalendarList>('GET', '/users/me/calendarList', { query: { showHidden: true } });
    const hidden = all.body.items!.find((e) => e.summary === 'Hidden one')!;
    expect(hidden).toMatchObject({ hidden: true });
    expect(hidden.selected).toBeUndefined();
  });

  it('pages with maxResults (capped at 250) and pageToken', async () => {
    const { sim, api } = await startGoogle();
    for (let i = 0; i < 260; i++) sim.addCalendar(ANN, { summary: `Cal ${String(i).padStart(3, '0')}` });
    const first = await api.call<GCalendarList>('GET', '/users/me/calendarList', { query: { maxResults: 1000 } });
    expect(first.body.items).toHaveLength(250);
    const second = await api.call<GCalendarList>('GET', '/users/me/calendarList', {
      query: { maxResults: 1000, pageToken: first.body.nextPageToken! },
    });
    expect(second.body.items).toHaveLength(11);
    expect(second.body.nextPageToken).toBeUndefined();
    const defaultPage = await api.call<GCalendarList>('GET', '/users/me/calendarList');
    expect(defaultPage.body.items).toHaveLength(100);
    const forged = await api.call('GET', '/users/me/calendarList', { query: { pageToken: 'abc.def' } });
    expect(errorOf(forged)).toMatchObject({ code: 400, reason: 'invalid' });
  });

  it('serves calendars.get and the colour palettes', async () => {
    const { api } = await startGoogle();
    const calendar = await api.call<{ id: string; timeZone: string; kind: string }>('GET', '/calendars/primary');
    expect(calendar.body).toMatchObject({ kind: 'calendar#calendar', id: ANN, timeZone: 'Europe/Berlin' });
    const colors = await api.call<GColors>('GET', '/colors');
    expect(colors.body.kind).toBe('calendar#colors');
    expect(Object.keys(colors.body.event!)).toHaveLength(11);
    expect(Object.keys(colors.body.calendar!)).toHaveLength(24);
    expect(colors.body.calendar!['14']).toEqual({ background: '#9fe1e7', foreground: '#1d1d1d' });
  });
});
