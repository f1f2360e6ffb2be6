import { describe, expect, it } from 'vitest';
import { GoogleApiError } from './errors.ts';
import { ANN, BOB, errorOf, startGoogle, timed, weekly } from './test-kit.ts';

describe('Google sim: in-process API', () => {
  it('seeds events with insert’s validation, without logging or counting them, visible to the API', async () => {
    const { sim, api } = await startGoogle();
    const seeded = sim.seedEvent(ANN, 'primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { id: 'seeded00001' }));
    expect(seeded).toMatchObject({ id: 'seeded00001', start: { dateTime: '2026-03-02T10:00:00+01:00' } });
    expect(() => sim.seedEvent(ANN, 'primary', timed('2026-03-02T11:00:00', '2026-03-02T10:00:00'))).toThrow(GoogleApiError);
    expect(() => sim.seedEvent(ANN, 'primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00', { id: 'seeded00001' }))).toThrow(
      expect.objectContaining({ status: 409, reason: 'duplicate' }),
    );
    expect(sim.log.all()).toHaveLength(0);
    expect(sim.counters.writes + sim.counters.userWrites).toBe(0);
    expect((await api.event('primary', 'seeded00001')).body.id).toBe('seeded00001');
  });

  it('reads the raw store: events as kept (UTC), instances made on demand, exceptions and deletions included', async () => {
    const { sim } = await startGoogle();
    const series = sim.seedEvent(ANN, 'primary', weekly('RRULE:FREQ=WEEKLY;BYDAY=MO', { id: 'rseries0001' }));
    expect(sim.getEvent(ANN, series.id!)!.start).toEqual({ dateTime: '2026-03-16T08:00:00Z', timeZone: 'Europe/Berlin' });
    expect(sim.getEvent(ANN, 'rseries0001_20260323T080000Z')).toMatchObject({ recurringEventId: 'rseries0001', status: 'confirmed' });
    sim.userPatchEvent(ANN, 'primary', 'rseries0001_20260323T080000Z', { summary: 'Changed in the web app' });
    sim.userDeleteEvent(ANN, 'primary', 'rseries0001_20260330T070000Z');
    const stored = sim.listStoredEvents(ANN).map((e) => [e.id, e.status, e.summary]);
    expect(stored).toEqual([
      ['rseries0001', 'confirmed', 'Weekly'],
      ['rseries0001_20260323T080000Z', 'confirmed', 'Changed in the web app'],
      ['rseries0001_20260330T070000Z', 'cancelled', 'Weekly'],
    ]);
    // What the in-process API hands out is a copy: changing it leaves the store alone.
    sim.getEvent(ANN, 'rseries0001')!.summary = 'tampered';
    expect(sim.getEvent(ANN, 'rseries0001')!.summary).toBe('Weekly');
    expect(sim.getEvent(ANN, 'nothing0001')).toBeUndefined();
  });

  it('applies the same rules to web-app changes: writer access, validation, etags', async () => {
    const { sim } = await startGoogle();
    const bobs = sim.addCalendar(BOB, { summary: 'Bob' });
    sim.shareCalendar(bobs, ANN, 'reader');
    expect(() => sim.userCreateEvent(ANN, bobs, timed('2026-03-02T10:00:00', '2026-03-02T11:00:00'))).toThrow(
      expect.objectContaining({ status: 403, reason: 'requiredAccessLevel' }),
    );
    const made = sim.userCreateEvent(ANN, 'primary', timed('2026-03-02T10:00:00', '2026-03-02T11:00:00'));
    const patched = sim.userPatchEvent(ANN, 'primary', made.id!, { summary: 'Edited' });
    expect(patched.etag).not.toBe(made.etag);
  });

  it('answers CORS preflights, as the Google API does for browser clients', async () => {
    const { sim } = await startGoogle();
    const preflight = await fetch(`${sim.apiBase}/calendars/primary/events`, {
      method: 'OPTIONS',
      headers: { origin: 'chrome-extension://abc', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('chrome-extension://abc');
  });

  it('issues tokens with chosen lifetimes and scopes', async () => {
    const { sim, api, clock } = await startGoogle();
    const token = sim.issueToken(ANN, 1000, ['https://www.googleapis.com/auth/calendar.readonly']);
    expect((await api.call('GET', '/users/me/calendarList', { token })).status).toBe(200);
    expect((await api.call('POST', '/calendars/primary/events', { token, body: timed('2026-03-02T10:00:00', '2026-03-02T11:00:00') })).status).toBe(403);
    clock.advance(1000);
    expect(errorOf(await api.call('GET', '/users/me/calendarList', { token }))).toMatchObject({ code: 401 });
  });
});
