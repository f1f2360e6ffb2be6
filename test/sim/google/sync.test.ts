import { describe, expect, it } from 'vitest';
import { ANN, errorOf, startGoogle, timed } from './test-kit.ts';

const DAY = 86_400_000;
const FULL_SYNC_REQUIRED = {
  error: {
    errors: [
      {
        domain: 'calendar',
        reason: 'fullSyncRequired',
        message: 'Sync token is no longer valid, a full sync is required.',
        locationType: 'parameter',
        location: 'syncToken',
      },
    ],
    code: 410,
    message: 'Sync token is no longer valid, a full sync is required.',
  },
};

describe('Google sim: incremental sync', () => {
  it('returns only what changed since the token, deletions included without showDeleted', async () => {
    const { api } = await startGoogle();
    const a = await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { summary: 'a' }));
    const b = await api.insert('primary', timed('2026-03-03T10:00:00', '2026-03-03T11:00:00', { summary: 'b' }));
    const full = await api.listAll('primary');
    expect(full.items).toHaveLength(2);

    const nothing = await api.events('primary', { syncToken: full.nextSyncToken! });
    expect(nothing.body.items).toEqual([]);
    expect(nothing.body.nextSyncToken).toBeTruthy();

    await api.event('primary', a.body.id!, 'PATCH', { body: { summary: 'a2' } });
    await api.event('primary', b.body.id!, 'DELETE');
    const c = await api.insert('primary', timed('2026-03-04T10:00:00', '2026-03-04T11:00:00', { summary: 'c' }));
    const changes = await api.listAll('primary', { syncToken: nothing.body.nextSyncToken! });
    const byId = new Map(changes.items.map((e) => [e.id!, e]));
    expect([...byId.keys()].sort()).toEqual([a.body.id, b.body.id, c.body.id].sort());
    expect(byId.get(a.body.id!)!.summary).toBe('a2');
    expect(byId.get(b.body.id!)).toMatchObject({ id: b.body.id, status: 'cancelled' });
    expect(byId.get(c.body.id!)!.summary).toBe('c');
  });

  it('shows changes made in the web app (in-process user changes) like API changes', async () => {
    const { sim, api } = await startGoogle();
    const { nextSyncToken } = await api.listAll('primary');
    const created = sim.userCreateEvent(ANN, 'primary', timed('2026-03-05T09:00:00', '2026-03-05T10:00:00', { summary: 'from the web' }));
    const changes = await api.events('primary', { syncToken: nextSyncToken! });
    expect(changes.body.items!.map((e) => [e.id, e.summary])).toEqual([[created.id, 'from the web']]);
    sim.userDeleteEvent(ANN, 'primary', created.id!);
    const deletion = await api.events('primary', { syncToken: changes.body.nextSyncToken! });
    expect(deletion.body.items!.map((e) => [e.id, e.status])).toEqual([[created.id, 'cancelled']]);
    // User changes are not API requests: only the three list calls are logged.
    expect(sim.log.count()).toBe(3);
  });

  it('refuses syncToken combined with a filter it cannot honour (400)', async () => {
    const { api } = await startGoogle();
    const { nextSyncToken } = await api.listAll('primary');
    const forbidden: Record<string, string> = {
      timeMin: '2026-03-01T00:00:00Z',
      timeMax: '2026-04-01T00:00:00Z',
      q: 'x',
      orderBy: 'updated',
      updatedMin: '2026-03-01T00:00:00Z',
      iCalUID: 'x@google.com',
      privateExtendedProperty: 'k=v',
      sharedExtendedProperty: 'k=v',
    };
    for (const [name, value] of Object.entries(forbidden)) {
      const reply = await api.events('primary', { syncToken: nextSyncToken!, [name]: value });
      expect(errorOf(reply), name).toMatchObject({ code: 400, reason: 'invalid', location: name });
    }
  });

  it('refuses a token when singleEvents/showDeleted differ from the full sync that made it (400)', async () => {
    const { api } = await startGoogle();
    const { nextSyncToken } = await api.listAll('primary', { singleEvents: true, showDeleted: true });
    expect((await api.events('primary', { syncToken: nextSyncToken!, singleEvents: true, showDeleted: true })).status).toBe(200);
    expect(errorOf(await api.events('primary', { syncToken: nextSyncToken!, showDeleted: true }))).toMatchObject({ code: 400, location: 'syncToken' });
    expect(errorOf(await api.events('primary', { syncToken: nextSyncToken!, singleEvents: true }))).toMatchObject({ code: 400 });
  });

  it('answers an expired token with the exact 410 fullSyncRequired body', async () => {
    const { sim, api, clock } = await startGoogle({ syncTokenLifetimeMs: 7 * DAY });
    const { nextSyncToken } = await api.listAll('primary');
    clock.advance(6 * DAY);
    const fresh = await api.events('primary', { syncToken: nextSyncToken! });
    expect(fresh.status).toBe(200);
    clock.advance(7 * DAY + 1);
    const expired = await api.events('primary', { syncToken: fresh.body.nextSyncToken! });
    expect(expired.status).toBe(410);
    expect(expired.body).toEqual(FULL_SYNC_REQUIRED);
    expect(sim.counters.syncTokensRejected).toBe(1);
  });

  it('answers 410 for tokens invalidated in process, per calendar or all', async () => {
    const { sim, api } = await startGoogle();
    const work = sim.addCalendar(ANN, { summary: 'Work' });
    const primaryToken = (await api.listAll('primary')).nextSyncToken!;
    const workToken = (await api.listAll(work)).nextSyncToken!;
    sim.invalidateSyncTokens(work);
    expect((await api.events('primary', { syncToken: primaryToken })).status).toBe(200);
    expect((await api.events(work, { syncToken: workToken })).body).toEqual(FULL_SYNC_REQUIRED);
    const again = (await api.listAll(work)).nextSyncToken!;
    expect((await api.events(work, { syncToken: again })).status).toBe(200);
    sim.invalidateSyncTokens();
    expect((await api.events('primary', { syncToken: primaryToken })).status).toBe(410);
  });

  it('answers 410 for tokens older than a purged deletion, while newer tokens keep working', async () => {
    const { api, clock } = await startGoogle({ deletedEventTtlMs: 3 * DAY, syncTokenLifetimeMs: 30 * DAY });
    const old = (await api.listAll('primary')).nextSyncToken!;
    const doomed = await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00'));
    await api.event('primary', doomed.body.id!, 'DELETE');
    const afterDeletion = (await api.listAll('primary')).nextSyncToken!;
    clock.advance(3 * DAY);
    expect((await api.events('primary', { syncToken: old })).status).toBe(410);
    expect((await api.events('primary', { syncToken: afterDeletion })).status).toBe(200);
    // The purged event is gone for good: get is 404, and the id still cannot be reused.
    expect((await api.event('primary', doomed.body.id!)).status).toBe(404);
  });

  it('refuses an edited or foreign token with 400', async () => {
    const { sim, api } = await startGoogle();
    const token = (await api.listAll('primary')).nextSyncToken!;
    const [payload, mac] = token.split('.');
    const state = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...state, seq: 99 })).toString('base64url');
    expect(errorOf(await api.events('primary', { syncToken: `${forged}.${mac}` }))).toMatchObject({ code: 400, location: 'syncToken' });
    expect(errorOf(await api.events('primary', { syncToken: 'CPDAlvWDx70CEPDAlvWDx70CGAU=' }))).toMatchObject({ code: 400 });
    const work = sim.addCalendar(ANN, { summary: 'Work' });
    expect(errorOf(await api.events(work, { syncToken: token }))).toMatchObject({ code: 400 });
  });

  it('points nextSyncToken at the start of the listing, so changes made while paging come again', async () => {
    const { sim, api } = await startGoogle();
    for (let i = 0; i < 4; i++) sim.seedEvent(ANN, 'primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { summary: `e${i}` }));
    const first = await api.events('primary', { maxResults: 2 });
    const midway = sim.userCreateEvent(ANN, 'primary', timed('2026-03-09T10:00:00', '2026-03-09T11:00:00', { summary: 'midway' }));
    let page = first;
    while (page.body.nextPageToken) page = await api.events('primary', { maxResults: 2, pageToken: page.body.nextPageToken });
    const next = await api.events('primary', { syncToken: page.body.nextSyncToken! });
    expect(next.body.items!.map((e) => e.id)).toContain(midway.id);
  });

  it('pages incremental results too, with the sync token only at the end', async () => {
    const { sim, api } = await startGoogle();
    const { nextSyncToken } = await api.listAll('primary');
    for (let i = 0; i < 5; i++) sim.userCreateEvent(ANN, 'primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00'));
    const pages = await api.listAll('primary', { syncToken: nextSyncToken!, maxResults: 2 });
    expect(pages.pages.map((p) => [p.items!.length, Boolean(p.nextPageToken), Boolean(p.nextSyncToken)])).toEqual([
      [2, true, false],
      [2, true, false],
      [1, false, true],
    ]);
    expect(sim.counters.incrementalSyncPages).toBe(3);
  });

  it('includes deletions in updatedMin listings and refuses updatedMin before purged deletions (410)', async () => {
    const { api, clock } = await startGoogle({ deletedEventTtlMs: DAY });
    const since = new Date(clock.now()).toISOString();
    const gone = await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00'));
    await api.event('primary', gone.body.id!, 'DELETE');
    const listed = await api.events('primary', { updatedMin: since });
    expect(listed.body.items!.map((e) => [e.id, e.status])).toEqual([[gone.body.id, 'cancelled']]);
    expect(listed.body.nextSyncToken).toBeUndefined();
    clock.advance(DAY);
    expect(errorOf(await api.events('primary', { updatedMin: since }))).toMatchObject({ code: 410, reason: 'updatedMinTooLongAgo', domain: 'calendar' });
  });
});
