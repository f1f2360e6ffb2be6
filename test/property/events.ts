/** Event bodies as each app would send them for a generated creation or move. */
import type { Event as GraphEvent } from '@microsoft/microsoft-graph-types';
import type { calendar_v3 } from '@googleapis/calendar';
import { ZONES, type Repeat, type Timing } from './actions.ts';
import { dayOf, ianaOf, instantOf, isoOf, wallOf, wallTime, weekdayOf } from './times.ts';

type GEvent = calendar_v3.Schema$Event;
type Json = Record<string, unknown>;

export function googleBody(title: string, timing: Timing, repeat: Repeat | null, details: string | null): GEvent {
  const times: GEvent =
    timing.kind === 'allDay'
      ? { start: { date: dayOf(timing.day) }, end: { date: dayOf(timing.day + timing.days) } }
      : timedGoogle(wallTime(timing.day, timing.minute), timing.duration * 60_000, ZONES[timing.zone].iana);
  return {
    summary: title,
    ...times,
    ...(repeat ? { recurrence: [`RRULE:FREQ=${repeat.freq.toUpperCase()};COUNT=${repeat.count}`] } : {}),
    ...(details ? { location: `Room ${details}`, description: `Notes ${details}` } : {}),
  };
}

export function outlookBody(title: string, timing: Timing, repeat: Repeat | null, details: string | null, mailboxZone: string): Json {
  const zone = timing.kind === 'timed' ? ZONES[timing.zone].outlook : mailboxZone;
  const startDate = dayOf(timing.day);
  const times =
    timing.kind === 'allDay'
      ? allDayOutlook(startDate, dayOf(timing.day + timing.days), zone)
      : timedOutlook(wallTime(timing.day, timing.minute), timing.duration * 60_000, zone);
  const pattern = repeat?.freq === 'weekly' ? { type: 'weekly', interval: 1, daysOfWeek: [weekdayOf(startDate)], firstDayOfWeek: 'sunday' } : { type: 'daily', interval: 1 };
  return {
    subject: title,
    ...times,
    ...(repeat ? { recurrence: { pattern, range: { type: 'numbered', numberOfOccurrences: repeat.count, startDate } } } : {}),
    ...(details ? { location: { displayName: `Room ${details}` }, body: { contentType: 'text', content: `Notes ${details}` } } : {}),
  };
}

/** Google start/end for a wall time in a zone and a duration. */
export function timedGoogle(wall: string, durationMs: number, zone: string): GEvent {
  const end = instantOf(wall, zone) + durationMs;
  return { start: { dateTime: wall, timeZone: zone }, end: { dateTime: isoOf(end), timeZone: zone } };
}

/** Graph start/end for a wall time in a zone (Windows or IANA name) and a duration. */
export function timedOutlook(wall: string, durationMs: number, zone: string): Json {
  const iana = ianaOf(zone);
  const end = instantOf(wall, iana) + durationMs;
  return { isAllDay: false, start: { dateTime: wall, timeZone: zone }, end: { dateTime: wallOf(end, iana), timeZone: zone } };
}

export function allDayOutlook(startDate: string, endDate: string, zone: string): Json {
  return { isAllDay: true, start: { dateTime: `${startDate}T00:00:00`, timeZone: zone }, end: { dateTime: `${endDate}T00:00:00`, timeZone: zone } };
}

/** Start and end of a stored Graph event as instants (UTC as the simulator stores them). */
export function graphSpan(event: GraphEvent): { start: number; end: number } {
  return { start: Date.parse(`${event.start?.dateTime?.slice(0, 19) ?? ''}Z`), end: Date.parse(`${event.end?.dateTime?.slice(0, 19) ?? ''}Z`) };
}

export function googleSpan(event: GEvent): { start: number; end: number } {
  return { start: Date.parse(event.start?.dateTime ?? ''), end: Date.parse(event.end?.dateTime ?? '') };
}
