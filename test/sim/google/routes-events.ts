/**
 * The events collection over HTTP: list, instances, get (If-None-Match → 304), insert, import,
 * patch, update (PUT) and delete. Insert/patch/update answer 200 with the event, delete 204.
 */
import { headerValue, json, noContent, type Router, type SimRequest, type SimResponse } from '../core/http.ts';
import type { TokenRegistry } from '../core/tokens.ts';
import { authenticate } from './auth.ts';
import type { GoogleCore } from './core.ts';
import { notFound } from './errors.ts';
import { listInstances } from './instances.ts';
import { listEvents } from './list.ts';
import type { StoredEvent } from './model.ts';
import { parseZone } from './query.ts';
import { renderEvent } from './render.ts';
import { guarded, param, readJson, writeParams } from './route-kit.ts';
import { deleteEvent, importEvent, insertEvent, patchEvent, updateEvent, type WriteRequest } from './writes.ts';

const EVENTS = '/calendar/v3/calendars/:calendarId/events';

export function addEventRoutes(router: Router, core: GoogleCore, tokens: TokenRegistry): void {
  const reader = (request: SimRequest) => {
    const email = authenticate(tokens, request, 'events.read');
    return core.directory.resolve(email, param(request, 'calendarId'));
  };
  const writer = (request: SimRequest): WriteRequest => {
    const actor = authenticate(tokens, request, 'events.write');
    const { calendar, entry } = core.directory.resolve(actor, param(request, 'calendarId'));
    core.purge(calendar);
    return { actor, calendar, role: entry.accessRole, origin: 'api', ...writeParams(request) };
  };
  const answer = (req: WriteRequest, event: StoredEvent): SimResponse => eventResponse(event, req.calendar.id, req.calendar.timeZone, req.role);

  router
    .on('GET', EVENTS, guarded((request) => {
      const { calendar, entry } = reader(request);
      return json(200, listEvents(core, calendar, entry, request.url.searchParams));
    }))
    .on('POST', EVENTS, guarded((request) => {
      const req = writer(request);
      return answer(req, insertEvent(core, req, readJson(request)));
    }))
    .on('POST', `${EVENTS}/import`, guarded((request) => {
      const req = writer(request);
      return answer(req, importEvent(core, req, readJson(request)));
    }))
    .on('GET', `${EVENTS}/:eventId/instances`, guarded((request) => {
      const { calendar, entry } = reader(request);
      return json(200, listInstances(core, calendar, entry, param(request, 'eventId'), request.url.searchParams));
    }))
    .on('GET', `${EVENTS}/:eventId`, guarded((request) => {
      const { calendar, entry } = reader(request);
      core.purge(calendar);
      const event = core.findEvent(calendar, param(request, 'eventId'));
      if (!event) throw notFound();
      // Conditional GET: an unchanged event is 304 with no body (calendar-apis.md §1.7).
      const etag = event.resource.etag ?? '';
      if (headerValue(request, 'if-none-match') === etag) return { status: 304, headers: { etag } };
      const zone = parseZone(request.url.searchParams) ?? calendar.timeZone;
      return eventResponse(event, calendar.id, zone, entry.accessRole);
    }))
    .on('PATCH', `${EVENTS}/:eventId`, guarded((request) => {
      const req = writer(request);
      return answer(req, patchEvent(core, req, param(request, 'eventId'), readJson(request)));
    }))
    .on('PUT', `${EVENTS}/:eventId`, guarded((request) => {
      const req = writer(request);
      return answer(req, updateEvent(core, req, param(request, 'eventId'), readJson(request)));
    }))
    .on('DELETE', `${EVENTS}/:eventId`, guarded((request) => {
      const req = writer(request);
      deleteEvent(core, req, param(request, 'eventId'));
      return noContent();
    }));
}

function eventResponse(event: StoredEvent, calendarId: string, zone: string, role: WriteRequest['role']): SimResponse {
  const body = renderEvent(event, { calendarId, zone, role });
  return json(200, body, { etag: event.resource.etag ?? '' });
}
