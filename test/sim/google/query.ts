/**
 * events.list query parameters (calendar-apis.md §1.4): parsed and checked the way Google checks
 * them. timeMin/timeMax need RFC 3339 with an offset; maxResults defaults to 250 and is capped at
 * 2500; orderBy=startTime needs singleEvents; syncToken refuses the filters it cannot honour.
 */
import { GoogleApiError, invalidParam, timeRangeEmpty } from './errors.ts';
import { isValidZone, parseInstant } from './event-time.ts';

export interface ListQuery {
  readonly singleEvents: boolean;
  readonly showDeleted: boolean;
  readonly maxResults: number;
  readonly timeMin: number | undefined;
  readonly timeMax: number | undefined;
  readonly orderBy: 'startTime' | 'updated' | undefined;
  readonly q: readonly string[];
  readonly iCalUID: string | undefined;
  readonly updatedMin: number | undefined;
  readonly timeZone: string | undefined;
  readonly privateProps: ReadonlyArray<readonly [string, string]>;
  readonly sharedProps: ReadonlyArray<readonly [string, string]>;
  readonly eventTypes: readonly string[];
  readonly syncToken: string | undefined;
  readonly pageToken: string | undefined;
}

/** Parameters a syncToken cannot be combined with (§1.4). */
const NOT_WITH_SYNC_TOKEN = [
  'timeMin', 'timeMax', 'q', 'orderBy', 'updatedMin', 'iCalUID', 'privateExtendedProperty', 'sharedExtendedProperty',
] as const;

export function parseListQuery(params: URLSearchParams): ListQuery {
  const syncToken = params.get('syncToken') ?? undefined;
  if (syncToken !== undefined) {
    const clash = NOT_WITH_SYNC_TOKEN.find((name) => params.has(name));
    if (clash) throw invalidParam(clash, `The ${clash} parameter cannot be combined with syncToken.`);
  }
  const singleEvents = parseBoolean(params, 'singleEvents');
  const orderBy = params.get('orderBy') ?? undefined;
  if (orderBy !== undefined && orderBy !== 'startTime' && orderBy !== 'updated') throw invalidParam('orderBy');
  if (orderBy === 'startTime' && !singleEvents) {
    throw invalidParam('orderBy', 'The requested ordering is not available for the particular query.');
  }
  const timeMin = parseTime(params, 'timeMin');
  const timeMax = parseTime(params, 'timeMax');
  if (timeMin !== undefined && timeMax !== undefined && timeMax <= timeMin) throw timeRangeEmpty('timeMax');
  return {
    singleEvents,
    showDeleted: parseBoolean(params, 'showDeleted'),
    maxResults: parseMaxResults(params, 250, 2500),
    timeMin,
    timeMax,
    orderBy,
    q: (params.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean),
    iCalUID: params.get('iCalUID') ?? undefined,
    updatedMin: parseTime(params, 'updatedMin'),
    timeZone: parseZone(params),
    privateProps: parseProperties(params, 'privateExtendedProperty'),
    sharedProps: parseProperties(params, 'sharedExtendedProperty'),
    eventTypes: params.getAll('eventTypes'),
    syncToken,
    pageToken: params.get('pageToken') ?? undefined,
  };
}

export function parseBoolean(params: URLSearchParams, name: string): boolean {
  const value = params.get(name);
  if (value === null) return false;
  if (value === 'true' || value === 'false') return value === 'true';
  throw invalidParam(name);
}

/** maxResults: a positive integer; larger than the maximum is served as the maximum. */
export function parseMaxResults(params: URLSearchParams, fallback: number, maximum: number): number {
  const value = params.get('maxResults');
  if (value === null) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) throw invalidParam('maxResults');
  return Math.min(n, maximum);
}

/** RFC 3339 with a mandatory offset; anything else is Google's plain 400 "Bad Request". */
export function parseTime(params: URLSearchParams, name: string): number | undefined {
  const value = params.get(name);
  if (value === null) return undefined;
  const ms = parseInstant(value);
  if (ms === undefined) throw new GoogleApiError(400, 'badRequest', 'Bad Request', { locationType: 'parameter', location: name });
  return ms;
}

export function parseZone(params: URLSearchParams): string | undefined {
  const zone = params.get('timeZone');
  if (zone === null) return undefined;
  if (!isValidZone(zone)) throw invalidParam('timeZone', 'Invalid time zone definition.');
  return zone;
}

function parseProperties(params: URLSearchParams, name: string): Array<readonly [string, string]> {
  return params.getAll(name).map((constraint) => {
    const eq = constraint.indexOf('=');
    if (eq <= 0) throw invalidParam(name);
    return [constraint.slice(0, eq), constraint.slice(eq + 1)] as const;
  });
}

/** What a sync token remembers of the query that made it: changing these later is a 400. */
export function syncFingerprint(query: ListQuery): string {
  return JSON.stringify([query.singleEvents, query.showDeleted, [...query.eventTypes].sort()]);
}

/** Listings whose nextSyncToken would describe a filtered view get none (they cannot continue incrementally). */
export function canIssueSyncToken(query: ListQuery): boolean {
  return (
    query.orderBy === undefined && query.q.length === 0 && query.iCalUID === undefined && query.updatedMin === undefined &&
    query.privateProps.length === 0 && query.sharedProps.length === 0
  );
}
