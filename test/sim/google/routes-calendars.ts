/**
 * calendarList.list/get, calendars.get and colors.get (calendar-apis.md §1.8). calendarList.list
 * pages with maxResults (default 100, capped at 250), filters by minAccessRole, and leaves hidden
 * entries out unless showHidden=true. `primary` works as a calendarId everywhere.
 */
import { json, type Router, type SimRequest } from '../core/http.ts';
import type { TokenRegistry } from '../core/tokens.ts';
import { authenticate } from './auth.ts';
import { calendarBackground, colorsResource, LIST_FOREGROUND } from './colors.ts';
import type { GoogleCore } from './core.ts';
import type { Resolved } from './directory.ts';
import { invalidParam } from './errors.ts';
import { ACCESS_ROLES, roleRank, type AccessRole, type GCalendarList, type GCalendarListEntry } from './model.ts';
import { parseBoolean, parseMaxResults } from './query.ts';
import { guarded, param } from './route-kit.ts';
import { queryHash, readToken, signToken } from './tokens.ts';

export function addCalendarRoutes(router: Router, core: GoogleCore, tokens: TokenRegistry): void {
  router
    .on('GET', '/calendar/v3/users/me/calendarList', guarded((request) => {
      const email = authenticate(tokens, request, 'calendarList');
      return json(200, listCalendarList(core, email, request));
    }))
    .on('GET', '/calendar/v3/users/me/calendarList/:calendarId', guarded((request) => {
      const email = authenticate(tokens, request, 'calendarList');
      return json(200, renderEntry(email)(core.directory.resolve(email, param(request, 'calendarId'))));
    }))
    .on('GET', '/calendar/v3/calendars/:calendarId', guarded((request) => {
      const email = authenticate(tokens, request, 'calendars');
      const { calendar } = core.directory.resolve(email, param(request, 'calendarId'));
      return json(200, {
        kind: 'calendar#calendar',
        etag: `"${calendar.store.lastChangeAt}"`,
        id: calendar.id,
        summary: calendar.summary,
        ...(calendar.description ? { description: calendar.description } : {}),
        timeZone: calendar.timeZone,
        conferenceProperties: { allowedConferenceSolutionTypes: ['hangoutsMeet'] },
      });
    }))
    .on('GET', '/calendar/v3/colors', guarded((request) => {
      authenticate(tokens, request, 'colors');
      return json(200, colorsResource());
    }));
}

function listCalendarList(core: GoogleCore, email: string, request: SimRequest): GCalendarList {
  const params = request.url.searchParams;
  const maxResults = parseMaxResults(params, 100, 250);
  const minRole = params.get('minAccessRole');
  if (minRole !== null && !ACCESS_ROLES.includes(minRole as AccessRole)) throw invalidParam('minAccessRole');
  const showHidden = parseBoolean(params, 'showHidden');
  parseBoolean(params, 'showDeleted'); // accepted; the simulator has no deleted entries
  const entries = core.directory
    .entriesOf(email)
    .filter(({ entry }) => (showHidden || !entry.hidden) && (minRole === null || roleRank(entry.accessRole) >= roleRank(minRole as AccessRole)))
    .sort(primaryFirst(email));
  const hash = queryHash(params, ['pageToken']);
  const token = params.get('pageToken');
  const offset = token === null ? 0 : pageOffset(core, token, email, hash);
  const page = entries.slice(offset, offset + maxResults);
  const more = offset + maxResults < entries.length;
  return {
    kind: 'calendar#calendarList',
    etag: `"${entries.reduce((sum, { entry }) => sum + entry.etagVersion, 0)}"`,
    ...(more
      ? { nextPageToken: signToken({ kind: 'page', calendarId: email, queryHash: hash, after: [offset + maxResults], snapshot: 0, epoch: 0 }, core.tokenSecret) }
      : {}),
    items: page.map(renderEntry(email)),
  };
}

function pageOffset(core: GoogleCore, token: string, email: string, hash: string): number {
  const state = readToken(token, 'page', core.tokenSecret);
  const offset = state?.after[0];
  if (!state || state.calendarId !== email || state.queryHash !== hash || typeof offset !== 'number') {
    throw invalidParam('pageToken', 'Invalid page token value.');
  }
  return offset;
}

function primaryFirst(email: string): (a: Resolved, b: Resolved) => number {
  return (a, b) => Number(b.calendar.id === email) - Number(a.calendar.id === email) || a.calendar.summary.localeCompare(b.calendar.summary);
}

/** A calendarList entry as `viewer` sees it. */
const renderEntry = (viewer: string) => ({ calendar, entry }: Resolved): GCalendarListEntry => {
  return {
    kind: 'calendar#calendarListEntry',
    etag: `"${entry.etagVersion}"`,
    id: calendar.id,
    summary: calendar.summary,
    ...(calendar.description ? { description: calendar.description } : {}),
    timeZone: calendar.timeZone,
    ...(entry.summaryOverride ? { summaryOverride: entry.summaryOverride } : {}),
    colorId: entry.colorId,
    backgroundColor: calendarBackground(entry.colorId),
    foregroundColor: LIST_FOREGROUND,
    // Booleans appear only when true, as in Google's responses.
    ...(entry.hidden ? { hidden: true } : {}),
    ...(entry.selected ? { selected: true } : {}),
    accessRole: entry.accessRole,
    defaultReminders: structuredClone(entry.defaultReminders),
    ...(calendar.id === viewer ? { primary: true } : {}),
    conferenceProperties: { allowedConferenceSolutionTypes: ['hangoutsMeet'] },
  };
};
