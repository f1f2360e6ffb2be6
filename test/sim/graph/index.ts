/**
 * Microsoft Graph v1.0 (and /beta) calendar simulator: mailboxes, calendars, events with native
 * recurrence, calendarView delta, JSON batching and Outlook's throttling, over HTTPS by default
 * (the Graph client only attaches tokens to https hosts, auth-and-toolchain.md §6). Behaviour
 * follows calendar-apis.md §2 and the §2.9 checklist; each behaviour has a test over HTTPS in this folder.
 */
import type { Event } from '@microsoft/microsoft-graph-types';
import type { SimClock } from '../core/clock.ts';
import { FaultInjector } from '../core/faults.ts';
import type { SimRequest } from '../core/http.ts';
import { RequestLog } from '../core/request-log.ts';
import type { TlsMaterial } from '../core/tls.ts';
import type { TokenRegistry } from '../core/tokens.ts';
import { DeltaFeeds } from './delta.ts';
import { renderGraphError } from './errors.ts';
import { GraphServer } from './graph-server.ts';
import { Outbox, type MailCounters, type MailRecord } from './outbox.ts';
import { graphRouter } from './routes.ts';
import { GraphStore, type CalendarOptions, type MailboxOptions } from './store.ts';
import { MailboxThrottle, type ThrottleLimits } from './throttle.ts';
import { storedView, UserActions } from './user-actions.ts';
import { WindowCache } from './window-cache.ts';

export interface GraphSimOptions {
  readonly clock: SimClock;
  readonly tokens: TokenRegistry;
  readonly faults?: FaultInjector;
  readonly log?: RequestLog;
  /** HTTPS certificate (simulatorCertificate()). Without one the simulator serves plain HTTP, to which the Graph client sends no token. */
  readonly tls?: TlsMaterial | undefined;
}

export interface GraphCounters extends MailCounters {
  /** Successful writes through the API (create, update, delete; duplicate creates excluded). */
  writes: number;
  /** Requests answered 429 by the mailbox throttle (injected faults not included). */
  throttled: number;
}

/** What Tandem asks for (and what `issueToken` grants unless told otherwise). */
export const GRAPH_SCOPES = ['Calendars.ReadWrite', 'User.Read', 'MailboxSettings.Read'];

export class GraphSim {
  readonly faults: FaultInjector;
  readonly log: RequestLog;
  readonly counters: GraphCounters = { invitationsSent: 0, updatesSent: 0, cancellationsSent: 0, writes: 0, throttled: 0 };
  readonly server: GraphServer;
  private readonly tokens: TokenRegistry;
  private readonly store: GraphStore;
  private readonly outbox: Outbox;
  private readonly throttle: MailboxThrottle;
  private readonly delta: DeltaFeeds;
  private readonly user: UserActions;
  private latencyMs = 0;

  constructor(options: GraphSimOptions) {
    const { clock, tokens } = options;
    this.tokens = tokens;
    this.faults = options.faults ?? new FaultInjector();
    this.log = options.log ?? new RequestLog();
    this.outbox = new Outbox(this.counters);
    this.store = new GraphStore(clock, this.outbox);
    this.throttle = new MailboxThrottle(clock);
    const windows = new WindowCache(this.store);
    this.delta = new DeltaFeeds(this.store, windows);
    this.user = new UserActions(this.store);
    const deps = { tokens, store: this.store, throttle: this.throttle, counters: this.counters, windows, delta: this.delta, latencyMs: () => this.latencyMs };
    this.server = new GraphServer(
      {
        name: 'graph',
        router: graphRouter(deps, () => this.server),
        clock,
        log: this.log,
        faults: this.faults,
        tls: options.tls,
        cors: true,
        renderError: (status, reason, message, retryAfter) => renderGraphError(status, reason, message, retryAfter),
        accountOf: (request: SimRequest) => this.accountOf(request),
      },
      clock,
    );
  }

  /** Starts serving; returns the origin (the API lives under `${origin}/v1.0` and `${origin}/beta`). */
  listen(port = 0): Promise<string> {
    return this.server.listen(port);
  }

  close(): Promise<void> {
    return this.server.close();
  }

  get url(): string {
    return this.server.url;
  }

