/**
 * Every canonical field both ways: what the adapter reads from what Outlook holds, and what
 * Outlook stores (checked in the simulator's own store) when the adapter writes it.
 */
import type { Event } from '@microsoft/microsoft-graph-types';
import { describe, expect, it } from 'vitest';
import type { CanonicalEvent, FreeBusy, Privacy } from '../../../../src/background/sync/model.ts';
import type { RemoteEvent, WriteOutcome } from '../../../../src/background/sync/ports.ts';
import type { RecurrenceRule } from '../../../../src/background/sync/recurrence.ts';
import { EVENT, sharedFixture, signal, timed, UPN } from './fixture.ts';

const fx = sharedFixture();
const MARKER = { pair: 'p1', sourceSide: 'google', sourceCalendar: 'ann@example.com', sourceId: 'g1' } as const;
const BASE: CanonicalEvent = { ...EVENT, description: 'Plain text', location: 'Room 1', reminders: [10] };

async function readOne(calendarId: string, id: string): Promise<RemoteEvent> {
  const event = (await fx().provider.getEvents(calendarId, [id], signal)).get(id);
  if (!event) throw new Error(`No event ${id}`);
  return event;
}

/** Reads an event whose JSON Outlook would send but the simulator cannot produce (online meetings, custom zones). */
async function readAnswer(calendarId: string, answer: Event): Promise<RemoteEvent> {
  fx().sim.faults.inject({ match: { method: 'GET', path: new RegExp(`/events/${answer.id!}$`) }, action: { kind: 'malformed', body: JSON.stringify(answer) } });
  return readOne(calendarId, answer.id!);
}

async function create(calendarId: string, event: CanonicalEvent, key = `k-${Math.random()}`): Promise<RemoteEvent> {
  const [outcome] = await fx().provider.write(calendarId, [{ op: 'create', ref: 'r', key, event, marker: MARKER }], signal);
  return okEvent(outcome);
}

function okEvent(outcome: WriteOutcome | undefined): RemoteEvent {
  if (!outcome?.ok) throw outcome?.error ?? new Error('no outcome');
  return outcome.event!;
}

function stored(id: string): Event {
  return fx().sim.getStoredEvent(id)!;
}

