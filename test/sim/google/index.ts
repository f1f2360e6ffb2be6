/**
 * Google Calendar API v3 simulator (calendar-apis.md §1; checklist §1.11). Serves `/calendar/v3`
 * and `POST /batch/calendar/v3` on one SimServer and offers an in-process API for tests,
 * benchmarks and the demo: seed users/calendars/events, change things "as the user in the web
 * app", issue tokens, invalidate sync state, read counters, notifications and the request log.
 *
 * Deliberate modelling choices (where Google documents nothing precise):
 * - Listed deletions carry only the guaranteed fields (id, status, recurringEventId,
 *   originalStartTime, plus kind/etag); events.get returns the whole cancelled event.
 * - A master whose rule or start changes keeps the exceptions whose original start still occurs
 *   and drops the others; instances that left the series are reported cancelled incrementally.
 * - Zero-length timed events are accepted; an end before the start is 400 timeRangeEmpty.
 * - A write without sendUpdates counts as notifying guests (see notifications.ts).
 * - Listings filtered by q/iCalUID/extended properties/updatedMin or ordered by orderBy get no
 *   nextSyncToken; calendarList.list issues no sync tokens at all.
 */
import type { SimClock } from '../core/clock.ts';
import { FaultInjector } from '../core/faults.ts';
import { Router } from '../core/http.ts';
import { RequestLog } from '../core/request-log.ts';
import { SimServer } from '../core/server.ts';
import type { TlsMaterial } from '../core/tls.ts';
import type { TokenRegistry } from '../core/tokens.ts';
import { accountOf, FULL_SCOPE } from './auth.ts';
import { batchHandler } from './batch.ts';
import { DEFAULT_SETTINGS, GoogleCore, type GoogleCounters, type GoogleSettings } from './core.ts';
import type { CalendarOptions, EntryOptions } from './directory.ts';
import { renderGoogleError } from './errors.ts';
import type { AccessRole, GEvent } from './model.ts';
import type { Notification, WriteRecord } from './notifications.ts';
import { renderEvent } from './render.ts';
import { addCalendarRoutes } from './routes-calendars.ts';
import { addEventRoutes } from './routes-events.ts';
import { splitSeries } from './split.ts';
import { injectThrottle, type ThrottleKind, type ThrottleOptions } from './throttles.ts';
import { deleteEvent, insertEvent, patchEvent, type WriteRequest } from './writes.ts';

export type { GoogleCounters, GoogleSettings } from './core.ts';
export type { CalendarOptions, EntryOptions } from './directory.ts';
export { GoogleApiError } from './errors.ts';
export type { AccessRole, GEvent, GEvents } from './model.ts';
export type { Notification, WriteRecord } from './notifications.ts';
export { THROTTLES, type ThrottleKind, type ThrottleOptions } from './throttles.ts';

export interface GoogleCalendarSimOptions {
  readonly clock: SimClock;
  readonly tokens: TokenRegistry;
  readonly faults?: FaultInjector;
  readonly log?: RequestLog;
  readonly tls?: TlsMaterial;
  readonly settings?: Partial<GoogleSettings>;
}

export interface UserChangeOptions {
  /** What the web app's "send updates?" dialog was answered with (default: don't send). */
  readonly sendUpdates?: 'all' | 'externalOnly' | 'none';
}

export class GoogleCalendarSim {
  readonly server: SimServer;
  readonly faults: FaultInjector;
  readonly log: RequestLog;
  /** Tunable behaviour (token lifetime, purge TTL, expansion horizon, short pages); change freely. */
  readonly settings: GoogleSettings;
  private readonly core: GoogleCore;

  constructor(private readonly options: GoogleCalendarSimOptions) {
    this.settings = { ...DEFAULT_SETTINGS, ...options.settings };
    this.core = new GoogleCore(options.clock, this.settings);
    this.faults = options.faults ?? new FaultInjector();
    this.log = options.log ?? new RequestLog();
    const router = new Router();
    addCalendarRoutes(router, this.core, options.tokens);
    addEventRoutes(router, this.core, options.tokens);
    router.on('POST', '/batch/calendar/v3', batchHandler((request) => this.server.dispatch(request), this.core.counters));
    this.server = new SimServer({
      name: 'google-calendar',
      router,
      clock: options.clock,
      log: this.log,
      faults: this.faults,
      renderError: renderGoogleError,
      tls: options.tls,
      cors: true,
      accountOf: (request) => accountOf(options.tokens, request),
    });
  }

  listen(port = 0): Promise<string> {
    return this.server.listen(port);
  }

  close(): Promise<void> {
    return this.server.close();
  }

  get url(): string {
    return this.server.url;
  }

  /** What a client uses as `https://www.googleapis.com/calendar/v3`. */
  get apiBase(): string {
    return `${this.server.url}/calendar/v3`;
  }

  get counters(): GoogleCounters {
    return this.core.counters;
  }

  /** Guest emails caused by writes (which event, which attendees, why). */
  get notifications(): readonly Notification[] {
    return this.core.notifications;
  }

