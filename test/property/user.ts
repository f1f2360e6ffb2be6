/**
 * What a user sees and does in each calendar app: the top-level events (singles and series, mirrors
 * included, in creation order), a series' occurrences, and changes made "as the user in the web
 * app" through the simulators' in-process APIs. Changes an app would refuse are reported as such.
 */
import type { Event as GraphEvent } from '@microsoft/microsoft-graph-types';
import type { calendar_v3 } from '@googleapis/calendar';
import { readMarker as readGoogleMarker } from '../../src/background/providers/google/marker.ts';
import { readMarker as readGraphMarker } from '../../src/background/providers/graph/markers.ts';
import type { MirrorMarker } from '../../src/background/sync/ports.ts';
import type { World } from '../integration/engine/harness.ts';
import type { Side } from './actions.ts';

export interface ShownItem {
  readonly side: Side;
  readonly id: string;
  readonly title: string;
  readonly series: boolean;
  /** This pair's marker: the item is a mirror. */
  readonly marker: MirrorMarker | null;
  readonly allDay: boolean;
  /** Start and end as instants (epoch ms; all-day: UTC midnight of the date). */
  readonly start: number;
  readonly end: number;
  /** IANA name (Google) or the name Outlook reports (Windows or IANA) of the start's zone. */
  readonly zone: string;
}

export interface Occurrence {
  /** Google instance id / Graph occurrence id. */
  readonly id: string;
  /** Original start as the service reports it, as epoch ms (Google all-day: UTC midnight of the date). */
  readonly originalStart: number;
  readonly allDay: boolean;
  readonly start: number;
  readonly end: number;
}

export function googleItems(world: World): ShownItem[] {
  return world.sims.google
    .listStoredEvents(world.googleCalendar)
    .filter((e) => e.status !== 'cancelled' && !e.recurringEventId)
    .map((e) => ({
      side: 'google',
      id: e.id ?? '',
      title: e.summary ?? '',
      series: (e.recurrence?.length ?? 0) > 0,
      marker: ownMarker(world, readGoogleMarker(e.extendedProperties?.private)),
      allDay: e.start?.date !== undefined && e.start.date !== null,
      start: googleInstant(e.start),
      end: googleInstant(e.end),
      zone: e.start?.timeZone ?? 'UTC',
    }));
}

export function outlookItems(world: World): ShownItem[] {
  return world.sims.graph.listStoredEvents(world.outlookCalendar).map((e) => ({
    side: 'outlook',
    id: e.id ?? '',
    title: e.subject ?? '',
    series: e.type === 'seriesMaster',
    marker: ownMarker(world, readGraphMarker(e.singleValueExtendedProperties)),
    allDay: e.isAllDay === true,
    start: graphInstant(e.start?.dateTime),
    end: graphInstant(e.end?.dateTime),
    zone: e.originalStartTimeZone ?? 'UTC',
  }));
}

export function itemsOf(world: World, side: Side): ShownItem[] {
  return side === 'google' ? googleItems(world) : outlookItems(world);
}

/** Whether an event (top-level or occurrence) still exists on a side, as its app would show it. */
export function isLive(world: World, side: Side, id: string): boolean {
  if (side === 'google') {
    const event = world.sims.google.getEvent(world.googleCalendar, id);
    return event !== undefined && event.status !== 'cancelled';
  }
  return world.sims.graph.getStoredEvent(id) !== undefined;
}

/** A series' occurrences inside a range, as the app lists them (over HTTP). */
export async function occurrencesOf(world: World, item: ShownItem, range: { start: string; end: string }): Promise<Occurrence[]> {
  if (item.side === 'google') {
    const token = world.sims.google.issueToken(world.googleCalendar);
    const url = `${world.sims.endpoints.googleApi}/calendars/${encodeURIComponent(world.googleCalendar)}/events/${encodeURIComponent(item.id)}/instances?timeMin=${range.start}&timeMax=${range.end}&maxResults=2500`;
    const body = (await getJson(url, { authorization: `Bearer ${token}` })) as { items: calendar_v3.Schema$Event[] };
    return body.items
      .filter((i) => i.status !== 'cancelled')
      .map((i) => ({ id: i.id ?? '', originalStart: googleInstant(i.originalStartTime), allDay: Boolean(i.start?.date), start: googleInstant(i.start), end: googleInstant(i.end) }));
  }
  const token = world.sims.graph.issueToken(world.msUser);
  const url = `${world.sims.endpoints.graphApi}/me/events/${encodeURIComponent(item.id)}/instances?startDateTime=${range.start}&endDateTime=${range.end}&$top=1000`;
  const body = (await getJson(url, { authorization: `Bearer ${token}`, prefer: 'outlook.timezone="UTC", IdType="ImmutableId"' })) as { value: GraphEvent[] };
  return body.value.map((o) => ({
    id: o.id ?? '',
    originalStart: Date.parse(o.originalStart ?? ''),
    allDay: o.isAllDay === true,
    start: graphInstant(o.start?.dateTime),
    end: graphInstant(o.end?.dateTime),
  }));
}

function ownMarker(world: World, marker: MirrorMarker | undefined): MirrorMarker | null {
  return marker && marker.pair === world.pair.id ? marker : null;
}

function googleInstant(time: calendar_v3.Schema$EventDateTime | null | undefined): number {
  if (time?.date) return Date.parse(`${time.date}T00:00:00Z`);
  return Date.parse(time?.dateTime ?? '');
}

/** Graph dateTimes in UTC without an offset ("2026-03-05T08:00:00.0000000"). */
function graphInstant(dateTime: string | null | undefined): number {
  return Date.parse(`${(dateTime ?? '').slice(0, 19)}Z`);
}

async function getJson(url: string, headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}
