/**
 * The demo world: Alex's personal Google calendar and work Outlook calendar, with what real
 * calendars hold — timed, all-day and multi-day events, series with a moved and a cancelled
 * occurrence, events in other time zones, meetings with guests, and a read-only shared calendar.
 * Dates are relative to the simulator clock's "now", in Alex's zone (Europe/Berlin).
 */
import { Temporal } from 'temporal-polyfill';
import type { Simulators } from '../index.ts';

export const DEMO_GOOGLE_USER = 'alex.rivera@gmail.com';
export const DEMO_MS_USER = 'alex.rivera@contoso.com';
const ZONE = 'Europe/Berlin';
const WINDOWS_ZONE = 'W. Europe Standard Time';

export interface DemoWorld {
  readonly googleUser: string;
  readonly msUser: string;
  readonly googleCalendarId: string;
  readonly outlookCalendarId: string;
  readonly outlookHolidaysCalendarId: string;
  /** Pages of the simulated web apps showing the two paired calendars. */
  readonly pages: { readonly google: string; readonly outlook: string };
}

export function seedDemo(sims: Simulators): DemoWorld {
  const today = Temporal.Instant.fromEpochMilliseconds(sims.clock.now()).toZonedDateTimeISO(ZONE).toPlainDate();
  const monday = today.add({ days: 8 - today.dayOfWeek }); // next week's Monday
  sims.googleAuth.addAccount({ email: DEMO_GOOGLE_USER, name: 'Alex Rivera' });
  sims.msIdentity.addAccount({ upn: DEMO_MS_USER, name: 'Alex Rivera', kind: 'work' });
  const googleCalendarId = sims.google.addUser(DEMO_GOOGLE_USER, { name: 'Alex Rivera', timeZone: ZONE });
  const { defaultCalendarId: outlookCalendarId } = sims.graph.addMailbox(DEMO_MS_USER, { displayName: 'Alex Rivera', timeZone: WINDOWS_ZONE });
  const outlookHolidaysCalendarId = sims.graph.addCalendar(DEMO_MS_USER, { name: 'Team holidays', canEdit: false, hexColor: '#e3008c' });
  seedGoogle(sims, googleCalendarId, monday);
  seedOutlook(sims, outlookCalendarId, outlookHolidaysCalendarId, monday);
  return {
    googleUser: DEMO_GOOGLE_USER,
    msUser: DEMO_MS_USER,
    googleCalendarId,
    outlookCalendarId,
    outlookHolidaysCalendarId,
    pages: {
      google: sims.web.show({ app: 'google', calendarId: googleCalendarId, title: 'Alex Rivera (personal)' }),
      outlook: sims.web.show({ app: 'outlook', calendarId: outlookCalendarId, title: 'Calendar (Contoso)' }),
    },
  };
}

function local(date: Temporal.PlainDate, time: string): string {
  return `${date.toString()}T${time}:00`;
}

function utcStamp(date: Temporal.PlainDate, time: string, zone: string): string {
  const instant = Temporal.PlainDateTime.from(local(date, time)).toZonedDateTime(zone).toInstant();
  return instant.toString().replace(/[-:]/g, '').replace(/\.\d+/, '');
}

