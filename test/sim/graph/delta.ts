/**
 * calendarView delta (calendar-apis.md §2.3, M-DELTA, M-DQE, M-DQO). A round is a sequence of pages
 * linked by `$skiptoken`, ending with a `$deltatoken` link. The initial round lists every single
 * event, occurrence and exception in the window (never masters); later rounds list only what
 * changed since the client's token: full rows for instances that are new or changed in the window,
 * and `@removed` (reason "deleted") for instances that were deleted or left the window, and for any
 * event changed outside the window ("events outside the date range that have been added, deleted,
 * or updated"). Rows are computed once per round and paged from a cache.
 */
import type { SimResponse } from '../core/http.ts';
import { decodeToken, encodeToken, type RoundPosition } from './delta-token.ts';
import { GraphError, MESSAGES } from './errors.ts';
import { instanceKey, instancesInWindow, instanceVersion, singleInstance, type Instance } from './instances.ts';
import type { CalendarRecord } from './model.ts';
import { DEFAULT_PAGE_SIZE, rejectOptions, requireWindow, type Query } from './odata.ts';
import { preferenceApplied, type Preferences } from './prefer.ts';
import { instanceId, renderInstance, renderRemoved } from './render.ts';
import type { GraphStore } from './store.ts';
import { formatUtcSeconds } from './timezones.ts';
import type { WindowCache } from './window-cache.ts';

export interface DeltaRow {
  readonly instance: Instance;
  readonly removed: boolean;
}

export interface DeltaRequest {
  readonly upn: string;
  readonly calendar: CalendarRecord;
  readonly query: Query;
  readonly prefs: Preferences;
}

const MAX_ROUNDS = 32;
const UNSUPPORTED_OPTIONS = ['$select', '$expand', '$filter', '$orderby', '$search'];

export class DeltaFeeds {
  generation = 0;
  tenantGeneration = 0;
  /** When on, each round also repeats the previous round's changes ("replays", M-DQO). */
  replays = false;
  private readonly rounds = new Map<string, readonly DeltaRow[]>();

  constructor(
    private readonly store: GraphStore,
    private readonly windows: WindowCache,
  ) {}

  serve(request: DeltaRequest): SimResponse {
    const { query, prefs } = request;
    rejectOptions(query, UNSUPPORTED_OPTIONS, 'calendarView delta');
    const position = this.position(request);
    const rows = this.rows(request.calendar, position);
    const size = prefs.maxPageSize ?? DEFAULT_PAGE_SIZE;
    const page = rows.slice(position.offset, position.offset + size);
    const more = position.offset + size < rows.length;
    const link = more
      ? { '@odata.nextLink': this.link(query, '$skiptoken', { ...position, offset: position.offset + size }) }
      : { '@odata.deltaLink': this.link(query, '$deltatoken', { ...position, baseSeq: position.snapSeq, previousSeq: position.baseSeq, offset: 0 }) };
    const render = { idForm: prefs.immutableIds ? 'immutable' : 'regular', timeZone: prefs.timeZone } as const;
    const value = page.map((row) =>
      row.removed ? renderRemoved(instanceId(row.instance, render.idForm)) : { '@odata.type': '#microsoft.graph.event', ...renderInstance(row.instance, render) },
    );
    const applied = preferenceApplied(prefs, true);
    return {
      status: 200,
      headers: applied ? { 'preference-applied': applied } : {},
      body: { '@odata.context': `${versionRoot(query)}/$metadata#Collection(event)`, value, ...link },
    };
  }

  private position(request: DeltaRequest): RoundPosition {
    const { query, calendar, upn } = request;
    const skip = query.get('$skiptoken');
    if (skip !== undefined) return this.checked(skip, request);
    const delta = query.get('$deltatoken');
    if (delta) {
      const token = this.checked(delta, request);
      const baseSeq = this.replays ? token.previousSeq : token.baseSeq;
      return { ...token, baseSeq, previousSeq: token.baseSeq, snapSeq: this.store.currentSeq, offset: 0 };
    }
    // An initial request, or the empty-$deltatoken URL of a resync Location header.
    const { fromMs, toMs } = requireWindow(query);
    const base = { mailbox: upn.toLowerCase(), calendarId: calendar.id, fromMs, toMs, offset: 0 };
    return { ...base, baseSeq: -1, snapSeq: this.store.currentSeq, previousSeq: -1, generation: this.generation, tenantGeneration: this.tenantGeneration };
  }

