/**
 * Time-window reads: calendarView (singles, occurrences and exceptions overlapping the window,
 * paged with $top/$skip), its delta (delta.ts), and a series' instances. Served for the default
 * calendar (`/me/calendarView`, `/me/calendar/calendarView`) and per calendar
 * (`/me/calendars/{id}/calendarView`), under both /v1.0 and /beta (calendar-apis.md §2.3).
 */
import type { Router, SimResponse } from '../core/http.ts';
import type { DeltaFeeds } from './delta.ts';
import { invalidRequest, notFound } from './errors.ts';
import { parseEventFilter, parseExpand } from './extended-props.ts';
import { graphRoute, ok, type ContextDeps, type GraphContext } from './http-context.ts';
import { effectiveContent, instancesInWindow, type Instance } from './instances.ts';
import type { CalendarRecord } from './model.ts';
import { orderBy, paged, requireWindow, selectOption } from './odata.ts';
import { renderInstance } from './render.ts';
import { root } from './routes-mailbox.ts';
import { sortByStart, type WindowCache } from './window-cache.ts';

const VIEWS = ['/me/calendarView', '/me/calendar/calendarView', '/me/calendars/:calendarId/calendarView'] as const;
const EVENT_PATHS = ['/me/events/:eventId', '/me/calendar/events/:eventId', '/me/calendars/:calendarId/events/:eventId'] as const;

export function viewRoutes(router: Router, deps: ContextDeps & { windows: WindowCache; delta: DeltaFeeds }, version: string): void {
  const { store, windows, delta } = deps;
  const get = (pattern: string, handler: (ctx: GraphContext) => SimResponse) => router.on('GET', `/${version}${pattern}`, graphRoute(deps, handler));
  const calendarOf = (ctx: GraphContext): CalendarRecord => {
    const id = ctx.request.params['calendarId'];
    return id === undefined ? store.defaultCalendar(ctx.mailbox.upn) : store.calendar(ctx.mailbox.upn, id);
  };

  for (const view of VIEWS) {
    get(view, (ctx) => {
      const { fromMs, toMs } = requireWindow(ctx.query);
      return listInstances(ctx, windows.instances(calendarOf(ctx), fromMs, toMs), 'calendarView');
    });
    get(`${view}/delta`, (ctx) => delta.serve({ upn: ctx.mailbox.upn, calendar: calendarOf(ctx), query: ctx.query, prefs: ctx.prefs }));
  }

  for (const path of EVENT_PATHS) {
    get(`${path}/instances`, (ctx) => {
      const { event, calendar, originalStartMs } = store.resolve(ctx.mailbox.upn, ctx.request.params['eventId']!);
      if (ctx.request.params['calendarId'] !== undefined && calendarOf(ctx).id !== calendar.id) throw notFound();
      if (!event.series || originalStartMs !== undefined) throw invalidRequest('The specified event is not a recurring series master.');
      const { fromMs, toMs } = requireWindow(ctx.query);
      return listInstances(ctx, sortByStart(instancesInWindow(event, fromMs, toMs)), 'instances');
    });
  }
}

/** One page of instances, with the extended-property $filter/$expand, $select and $orderby. */
function listInstances(ctx: GraphContext, instances: readonly Instance[], collection: string): SimResponse {
  const filter = parseEventFilter(ctx.query.get('$filter'));
  const matching = filter ? instances.filter((i) => filter(i.event)) : [...instances];
  const ordered = orderBy(ctx.query, matching, (i, property) => {
    if (property === 'subject') return effectiveContent(i.event.content, i.override).subject;
    if (property === 'createdDateTime') return i.event.createdMs;
    if (property === 'lastModifiedDateTime') return i.override?.modifiedMs ?? i.event.modifiedMs;
    return property === 'end/dateTime' ? i.endMs : i.startMs;
  });
  const { page, nextLink } = paged(ctx.query, ctx.prefs, ordered);
  const options = { ...ctx.render, expand: parseExpand(ctx.query.get('$expand')), select: selectOption(ctx.query) };
  return ok(
    ctx,
    200,
    {
      '@odata.context': `${root(ctx)}/$metadata#users('${ctx.mailbox.upn}')/${collection}`,
      value: page.map((instance) => renderInstance(instance, options)),
      ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
    },
    true,
  );
}
