/**
 * What the user sees in each calendar, read over HTTP the way the apps read it: Google expanded
 * with `singleEvents=true`, Outlook's `calendarView`. Both are reduced to one comparable row per
 * shown event: title, location, and times as UTC instants (timed) or dates (all-day).
 */
import { htmlToText, looksLikeHtml } from '../../src/background/providers/html-text.ts';
import type { World } from '../integration/engine/harness.ts';

export interface ShownEvent {
  readonly id: string;
  /** The series master, for an occurrence or exception. */
  readonly seriesId: string | null;
  readonly title: string;
  readonly location: string;
  /** Plain text (Outlook's HTML bodies reduced the way the adapter reduces them). */
  readonly description: string;
  readonly allDay: boolean;
  /** UTC instant (`2026-03-05T09:00:00Z`) or date (`2026-03-05`). */
  readonly start: string;
  readonly end: string;
}

export interface ViewRange {
  readonly start: string;
  readonly end: string;
}

interface GoogleTime {
  readonly date?: string;
  readonly dateTime?: string;
}

interface GoogleItem {
  readonly id: string;
  readonly status?: string;
  readonly summary?: string;
  readonly location?: string;
  readonly description?: string;
  readonly recurringEventId?: string;
  readonly start: GoogleTime;
  readonly end: GoogleTime;
}

interface GraphItem {
  readonly id: string;
  readonly subject?: string | null;
  readonly isAllDay?: boolean;
  readonly seriesMasterId?: string | null;
  readonly location?: { readonly displayName?: string | null } | null;
  readonly body?: { readonly contentType?: string | null; readonly content?: string | null } | null;
  readonly start: { readonly dateTime: string };
  readonly end: { readonly dateTime: string };
}

export async function googleView(world: World, range: ViewRange): Promise<ShownEvent[]> {
  const user = world.googleCalendar;
  const token = world.sims.google.issueToken(user);
  const base = `${world.sims.endpoints.googleApi}/calendars/${encodeURIComponent(user)}/events?singleEvents=true&maxResults=2500&timeMin=${range.start}&timeMax=${range.end}`;
  const shown: ShownEvent[] = [];
  let pageToken: string | undefined;
  do {
    const url = pageToken ? `${base}&pageToken=${encodeURIComponent(pageToken)}` : base;
    const body = (await getJson(url, { authorization: `Bearer ${token}` })) as { items: GoogleItem[]; nextPageToken?: string };
    for (const item of body.items) {
      if (item.status === 'cancelled') continue;
      const allDay = item.start.date !== undefined;
      shown.push({
        id: item.id,
        seriesId: item.recurringEventId ?? null,
        title: item.summary ?? '',
        location: item.location ?? '',
        description: (item.description ?? '').trim(),
        allDay,
        start: allDay ? (item.start.date ?? '') : instant(item.start.dateTime ?? ''),
        end: allDay ? (item.end.date ?? '') : instant(item.end.dateTime ?? ''),
      });
    }
    pageToken = body.nextPageToken;
  } while (pageToken);
  return shown;
}

export async function outlookView(world: World, range: ViewRange): Promise<ShownEvent[]> {
  const token = world.sims.graph.issueToken(world.msUser);
  const headers = { authorization: `Bearer ${token}`, prefer: 'outlook.timezone="UTC", IdType="ImmutableId"' };
  let url: string | undefined = `${world.sims.endpoints.graphApi}/me/calendars/${encodeURIComponent(world.outlookCalendar)}/calendarView?startDateTime=${range.start}&endDateTime=${range.end}&$top=1000`;
  const shown: ShownEvent[] = [];
  while (url) {
    const body = (await getJson(url, headers)) as { value: GraphItem[]; '@odata.nextLink'?: string };
    for (const item of body.value) {
      const allDay = item.isAllDay === true;
      shown.push({
        id: item.id,
        seriesId: item.seriesMasterId ?? null,
        title: item.subject ?? '',
        location: item.location?.displayName ?? '',
        description: bodyText(item.body).trim(),
        allDay,
        // All-day events are midnight to midnight whatever zone is asked for: compare their dates.
        start: allDay ? item.start.dateTime.slice(0, 10) : instant(`${item.start.dateTime.slice(0, 19)}Z`),
        end: allDay ? item.end.dateTime.slice(0, 10) : instant(`${item.end.dateTime.slice(0, 19)}Z`),
      });
    }
    url = body['@odata.nextLink'];
  }
  return shown;
}

async function getJson(url: string, headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

function instant(text: string): string {
  return new Date(Date.parse(text)).toISOString().replace('.000Z', 'Z');
}

function bodyText(body: GraphItem['body']): string {
  const content = body?.content ?? '';
  return body?.contentType === 'html' || looksLikeHtml(content) ? htmlToText(content) : content;
}
