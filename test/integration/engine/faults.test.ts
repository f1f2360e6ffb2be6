import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorld, gTimed, GOOGLE_USER, MS_USER, oTimed, totalWrites, type World } from './harness.ts';

describe('engine: faults', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
    world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gTimed('From Google', '2026-03-10', '09:00', '10:00'));
    world.sims.graph.userCreateEvent(MS_USER, world.outlookCalendar, oTimed('From Outlook', '2026-03-10', '11:00', '12:00'));
  });
  afterEach(async () => {
    await world.close();
  });

  it('waits exactly what a throttling service asks for, then carries on', async () => {
    world.sims.google.faults.inject({ match: { method: 'GET', path: /\/events$/ }, action: { kind: 'status', status: 429, reason: 'rateLimitExceeded', retryAfterSeconds: 7 } });
    world.sims.graph.faults.inject({ match: { path: /\/delta/ }, action: { kind: 'status', status: 429, retryAfterSeconds: 3 } });
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    expect(world.sleeps).toEqual(expect.arrayContaining([7_000, 3_000]));
    expect(world.googleTitles()).toEqual(['From Google', 'From Outlook']);
  });

  it('retries server errors and dropped connections with backoff', async () => {
    world.sims.google.faults.inject({ match: { method: 'GET' }, action: { kind: 'status', status: 503 }, times: 2 });
    world.sims.graph.faults.inject({ match: { method: 'POST' }, action: { kind: 'reset' } });
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    expect(world.outlookTitles()).toEqual(['From Google', 'From Outlook']);
  });

  it('renews an expired token silently and goes on', async () => {
    await world.sync();
    world.sims.clock.advance(2 * 3_600_000); // both access tokens expire
    world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gTimed('Later', '2026-03-11', '09:00', '10:00'));
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    expect(world.outlookTitles()).toContain('Later');
  });

  it('rejects a malformed response with a clear error and loses nothing', async () => {
    world.sims.graph.faults.inject({ match: { path: /\/delta/ }, action: { kind: 'malformed', body: '{"value": "not a list"}' }, times: Infinity });
    const failed = await world.sync();
    expect(failed.errors.map((e) => [e.kind, e.side, e.transient])).toEqual([['malformed-response', 'outlook', true]]);
    expect(failed.errors[0]?.message).toMatch(/malformed/);
    expect(failed.committed).toBe(false);
    expect(world.googleTitles()).toEqual(['From Google']);
    world.sims.graph.faults.clear();
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    expect(world.googleTitles()).toEqual(['From Google', 'From Outlook']);
    expect(totalWrites(await world.sync())).toBe(0);
  });

  it('stops when cancelled and finishes on the next run without duplicates', async () => {
    const controller = new AbortController();
    controller.abort();
    const cancelled = await world.sync({ signal: controller.signal });
    expect(cancelled.errors.map((e) => e.kind)).toEqual(['cancelled']);
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    expect(world.googleTitles()).toEqual(['From Google', 'From Outlook']);
    expect(world.outlookTitles()).toEqual(['From Google', 'From Outlook']);
  });

  it('re-reads and merges when an event changes between its read and our write (412)', async () => {
    await world.sync();
    const source = world.googleEvents().find((e) => e.summary === 'From Google')!;
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, source.id!, { location: 'Room 7' });
    const mirror = world.outlookEvents().find((e) => e.subject === 'From Google')!;
    // The user edits the mirror right after our read: our PATCH carries a stale If-Match.
    world.sims.graph.faults.inject({ match: { method: 'PATCH' }, action: { kind: 'delay', ms: 0 } });
    const original = world.sims.graph.server.dispatch.bind(world.sims.graph.server);
    let edited = false;
    world.sims.graph.server.dispatch = (request) => {
      if (!edited && request.method === 'PATCH') {
        edited = true;
        world.sims.graph.userUpdateEvent(mirror.id!, { subject: 'From Google (renamed in Outlook)' });
      }
      return original(request);
    };
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    const merged = world.outlookEvents().find((e) => e.id === mirror.id)!;
    expect(merged.subject).toBe('From Google (renamed in Outlook)');
    expect(merged.location?.displayName).toBe('Room 7');
    expect(world.googleEvents().find((e) => e.id === source.id)).toMatchObject({ summary: 'From Google (renamed in Outlook)', location: 'Room 7' });
  });
});
