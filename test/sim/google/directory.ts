/**
 * Users, their calendars and who may see which calendar (calendarList entries with access roles).
 * `primary` resolves to the user's primary calendar, whose id is the user's email (Google's rule).
 */
import { randomBytes } from 'node:crypto';
import { colorIdFor, isCalendarColorId } from './colors.ts';
import { invalidField, notFound } from './errors.ts';
import { isValidZone } from './event-time.ts';
import type { Account, AccessRole, GReminder, ListEntry } from './model.ts';
import { EventStore } from './store.ts';

export interface CalendarRecord {
  readonly id: string;
  readonly owner: string;
  summary: string;
  description: string;
  timeZone: string;
  readonly store: EventStore;
  /** calendarList entries by user email. */
  readonly access: Map<string, ListEntry>;
}

export interface CalendarOptions {
  readonly summary?: string;
  readonly description?: string;
  readonly timeZone?: string;
  readonly colorId?: string;
  readonly defaultReminders?: GReminder[];
  readonly selected?: boolean;
  readonly hidden?: boolean;
  /** Fix the id (default: a generated `c_…@group.calendar.google.com`). */
  readonly id?: string;
}

export interface EntryOptions {
  readonly selected?: boolean;
  readonly hidden?: boolean;
  readonly colorId?: string;
  readonly summaryOverride?: string;
  readonly defaultReminders?: GReminder[];
}

export interface Resolved {
  readonly calendar: CalendarRecord;
  readonly entry: ListEntry;
}

export class Directory {
  private readonly accounts = new Map<string, Account>();
  private readonly calendars = new Map<string, CalendarRecord>();

  constructor(private readonly now: () => number) {}

  addUser(email: string, options: { name?: string; timeZone?: string } = {}): Account {
    if (this.accounts.has(email)) throw new Error(`User ${email} already exists`);
    const timeZone = options.timeZone ?? 'UTC';
    if (!isValidZone(timeZone)) throw invalidField(`Invalid time zone ${timeZone}`);
    const account: Account = { email, name: options.name ?? email.split('@')[0]!, timeZone };
    this.accounts.set(email, account);
    // The primary calendar's id is the account's email; default reminders as a new account gets them.
    this.addCalendar(email, { id: email, summary: email, timeZone, defaultReminders: [{ method: 'popup', minutes: 10 }] });
    return account;
  }

  account(email: string): Account | undefined {
    return this.accounts.get(email);
  }

  addCalendar(owner: string, options: CalendarOptions): string {
    const account = this.accounts.get(owner);
    if (!account) throw new Error(`Unknown user ${owner}`);
    const id = options.id ?? `c_${randomBytes(16).toString('hex')}@group.calendar.google.com`;
    if (this.calendars.has(id)) throw new Error(`Calendar ${id} already exists`);
    const timeZone = options.timeZone ?? account.timeZone;
    if (!isValidZone(timeZone)) throw invalidField(`Invalid time zone ${timeZone}`);
    this.calendars.set(id, {
      id,
      owner,
      summary: options.summary ?? 'Untitled',
      description: options.description ?? '',
      timeZone,
      store: new EventStore(this.now()),
      access: new Map(),
    });
    this.grant(id, owner, 'owner', options);
    return id;
  }

  /** Gives `email` access to a calendar; it appears in their calendarList with that role. */
  grant(calendarId: string, email: string, accessRole: AccessRole, options: EntryOptions = {}): void {
    const calendar = this.calendars.get(calendarId);
    if (!calendar) throw new Error(`Unknown calendar ${calendarId}`);
    if (!this.accounts.has(email)) throw new Error(`Unknown user ${email}`);
    const colorId = options.colorId ?? colorIdFor(this.entriesOf(email).length + 13);
    if (!isCalendarColorId(colorId)) throw invalidField(`Invalid calendar colorId ${colorId}`);
    const existing = calendar.access.get(email);
    calendar.access.set(email, {
      accessRole,
      selected: options.selected ?? existing?.selected ?? true,
      hidden: options.hidden ?? existing?.hidden ?? false,
      colorId,
      summaryOverride: options.summaryOverride ?? existing?.summaryOverride,
      // Shared calendars start without default reminders for the new viewer.
      defaultReminders: options.defaultReminders ?? existing?.defaultReminders ?? [],
      etagVersion: (existing?.etagVersion ?? 0) + 1,
    });
  }

  calendar(id: string): CalendarRecord | undefined {
    return this.calendars.get(id);
  }

  /** Resolves a calendarId path parameter for a user; calendars they cannot see are 404 (Google hides them). */
  resolve(email: string, calendarId: string): Resolved {
    const id = calendarId === 'primary' ? email : calendarId;
    const calendar = this.calendars.get(id);
    const entry = calendar?.access.get(email);
    if (!calendar || !entry) throw notFound();
    return { calendar, entry };
  }

  entriesOf(email: string): Resolved[] {
    const result: Resolved[] = [];
    for (const calendar of this.calendars.values()) {
      const entry = calendar.access.get(email);
      if (entry) result.push({ calendar, entry });
    }
    return result;
  }

  isUser(email: string): boolean {
    return this.accounts.has(email);
  }

  allCalendars(): IterableIterator<CalendarRecord> {
    return this.calendars.values();
  }
}
