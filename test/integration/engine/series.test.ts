import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorld, gTimed, GOOGLE_USER, MS_USER, oTimed, totalWrites, type World } from './harness.ts';

/** Occurrences of a series as Outlook's calendar view shows them (via the simulator's own HTTP API). */
async function outlookView(world: World, start: string, end: string): Promise<{ subject: string; start: string; type: string }[]> {
  const token = world.sims.graph.issueToken(MS_USER);
  const url = `${world.sims.endpoints.graphApi}/me/calendars/${encodeURIComponent(world.outlookCalendar)}/calendarView?startDateTime=${start}&endDateTime=${end}&$top=200`;
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, prefer: 'outlook.timezone="W. Europe Standard Time"' } });
  const body = (await response.json()) as { value: { subject: string; start: { dateTime: string }; type: string }[] };
  return body.value.map((e) => ({ subject: e.subject, start: e.start.dateTime.slice(0, 16), type: e.type }));
}

async function googleInstances(world: World, start: string, end: string): Promise<{ summary: string; start: string; status: string }[]> {
  const token = world.sims.google.issueToken(GOOGLE_USER);
  const url = `${world.sims.endpoints.googleApi}/calendars/${encodeURIComponent(GOOGLE_USER)}/events?singleEvents=true&orderBy=startTime&timeMin=${start}&timeMax=${end}&timeZone=Europe/Berlin`;
  const body = (await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { summary: string; start: { dateTime?: string; date?: string }; status: string }[] };
  return body.items.map((e) => ({ summary: e.summary, start: (e.start.dateTime ?? e.start.date ?? '').slice(0, 16), status: e.status }));
}

