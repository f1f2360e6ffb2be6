/**
 * The calendars' names and colours, remembered between page loads so the popup can name a pair's
 * calendars the moment it opens (asking the services takes a round trip each). Kept in the
 * extension origin's localStorage, shared by the popup and the options page; only names, colours
 * and flags — nothing the services would not show in their own calendar list.
 */
import type { CalendarSummary, Provider } from '../messaging/types.ts';

const KEY = 'tandem.calendars.v1.';

export type CalendarIndex = Readonly<Record<string, CalendarSummary>>;

export function readCalendars(provider: Provider, storage: Storage | undefined = globalThis.localStorage): CalendarIndex {
  try {
    const saved: unknown = JSON.parse(storage?.getItem(KEY + provider) ?? '[]');
    return Array.isArray(saved) ? indexCalendars(saved.filter(isSummary)) : {};
  } catch {
    return {};
  }
}

export function rememberCalendars(provider: Provider, calendars: readonly CalendarSummary[], storage: Storage | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(KEY + provider, JSON.stringify(calendars));
  } catch {
    // A full or disabled storage only costs the popup its instant names.
  }
}

export function indexCalendars(calendars: readonly CalendarSummary[]): CalendarIndex {
  return Object.fromEntries(calendars.map((c) => [c.id, c]));
}

function isSummary(value: unknown): value is CalendarSummary {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return typeof c['id'] === 'string' && typeof c['name'] === 'string' && typeof c['readOnly'] === 'boolean';
}
