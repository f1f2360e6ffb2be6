/**
 * Regression scenarios for engine bugs the whole-sync property test (test/property) found. Each
 * names the shrunk case that exposed it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CalendarProvider } from '../../../src/background/sync/ports.ts';
import { ServerError } from '../../../src/background/sync/errors.ts';
import { syncPair } from '../../../src/background/sync/run.ts';
import { createWorld, gTimed, GOOGLE_USER, MS_USER, oTimed, totalWrites, type World } from './harness.ts';

describe('engine: regressions found by the property test', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  // Shrunk case: create a Google weekly series; sync (killed before saving); move the series to 07:15.
  it('does not take the occurrences Outlook drops when a series is re-timed for cancellations', async () => {
    const series = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Swim', '2026-03-03', '07:00', '07:15'), recurrence: ['RRULE:FREQ=WEEKLY;COUNT=2'] });
    await world.sync();
    await world.sync(); // Outlook's occurrences of the mirror come back and are remembered
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, series.id!, gTimed('Swim', '2026-03-03', '07:15', '07:30'));
    const moved = await world.sync();
    expect(moved.updated.outlook).toBe(1);
    const after = await world.sync(); // Outlook reports the old occurrences @removed
    expect(after.errors).toEqual([]);
    expect(after.deleted).toEqual({ google: 0, outlook: 0 });
    expect(totalWrites(after)).toBe(0);
    expect(world.googleEvents().filter((e) => e.recurringEventId)).toEqual([]);
  });

  it('re-times an Outlook series with a cancelled occurrence without cancelling the new occurrences', async () => {
    const series = world.sims.graph.userCreateEvent(MS_USER, world.outlookCalendar, {
      ...oTimed('Standup', '2026-03-03', '09:00', '09:15'),
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', numberOfOccurrences: 3, startDate: '2026-03-03' } },
    });
    world.sims.graph.userDeleteOccurrence(series.id!, '2026-03-04T08:00:00Z');
    await world.sync();
    await world.sync();
    // Outlook drops the cancellation along with the old occurrences: all three come back at 10:00.
    world.sims.graph.userUpdateEvent(series.id!, oTimed('Standup', '2026-03-03', '10:00', '10:15'));
    const moved = await world.sync();
    expect(moved.errors).toEqual([]);
    expect(moved.deleted).toEqual({ google: 0, outlook: 0 });
    expect(totalWrites(await world.sync())).toBe(0);
    const token = world.sims.google.issueToken(GOOGLE_USER);
    const url = `${world.sims.endpoints.googleApi}/calendars/${encodeURIComponent(GOOGLE_USER)}/events?singleEvents=true&timeMin=2026-03-01T00:00:00Z&timeMax=2026-03-10T00:00:00Z`;
    const body = (await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { status: string; start: { dateTime: string } }[] };
    expect(body.items.filter((i) => i.status !== 'cancelled').map((i) => i.start.dateTime)).toEqual(['2026-03-03T10:00:00+01:00', '2026-03-04T10:00:00+01:00', '2026-03-05T10:00:00+01:00']);
  });

  // Shrunk case: a Google weekly series; sync; edit the series' title; move its first occurrence 2 h earlier.
  it('moves an occurrence of a series whose title changed in the same sync, and then rests', async () => {
    const series = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Piano', '2026-03-03', '07:00', '07:15'), recurrence: ['RRULE:FREQ=WEEKLY;COUNT=2'] });
    await world.sync();
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, series.id!, { summary: 'Piano lesson' });
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, `${series.id}_20260303T060000Z`, gTimed('Piano lesson', '2026-03-03', '05:00', '05:15'));
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    const mirror = world.outlookEvents().find((e) => e.subject === 'Piano lesson')!;
    const first = world.sims.graph.getStoredEvent(`${mirror.id}`);
    expect(first?.subject).toBe('Piano lesson');
    const token = world.sims.graph.issueToken(MS_USER);
    const url = `${world.sims.endpoints.graphApi}/me/events/${mirror.id}/instances?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-03-20T00:00:00Z`;
    const view = (await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as { value: { subject: string; start: { dateTime: string } }[] };
    expect(view.value.map((o) => `${o.subject} ${o.start.dateTime.slice(0, 16)}`)).toEqual(['Piano lesson 2026-03-03T04:00', 'Piano lesson 2026-03-10T06:00']);
    const again = await world.sync(); // Outlook reports every occurrence of the re-titled mirror as changed
    expect(again.errors).toEqual([]);
    expect(totalWrites(again)).toBe(0);
  });

  // Shrunk case: a Google weekly series mirrored; the user deletes the Outlook mirror series.
  it('deletes the source series when the user deletes its Outlook mirror series (Graph reports only its occurrences)', async () => {
    world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Yoga', '2026-03-03', '07:00', '08:00'), recurrence: ['RRULE:FREQ=WEEKLY;COUNT=3'] });
    await world.sync();
    await world.sync();
    world.sims.graph.userDeleteEvent(world.outlookEvents()[0]!.id!);
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    expect(report.deleted).toEqual({ google: 1, outlook: 0 });
    expect(world.googleEvents()).toEqual([]);
    expect(totalWrites(await world.sync())).toBe(0);
  });

  it('deletes the Google mirror series when the user deletes the Outlook source series', async () => {
    world.sims.graph.userCreateEvent(MS_USER, world.outlookCalendar, {
      ...oTimed('Team sync', '2026-03-03', '09:00', '09:30'),
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', numberOfOccurrences: 4, startDate: '2026-03-03' } },
    });
    await world.sync();
    await world.sync();
    world.sims.graph.userDeleteEvent(world.outlookEvents()[0]!.id!);
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    expect(report.deleted).toEqual({ google: 1, outlook: 0 });
    expect(world.googleEvents()).toEqual([]);
    expect(totalWrites(await world.sync())).toBe(0);
  });

  // Shrunk case: a Google weekly series; sync; the user cancels the first occurrence of its Outlook mirror; sync.
  it('carries back an occurrence cancelled on a mirror series the previous sync made', async () => {
    const series = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Choir', '2026-03-03', '07:00', '07:15'), recurrence: ['RRULE:FREQ=WEEKLY;COUNT=2'] });
    await world.sync();
    // Graph's next delta lists the new mirror series as it is now: the cancelled occurrence never shows.
    world.sims.graph.userDeleteOccurrence(world.outlookEvents()[0]!.id!, '2026-03-03T06:00:00Z');
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    expect(report.deleted).toEqual({ google: 1, outlook: 0 });
    expect(world.sims.google.getEvent(GOOGLE_USER, `${series.id}_20260303T060000Z`)?.status).toBe('cancelled');
    expect(totalWrites(await world.sync())).toBe(0);
  });

  // Shrunk case: a Google weekly series; sync; move the first occurrence of its Outlook mirror 2 h earlier; lose local state.
  it('re-links a mirror series without rewriting its rule, keeping an occurrence moved on the mirror', async () => {
    const series = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Choir', '2026-03-03', '07:00', '07:15'), recurrence: ['RRULE:FREQ=WEEKLY;COUNT=2'] });
    await world.sync();
    const mirror = world.outlookEvents()[0]!;
    world.sims.graph.userUpdateOccurrence(mirror.id!, '2026-03-03T06:00:00Z', oTimed('Choir', '2026-03-03', '05:00', '05:15'));
    world.store.clear();
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    expect(report.updated.outlook).toBe(0); // the rule "weekly on Tuesday, twice" is the same in both spellings
    expect(world.sims.google.getEvent(GOOGLE_USER, `${series.id}_20260303T060000Z`)?.start?.dateTime).toBe('2026-03-03T04:00:00Z');
    expect(world.sims.graph.getStoredEvent(mirror.id!)?.recurrence?.pattern?.daysOfWeek).toEqual(['tuesday']);
    const token = world.sims.graph.issueToken(MS_USER);
    const url = `${world.sims.endpoints.graphApi}/me/events/${mirror.id}/instances?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-03-20T00:00:00Z`;
    const view = (await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as { value: { start: { dateTime: string } }[] };
    expect(view.value.map((o) => o.start.dateTime.slice(0, 16))).toEqual(['2026-03-03T04:00', '2026-03-10T06:00']);
    expect(totalWrites(await world.sync())).toBe(0);
  });

  // Shrunk case: a Google daily series with its first occurrence moved; sync; the user renames the Outlook mirror series.
  it('rests after a series rename that its exceptions take over on both sides', async () => {
    const series = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Run', '2026-03-03', '07:00', '07:15'), recurrence: ['RRULE:FREQ=DAILY;COUNT=2'] });
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, `${series.id}_20260303T060000Z`, gTimed('Run', '2026-03-03', '05:00', '05:15'));
    await world.sync();
    world.sims.graph.userUpdateEvent(world.outlookEvents()[0]!.id!, { subject: 'Morning run' });
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    expect(world.sims.google.getEvent(GOOGLE_USER, `${series.id}_20260303T060000Z`)?.summary).toBe('Morning run');
    expect(totalWrites(await world.sync())).toBe(0); // the Google exception reports the new title it took over
  });

  // Shrunk (soak) case: a Google event mirrored; the user deletes it; local state is lost before the next sync.
  it('after lost state, removes a mirror whose source is gone instead of mirroring it back', async () => {
    const source = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gTimed('Dentist', '2026-03-03', '08:00', '09:00'));
    world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gTimed('Gym', '2026-03-04', '18:00', '19:00'));
    await world.sync();
    world.sims.google.userDeleteEvent(GOOGLE_USER, GOOGLE_USER, source.id!);
    world.store.clear();
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    expect(report.created).toEqual({ google: 0, outlook: 0 });
    expect(world.googleTitles()).toEqual(['Gym']);
    expect(world.outlookTitles()).toEqual(['Gym']);
    expect(totalWrites(await world.sync())).toBe(0);
  });

  it('a worker killed between creating an Outlook mirror and saving its link leaves no mirror of the mirror', async () => {
    world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gTimed('Standup', '2026-03-03', '09:00', '09:15'));
    await world.sync();
    world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gTimed('Review', '2026-03-05', '14:00', '15:00'));
    const save = world.store.set.bind(world.store);
    world.store.set = (entries) => (Object.keys(entries).some((k) => k.includes('/link/')) ? Promise.reject(new Error('worker killed')) : save(entries));
    await expect(world.sync()).rejects.toThrow('worker killed');
    world.store.set = save;
    const report = await world.sync(); // the new mirror comes back in the delta without its marker
    expect(report.errors).toEqual([]);
    expect(world.googleTitles()).toEqual(['Review', 'Standup']);
    expect(world.outlookTitles()).toEqual(['Review', 'Standup']);
    expect(totalWrites(await world.sync())).toBe(0);
  });

  // Shrunk case: a Google weekly series re-linked after a lost link; the user renames its first
  // occurrence and deletes the Outlook mirror series before the next sync.
  it('does not carry an occurrence edit to a mirror series the user deleted', async () => {
    const series = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Swim', '2026-03-03', '07:00', '07:15'), recurrence: ['RRULE:FREQ=WEEKLY;COUNT=2'] });
    await world.sync();
    world.store.clear();
    await world.sync(); // re-linked: no occurrence links, only Outlook's occurrence index
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, `${series.id}_20260303T060000Z`, { summary: 'Swim (pool closed?)' });
    world.sims.graph.userDeleteEvent(world.outlookEvents()[0]!.id!);
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    expect(world.googleEvents()).toEqual([]);
    expect(totalWrites(await world.sync())).toBe(0);
  });

  // Shrunk (soak) case: a Google weekly series; sync; the user cancels an occurrence of its Outlook mirror; local state is lost.
  it('carries an occurrence cancelled in Outlook over when a full read has to find it (lost state, expired delta link)', async () => {
    const series = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Swim', '2026-03-03', '07:00', '07:15'), recurrence: ['RRULE:FREQ=WEEKLY;COUNT=3'] });
    await world.sync();
    await world.sync();
    const mirror = world.outlookEvents()[0]!.id!;
    world.sims.graph.userDeleteOccurrence(mirror, '2026-03-03T06:00:00Z');
    world.store.clear();
    const relinked = await world.sync();
    expect(relinked.errors).toEqual([]);
    expect(world.sims.google.getEvent(GOOGLE_USER, `${series.id}_20260303T060000Z`)?.status).toBe('cancelled');
    expect(totalWrites(await world.sync())).toBe(0);

    world.sims.graph.userDeleteOccurrence(mirror, '2026-03-10T06:00:00Z');
    world.sims.graph.invalidateDeltaTokens();
    const reread = await world.sync();
    expect(reread.errors).toEqual([]);
    expect(world.sims.google.getEvent(GOOGLE_USER, `${series.id}_20260310T060000Z`)?.status).toBe('cancelled');
    expect(world.sims.google.getEvent(GOOGLE_USER, `${series.id}_20260317T060000Z`)?.status).not.toBe('cancelled');
    expect(totalWrites(await world.sync())).toBe(0);
  });

  // Shrunk case: a Google all-day daily series; sync; lose local state; rename the first occurrence
  // in Outlook, and the series in Google.
  it('keeps an occurrence renamed on the mirror when the source series is renamed too (no swap)', async () => {
    const series = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { summary: 'Fair', start: { date: '2026-03-03' }, end: { date: '2026-03-04' }, recurrence: ['RRULE:FREQ=DAILY;COUNT=2'] });
    await world.sync();
    world.store.clear();
    const mirror = world.outlookEvents()[0]!.id!;
    const token = world.sims.graph.issueToken(MS_USER);
    const url = `${world.sims.endpoints.graphApi}/me/events/${mirror}/instances?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-03-10T00:00:00Z`;
    const instances = async (): Promise<{ subject: string; originalStart: string }[]> =>
      ((await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as { value: { subject: string; originalStart: string }[] }).value;
    world.sims.graph.userUpdateOccurrence(mirror, (await instances())[0]!.originalStart, { subject: 'Fair (day 1)' });
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, series.id!, { summary: 'Trade fair' });
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    expect((await instances()).map((i) => i.subject)).toEqual(['Fair (day 1)', 'Trade fair']);
    expect(world.sims.google.getEvent(GOOGLE_USER, `${series.id}_20260303`)?.summary).toBe('Fair (day 1)');
    expect(totalWrites(await world.sync())).toBe(0);
  });

  // Shrunk case: a Google daily series with its first occurrence moved; sync; the user moves the
  // Outlook mirror series to 07:15 (the engine puts it back, and Outlook drops its exceptions).
  it('re-applies a moved occurrence after putting a re-timed mirror series back', async () => {
    const series = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Run', '2026-03-03', '07:00', '07:15'), recurrence: ['RRULE:FREQ=DAILY;COUNT=2'] });
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, `${series.id}_20260303T060000Z`, gTimed('Run', '2026-03-03', '05:00', '05:15'));
    await world.sync();
    const mirror = world.outlookEvents()[0]!.id!;
    world.sims.graph.userUpdateEvent(mirror, oTimed('Run', '2026-03-03', '07:15', '07:30'));
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    const token = world.sims.graph.issueToken(MS_USER);
    const url = `${world.sims.endpoints.graphApi}/me/events/${mirror}/instances?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-03-10T00:00:00Z`;
    const view = (await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as { value: { start: { dateTime: string } }[] };
    expect(view.value.map((o) => o.start.dateTime.slice(0, 16))).toEqual(['2026-03-03T04:00', '2026-03-04T06:00']);
    expect(totalWrites(await world.sync())).toBe(0);
  });

  // Shrunk case: an Outlook daily series with its first occurrence moved; sync; local state is lost
  // (the property test: the worker killed before the links were saved); the user renames that
  // occurrence in Google.
  it('merges an occurrence both sides show edited when nothing links them yet, instead of swapping them', async () => {
    const series = world.sims.graph.userCreateEvent(MS_USER, world.outlookCalendar, {
      ...oTimed('Run', '2026-03-03', '07:00', '07:15'),
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', numberOfOccurrences: 2, startDate: '2026-03-03' } },
    });
    world.sims.graph.userUpdateOccurrence(series.id!, '2026-03-03T06:00:00Z', oTimed('Run', '2026-03-03', '05:00', '05:15'));
    await world.sync();
    world.store.clear();
    const mirror = world.googleEvents().find((e) => e.recurrence)!;
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, `${mirror.id}_20260303T060000Z`, { summary: 'Run (with Kim)' });
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    expect(world.sims.google.getEvent(GOOGLE_USER, `${mirror.id}_20260303T060000Z`)).toMatchObject({ summary: 'Run (with Kim)', start: { dateTime: '2026-03-03T04:00:00Z' } });
    const token = world.sims.graph.issueToken(MS_USER);
    const url = `${world.sims.endpoints.graphApi}/me/events/${series.id}/instances?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-03-10T00:00:00Z`;
    const view = (await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as { value: { subject: string; start: { dateTime: string } }[] };
    expect(view.value.map((o) => `${o.subject} ${o.start.dateTime.slice(0, 16)}`)).toEqual(['Run (with Kim) 2026-03-03T04:00', 'Run 2026-03-04T06:00']);
    expect(totalWrites(await world.sync())).toBe(0);
  });

  // Shrunk case: an Outlook all-day daily series; sync (killed before saving the links); the user
  // gives the first occurrence of the Google mirror a location, and renames the mirror series.
  it('carries over only what an unlinked exception changed, not the title it took from its renamed series', async () => {
    const series = world.sims.graph.userCreateEvent(MS_USER, world.outlookCalendar, {
      subject: 'Fair',
      isAllDay: true,
      start: { dateTime: '2026-03-03T00:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-03-04T00:00:00', timeZone: 'W. Europe Standard Time' },
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', numberOfOccurrences: 2, startDate: '2026-03-03' } },
    });
    await world.sync();
    world.store.clear();
    const mirror = world.googleEvents().find((e) => e.recurrence)!;
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, `${mirror.id}_20260303`, { location: 'Hall 4' });
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, mirror.id!, { summary: 'Trade fair' });
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    const token = world.sims.graph.issueToken(MS_USER);
    const url = `${world.sims.endpoints.graphApi}/me/events/${series.id}/instances?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-03-10T00:00:00Z`;
    const view = (await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as { value: { subject: string; location: { displayName: string } }[] };
    // Re-linking puts the mirror series back to its source's title; the location edit is kept.
    expect(view.value.map((o) => `${o.subject} @${o.location.displayName}`)).toEqual(['Fair @Hall 4', 'Fair @']);
    expect(world.sims.google.getEvent(GOOGLE_USER, `${mirror.id}_20260303`)).toMatchObject({ summary: 'Fair', location: 'Hall 4' });
    expect(totalWrites(await world.sync())).toBe(0);
  });

  // Shrunk case: a Google daily series; sync; the user cancels its first occurrence in Google and
  // re-times the Outlook mirror (which the engine puts back, and Outlook regenerates).
  it('cancels an occurrence on a mirror series that is put back in the same sync', async () => {
    const series = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Run', '2026-03-03', '07:00', '07:15'), recurrence: ['RRULE:FREQ=DAILY;COUNT=2'] });
    await world.sync();
    world.sims.google.userDeleteEvent(GOOGLE_USER, GOOGLE_USER, `${series.id}_20260303T060000Z`);
    const mirror = world.outlookEvents()[0]!.id!;
    world.sims.graph.userUpdateEvent(mirror, oTimed('Run', '2026-03-03', '07:15', '07:30'));
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    const token = world.sims.graph.issueToken(MS_USER);
    const url = `${world.sims.endpoints.graphApi}/me/events/${mirror}/instances?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-03-10T00:00:00Z`;
    const view = (await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as { value: { start: { dateTime: string } }[] };
    expect(view.value.map((o) => o.start.dateTime.slice(0, 16))).toEqual(['2026-03-04T06:00']);
    expect(totalWrites(await world.sync())).toBe(0);
  });

  // Shrunk case: a Google weekly series; sync; the user re-times the Outlook mirror to 07:15 and
  // renames its first occurrence there.
  it('does not carry an occurrence edit over from a mirror series whose timing is being put back', async () => {
    world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Choir', '2026-03-03', '07:00', '07:15'), recurrence: ['RRULE:FREQ=WEEKLY;COUNT=2'] });
    await world.sync();
    const mirror = world.outlookEvents()[0]!.id!;
    world.sims.graph.userUpdateEvent(mirror, oTimed('Choir', '2026-03-03', '07:15', '07:30'));
    world.sims.graph.userUpdateOccurrence(mirror, '2026-03-03T06:15:00Z', { subject: 'Choir (dress rehearsal)' });
    const report = await world.sync();
    expect(report.errors).toEqual([]); // the occurrence at 07:15 does not exist in Google
    expect(world.googleEvents().map((e) => e.summary)).toEqual(['Choir']);
    expect(totalWrites(await world.sync())).toBe(0);
  });

  // Shrunk case: a Google daily series; sync; its second occurrence moved in Google; sync; both
  // cursors expire; the user cancels that (moved) occurrence in Outlook.
  it('finds an occurrence cancelled in Outlook on a full read even when its Google side is an exception', async () => {
    const series = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Run', '2026-03-03', '07:00', '07:15'), recurrence: ['RRULE:FREQ=DAILY;COUNT=2'] });
    await world.sync();
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, `${series.id}_20260304T060000Z`, gTimed('Run', '2026-03-04', '05:00', '05:15'));
    await world.sync();
    world.sims.google.invalidateSyncTokens();
    world.sims.graph.invalidateDeltaTokens();
    world.sims.graph.userDeleteOccurrence(world.outlookEvents()[0]!.id!, '2026-03-04T06:00:00Z');
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    expect(world.sims.google.getEvent(GOOGLE_USER, `${series.id}_20260304T060000Z`)?.status).toBe('cancelled');
    expect(totalWrites(await world.sync())).toBe(0);
  });

  // Shrunk case: sync; a new Google event; sync, killed right after Outlook made its mirror; the
  // user deletes the Google event.
  it('removes a mirror made by a run that died before saving it, when its source is deleted meanwhile', async () => {
    world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gTimed('Standup', '2026-03-03', '09:00', '09:15'));
    await world.sync();
    const review = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gTimed('Review', '2026-03-05', '14:00', '15:00'));
    const save = world.store.set.bind(world.store);
    world.store.set = (entries) => (Object.keys(entries).some((k) => k.includes('/link/')) ? Promise.reject(new Error('worker killed')) : save(entries));
    await expect(world.sync()).rejects.toThrow('worker killed');
    world.store.set = save;
    expect(world.outlookTitles()).toEqual(['Review', 'Standup']);
    world.sims.google.userDeleteEvent(GOOGLE_USER, GOOGLE_USER, review.id!);
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    expect(world.outlookTitles()).toEqual(['Standup']);
    expect(totalWrites(await world.sync())).toBe(0);
  });

  // Shrunk case: a Google daily series in Kolkata with its first occurrence moved; sync; local state
  // lost. Outlook names the zone India Standard Time, which maps back to Asia/Calcutta.
  it('takes Asia/Calcutta and Asia/Kolkata for the same zone: re-linking writes nothing', async () => {
    const series = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Call', '2026-03-03', '07:00', '07:15', 'Asia/Kolkata'), recurrence: ['RRULE:FREQ=DAILY;COUNT=2'] });
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, `${series.id}_20260303T013000Z`, gTimed('Call', '2026-03-03', '05:00', '05:15', 'Asia/Kolkata'));
    const first = await world.sync();
    expect(first.updated).toEqual({ google: 0, outlook: 1 }); // the moved occurrence only
    world.store.clear();
    const relinked = await world.sync();
    expect(relinked.errors).toEqual([]);
    expect(totalWrites(relinked)).toBe(0);
    expect(totalWrites(await world.sync())).toBe(0);
  });

  // From the same shrunk case: an occurrence read again unchanged must not keep alignment from
  // re-applying it after the run rewrote its series (which makes Outlook drop it).
  it('re-applies a moved occurrence after re-linking a series whose rule changed meanwhile', async () => {
    const series = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Run', '2026-03-03', '07:00', '07:15'), recurrence: ['RRULE:FREQ=DAILY;COUNT=3'] });
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, `${series.id}_20260303T060000Z`, gTimed('Run', '2026-03-03', '05:00', '05:15'));
    await world.sync();
    world.store.clear();
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, series.id!, { recurrence: ['RRULE:FREQ=DAILY;COUNT=4'] });
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    const mirror = world.outlookEvents()[0]!.id!;
    const token = world.sims.graph.issueToken(MS_USER);
    const url = `${world.sims.endpoints.graphApi}/me/events/${mirror}/instances?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-03-10T00:00:00Z`;
    const view = (await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as { value: { start: { dateTime: string } }[] };
    expect(view.value.map((o) => o.start.dateTime.slice(0, 16))).toEqual(['2026-03-03T04:00', '2026-03-04T06:00', '2026-03-05T06:00', '2026-03-06T06:00']);
    expect(totalWrites(await world.sync())).toBe(0);
  });

  // Shrunk case: a Google weekly series with its first occurrence renamed; sync; the user re-times
  // the Outlook mirror; sync, killed after putting the mirror's timing back (Outlook dropped the
  // renamed occurrence) and before re-applying it.
  it('re-applies an exception Outlook dropped when the run that re-timed the series died', async () => {
    const series = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Choir', '2026-03-03', '07:00', '07:15'), recurrence: ['RRULE:FREQ=WEEKLY;COUNT=2'] });
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, `${series.id}_20260303T060000Z`, { summary: 'Choir (concert)' });
    await world.sync();
    const mirror = world.outlookEvents()[0]!.id!;
    world.sims.graph.userUpdateEvent(mirror, oTimed('Choir', '2026-03-03', '07:15', '07:30'));
    const real = world.deps.outlook;
    const dying: CalendarProvider = Object.assign(Object.create(real) as CalendarProvider, {
      write: async (...args: Parameters<CalendarProvider['write']>) => {
        await real.write(...args);
        throw new Error('worker killed');
      },
    });
    await expect(syncPair({ ...world.deps, outlook: dying }, world.store, world.pair)).rejects.toThrow('worker killed');
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    const token = world.sims.graph.issueToken(MS_USER);
    const url = `${world.sims.endpoints.graphApi}/me/events/${mirror}/instances?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-03-20T00:00:00Z`;
    const view = (await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as { value: { subject: string; start: { dateTime: string } }[] };
    expect(view.value.map((o) => `${o.subject} ${o.start.dateTime.slice(0, 16)}`)).toEqual(['Choir (concert) 2026-03-03T06:00', 'Choir 2026-03-10T06:00']);
    expect(totalWrites(await world.sync())).toBe(0);
  });

  // Shrunk case: a Google weekly series; sync, killed right after Outlook made the mirror series;
  // the user cancels its first occurrence in Outlook.
  it('carries back an occurrence cancelled on a mirror series whose making was never recorded', async () => {
    await world.sync();
    const series = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Choir', '2026-03-03', '07:00', '07:15'), recurrence: ['RRULE:FREQ=WEEKLY;COUNT=2'] });
    const real = world.deps.outlook;
    const dying: CalendarProvider = Object.assign(Object.create(real) as CalendarProvider, {
      write: async (...args: Parameters<CalendarProvider['write']>) => {
        await real.write(...args);
        throw new Error('worker killed');
      },
    });
    await expect(syncPair({ ...world.deps, outlook: dying }, world.store, world.pair)).rejects.toThrow('worker killed');
    world.sims.graph.userDeleteOccurrence(world.outlookEvents()[0]!.id!, '2026-03-03T06:00:00Z');
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    expect(world.sims.google.getEvent(GOOGLE_USER, `${series.id}_20260303T060000Z`)?.status).toBe('cancelled');
    expect(totalWrites(await world.sync())).toBe(0);
  });

  // Shrunk case: an Outlook all-day daily series with its first occurrence renamed; sync; local
  // state lost; the user deletes the Google mirror series. The next sync makes the mirror again
  // under the same id, which brings the deleted one back.
  it('makes a deleted mirror series again without the occurrences cancelled with it', async () => {
    const series = world.sims.graph.userCreateEvent(MS_USER, world.outlookCalendar, {
      subject: 'Fair',
      isAllDay: true,
      start: { dateTime: '2026-03-03T00:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-03-04T00:00:00', timeZone: 'W. Europe Standard Time' },
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', numberOfOccurrences: 2, startDate: '2026-03-03' } },
    });
    const token = world.sims.graph.issueToken(MS_USER);
    const url = `${world.sims.endpoints.graphApi}/me/events/${series.id}/instances?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-03-10T00:00:00Z`;
    const first = ((await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as { value: { originalStart: string }[] }).value[0]!;
    world.sims.graph.userUpdateOccurrence(series.id!, first.originalStart, { subject: 'Fair (opening)' });
    await world.sync();
    world.store.clear();
    const mirror = world.googleEvents().find((e) => e.recurrence)!;
    world.sims.google.userDeleteEvent(GOOGLE_USER, GOOGLE_USER, mirror.id!);
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    expect(world.sims.google.getEvent(GOOGLE_USER, `${mirror.id}_20260303`)).toMatchObject({ status: 'confirmed', summary: 'Fair (opening)' });
    expect(totalWrites(await world.sync())).toBe(0);
  });

  // Shrunk case: a Google all-day weekly series; sync; the user renames its first occurrence and
  // describes the series in Google, then describes the Outlook mirror series differently (later).
  it('carries only an occurrence\'s own edits, not what it takes from its renamed or re-described series', async () => {
    const series = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { summary: 'Market', start: { date: '2026-03-03' }, end: { date: '2026-03-04' }, recurrence: ['RRULE:FREQ=WEEKLY;COUNT=2'] });
    await world.sync();
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, `${series.id}_20260303`, { summary: 'Market (spring)' });
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, series.id!, { description: 'Bring bags' });
    world.sims.clock.advance(60_000);
    const mirror = world.outlookEvents()[0]!.id!;
    world.sims.graph.userUpdateEvent(mirror, { body: { contentType: 'text', content: 'Bring bags and cash' } });
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    expect(world.sims.google.getEvent(GOOGLE_USER, `${series.id}_20260303`)).toMatchObject({ summary: 'Market (spring)', description: 'Bring bags and cash' });
    expect(totalWrites(await world.sync())).toBe(0);
  });

  // Shrunk case: an Outlook series mirrored; the user deletes it and renames the Google mirror; a
  // sync dies after saving that it forgot the series' occurrences, so the next one cannot tell from
  // Outlook's feed that the series went, and carries the rename to an event that no longer exists.
  // The same happens, simpler, when the user deletes the Outlook event while a sync runs.
  it('takes a write answered "not found" for a deletion of that event, not for a failure', async () => {
    const source = world.sims.graph.userCreateEvent(MS_USER, world.outlookCalendar, oTimed('Lunch', '2026-03-04', '12:00', '13:00'));
    await world.sync();
    const mirror = world.googleEvents()[0]!;
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, mirror.id!, { summary: 'Lunch with Kim' });
    // The user deletes the Outlook event while the sync runs, after it has read Outlook.
    const dispatch = world.sims.graph.server.dispatch.bind(world.sims.graph.server);
    world.sims.graph.server.dispatch = (request) => {
      if (request.method === 'PATCH' || request.url.pathname.endsWith('$batch')) {
        world.sims.graph.server.dispatch = dispatch;
        world.sims.graph.userDeleteEvent(source.id!);
      }
      return dispatch(request);
    };
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    expect(world.googleEvents()).toEqual([]);
    expect(totalWrites(await world.sync())).toBe(0);
  });

  // Shrunk case (seeded faults): a sync whose Google calendar list failed returned while Outlook's
  // was still being retried; the next, fault-free sync joined that request (the adapter shares it)
  // and failed with its 500.
  it('a failing run returns only when every request it started has settled', async () => {
    let settleOutlook = (): void => undefined;
    const outlookListed = new Promise<void>((resolve) => (settleOutlook = resolve));
    let outlookDone = false;
    const deps = {
      ...world.deps,
      google: Object.assign(Object.create(world.deps.google) as CalendarProvider, { listCalendars: () => Promise.reject(new ServerError('Google is down', 503)) }),
      outlook: Object.assign(Object.create(world.deps.outlook) as CalendarProvider, {
        listCalendars: async (signal: AbortSignal) => {
          await outlookListed;
          const calendars = await world.deps.outlook.listCalendars(signal);
          outlookDone = true;
          return calendars;
        },
      }),
    };
    const run = syncPair(deps, world.store, world.pair);
    await new Promise((resolve) => setTimeout(resolve, 50));
    settleOutlook();
    const report = await run;
    expect(report.errors.map((e) => e.kind)).toEqual(['server']);
    expect(outlookDone).toBe(true);
  });

  // Shrunk (soak) case: a Google weekly series with one occurrence cancelled; sync; the user cancels
  // the other one on the Outlook mirror; local state is lost.
  it('finds on a full read that a mirror series had its last occurrence cancelled in Outlook', async () => {
    const series = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Swim', '2026-03-03', '07:00', '07:15'), recurrence: ['RRULE:FREQ=WEEKLY;COUNT=2'] });
    world.sims.google.userDeleteEvent(GOOGLE_USER, GOOGLE_USER, `${series.id}_20260303T060000Z`);
    await world.sync();
    world.sims.graph.userDeleteOccurrence(world.outlookEvents()[0]!.id!, '2026-03-10T06:00:00Z');
    world.store.clear();
    const report = await world.sync(); // Outlook lists no occurrence of the mirror at all now
    expect(report.errors).toEqual([]);
    expect(world.sims.google.getEvent(GOOGLE_USER, `${series.id}_20260310T060000Z`)?.status).toBe('cancelled');
    expect(totalWrites(await world.sync())).toBe(0);
  });

  // Shrunk (soak) case: a Google weekly series with its first occurrence moved; sync; the user
  // cancels that occurrence on the Outlook mirror; local state is lost.
  it('lets a cancellation found on a full read win over the other side\'s edit of the occurrence', async () => {
    const series = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Swim', '2026-03-03', '07:00', '07:15'), recurrence: ['RRULE:FREQ=WEEKLY;COUNT=2'] });
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, `${series.id}_20260303T060000Z`, gTimed('Swim', '2026-03-03', '05:00', '05:15'));
    await world.sync();
    world.sims.graph.userDeleteOccurrence(world.outlookEvents()[0]!.id!, '2026-03-03T06:00:00Z');
    world.store.clear();
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    expect(world.sims.google.getEvent(GOOGLE_USER, `${series.id}_20260303T060000Z`)?.status).toBe('cancelled');
    expect(totalWrites(await world.sync())).toBe(0);
  });
});