function seedGoogle(sims: Simulators, calendarId: string, monday: Temporal.PlainDate): void {
  const g = sims.google;
  const user = DEMO_GOOGLE_USER;
  const timed = (date: Temporal.PlainDate, from: string, to: string, zone = ZONE) => ({
    start: { dateTime: local(date, from), timeZone: zone },
    end: { dateTime: local(date, to), timeZone: zone },
  });
  g.userCreateEvent(user, calendarId, { summary: 'Dentist', location: 'Praxis Dr. Weber, Kastanienallee 12', ...timed(monday.add({ days: 1 }), '08:30', '09:15') });
  g.userCreateEvent(user, calendarId, {
    summary: 'Weekend in Lisbon',
    start: { date: monday.add({ days: 4 }).toString() },
    end: { date: monday.add({ days: 7 }).toString() },
    transparency: 'transparent',
  });
  g.userCreateEvent(user, calendarId, { summary: 'Call with Sam (New York)', ...timed(monday.add({ days: 2 }), '11:00', '11:30', 'America/New_York') });
  g.userCreateEvent(user, calendarId, {
    summary: "Mum's birthday",
    start: { date: monday.add({ days: 3 }).toString() },
    end: { date: monday.add({ days: 4 }).toString() },
    recurrence: ['RRULE:FREQ=YEARLY'],
  });
  g.userCreateEvent(user, calendarId, {
    summary: 'Dinner with Priya',
    attendees: [{ email: 'priya@example.com', displayName: 'Priya Nair' }],
    ...timed(monday.add({ days: 3 }), '19:30', '21:30'),
  });
  const wednesday = monday.add({ days: 2 });
  const running = g.userCreateEvent(user, calendarId, {
    summary: 'Running club',
    location: 'Tempelhofer Feld',
    recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=WE;COUNT=12'],
    ...timed(wednesday, '19:00', '20:00'),
  });
  const moved = wednesday.add({ weeks: 1 });
  g.userPatchEvent(user, calendarId, `${running.id}_${utcStamp(moved, '19:00', ZONE)}`, timed(moved.add({ days: 1 }), '18:30', '19:30'));
  g.userDeleteEvent(user, calendarId, `${running.id}_${utcStamp(wednesday.add({ weeks: 2 }), '19:00', ZONE)}`);
}

function seedOutlook(sims: Simulators, calendarId: string, holidaysId: string, monday: Temporal.PlainDate): void {
  const o = sims.graph;
  const user = DEMO_MS_USER;
  const timed = (date: Temporal.PlainDate, from: string, to: string, zone = WINDOWS_ZONE) => ({
    start: { dateTime: local(date, from), timeZone: zone },
    end: { dateTime: local(date, to), timeZone: zone },
  });
  const allDay = (from: Temporal.PlainDate, days: number) => ({
    isAllDay: true,
    start: { dateTime: local(from, '00:00'), timeZone: WINDOWS_ZONE },
    end: { dateTime: local(from.add({ days }), '00:00'), timeZone: WINDOWS_ZONE },
  });
  const standup = o.userCreateEvent(user, calendarId, {
    subject: 'Team stand-up',
    location: { displayName: 'Teams' },
    recurrence: {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], firstDayOfWeek: 'monday' },
      range: { type: 'noEnd', startDate: monday.toString() },
    },
    ...timed(monday, '09:30', '09:45'),
  });
  const originalStart = (date: Temporal.PlainDate) => Temporal.PlainDateTime.from(local(date, '09:30')).toZonedDateTime(ZONE).toInstant().toString();
  o.userUpdateOccurrence(standup.id!, originalStart(monday.add({ days: 2 })), timed(monday.add({ days: 2 }), '10:00', '10:15'));
  o.userDeleteOccurrence(standup.id!, originalStart(monday.add({ days: 4 })));
  o.userCreateEvent(user, calendarId, {
    subject: '1:1 with Jordan',
    recurrence: {
      pattern: { type: 'weekly', interval: 2, daysOfWeek: ['thursday'], firstDayOfWeek: 'sunday' },
      range: { type: 'noEnd', startDate: monday.add({ days: 3 }).toString() },
    },
    ...timed(monday.add({ days: 3 }), '14:00', '14:30'),
  });
  o.userCreateEvent(user, calendarId, { subject: 'Quarterly planning', ...allDay(monday.add({ days: 1 }), 1) });
  o.userCreateEvent(user, calendarId, { subject: 'Conference: KubeCon Europe', showAs: 'oof', ...allDay(monday.add({ days: 8 }), 3) });
  o.userCreateEvent(user, calendarId, { subject: 'Customer call — Tokyo office', ...timed(monday.add({ days: 2 }), '09:00', '10:00', 'Tokyo Standard Time') });
  o.userCreateEvent(user, calendarId, {
    subject: 'Project review',
    body: { contentType: 'html', content: '<p>Agenda: <b>milestones</b>, risks, next steps.</p>' },
    attendees: ['dana@contoso.com', 'lee@contoso.com', 'morgan@contoso.com'].map((address) => ({ type: 'required', emailAddress: { address } })),
    ...timed(monday.add({ days: 1 }), '15:00', '16:00'),
  });
  o.seedEvent(user, holidaysId, { subject: 'Company holiday', ...allDay(monday.add({ days: 11 }), 1) });
}