  /** `${url}/v1.0`, what a client uses as its Graph base URL. */
  get apiBase(): string {
    return `${this.server.url}/v1.0`;
  }

  /** Every mail the service sent on the users' behalf (invitations, updates, cancellations). */
  get mails(): readonly MailRecord[] {
    return this.outbox.mails;
  }

  describeMails(): string[] {
    return this.outbox.describe();
  }

  addMailbox(upn: string, options: MailboxOptions = {}): { id: string; upn: string; defaultCalendarId: string } {
    const mailbox = this.store.addMailbox(upn, options);
    return { id: mailbox.id, upn: mailbox.upn, defaultCalendarId: this.store.defaultCalendar(upn).id };
  }

  /** Adds a calendar; returns its id. `canEdit: false` makes it a read-only shared calendar. */
  addCalendar(upn: string, options: CalendarOptions): string {
    return this.store.addCalendar(upn, options).id;
  }

  defaultCalendarId(upn: string): string {
    return this.store.defaultCalendar(upn).id;
  }

  /** Issues a Graph access token for a mailbox, skipping sign-in (for API tests). */
  issueToken(upn: string, lifetimeMs?: number, scopes: readonly string[] = GRAPH_SCOPES): string {
    return this.tokens.issue(upn, 'microsoft-graph', scopes, lifetimeMs).token;
  }

  /** Pre-existing data: may set isOrganizer/organizer/responseStatus; no mail, works on read-only calendars. */
  seedEvent(upn: string, calendarId: string, event: Record<string, unknown>): Event {
    return this.user.seed(upn, calendarId, event);
  }

  userCreateEvent(upn: string, calendarId: string, event: Record<string, unknown>): Event {
    return this.user.create(upn, calendarId, event);
  }

  userUpdateEvent(id: string, patch: Record<string, unknown>): Event {
    return this.user.update(id, patch);
  }

  userDeleteEvent(id: string): void {
    this.user.delete(id);
  }

  /** `originalStart` as Graph reports it ("2026-03-10T09:00:00Z") or epoch milliseconds. */
  userUpdateOccurrence(seriesMasterId: string, originalStart: string | number, patch: Record<string, unknown>): Event {
    return this.user.updateOccurrence(seriesMasterId, originalStart, patch);
  }

  userDeleteOccurrence(seriesMasterId: string, originalStart: string | number): void {
    this.user.deleteOccurrence(seriesMasterId, originalStart);
  }

  /** Drags an event to another calendar of the mailbox: the immutable id stays, the regular id changes. */
  userMoveEvent(id: string, toCalendarId: string): Event {
    return this.user.move(id, toCalendarId);
  }

  /** The stored event or occurrence (immutable ids, UTC, all extended properties), or undefined. */
  getStoredEvent(id: string): Event | undefined {
    const found = this.store.lookup(id);
    if (!found) return undefined;
    try {
      return storedView(found.event, found.originalStartMs);
    } catch {
      return undefined; // an occurrence id that is cancelled or not in the pattern
    }
  }

  /** Single events and series masters of a calendar, in creation order. */
  listStoredEvents(calendarId: string): Event[] {
    const calendar = this.store.calendarById(calendarId);
    if (!calendar) throw new Error(`No calendar ${calendarId}`);
    return [...calendar.events.values()].map((event) => storedView(event));
  }

  /** Expires every delta token: the next use answers 410 syncStateNotFound. */
  invalidateDeltaTokens(): void {
    this.delta.generation++;
  }

  /** Tenant maintenance: delta tokens answer 410 with a Location header for a fresh initial round. */
  resetTenant(): void {
    this.delta.tenantGeneration++;
  }

  /** Makes every delta round repeat the previous round's changes too (M-DQO "replays"). */
  setDeltaReplays(on: boolean): void {
    this.delta.replays = on;
  }

  /** Time each request holds its throttling slot before being served (real milliseconds). */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /** Adjusts the per-mailbox limits (defaults: 4 concurrent, 10,000 per 10 minutes). */
  setThrottleLimits(limits: Partial<ThrottleLimits>): void {
    Object.assign(this.throttle.limits, limits);
  }

  private accountOf(request: SimRequest): string | undefined {
    const check = this.tokens.check(request.headers['authorization'], 'microsoft-graph');
    return check.ok ? check.grant.account : undefined;
  }
}