describe('engine: recurring series', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it('mirrors a Google weekly series as an Outlook series, with a moved and a cancelled occurrence', async () => {
    const series = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, {
      ...gTimed('Running club', '2026-03-04', '19:00', '20:00'),
      recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=WE;COUNT=6'],
    });
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, `${series.id}_20260311T180000Z`, gTimed('Running club', '2026-03-12', '18:30', '19:30'));
    world.sims.google.userDeleteEvent(GOOGLE_USER, GOOGLE_USER, `${series.id}_20260318T180000Z`);
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    const masters = world.outlookEvents().filter((e) => e.subject === 'Running club');
    expect(masters).toHaveLength(1);
    expect(masters[0]?.recurrence?.pattern).toMatchObject({ type: 'weekly', daysOfWeek: ['wednesday'] });
    expect(await outlookView(world, '2026-03-01T00:00:00Z', '2026-04-30T00:00:00Z')).toEqual([
      { subject: 'Running club', start: '2026-03-04T19:00', type: 'occurrence' },
      { subject: 'Running club', start: '2026-03-12T18:30', type: 'exception' },
      // 18 March cancelled
      { subject: 'Running club', start: '2026-03-25T19:00', type: 'occurrence' },
      { subject: 'Running club', start: '2026-04-01T19:00', type: 'occurrence' },
      { subject: 'Running club', start: '2026-04-08T19:00', type: 'occurrence' },
    ]);
    expect(totalWrites(await world.sync())).toBe(0);
  });

  it('mirrors an Outlook workday series to Google, keeping 09:30 local across the DST change', async () => {
    const standup = world.sims.graph.userCreateEvent(MS_USER, world.outlookCalendar, {
      ...oTimed('Team stand-up', '2026-03-23', '09:30', '09:45'),
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], firstDayOfWeek: 'monday' },
        range: { type: 'numbered', numberOfOccurrences: 10, startDate: '2026-03-23' },
      },
    });
    world.sims.graph.userUpdateOccurrence(standup.id!, '2026-03-25T08:30:00Z', oTimed('Team stand-up', '2026-03-25', '10:00', '10:15'));
    world.sims.graph.userDeleteOccurrence(standup.id!, '2026-03-27T08:30:00Z');
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    const instances = await googleInstances(world, '2026-03-20T00:00:00Z', '2026-04-10T00:00:00Z');
    expect(instances.map((i) => i.start)).toEqual([
      '2026-03-23T09:30',
      '2026-03-24T09:30',
      '2026-03-25T10:00',
      '2026-03-26T09:30',
      // Friday 27 cancelled; summer time from Sunday 29 March, still 09:30 in Berlin
      '2026-03-30T09:30',
      '2026-03-31T09:30',
      '2026-04-01T09:30',
      '2026-04-02T09:30',
      '2026-04-03T09:30',
    ]);
    expect(totalWrites(await world.sync())).toBe(0);
  });

  it('carries later occurrence edits and cancellations both ways', async () => {
    const series = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, {
      ...gTimed('Piano lesson', '2026-03-05', '17:00', '18:00'),
      recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=TH;COUNT=4'],
    });
    await world.sync();
    await world.sync();
    world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, `${series.id}_20260312T160000Z`, { location: 'Music school' });
    const mirror = world.outlookEvents().find((e) => e.subject === 'Piano lesson');
    world.sims.graph.userDeleteOccurrence(mirror!.id!, '2026-03-19T16:00:00Z');
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    const view = await outlookView(world, '2026-03-01T00:00:00Z', '2026-04-30T00:00:00Z');
    expect(view.map((v) => v.start)).toEqual(['2026-03-05T17:00', '2026-03-12T17:00', '2026-03-26T17:00']);
    const instances = await googleInstances(world, '2026-03-01T00:00:00Z', '2026-04-30T00:00:00Z');
    expect(instances.map((i) => i.start)).toEqual(['2026-03-05T17:00', '2026-03-12T17:00', '2026-03-26T17:00']);
  });

  it('mirrors a rule Outlook cannot express as separate events inside the window', async () => {
    world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, {
      ...gTimed('Book club', '2026-01-30', '19:00', '21:00'),
      recurrence: ['RRULE:FREQ=MONTHLY;BYDAY=5FR'], // every fifth Friday: no Outlook pattern for it
    });
    const report = await world.sync({ pair: { futureDays: 200 } });
    expect(report.errors).toEqual([]);
    const copies = world.outlookEvents().filter((e) => e.subject === 'Book club');
    expect(copies.every((e) => e.type === 'singleInstance')).toBe(true);
    expect(copies.map((e) => e.start?.dateTime?.slice(0, 10)).sort()).toEqual(['2026-05-29', '2026-07-31']);
  });

  it('deletes the mirror series when the source series is deleted', async () => {
    const series = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Yoga', '2026-03-03', '07:00', '08:00'), recurrence: ['RRULE:FREQ=WEEKLY;COUNT=5'] });
    await world.sync();
    world.sims.google.userDeleteEvent(GOOGLE_USER, GOOGLE_USER, series.id!);
    const report = await world.sync();
    expect(report.deleted.outlook).toBe(1);
    expect(world.outlookTitles()).toEqual([]);
  });

  it('follows a Google "this and following" split: the old series ends, the new one is mirrored', async () => {
    const series = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed('Choir', '2026-03-02', '19:00', '20:30'), recurrence: ['RRULE:FREQ=WEEKLY;COUNT=8'] });
    await world.sync();
    world.sims.google.userSplitSeries(GOOGLE_USER, GOOGLE_USER, `${series.id}_20260316T180000Z`, { ...gTimed('Choir (new hall)', '2026-03-16', '19:30', '21:00') });
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    const view = await outlookView(world, '2026-03-01T00:00:00Z', '2026-05-30T00:00:00Z');
    expect(view.map((v) => `${v.subject} ${v.start}`)).toEqual([
      'Choir 2026-03-02T19:00',
      'Choir 2026-03-09T19:00',
      'Choir (new hall) 2026-03-16T19:30',
      'Choir (new hall) 2026-03-23T19:30',
      'Choir (new hall) 2026-03-30T19:30',
      'Choir (new hall) 2026-04-06T19:30',
      'Choir (new hall) 2026-04-13T19:30',
      'Choir (new hall) 2026-04-20T19:30',
    ]);
  });

  it('keeps all-day and multi-day events on the same dates on both sides', async () => {
    world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { summary: 'Lisbon', start: { date: '2026-03-06' }, end: { date: '2026-03-09' } });
    world.sims.graph.userCreateEvent(MS_USER, world.outlookCalendar, {
      subject: 'Holiday',
      isAllDay: true,
      start: { dateTime: '2026-03-10T00:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-03-11T00:00:00', timeZone: 'W. Europe Standard Time' },
    });
    await world.sync();
    const lisbon = world.outlookEvents().find((e) => e.subject === 'Lisbon');
    expect(lisbon).toMatchObject({ isAllDay: true });
    expect([lisbon?.start?.dateTime?.slice(0, 10), lisbon?.end?.dateTime?.slice(0, 10)]).toEqual(['2026-03-06', '2026-03-09']);
    expect(world.googleEvents().find((e) => e.summary === 'Holiday')).toMatchObject({ start: { date: '2026-03-10' }, end: { date: '2026-03-11' } });
    expect(totalWrites(await world.sync())).toBe(0);
  });
});