describe('reading fields', () => {
  it('title, HTML description as text, location, reminder, first category as colour', async () => {
    const { sim, newCalendar } = fx();
    const cal = newCalendar();
    const made = sim.userCreateEvent(UPN, cal, {
      ...timed('Planning', '2026-03-10T09:00:00', '2026-03-10T10:00:00'),
      body: { contentType: 'html', content: '<html><body><p>Agenda:&nbsp;<b>all</b></p><p>Second &amp; last</p></body></html>' },
      location: { displayName: 'Room 7' },
      isReminderOn: true,
      reminderMinutesBeforeStart: 25,
      categories: ['Blue category', 'Red category'],
    });
    expect((await readOne(cal, made.id!)).event).toEqual({
      ...BASE,
      title: 'Planning',
      description: 'Agenda: all\nSecond & last',
      location: 'Room 7',
      reminders: [25],
      color: 'Blue category',
    });
    const bare = sim.userCreateEvent(UPN, cal, { ...timed('', '2026-03-10T09:00:00', '2026-03-10T10:00:00'), isReminderOn: false });
    expect((await readOne(cal, bare.id!)).event).toMatchObject({ title: '', description: '', location: '', reminders: [], color: null });
  });

  it.each([
    ['free', 'free'],
    ['tentative', 'tentative'],
    ['busy', 'busy'],
    ['oof', 'oof'],
    ['workingElsewhere', 'workingElsewhere'],
    ['unknown', 'busy'],
  ] as const)('showAs %s reads as %s', async (showAs, freeBusy) => {
    const { sim, defaultCalendarId } = fx();
    const made = sim.userCreateEvent(UPN, defaultCalendarId, { ...timed('x', '2026-03-10T09:00:00', '2026-03-10T10:00:00'), showAs });
    expect((await readOne(defaultCalendarId, made.id!)).event?.freeBusy).toBe(freeBusy);
  });

  it.each([
    ['normal', 'default'],
    ['personal', 'private'],
    ['private', 'private'],
    ['confidential', 'confidential'],
  ] as const)('sensitivity %s reads as %s', async (sensitivity, privacy) => {
    const { sim, defaultCalendarId } = fx();
    const made = sim.userCreateEvent(UPN, defaultCalendarId, { ...timed('x', '2026-03-10T09:00:00', '2026-03-10T10:00:00'), sensitivity });
    expect((await readOne(defaultCalendarId, made.id!)).event?.privacy).toBe(privacy);
  });

  it('the join URL of an online meeting (joinUrl, else onlineMeetingUrl), and never tentative or endUnspecified', async () => {
    const { sim, defaultCalendarId } = fx();
    const made = sim.userCreateEvent(UPN, defaultCalendarId, timed('Call', '2026-03-10T09:00:00', '2026-03-10T10:00:00'));
    const teams = await readAnswer(defaultCalendarId, { ...stored(made.id!), onlineMeeting: { joinUrl: 'https://teams.example/join/1' }, onlineMeetingUrl: 'https://old.example' });
    expect(teams.event).toMatchObject({ meetingUrl: 'https://teams.example/join/1', tentative: false, endUnspecified: false });
    const legacy = await readAnswer(defaultCalendarId, { ...stored(made.id!), onlineMeeting: null, onlineMeetingUrl: 'https://old.example/2' });
    expect(legacy.event?.meetingUrl).toBe('https://old.example/2');
  });

  it('facts: organizer, own response, other attendees, read-only calendar', async () => {
    const { sim } = fx();
    const shared = sim.addCalendar(UPN, { name: 'Shared', canEdit: false });
    const made = sim.seedEvent(UPN, shared, {
      ...timed('Their meeting', '2026-03-10T09:00:00', '2026-03-10T10:00:00'),
      isOrganizer: false,
      organizer: { emailAddress: { name: 'Bob', address: 'bob@contoso.com' } },
      responseStatus: { response: 'tentativelyAccepted' },
      attendees: [
        { type: 'required', emailAddress: { address: 'ANN@contoso.com' } },
        { type: 'required', emailAddress: { address: 'carol@contoso.com' } },
        { type: 'optional', emailAddress: { address: 'dave@contoso.com' } },
      ],
    });
    expect((await readOne(shared, made.id!)).facts).toEqual({ organizer: false, response: 'tentative', attendeeCount: 2, readOnly: true });
    const own = sim.userCreateEvent(UPN, fx().defaultCalendarId, timed('Mine', '2026-03-10T09:00:00', '2026-03-10T10:00:00'));
    expect((await readOne(fx().defaultCalendarId, own.id!)).facts).toEqual({ organizer: true, response: 'organizer', attendeeCount: 0, readOnly: false });
    expect(sim.counters.invitationsSent).toBe(0);
  });

  it('zones: Windows and IANA names, custom zones as the mailbox zone, masters in their recurrence zone', async () => {
    const { sim, defaultCalendarId: cal } = fx();
    const tokyo = sim.userCreateEvent(UPN, cal, timed('Tokyo', '2026-03-10T09:00:00', '2026-03-10T10:00:00', 'Asia/Tokyo'));
    expect((await readOne(cal, tokyo.id!)).event?.start).toEqual({ instant: '2026-03-10T00:00:00Z', zone: 'Asia/Tokyo' });
    const custom = await readAnswer(cal, { ...stored(tokyo.id!), originalStartTimeZone: 'tzone://Microsoft/Custom', originalEndTimeZone: 'tzone://Microsoft/Custom' });
    expect(custom.event?.start).toEqual({ instant: '2026-03-10T00:00:00Z', zone: 'Europe/Berlin' });
    const master = sim.userCreateEvent(UPN, cal, {
      ...timed('Series', '2026-03-10T09:00:00', '2026-03-10T10:00:00', 'Pacific Standard Time'),
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'noEnd', startDate: '2026-03-10', recurrenceTimeZone: 'Eastern Standard Time' } },
    });
    expect((await readOne(cal, master.id!)).event?.start).toEqual({ instant: '2026-03-10T16:00:00Z', zone: 'America/New_York' });
  });

  it('an event its organiser cancelled reads as cancelled', async () => {
    const { sim, defaultCalendarId: cal } = fx();
    const made = sim.userCreateEvent(UPN, cal, timed('Off', '2026-03-10T09:00:00', '2026-03-10T10:00:00'));
    const read = await readAnswer(cal, { ...stored(made.id!), isCancelled: true });
    expect(read).toMatchObject({ id: made.id, cancelled: true });
    expect(read.event).toBeUndefined();
  });
});

