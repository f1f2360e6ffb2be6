/**
 * The OData query options the calendar endpoints use. Graph treats query option names
 * case-insensitively ("startdatetime" works, event-delta.md example). Outlook collections page
 * with `$top` (page size, default 10) / `$skip` and return `@odata.nextLink`; `Prefer:
 * odata.maxpagesize` also sets the page size.
 */
import { GraphError, MESSAGES } from './errors.ts';
import type { Preferences } from './prefer.ts';
import { parseRangeInstant } from './timezones.ts';

export const DEFAULT_PAGE_SIZE = 10;
const MAX_TOP = 1000;

export class Query {
  private readonly values = new Map<string, string>();

  constructor(readonly url: URL) {
    for (const [name, value] of url.searchParams) this.values.set(name.toLowerCase(), value);
  }

  get(name: string): string | undefined {
    return this.values.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.values.has(name.toLowerCase());
  }

  /** The same URL with some options replaced (for nextLinks). */
  linkWith(changes: Readonly<Record<string, string>>): string {
    const link = new URL(this.url.href);
    for (const name of [...link.searchParams.keys()]) {
      if (Object.keys(changes).some((c) => c.toLowerCase() === name.toLowerCase())) link.searchParams.delete(name);
    }
    for (const [name, value] of Object.entries(changes)) link.searchParams.set(name, value);
    return link.href.replace(/%24/g, '$');
  }
}

/** `startDateTime` and `endDateTime`, required by calendarView, instances and an initial delta. */
export function requireWindow(query: Query): { fromMs: number; toMs: number } {
  const start = query.get('startDateTime');
  const end = query.get('endDateTime');
  if (start === undefined || end === undefined) throw new GraphError(400, 'ErrorInvalidParameter', MESSAGES.timeWindowRequired);
  const fromMs = parseRangeInstant(start);
  const toMs = parseRangeInstant(end);
  if (fromMs === undefined || toMs === undefined) {
    throw new GraphError(400, 'ErrorInvalidParameter', `The value '${fromMs === undefined ? start : end}' of the time window parameter is not valid.`);
  }
  return { fromMs, toMs };
}

export function pageOf(query: Query, prefs: Preferences): { size: number; skip: number } {
  const top = integerOption(query, '$top');
  const skip = integerOption(query, '$skip') ?? 0;
  if (top !== undefined && (top < 1 || top > MAX_TOP)) {
    throw new GraphError(400, 'ErrorInvalidParameter', `The value of $top must be between 1 and ${MAX_TOP}.`);
  }
  return { size: top ?? prefs.maxPageSize ?? DEFAULT_PAGE_SIZE, skip };
}

/** A page of `items`, with the nextLink for the rest. */
export function paged<T>(query: Query, prefs: Preferences, items: readonly T[]): { page: readonly T[]; nextLink: string | undefined } {
  const { size, skip } = pageOf(query, prefs);
  const page = items.slice(skip, skip + size);
  const more = skip + size < items.length;
  return { page, nextLink: more ? query.linkWith({ $skip: String(skip + size) }) : undefined };
}

export function selectOption(query: Query): ReadonlySet<string> | undefined {
  const select = query.get('$select');
  return select === undefined ? undefined : new Set(select.split(',').map((s) => s.trim()).filter(Boolean));
}

/** Options some endpoints refuse outright (calendarView delta, M-DELTA). */
export function rejectOptions(query: Query, names: readonly string[], where: string): void {
  const used = names.find((name) => query.has(name));
  if (used !== undefined) throw new GraphError(400, 'BadRequest', `The query option '${used}' is not supported with ${where}.`);
}

/** `$orderby` on start/end/created/lastModified/subject, ascending or descending. */
export function orderBy<T>(query: Query, items: T[], keyOf: (item: T, property: string) => number | string): T[] {
  const orderby = query.get('$orderby');
  if (orderby === undefined) return items;
  const [property = '', direction = 'asc'] = orderby.trim().split(/\s+/);
  const known = ['start/dateTime', 'end/dateTime', 'createdDateTime', 'lastModifiedDateTime', 'subject'];
  if (!known.includes(property)) throw new GraphError(501, 'NotImplemented', `The Graph simulator cannot order by '${property}'.`);
  const sign = direction.toLowerCase() === 'desc' ? -1 : 1;
  return [...items].sort((a, b) => {
    const [x, y] = [keyOf(a, property), keyOf(b, property)];
    return x < y ? -sign : x > y ? sign : 0;
  });
}

function integerOption(query: Query, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new GraphError(400, 'BadRequest', `Invalid value '${raw}' for ${name}.`);
  return value;
}