  private checked(token: string, request: DeltaRequest): RoundPosition {
    const position = decodeToken(token);
    if (!position) throw new GraphError(400, 'syncStateInvalid', 'The sync state token is not valid.');
    if (position.tenantGeneration !== this.tenantGeneration) {
      // "a Location header containing a request URL with an empty $deltaToken (same as the initial query)" (M-DQO)
      const { origin, pathname } = request.query.url;
      const window = `startDateTime=${formatUtcSeconds(position.fromMs)}&endDateTime=${formatUtcSeconds(position.toMs)}`;
      throw new GraphError(410, 'resyncRequired', MESSAGES.resyncRequired, { location: `${origin}${pathname}?${window}&$deltatoken=` });
    }
    const sameFeed = position.mailbox === request.upn.toLowerCase() && position.calendarId === request.calendar.id;
    if (position.generation !== this.generation || !sameFeed) {
      throw new GraphError(410, 'syncStateNotFound', MESSAGES.syncStateNotFound);
    }
    return position;
  }

  private rows(calendar: CalendarRecord, p: RoundPosition): readonly DeltaRow[] {
    const key = `${calendar.id}|${p.fromMs}|${p.toMs}|${p.baseSeq}|${p.snapSeq}`;
    const cached = this.rounds.get(key);
    if (cached) return cached;
    const rows =
      p.baseSeq < 0
        ? this.windows.instances(calendar, p.fromMs, p.toMs).map((instance) => ({ instance, removed: false }))
        : this.changedRows(calendar, p);
    this.rounds.set(key, rows);
    if (this.rounds.size > MAX_ROUNDS) this.rounds.delete(this.rounds.keys().next().value!);
    return rows;
  }

  private changedRows(calendar: CalendarRecord, p: RoundPosition): DeltaRow[] {
    const rows: DeltaRow[] = [];
    for (const [key, before] of this.store.changesSince(calendar, p.baseSeq, p.snapSeq)) {
      const current = calendar.events.get(key);
      const old = before ? instancesInWindow(before, p.fromMs, p.toMs) : [];
      const now = current ? instancesInWindow(current, p.fromMs, p.toMs) : [];
      if (old.length === 0 && now.length === 0) {
        // Made and deleted since the token: Graph still reports its id as removed.
        const last = current ?? before ?? lastLogged(calendar, key, p.snapSeq);
        if (last) rows.push({ instance: singleInstance(last), removed: true });
        continue;
      }
      const seen = new Map(old.map((instance) => [instanceKey(instance), instance]));
      for (const instance of now) {
        const previous = seen.get(instanceKey(instance));
        seen.delete(instanceKey(instance));
        if (!previous || instanceVersion(previous) !== instanceVersion(instance)) rows.push({ instance, removed: false });
      }
      for (const gone of seen.values()) rows.push({ instance: gone, removed: true });
    }
    return rows;
  }

  private link(query: Query, name: '$skiptoken' | '$deltatoken', position: RoundPosition): string {
    return `${query.url.origin}${query.url.pathname}?${name}=${encodeToken(position)}`;
  }
}

/** The last state the change log holds for an event (one deleted again has no current record). */
function lastLogged(calendar: CalendarRecord, key: string, toSeq: number): Instance['event'] | undefined {
  let last: Instance['event'] | undefined;
  for (const entry of calendar.log) {
    if (entry.seq > toSeq) break;
    if (entry.key === key && entry.before) last = entry.before;
  }
  return last;
}

function versionRoot(query: Query): string {
  return `${query.url.origin}/${query.url.pathname.split('/')[1] ?? 'v1.0'}`;
}