describe('writing fields', () => {
  it('creates with every field Outlook holds, in the Windows zone, with marker and transactionId, no attendees', async () => {
    const { sim, newCalendar } = fx();
    const cal = newCalendar();
    const event: CanonicalEvent = { ...BASE, description: 'Two\nlines', freeBusy: 'oof', privacy: 'private', reminders: [30, 5], color: 'Green category', tentative: true, meetingUrl: 'https://x' };
    const created = await create(cal, event, 'key-create');
    const saved = stored(created.id);
    expect(saved).toMatchObject({
      subject: 'Mirror',
      body: { contentType: 'text', content: 'Two\nlines' },
      location: { displayName: 'Room 1' },
      start: { dateTime: '2026-03-10T08:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-03-10T09:00:00.0000000', timeZone: 'UTC' },
      originalStartTimeZone: 'W. Europe Standard Time',
      isAllDay: false,
      showAs: 'oof',
      sensitivity: 'private',
      isReminderOn: true,
      reminderMinutesBeforeStart: 5,
      categories: ['Green category'],
      isOnlineMeeting: false,
      attendees: [],
      transactionId: expect.stringMatching(/^tandem-[0-9a-f]{40}$/) as unknown,
    });
    expect(saved.singleValueExtendedProperties).toHaveLength(2);
    expect(created).toMatchObject({ shape: 'single', version: saved.changeKey, marker: MARKER });
    expect(created.event).toEqual({ ...event, tentative: false, meetingUrl: null, reminders: [5] });
    expect(sim.counters.invitationsSent).toBe(0);
  });

  it('writes all-day events midnight to midnight in the mailbox zone', async () => {
    const cal = fx().newCalendar();
    const created = await create(cal, { ...BASE, start: { date: '2026-03-10' }, end: { date: '2026-03-12' } });
    expect(stored(created.id)).toMatchObject({ isAllDay: true, originalStartTimeZone: 'W. Europe Standard Time', start: { dateTime: '2026-03-10T00:00:00.0000000' } });
    expect(created.event).toMatchObject({ start: { date: '2026-03-10' }, end: { date: '2026-03-12' } });
  });

  it('writes a single event in a zone Windows cannot name as UTC', async () => {
    const cal = fx().newCalendar();
    const created = await create(cal, { ...BASE, start: { instant: '2026-03-10T08:00:00Z', zone: 'Antarctica/Troll' }, end: { instant: '2026-03-10T09:00:00Z', zone: 'Antarctica/Troll' } });
    expect(stored(created.id).originalStartTimeZone).toBe('UTC');
    expect(created.event?.start).toEqual({ instant: '2026-03-10T08:00:00Z', zone: 'Etc/UTC' });
  });

  const updates: ReadonlyArray<readonly [string, Partial<CanonicalEvent>, Partial<Event>]> = [
    ['title', { title: 'Renamed' }, { subject: 'Renamed' }],
    ['description', { description: 'New text' }, { body: { contentType: 'text', content: 'New text' } }],
    ['location', { location: 'Room 9' }, { location: { displayName: 'Room 9' } }],
    ['start', { start: { instant: '2026-03-10T07:00:00Z', zone: 'Europe/Berlin' } }, { start: { dateTime: '2026-03-10T07:00:00.0000000', timeZone: 'UTC' } }],
    ['reminders', { reminders: [] }, { isReminderOn: false }],
    ['color', { color: null }, { categories: [] }],
    ...(['free', 'tentative', 'busy', 'oof', 'workingElsewhere'] as FreeBusy[]).map((freeBusy) => ['freeBusy', { freeBusy }, { showAs: freeBusy }] as const),
    ...(
      [
        ['default', 'normal'],
        ['public', 'normal'],
        ['private', 'private'],
        ['confidential', 'confidential'],
      ] as Array<[Privacy, NonNullable<Event['sensitivity']>]>
    ).map(([privacy, sensitivity]) => ['privacy', { privacy }, { sensitivity }] as const),
  ];

  it.each(updates)('updates %s alone: %o', async (field, change, expected) => {
    const { sim, newCalendar } = fx();
    const cal = newCalendar();
    const created = await create(cal, { ...BASE, color: 'Red category', reminders: [15], privacy: 'private', freeBusy: 'oof' });
    sim.userUpdateEvent(created.id, { importance: 'high' }); // the user's own change, which Tandem leaves alone
    const current = await readOne(cal, created.id);
    const [outcome] = await fx().provider.write(cal, [{ op: 'update', ref: 'u', id: created.id, version: current.version, event: { ...BASE, ...change }, changed: [field as never] }], signal);
    const updated = okEvent(outcome);
    const after = stored(created.id);
    expect(after).toMatchObject({ ...expected, importance: 'high' });
    const untouched = { subject: 'Mirror', categories: ['Red category'], sensitivity: 'private', showAs: 'oof', reminderMinutesBeforeStart: 15 };
    for (const [name, value] of Object.entries(untouched)) if (!(name in expected) && !(name === 'reminderMinutesBeforeStart' && field === 'reminders')) expect(after[name as keyof Event], name).toEqual(value);
    expect(updated.version).toBe(after.changeKey);
    expect(sim.counters.updatesSent + sim.counters.invitationsSent).toBe(0);
  });

  const series: ReadonlyArray<readonly [string, RecurrenceRule, string]> = [
    ['daily', { freq: 'DAILY', interval: 2, count: 5 }, '2026-03-10'],
    ['every weekday', { freq: 'DAILY', interval: 1, byDay: ['MO', 'TU', 'WE', 'TH', 'FR'].map((day) => ({ day: day as 'MO' })) }, '2026-03-10'],
    ['weekly', { freq: 'WEEKLY', interval: 2, byDay: [{ day: 'TU' }, { day: 'TH' }], weekStart: 'SU', until: '2026-06-30' }, '2026-03-10'],
    ['monthly on day 31', { freq: 'MONTHLY', interval: 1, byMonthDay: [-1], count: 4 }, '2026-03-31'],
    ['last Friday', { freq: 'MONTHLY', interval: 1, byDay: [{ day: 'FR', ordinal: -1 }] }, '2026-03-27'],
    ['first weekend day', { freq: 'MONTHLY', interval: 1, byDay: [{ day: 'SA' }, { day: 'SU' }], bySetPos: [1], count: 3 }, '2026-03-01'],
    ['yearly', { freq: 'YEARLY', interval: 1, byMonth: [3], byMonthDay: [10] }, '2026-03-10'],
    ['Thanksgiving', { freq: 'YEARLY', interval: 1, byMonth: [11], byDay: [{ day: 'TH', ordinal: 4 }], count: 2 }, '2026-11-26'],
  ];

  it.each(series)('creates a %s series Outlook accepts, and reads it back', async (_name, rule, date) => {
    const cal = fx().newCalendar();
    const provider = fx().provider;
    const start = { instant: `${date}T08:00:00Z`, zone: 'Europe/Berlin' } as const;
    expect(provider.canStore(rule, start)).toBe(true);
    const created = await create(cal, { ...BASE, start, end: { instant: `${date}T09:00:00Z`, zone: 'Europe/Berlin' }, recurrence: rule });
    expect(created.shape).toBe('master');
    const saved = stored(created.id).recurrence!;
    expect(saved.range).toMatchObject({ startDate: date, recurrenceTimeZone: 'W. Europe Standard Time' });
    const reread = (await readOne(cal, created.id)).event!.recurrence!;
    expect(provider.canStore(reread, start)).toBe(true);
    expect(reread.count).toBe(rule.count);
    expect(reread.until).toBe(rule.until);
  });

  it('creates all-day series in the mailbox zone', async () => {
    const cal = fx().newCalendar();
    const created = await create(cal, { ...BASE, start: { date: '2026-03-10' }, end: { date: '2026-03-11' }, recurrence: { freq: 'WEEKLY', interval: 1, byDay: [{ day: 'TU' }] } });
    expect(stored(created.id)).toMatchObject({ isAllDay: true, recurrence: { range: { startDate: '2026-03-10', recurrenceTimeZone: 'W. Europe Standard Time' } } });
    const occurrences = await fx().provider.listOccurrences(cal, created.id, { start: '2026-03-01T00:00:00Z', end: '2026-03-25T00:00:00Z' }, signal);
    expect(occurrences.map((o) => o.originalStart)).toEqual([{ date: '2026-03-10' }, { date: '2026-03-17' }, { date: '2026-03-24' }]);
  });

  it('moves a series to new times together with its recurrence (range.startDate follows the start)', async () => {
    const cal = fx().newCalendar();
    const rule: RecurrenceRule = { freq: 'DAILY', interval: 1, count: 3 };
    const created = await create(cal, { ...BASE, recurrence: rule });
    const moved: CanonicalEvent = { ...BASE, start: { instant: '2026-03-11T08:00:00Z', zone: 'Europe/Berlin' }, end: { instant: '2026-03-11T09:00:00Z', zone: 'Europe/Berlin' }, recurrence: rule };
    const [outcome] = await fx().provider.write(cal, [{ op: 'update', ref: 'u', id: created.id, version: created.version, event: moved, changed: ['start', 'end'] }], signal);
    expect(okEvent(outcome).event?.start).toEqual(moved.start);
    expect(stored(created.id).recurrence?.range?.startDate).toBe('2026-03-11');
  });
});
