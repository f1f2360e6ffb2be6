import { describe, expect, it } from 'vitest';
import type { GEvent } from './model.ts';
import { ANN, errorOf, startGoogle, timed } from './test-kit.ts';

describe('Google sim: events the calendar does not organise', () => {
  async function guestCopy(extra: GEvent = {}) {
    const h = await startGoogle();
    const event = h.sim.seedEvent(ANN, 'primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', {
      summary: 'Their meeting',
      organizer: { email: 'boss@other.org', displayName: 'Boss' },
      attendees: [{ email: 'boss@other.org', responseStatus: 'accepted' }, { email: ANN }],
      guestsCanInviteOthers: false,
      extendedProperties: { shared: { k: 'v' } },
      ...extra,
    }));
    return { ...h, event };
  }

  it('has organizer.self=false and allows the guest’s own fields: reminders, colour, private properties, response', async () => {
    const { api, event } = await guestCopy();
    expect(event.organizer).toEqual({ email: 'boss@other.org', displayName: 'Boss' });
    const patched = await api.event('primary', event.id!, 'PATCH', {
      body: {
        reminders: { useDefault: false, overrides: [{ method: 'popup', minutes: 1 }] },
        colorId: '3',
        extendedProperties: { private: { mine: 'yes' } },
        attendees: [{ email: 'boss@other.org', responseStatus: 'accepted' }, { email: ANN, responseStatus: 'declined' }],
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.attendees!.find((a) => a.email === ANN)).toMatchObject({ self: true, responseStatus: 'declined' });
  });

  it('refuses organizer-only changes with 403 forbiddenForNonOrganizer', async () => {
    const { api, event } = await guestCopy();
    const expected = { code: 403, reason: 'forbiddenForNonOrganizer', domain: 'calendar', message: 'Shared properties can only be changed by the organizer of the event.' };
    expect(errorOf(await api.event('primary', event.id!, 'PATCH', { body: { summary: 'Mine' } }))).toEqual(expected);
    expect(errorOf(await api.event('primary', event.id!, 'PATCH', { body: { guestsCanModify: true } }))).toEqual(expected);
    expect(errorOf(await api.event('primary', event.id!, 'PATCH', { body: { extendedProperties: { shared: { k: 'w' } } } }))).toEqual(expected);
    // An update that leaves guestsCanInviteOthers out resets it to its default: also a change.
    const { organizer: _o, creator: _c, guestsCanInviteOthers: _g, ...rest } = event;
    expect(errorOf(await api.event('primary', event.id!, 'PUT', { body: rest }))).toEqual(expected);
    // Deleting it from one's own calendar is allowed.
    expect((await api.event('primary', event.id!, 'DELETE')).status).toBe(204);
  });

  it('lets guests change the content when the organizer allows guestsCanModify', async () => {
    const { api, event } = await guestCopy({ guestsCanModify: true });
    expect((await api.event('primary', event.id!, 'PATCH', { body: { summary: 'Edited by guest' } })).status).toBe(200);
    expect((await api.event('primary', event.id!, 'PATCH', { body: { guestsCanInviteOthers: true } })).status).toBe(403);
  });

  it('imports a private copy keyed by iCalUID, with the given organizer', async () => {
    const { api } = await startGoogle();
    const body = { ...timed('2026-03-02T10:00:00', '2026-03-02T11:00:00'), iCalUID: 'ext-123@other.org', organizer: { email: 'boss@other.org' } };
    const first = await api.call<GEvent>('POST', '/calendars/primary/events/import', { body });
    expect(first.body).toMatchObject({ iCalUID: 'ext-123@other.org', organizer: { email: 'boss@other.org' } });
    const again = await api.call<GEvent>('POST', '/calendars/primary/events/import', { body: { ...body, summary: 'v2' } });
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.summary).toBe('v2');
    expect(errorOf(await api.call('POST', '/calendars/primary/events/import', { body: timed('2026-03-02T10:00:00', '2026-03-02T11:00:00') }))).toMatchObject({ code: 400 });
  });

  it('refuses changes to the core fields of a locked event', async () => {
    const { sim, api } = await startGoogle();
    const locked = sim.seedEvent(ANN, 'primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { locked: true }));
    expect(locked.locked).toBe(true);
    expect(errorOf(await api.event('primary', locked.id!, 'PATCH', { body: { summary: 'changed' } }))).toMatchObject({ code: 403 });
    expect((await api.event('primary', locked.id!, 'PATCH', { body: { colorId: '4' } })).status).toBe(200);
  });
});
