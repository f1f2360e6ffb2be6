/**
 * The signed-in user, their mailbox settings and their calendars (M-CAL, calendar-apis.md §2.8):
 * `GET /me`, `/me/mailboxSettings` (timeZone is a Windows name), `/me/calendars` (paged),
 * `/me/calendars/{id}` and `/me/calendar` (the default calendar).
 */
import type { Calendar, MailboxSettings, User } from '@microsoft/microsoft-graph-types';
import type { Router } from '../core/http.ts';
import { graphRoute, ok, type ContextDeps, type GraphContext } from './http-context.ts';
import type { CalendarRecord } from './model.ts';
import { paged } from './odata.ts';

export function mailboxRoutes(router: Router, deps: ContextDeps, version: string): void {
  const { store } = deps;
  const on = (pattern: string, handler: (ctx: GraphContext) => ReturnType<typeof ok>) =>
    router.on('GET', `/${version}${pattern}`, graphRoute(deps, handler));

  on('/me', (ctx) => {
    const { mailbox } = ctx;
    const user: User & Record<string, unknown> = {
      '@odata.context': `${root(ctx)}/$metadata#users/$entity`,
      id: mailbox.id,
      displayName: mailbox.displayName,
      mail: mailbox.upn,
      userPrincipalName: mailbox.upn,
      businessPhones: [],
      jobTitle: null,
      officeLocation: null,
      preferredLanguage: null,
    };
    return ok(ctx, 200, user);
  });

  on('/me/mailboxSettings', (ctx) => {
    const settings: MailboxSettings & Record<string, unknown> = {
      '@odata.context': `${root(ctx)}/$metadata#users('${ctx.mailbox.upn}')/mailboxSettings`,
      timeZone: ctx.mailbox.timeZone,
      dateFormat: 'yyyy-MM-dd',
      timeFormat: 'HH:mm',
      delegateMeetingMessageDeliveryOptions: 'sendToDelegateOnly',
    };
    return ok(ctx, 200, settings);
  });

  on('/me/calendars', (ctx) => {
    const { page, nextLink } = paged(ctx.query, ctx.prefs, store.calendarsOf(ctx.mailbox.upn));
    const body = {
      '@odata.context': `${root(ctx)}/$metadata#users('${ctx.mailbox.upn}')/calendars`,
      value: page.map(renderCalendar),
      ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
    };
    return ok(ctx, 200, body, true);
  });

  on('/me/calendars/:calendarId', (ctx) => ok(ctx, 200, renderCalendar(store.calendar(ctx.mailbox.upn, ctx.request.params['calendarId']!))));
  on('/me/calendar', (ctx) => ok(ctx, 200, renderCalendar(store.defaultCalendar(ctx.mailbox.upn))));
}

export function renderCalendar(calendar: CalendarRecord): Calendar {
  return {
    id: calendar.id,
    name: calendar.name,
    color: calendar.color as NonNullable<Calendar['color']>,
    hexColor: calendar.hexColor,
    isDefaultCalendar: calendar.isDefaultCalendar,
    changeKey: calendar.changeKey,
    canShare: calendar.canShare,
    canViewPrivateItems: calendar.canViewPrivateItems,
    canEdit: calendar.canEdit,
    isRemovable: calendar.isRemovable,
    isTallyingResponses: true,
    allowedOnlineMeetingProviders: ['teamsForBusiness'],
    defaultOnlineMeetingProvider: 'teamsForBusiness',
    owner: { ...calendar.owner },
  };
}

export function root(ctx: GraphContext): string {
  return `${ctx.request.url.origin}/${ctx.beta ? 'beta' : 'v1.0'}`;
}
