/**
 * Changes "as the user in the web app", through the simulators' in-process APIs (the same store
 * operations as the HTTP API: validation, versions, change feeds). What the app itself would refuse
 * (Outlook's ErrorOccurrenceCrossingBoundary, say) comes back as `refused`, and nothing changed.
 */
import { GoogleApiError } from '../sim/google/index.ts';
import { GraphError } from '../sim/graph/errors.ts';
import type { World } from '../integration/engine/harness.ts';
import { ZONES, hhmm, type EditChange, type OccurrenceChange, type Repeat, type Side, type Timing } from './actions.ts';
import { allDayOutlook, googleBody, outlookBody, timedOutlook } from './events.ts';
import { dayOf, ianaOf, instantOf, wallOf } from './times.ts';
import type { Occurrence, ShownItem } from './user.ts';

export type Outcome = 'done' | 'refused' | 'nothing';

const DAY = 86_400_000;
/** A guest on events created with details: a write that mailed them would be an invitation. */
const GUEST = 'guest@example.net';

/** Creates an event; returns its id. `details` also adds a guest (the user's own invitation is not sent). */
export function createEvent(world: World, side: Side, title: string, timing: Timing, repeat: Repeat | null, details: string | null, mailboxZone: string): string {
  if (side === 'google') {
    const body = { ...googleBody(title, timing, repeat, details), ...(details ? { attendees: [{ email: GUEST }] } : {}) };
    return world.sims.google.userCreateEvent(world.googleCalendar, world.googleCalendar, body).id ?? '';
  }
  const body = { ...outlookBody(title, timing, repeat, details, mailboxZone), ...(details ? { attendees: [{ type: 'required', emailAddress: { address: GUEST } }] } : {}) };
  return world.sims.graph.userCreateEvent(world.msUser, world.outlookCalendar, body).id ?? '';
}

export function editEvent(world: World, item: ShownItem, change: EditChange, text: string): Outcome {
  const patch = change.field === 'move' ? movePatch(item, change.day, change.minute) : fieldPatch(item.side, change.field, text);
  if (!patch) return 'nothing';
  return attempt(() => {
    if (item.side === 'google') world.sims.google.userPatchEvent(world.googleCalendar, world.googleCalendar, item.id, patch);
    else world.sims.graph.userUpdateEvent(item.id, patch);
  });
}

export function deleteEvent(world: World, item: ShownItem): Outcome {
  return attempt(() => {
    if (item.side === 'google') world.sims.google.userDeleteEvent(world.googleCalendar, world.googleCalendar, item.id);
    else world.sims.graph.userDeleteEvent(item.id);
  });
}

export function editOccurrence(world: World, series: ShownItem, occurrence: Occurrence, change: OccurrenceChange, text: string): Outcome {
  const patch = change.field === 'shift' && !occurrence.allDay ? shiftPatch(series, occurrence, change.minutes) : fieldPatch(series.side, change.field === 'shift' ? 'title' : change.field, text);
  if (!patch) return 'nothing';
  return attempt(() => {
    if (series.side === 'google') world.sims.google.userPatchEvent(world.googleCalendar, world.googleCalendar, occurrence.id, patch);
    else world.sims.graph.userUpdateOccurrence(series.id, occurrence.originalStart, patch);
  });
}

export function cancelOccurrence(world: World, series: ShownItem, occurrence: Occurrence): Outcome {
  return attempt(() => {
    if (series.side === 'google') world.sims.google.userDeleteEvent(world.googleCalendar, world.googleCalendar, occurrence.id);
    else world.sims.graph.userDeleteOccurrence(series.id, occurrence.originalStart);
  });
}

type Patch = Record<string, unknown>;

function fieldPatch(side: Side, field: 'title' | 'location' | 'description', text: string): Patch {
  if (side === 'google') return field === 'title' ? { summary: text } : { [field]: `${field === 'location' ? 'Room' : 'Notes'} ${text}` };
  if (field === 'title') return { subject: text };
  if (field === 'location') return { location: { displayName: `Room ${text}` } };
  return { body: { contentType: 'text', content: `Notes ${text}` } };
}

/** Singles move to another day and time; a series keeps its first day and changes its time of day. */
function movePatch(item: ShownItem, day: number, minute: number): Patch | null {
  const { iana, name } = zoneOf(item);
  if (item.allDay) {
    if (item.series) return null;
    const days = Math.max(1, Math.round((item.end - item.start) / DAY));
    if (item.side === 'google') return { start: { date: dayOf(day) }, end: { date: dayOf(day + days) } };
    return allDayOutlook(dayOf(day), dayOf(day + days), name);
  }
  const date = item.series ? wallOf(item.start, iana).slice(0, 10) : dayOf(day);
  return timedPatch(item.side, `${date}T${hhmm(minute)}:00`, item.end - item.start, iana, name);
}

/** Moves one occurrence by some minutes, on its own day only (see the crossing rule in the brief's comment). */
function shiftPatch(series: ShownItem, occurrence: Occurrence, minutes: number): Patch | null {
  const { iana, name } = zoneOf(series);
  const start = occurrence.start + minutes * 60_000;
  // Outlook refuses to move an occurrence onto a neighbour's day, and Google has no such rule: a
  // move the engine could not mirror. The generated user keeps moved occurrences on their day.
  if (wallOf(start, iana).slice(0, 10) !== wallOf(occurrence.start, iana).slice(0, 10)) return null;
  return timedPatch(series.side, wallOf(start, iana), occurrence.end - occurrence.start, iana, name);
}

function timedPatch(side: Side, wall: string, durationMs: number, iana: string, name: string): Patch {
  if (side === 'outlook') return timedOutlook(wall, durationMs, name);
  const end = wallOf(instantOf(wall, iana) + durationMs, iana);
  return { start: { dateTime: wall, timeZone: iana }, end: { dateTime: end, timeZone: iana } };
}

/** The event's zone as IANA, and the name to write back (Google: IANA; Outlook: a name it reported). */
function zoneOf(item: ShownItem): { iana: string; name: string } {
  const iana = ianaOf(item.zone);
  if (item.side === 'google') return { iana, name: iana };
  const known = ZONES.some((z) => z.outlook === item.zone || z.windows === item.zone);
  return { iana, name: known ? item.zone : 'UTC' };
}

function attempt(change: () => void): Outcome {
  try {
    change();
    return 'done';
  } catch (error) {
    if (error instanceof GoogleApiError || error instanceof GraphError) return 'refused';
    throw error;
  }
}
