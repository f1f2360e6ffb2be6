import { describe, expect, it } from 'vitest';
import { ANN, errorOf, startGoogle, timed } from './test-kit.ts';

describe('Google sim: events.list full sync', () => {
  it('returns a calendar#events collection with the calendar fields', async () => {
    const { api } = await startGoogle();
    await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00'));
    const reply = await api.events('primary');
    expect(reply.body).toMatchObject({
      kind: 'calendar#events',
      summary: ANN,
      timeZone: 'Europe/Berlin',
      accessRole: 'owner',
      defaultReminders: [{ method: 'popup', minutes: 10 }],
    });
    expect(reply.body.etag).toMatch(/^".+"$/);
    expect(reply.body.updated).toBe('2026-03-01T09:00:00.000Z');
    expect(reply.body.items).toHaveLength(1);
    // dateTime comes back in the calendar's zone with its offset; the event keeps its own timeZone.
    expect(reply.body.items![0]!.start).toEqual({ dateTime: '2026-03-02T10:00:00+01:00', timeZone: 'Europe/Berlin' });
  });

  it('filters timeMin against the end and timeMax against the start, both exclusive', async () => {
    const { api } = await startGoogle();
    await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { summary: 'A' }));
    await api.insert('primary', timed('2026-03-02T11:00:00', '2026-03-02T12:00:00', { summary: 'B' }));
    const summaries = async (query: Record<string, string>) => (await api.listAll('primary', query)).items.map((e) => e.summary).sort();
    // A ends exactly at timeMin: excluded. B starts exactly at timeMax: excluded.
    expect(await summaries({ timeMin: '2026-03-02T11:00:00+01:00' })).toEqual(['B']);
    expect(await summaries({ timeMax: '2026-03-02T11:00:00+01:00' })).toEqual(['A']);
    expect(await summaries({ timeMin: '2026-03-02T10:59:59+01:00', timeMax: '2026-03-02T11:00:01+01:00' })).toEqual(['A', 'B']);
    expect(await summaries({ timeMin: '2026-03-02T10:00:00Z' })).toEqual(['B']);
  });

  it('rejects timeMin/timeMax without an offset (400) and empty ranges (400 timeRangeEmpty)', async () => {
    const { api } = await startGoogle();
    expect(errorOf(await api.events('primary', { timeMin: '2026-03-02T10:00:00' }))).toMatchObject({ code: 400, reason: 'badRequest', location: 'timeMin' });
    expect(errorOf(await api.events('primary', { timeMax: '2026-03-02' }))).toMatchObject({ code: 400, location: 'timeMax' });
    const empty = await api.events('primary', { timeMin: '2026-03-03T00:00:00Z', timeMax: '2026-03-02T00:00:00Z' });
    expect(errorOf(empty)).toEqual({ code: 400, reason: 'timeRangeEmpty', domain: 'calendar', message: 'The specified time range is empty.', location: 'timeMax' });
  });

  it('pages with maxResults (default 250, capped at 2500) and gives nextSyncToken only on the last page', async () => {
    const { sim, api } = await startGoogle();
    for (let i = 0; i < 2600; i++) {
      sim.seedEvent(ANN, 'primary', { summary: `E${i}`, start: { date: '2026-04-01' }, end: { date: '2026-04-02' } });
    }
    const defaultPage = await api.events('primary');
    expect(defaultPage.body.items).toHaveLength(250);
    expect(defaultPage.body.nextPageToken).toBeTruthy();
    expect(defaultPage.body.nextSyncToken).toBeUndefined();

    const { pages, items, nextSyncToken } = await api.listAll('primary', { maxResults: 5000 });
    expect(pages.map((p) => p.items!.length)).toEqual([2500, 100]);
    expect(pages[0]!.nextSyncToken).toBeUndefined();
    expect(nextSyncToken).toBeTruthy();
    expect(new Set(items.map((e) => e.id)).size).toBe(2600);
    expect(errorOf(await api.events('primary', { maxResults: 0 }))).toMatchObject({ code: 400, reason: 'invalid' });
  });

  it('refuses a page token used with another query or edited by the client', async () => {
    const { sim, api } = await startGoogle();
    for (let i = 0; i < 3; i++) sim.seedEvent(ANN, 'primary', timed('2026-03-05T10:00:00', '2026-03-05T11:00:00'));
    const first = await api.events('primary', { maxResults: 1 });
    const token = first.body.nextPageToken!;
    expect(errorOf(await api.events('primary', { maxResults: 2, pageToken: token }))).toMatchObject({ code: 400, location: 'pageToken' });
    const edited = token.slice(0, -2) + (token.endsWith('A') ? 'BB' : 'AA');
    expect(errorOf(await api.events('primary', { maxResults: 1, pageToken: edited }))).toMatchObject({ code: 400 });
    expect((await api.events('primary', { maxResults: 1, pageToken: token })).status).toBe(200);
  });

  it('can serve short and empty pages that still carry nextPageToken', async () => {
    const { sim, api } = await startGoogle({ shortPageProbability: 1 });
    for (let i = 0; i < 40; i++) sim.seedEvent(ANN, 'primary', timed('2026-03-05T10:00:00', '2026-03-05T11:00:00', { summary: `S${i}` }));
    const short = await api.listAll('primary', { maxResults: 10 });
    expect(short.pages.slice(0, -1).every((p) => p.items!.length < 10 && p.nextPageToken)).toBe(true);
    expect(short.items).toHaveLength(40);

    sim.settings.shortPageProbability = 0;
    sim.settings.emptyPageProbability = 0.5;
    const sparse = await api.listAll('primary', { maxResults: 10 });
    expect(sparse.pages.some((p) => p.items!.length === 0 && p.nextPageToken)).toBe(true);
    expect(new Set(sparse.items.map((e) => e.id)).size).toBe(40);
    expect(sparse.nextSyncToken).toBeTruthy();
  });

  it('orders by startTime (only with singleEvents) and by updated', async () => {
    const { api, clock } = await startGoogle();
    await api.insert('primary', timed('2026-03-04T10:00:00', '2026-03-04T11:00:00', { summary: 'late' }));
    clock.advance(1000);
    await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { summary: 'early' }));
    clock.advance(1000);
    await api.insert('primary', timed('2026-03-03T10:00:00', '2026-03-03T11:00:00', { summary: 'middle' }));
    const byStart = await api.events('primary', { singleEvents: true, orderBy: 'startTime' });
    expect(byStart.body.items!.map((e) => e.summary)).toEqual(['early', 'middle', 'late']);
    const byUpdated = await api.events('primary', { orderBy: 'updated' });
    expect(byUpdated.body.items!.map((e) => e.summary)).toEqual(['late', 'early', 'middle']);
    const refused = await api.events('primary', { orderBy: 'startTime' });
    expect(errorOf(refused)).toMatchObject({ code: 400, reason: 'invalid', location: 'orderBy' });
  });

  it('searches text with q, finds by iCalUID, and filters by updatedMin', async () => {
    const { api, clock } = await startGoogle();
    await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { summary: 'Quarterly review', location: 'Room Blue' }));
    const planning = await api.insert('primary', timed('2026-03-03T10:00:00', '2026-03-03T11:00:00', { summary: 'Planning', description: 'Review the roadmap' }));
    clock.advance(60_000);
    const late = await api.insert('primary', timed('2026-03-04T10:00:00', '2026-03-04T11:00:00', { summary: 'Lunch' }));
    const q = async (text: string) => (await api.events('primary', { q: text })).body.items!.map((e) => e.summary).sort();
    expect(await q('review')).toEqual(['Planning', 'Quarterly review']);
    expect(await q('review blue')).toEqual(['Quarterly review']);
    expect(await q('ann@example.com lunch')).toEqual(['Lunch']);
    const byUid = await api.events('primary', { iCalUID: planning.body.iCalUID! });
    expect(byUid.body.items!.map((e) => e.id)).toEqual([planning.body.id]);
    const recent = await api.events('primary', { updatedMin: new Date(late.body.updated!).toISOString() });
    expect(recent.body.items!.map((e) => e.summary)).toEqual(['Lunch']);
  });

  it('renders dateTimes in the zone given by timeZone', async () => {
    const { api } = await startGoogle();
    await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00'));
    const tokyo = await api.events('primary', { timeZone: 'Asia/Tokyo' });
    expect(tokyo.body.items![0]!.start).toEqual({ dateTime: '2026-03-02T18:00:00+09:00', timeZone: 'Europe/Berlin' });
    const utc = await api.events('primary', { timeZone: 'UTC' });
    expect(utc.body.items![0]!.end!.dateTime).toBe('2026-03-02T10:00:00Z');
    expect(errorOf(await api.events('primary', { timeZone: 'Mars/Olympus' }))).toMatchObject({ code: 400 });
  });

  it('filters extended properties: OR within private or shared, AND across them', async () => {
    const { api } = await startGoogle();
    const mk = (summary: string, priv: Record<string, string>, shared: Record<string, string> = {}) =>
      api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { summary, extendedProperties: { private: priv, shared } }));
    await mk('one', { src: 'outlook', n: '1' });
    await mk('two', { src: 'outlook', n: '2' }, { team: 'x' });
    await mk('three', { src: 'other' }, { team: 'x' });
    const find = async (query: Record<string, string | string[]>) => (await api.events('primary', query)).body.items!.map((e) => e.summary).sort();
    expect(await find({ privateExtendedProperty: 'src=outlook' })).toEqual(['one', 'two']);
    expect(await find({ privateExtendedProperty: ['n=1', 'n=2'] })).toEqual(['one', 'two']);
    expect(await find({ privateExtendedProperty: 'src=outlook', sharedExtendedProperty: 'team=x' })).toEqual(['two']);
    expect(await find({ sharedExtendedProperty: 'team=y' })).toEqual([]);
    expect(errorOf(await api.events('primary', { privateExtendedProperty: 'novalue' }))).toMatchObject({ code: 400 });
  });

  it('leaves deleted events out unless showDeleted=true', async () => {
    const { api } = await startGoogle();
    const gone = await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { summary: 'gone' }));
    await api.insert('primary', timed('2026-03-02T12:00:00', '2026-03-02T13:00:00', { summary: 'kept' }));
    await api.event('primary', gone.body.id!, 'DELETE');
    expect((await api.events('primary')).body.items!.map((e) => e.summary)).toEqual(['kept']);
    const withDeleted = await api.events('primary', { showDeleted: true });
    const deleted = withDeleted.body.items!.find((e) => e.id === gone.body.id)!;
    // A listed deletion carries only what Google guarantees for it.
    expect(deleted.status).toBe('cancelled');
    expect(deleted.summary).toBeUndefined();
  });

  it('trims responses to the fields parameter (partial responses)', async () => {
    const { api } = await startGoogle();
    const made = await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { summary: 'Trim me' }));
    const trimmed = await api.events('primary', { fields: 'items(id,start/dateTime,summary),nextSyncToken' });
    expect(trimmed.body).toEqual({
      items: [{ id: made.body.id, start: { dateTime: '2026-03-02T10:00:00+01:00' }, summary: 'Trim me' }],
      nextSyncToken: expect.any(String) as unknown,
    });
    const one = await api.event('primary', made.body.id!, 'GET', { query: { fields: 'id,etag' } });
    expect(Object.keys(one.body)).toEqual(['etag', 'id']);
    expect(errorOf(await api.events('primary', { fields: 'items(id' }))).toMatchObject({ code: 400, location: 'fields' });
  });
});