  /** Every write with its sendUpdates value (tests assert `none`). */
  get writeRecords(): readonly WriteRecord[] {
    return this.core.writeRecords;
  }

  // ---- accounts, calendars, tokens ----

  /** Creates a user with a primary calendar (id = email); returns that id. */
  addUser(email: string, options: { name?: string; timeZone?: string } = {}): string {
    this.core.directory.addUser(email, options);
    return email;
  }

  addCalendar(email: string, options: CalendarOptions = {}): string {
    return this.core.directory.addCalendar(email, options);
  }

  shareCalendar(calendarId: string, email: string, accessRole: AccessRole, options: EntryOptions = {}): void {
    this.core.directory.grant(calendarId, email, accessRole, options);
  }

  /** A live bearer token for the account, skipping OAuth (default: full calendar scope). */
  issueToken(email: string, lifetimeMs?: number, scopes: readonly string[] = [FULL_SCOPE]): string {
    return this.options.tokens.issue(email, 'google-calendar', scopes, lifetimeMs).token;
  }

  // ---- events, in process ----

  /** Stores an event with insert's validation; may set organizer/creator/locked like import. Not logged or counted. */
  seedEvent(email: string, calendarId: string, event: GEvent): GEvent {
    const req = this.writeRequest(email, calendarId, 'seed', {});
    return this.render(req, insertEvent(this.core, req, event));
  }

  userCreateEvent(email: string, calendarId: string, event: GEvent, options: UserChangeOptions = {}): GEvent {
    const req = this.writeRequest(email, calendarId, 'user', options);
    return this.render(req, insertEvent(this.core, req, event));
  }

  /** Patches an event, or one instance of a series (making it an exception), as the web app does. */
  userPatchEvent(email: string, calendarId: string, eventId: string, patch: GEvent, options: UserChangeOptions = {}): GEvent {
    const req = this.writeRequest(email, calendarId, 'user', options);
    return this.render(req, patchEvent(this.core, req, eventId, patch));
  }

  userDeleteEvent(email: string, calendarId: string, eventId: string, options: UserChangeOptions = {}): void {
    deleteEvent(this.core, this.writeRequest(email, calendarId, 'user', options), eventId);
  }

  /** "This and following events" from one instance (by instance id), with changes for the new part. */
  userSplitSeries(email: string, calendarId: string, instanceId: string, changes: GEvent, options: UserChangeOptions = {}): { ended: GEvent | undefined; following: GEvent } {
    const req = this.writeRequest(email, calendarId, 'user', options);
    const { ended, following } = splitSeries(this.core, req, instanceId, changes as Record<string, unknown>);
    return { ended: ended && this.render(req, ended), following: this.render(req, following) };
  }

  /** The stored event (or unmodified instance) as kept: dateTimes in UTC. */
  getEvent(calendarId: string, eventId: string): GEvent | undefined {
    const calendar = this.calendar(calendarId);
    const event = this.core.findEvent(calendar, eventId);
    return event && structuredClone(event.resource);
  }

  /** Every stored event of a calendar: singles, masters, exceptions, deleted ones not yet purged. */
  listStoredEvents(calendarId: string): GEvent[] {
    return [...this.calendar(calendarId).store.all()].map((e) => structuredClone(e.resource));
  }

  /** Makes every sync token of one calendar (or all) answer 410 fullSyncRequired. */
  invalidateSyncTokens(calendarId?: string): void {
    const calendars = calendarId ? [this.calendar(calendarId)] : [...this.core.directory.allCalendars()];
    for (const calendar of calendars) calendar.store.tokenEpoch++;
  }

  /** Purges deletions older than settings.deletedEventTtlMs now (also happens lazily on reads). */
  purgeDeleted(): void {
    for (const calendar of this.core.directory.allCalendars()) this.core.purge(calendar);
  }

  /** The next `times` matching requests fail with a Google-style throttling/failure answer. */
  throttleNext(times: number, kind: ThrottleKind, options: ThrottleOptions = {}): () => void {
    return injectThrottle(this.faults, times, kind, options);
  }

  private calendar(calendarId: string) {
    const calendar = this.core.directory.calendar(calendarId);
    if (!calendar) throw new Error(`Unknown calendar ${calendarId}`);
    return calendar;
  }

  private writeRequest(email: string, calendarId: string, origin: 'user' | 'seed', options: UserChangeOptions): WriteRequest {
    const { calendar, entry } = this.core.directory.resolve(email, calendarId);
    return { actor: email, calendar, role: entry.accessRole, origin, sendUpdates: options.sendUpdates ?? 'none', conferenceDataVersion: 1, ifMatch: undefined };
  }

  /** As the API would answer, but a copy: callers may not reach into the store. */
  private render(req: WriteRequest, event: Parameters<typeof renderEvent>[0]): GEvent {
    return structuredClone(renderEvent(event, { calendarId: req.calendar.id, zone: req.calendar.timeZone, role: req.role }));
  }
}
