/**
 * Event CRUD (M-POST, M-DEL, calendar-apis.md §2.1/§2.4): list (`/me/events`, per calendar) with
 * the extended-property `$filter`/`$expand`, get, create (201; a repeated transactionId in the same
 * calendar returns the first event, also 201), update (PATCH, If-Match) and delete (204), on single
 * events, series masters and occurrences alike. Routes exist under `/me/events`,
 * `/me/calendars/{id}/events` and `/me/calendar/events`.
 */
import type { Router, SimResponse } from '../core/http.ts';
import { notFound } from './errors.ts';
import { createEvent, deleteEvent, updateEvent, type WriteContext } from './event-ops.ts';
import { parseEventFilter, parseExpand } from './extended-props.ts';
import { graphRoute, ok, readJson, type ContextDeps, type GraphContext } from './http-context.ts';
import { findOccurrence } from './instances.ts';
import type { CalendarRecord } from './model.ts';
import { deleteOccurrence, updateOccurrence } from './occurrence-ops.ts';
import { orderBy, paged, selectOption } from './odata.ts';
import { renderEvent, renderInstance } from './render.ts';
import { root } from './routes-mailbox.ts';
import type { ResolvedEvent } from './store.ts';

export interface EventCounters {
  writes: number;
}

/** The three ways to name an event collection: all events, one calendar, the default calendar. */
const COLLECTIONS = ['/me/events', '/me/calendars/:calendarId/events', '/me/calendar/events'] as const;

export function eventRoutes(router: Router, deps: ContextDeps & { counters: EventCounters }, version: string): void {
  const { store } = deps;
  const route = (method: string, pattern: string, handler: (ctx: GraphContext) => SimResponse) =>
    router.on(method, `/${version}${pattern}`, graphRoute(deps, handler));
  const write = (ctx: GraphContext): WriteContext => ({ store, actor: 'api', ifMatch: ctx.request.headers['if-match'] });

  /** The calendar a collection path names; undefined for `/me/events` (the whole mailbox). */
  const scope = (ctx: GraphContext): CalendarRecord | undefined => {
    const id = ctx.request.params['calendarId'];
    if (id !== undefined) return store.calendar(ctx.mailbox.upn, id);
    return ctx.request.url.pathname.includes('/me/calendar/') ? store.defaultCalendar(ctx.mailbox.upn) : undefined;
  };
  const resolve = (ctx: GraphContext): ResolvedEvent => {
    const found = store.resolve(ctx.mailbox.upn, ctx.request.params['eventId']!);
    const calendar = scope(ctx);
    if (calendar && calendar.id !== found.calendar.id) throw notFound();
    return found;
  };

  for (const collection of COLLECTIONS) {
    route('GET', collection, (ctx) => listEvents(ctx, scope(ctx)));

    route('POST', collection, (ctx) => {
      const calendar = scope(ctx) ?? store.defaultCalendar(ctx.mailbox.upn);
      const { event, duplicate } = createEvent(write(ctx), calendar, readJson(ctx.request));
      if (!duplicate) deps.counters.writes++;
      return ok(ctx, 201, withContext(ctx, renderEvent(event, ctx.render)));
    });

    route('GET', `${collection}/:eventId`, (ctx) => {
      const found = resolve(ctx);
      const options = { ...ctx.render, expand: parseExpand(ctx.query.get('$expand')), select: selectOption(ctx.query) };
      if (found.originalStartMs === undefined) return ok(ctx, 200, withContext(ctx, renderEvent(found.event, options)));
      const occurrence = findOccurrence(found.event, found.originalStartMs);
      if (!occurrence) throw notFound();
      return ok(ctx, 200, withContext(ctx, renderInstance(occurrence, options)));
    });

    route('PATCH', `${collection}/:eventId`, (ctx) => {
      const { calendar, event, originalStartMs } = resolve(ctx);
      const body = readJson(ctx.request);
      const rendered =
        originalStartMs === undefined
          ? renderEvent(updateEvent(write(ctx), calendar, event, body), ctx.render)
          : renderInstance(findOccurrence(updateOccurrence(write(ctx), calendar, event, originalStartMs, body), originalStartMs)!, ctx.render);
      deps.counters.writes++;
      return ok(ctx, 200, withContext(ctx, rendered));
    });

    route('DELETE', `${collection}/:eventId`, (ctx) => {
      const { calendar, event, originalStartMs } = resolve(ctx);
      if (originalStartMs === undefined) deleteEvent(write(ctx), calendar, event);
      else deleteOccurrence(write(ctx), calendar, event, originalStartMs);
      deps.counters.writes++;
      return { status: 204 };
    });
  }

  function listEvents(ctx: GraphContext, calendar: CalendarRecord | undefined): SimResponse {
    const calendars = calendar ? [calendar] : store.calendarsOf(ctx.mailbox.upn);
    const matches = parseEventFilter(ctx.query.get('$filter')) ?? (() => true);
    const events = calendars.flatMap((c) => [...c.events.values()]).filter(matches);
    const ordered = orderBy(ctx.query, events, (e, property) => {
      if (property === 'subject') return e.content.subject;
      if (property === 'createdDateTime') return e.createdMs;
      if (property === 'lastModifiedDateTime') return e.modifiedMs;
      return property === 'end/dateTime' ? e.content.end.ms : e.content.start.ms;
    });
    const { page, nextLink } = paged(ctx.query, ctx.prefs, ordered);
    const options = { ...ctx.render, expand: parseExpand(ctx.query.get('$expand')), select: selectOption(ctx.query) };
    return ok(ctx, 200, {
      '@odata.context': `${root(ctx)}/$metadata#users('${ctx.mailbox.upn}')/events`,
      value: page.map((event) => renderEvent(event, options)),
      ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
    }, true);
  }
}

function withContext(ctx: GraphContext, event: Record<string, unknown>): Record<string, unknown> {
  return { '@odata.context': `${root(ctx)}/$metadata#users('${ctx.mailbox.upn}')/events/$entity`, ...event };
}
