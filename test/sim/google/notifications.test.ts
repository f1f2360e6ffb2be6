import { describe, expect, it } from 'vitest';
import { ANN, BOB, startGoogle, timed } from './test-kit.ts';

const GUESTS = [{ email: 'x@other.org', displayName: 'X' }, { email: BOB, optional: true }];

describe('Google sim: attendees and sendUpdates', () => {
  it('stores attendees like Google: responseStatus defaults to needsAction, organizer and self flags', async () => {
    const { api } = await startGoogle();
    const made = await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', {
      attendees: [...GUESTS, { email: ANN, responseStatus: 'accepted' }],
    }), { sendUpdates: 'none' });
    expect(made.body.attendees).toEqual([
      { email: 'x@other.org', displayName: 'X', responseStatus: 'needsAction' },
      { email: BOB, optional: true, responseStatus: 'needsAction' },
      { email: ANN, organizer: true, responseStatus: 'accepted', self: true },
    ]);
    const bad = await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { attendees: [{ displayName: 'no email' }] }));
    expect(bad.status).toBe(400);
  });

  it('records sendUpdates for every write and sends nothing with sendUpdates=none', async () => {
    const { sim, api } = await startGoogle();
    const made = await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { attendees: GUESTS }), { sendUpdates: 'none' });
    await api.event('primary', made.body.id!, 'PATCH', { query: { sendUpdates: 'none' }, body: { attendees: [{ email: 'new@other.org' }] } });
    await api.event('primary', made.body.id!, 'DELETE', { query: { sendUpdates: 'none' } });
    expect(sim.counters.invitationsSent).toBe(0);
    expect(sim.notifications).toEqual([]);
    expect(sim.writeRecords.map((w) => [w.operation, w.sendUpdates, w.origin])).toEqual([
      ['insert', 'none', 'api'],
      ['patch', 'none', 'api'],
      ['delete', 'none', 'api'],
    ]);
    expect(sim.counters.writes).toBe(3);
  });

  it('counts one invitation per guest notified when attendees are added, changed or removed, or the event is deleted', async () => {
    const { sim, api } = await startGoogle();
    const made = await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { attendees: GUESTS }), { sendUpdates: 'all' });
    expect(sim.counters.invitationsSent).toBe(2);
    // Without sendUpdates Google may still email ("some emails might still be sent"): counted.
    await api.event('primary', made.body.id!, 'PATCH', { body: { attendees: [GUESTS[0], { email: 'new@other.org' }] } });
    expect(sim.counters.invitationsSent).toBe(2 + 3);
    await api.event('primary', made.body.id!, 'PATCH', { body: { colorId: '2' } });
    expect(sim.counters.invitationsSent).toBe(5);
    await api.event('primary', made.body.id!, 'DELETE', { query: { sendUpdates: 'all' } });
    expect(sim.counters.invitationsSent).toBe(7);
    expect(sim.notifications.map((n) => [n.kind, [...n.recipients].sort(), n.sendUpdates])).toEqual([
      ['invitation', [BOB, 'x@other.org'], 'all'],
      ['update', [BOB, 'new@other.org', 'x@other.org'], undefined],
      ['cancellation', ['new@other.org', 'x@other.org'], 'all'],
    ]);
    expect(sim.notifications[0]!.eventId).toBe(made.body.id);
  });

  it('reaches only guests without a Google account with externalOnly; events without guests notify nobody', async () => {
    const { sim, api } = await startGoogle();
    await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { attendees: GUESTS }), { sendUpdates: 'externalOnly' });
    expect(sim.notifications.map((n) => n.recipients)).toEqual([['x@other.org']]);
    await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00'), { sendUpdates: 'all' });
    expect(sim.counters.invitationsSent).toBe(1);
    expect((await api.insert('primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00'), { sendUpdates: 'sometimes' })).status).toBe(400);
  });

  it('does not count in-process web-app changes as API writes or emails by default', async () => {
    const { sim } = await startGoogle();
    sim.userCreateEvent(ANN, 'primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { attendees: GUESTS }));
    expect(sim.counters).toMatchObject({ writes: 0, userWrites: 1, invitationsSent: 0 });
    sim.userCreateEvent(ANN, 'primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { attendees: GUESTS }), { sendUpdates: 'all' });
    expect(sim.counters.invitationsSent).toBe(2);
    expect(sim.writeRecords.map((w) => w.origin)).toEqual(['user', 'user']);
  });
});
