/**
 * Routes under `/_host/<real host>/…`, where the simulator build's content script treats a loopback
 * page as the host it names (src/shared/calendar-hosts.ts): the static DOM fixtures of
 * test/fixtures/content, and live pages of simulator calendars that the "user" can edit.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { driverScript } from '../../fixtures/content/driver.ts';
import { jsonBody, type Router, type SimRequest, type SimResponse } from '../core/http.ts';
import type { GoogleCalendarSim } from '../google/index.ts';
import type { GraphSim } from '../graph/index.ts';
import { googleChips, googleItems, graphItems, livePage, outlookTiles, type LiveItem } from './live.ts';

export const FIXTURE_DIR = path.resolve(import.meta.dirname, '../../fixtures/content');

const GOOGLE_HOSTS = ['calendar.google.com'];
const OUTLOOK_HOSTS = ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'];

export interface LiveCalendar {
  readonly app: 'google' | 'outlook';
  readonly calendarId: string;
  readonly title: string;
  /** The account the "user" acts as (Google address, Microsoft UPN). */
  readonly owner: string;
}

export interface StandInDeps {
  readonly google: GoogleCalendarSim;
  readonly graph: GraphSim;
  readonly calendar: (index: number) => LiveCalendar | undefined;
}

export function appOfHost(host: string): 'google' | 'outlook' | null {
  if (GOOGLE_HOSTS.includes(host)) return 'google';
  return OUTLOOK_HOSTS.includes(host) ? 'outlook' : null;
}

export function addStandInRoutes(router: Router, deps: StandInDeps): Router {
  const live = (request: SimRequest): { calendar: LiveCalendar } | SimResponse => {
    const calendar = deps.calendar(Number(request.params['index']));
    const app = appOfHost(request.params['host'] ?? '');
    if (!calendar || calendar.app !== app) return text(404, 'No such calendar on this host.');
    return { calendar };
  };
  const items = (calendar: LiveCalendar): LiveItem[] =>
    calendar.app === 'google' ? googleItems(deps.google.listStoredEvents(calendar.calendarId)) : graphItems(deps.graph.listStoredEvents(calendar.calendarId));
  const render = (calendar: LiveCalendar): string => (calendar.app === 'google' ? googleChips(items(calendar), calendar.calendarId) : outlookTiles(items(calendar)));

  return router
    .on('GET', '/_host/:host/fixture/:name', (request) => fixture(request.params['host'] ?? '', request.params['name'] ?? ''))
    .on('GET', '/_host/:host/live/:index', (request) => {
      const found = live(request);
      if (!('calendar' in found)) return found;
      return html(livePage(found.calendar.app, found.calendar.title, render(found.calendar)));
    })
    .on('GET', '/_host/:host/live/:index/items', (request) => {
      const found = live(request);
      return 'calendar' in found ? { status: 200, headers: { 'cache-control': 'no-store' }, body: { html: render(found.calendar) } } : found;
    })
    .on('POST', '/_host/:host/live/:index/items', (request) => edit(request, (calendar, body) => create(deps, calendar, body)))
    .on('PATCH', '/_host/:host/live/:index/items/:id', (request) => edit(request, (calendar, body) => rename(deps, calendar, request.params['id'] ?? '', body)))
    .on('DELETE', '/_host/:host/live/:index/items/:id', (request) =>
      edit(request, (calendar) => {
        const id = request.params['id'] ?? '';
        if (calendar.app === 'google') deps.google.userDeleteEvent(calendar.owner, calendar.calendarId, id);
        else deps.graph.userDeleteEvent(id);
        return { id };
      }),
    );

  function edit(request: SimRequest, apply: (calendar: LiveCalendar, body: Record<string, string>) => { id: string }): SimResponse {
    const found = live(request);
    if (!('calendar' in found)) return found;
    const body = (jsonBody(request) ?? {}) as Record<string, string>;
    return { status: 200, headers: { 'cache-control': 'no-store' }, body: apply(found.calendar, body) };
  }
}

function create(deps: StandInDeps, calendar: LiveCalendar, body: Record<string, string>): { id: string } {
  const start = body['start'] ?? '';
  const end = body['end'] ?? '';
  if (calendar.app === 'google') {
    const created = deps.google.userCreateEvent(calendar.owner, calendar.calendarId, { summary: body['title'] ?? '', start: { dateTime: start, timeZone: 'UTC' }, end: { dateTime: end, timeZone: 'UTC' } });
    return { id: created.id ?? '' };
  }
  const created = deps.graph.userCreateEvent(calendar.owner, calendar.calendarId, {
    subject: body['title'] ?? '',
    start: { dateTime: start.replace(/Z$/, ''), timeZone: 'UTC' },
    end: { dateTime: end.replace(/Z$/, ''), timeZone: 'UTC' },
  });
  return { id: created.id ?? '' };
}

function rename(deps: StandInDeps, calendar: LiveCalendar, id: string, body: Record<string, string>): { id: string } {
  if (calendar.app === 'google') deps.google.userPatchEvent(calendar.owner, calendar.calendarId, id, { summary: body['title'] ?? '' });
  else deps.graph.userUpdateEvent(id, { subject: body['title'] ?? '' });
  return { id };
}

async function fixture(host: string, name: string): Promise<SimResponse> {
  const app = appOfHost(host);
  if (name === 'rerender.js') return { status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }, body: driverScript() };
  const prefix = app === 'google' ? 'gcal-' : app === 'outlook' ? 'owa-' : null;
  if (!prefix || !/^[a-z0-9-]+$/.test(name) || !name.startsWith(prefix)) return text(404, 'No such fixture on this host.');
  try {
    return html(await readFile(path.join(FIXTURE_DIR, `${name}.html`), 'utf8'));
  } catch {
    return text(404, 'No such fixture.');
  }
}

function html(body: string): SimResponse {
  return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, body };
}

function text(status: number, body: string): SimResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body };
}
