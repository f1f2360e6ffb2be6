/**
 * Calendars: `calendarList.list` for the picker (calendar-apis.md §1.8), and per calendar what
 * reading its events needs: its zone (for times without their own), its default reminders (what
 * `useDefault` means) and whether it is read-only. Every events listing carries the same three
 * settings, so a sync run normally learns them for free; otherwise the calendarList entry is read.
 */
import type { CalendarInfo } from '../../sync/ports.ts';
import type { GoogleHttp } from './http.ts';
import { minutesOf, type CalendarContext } from './to-remote.ts';
import { isValidZone } from './time.ts';
import { assertCalendarEntry, assertCalendarListPage, type CalendarEntry, type GReminder } from './wire.ts';

/** Google's calendar-level fields, as events listings and calendarList entries both carry them. */
interface CalendarSettings {
  readonly timeZone?: string | null;
  readonly accessRole?: string | null;
  readonly defaultReminders?: readonly GReminder[];
}

const READ_ONLY_ROLES = new Set(['reader', 'freeBusyReader']);
const MAX_PAGES = 1_000;

export class Calendars {
  private readonly contexts = new Map<string, CalendarContext>();

  constructor(private readonly http: GoogleHttp) {}

  async list(signal: AbortSignal): Promise<CalendarInfo[]> {
    const calendars: CalendarInfo[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const query: Record<string, string> = { maxResults: '250', ...(pageToken ? { pageToken } : {}) };
      const list = await this.http.json({ method: 'GET', path: '/users/me/calendarList', query, what: 'calendarList.list' }, signal, assertCalendarListPage);
      for (const entry of list.items) {
        this.remember(entry.id, entry);
        if (entry.primary) this.remember('primary', entry);
        calendars.push(info(entry));
      }
      pageToken = list.nextPageToken ?? undefined;
      if (!pageToken) return calendars;
    }
    return calendars;
  }

  /** The calendar's settings, from the latest listing or else its calendarList entry. */
  async context(calendarId: string, signal: AbortSignal): Promise<CalendarContext> {
    const known = this.contexts.get(calendarId);
    if (known) return known;
    const path = `/users/me/calendarList/${encodeURIComponent(calendarId)}`;
    const entry = await this.http.json({ method: 'GET', path, what: 'calendarList.get' }, signal, assertCalendarEntry);
    return this.remember(calendarId, entry);
  }

  /** Takes note of the settings a listing or entry carried (a listing may lack some: keep what we know). */
  remember(calendarId: string, settings: CalendarSettings): CalendarContext {
    const known = this.contexts.get(calendarId);
    const context: CalendarContext = {
      timeZone: isValidZone(settings.timeZone) ? settings.timeZone : (known?.timeZone ?? 'UTC'),
      defaultReminders: settings.defaultReminders ? minutesOf(settings.defaultReminders) : (known?.defaultReminders ?? []),
      readOnly: settings.accessRole ? READ_ONLY_ROLES.has(settings.accessRole) : (known?.readOnly ?? false),
    };
    this.contexts.set(calendarId, context);
    return context;
  }
}

function info(entry: CalendarEntry): CalendarInfo {
  return {
    id: entry.id,
    name: entry.summaryOverride || entry.summary || entry.id,
    color: entry.backgroundColor ?? null,
    readOnly: READ_ONLY_ROLES.has(entry.accessRole),
    primary: entry.primary === true,
    timeZone: entry.timeZone ?? null,
  };
}
