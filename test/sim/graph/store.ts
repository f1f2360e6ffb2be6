/**
 * Mailboxes, calendars and events, indexed by calendar, with one change log per calendar
 * (calendar-apis.md §2.9 item 1). Every event change goes through `commit`, which bumps the global
 * change sequence, logs the record as it was, and keeps the id index (immutable and regular ids)
 * consistent. The operations themselves live in event-ops.ts and occurrence-ops.ts.
 */
import { randomUUID } from 'node:crypto';
import type { SimClock } from '../core/clock.ts';
import { notFound } from './errors.ts';
import { ChangeKeys, newCalendarId, parseOccurrenceId } from './ids.ts';
import type { CalendarRecord, MailboxRecord, StoredEvent } from './model.ts';
import type { Outbox } from './outbox.ts';
import { isWindowsZone } from './zone-names.ts';

export interface MailboxOptions {
  readonly displayName?: string;
  /** A Windows zone name, as mailboxSettings reports it (default "UTC"). */
  readonly timeZone?: string;
}

export interface CalendarOptions {
  readonly name: string;
  readonly canEdit?: boolean;
  readonly hexColor?: string;
  readonly color?: string;
  readonly isDefault?: boolean;
  readonly canShare?: boolean;
  readonly canViewPrivateItems?: boolean;
}

export interface ResolvedEvent {
  readonly calendar: CalendarRecord;
  /** The single event or series master. */
  readonly event: StoredEvent;
  /** Set when the id named one occurrence of the series. */
  readonly originalStartMs?: number;
}

export class GraphStore {
  private seq = 0;
  private readonly mailboxes = new Map<string, MailboxRecord>();
  private readonly calendars = new Map<string, CalendarRecord>();
  /** Any current id (immutable or regular) → immutable id. */
  private readonly ids = new Map<string, string>();
  /** Immutable id → calendar id. */
  private readonly homes = new Map<string, string>();
  private readonly changeKeys = new Map<string, ChangeKeys>();

  constructor(
    readonly clock: SimClock,
    readonly outbox: Outbox,
  ) {}

  addMailbox(upn: string, options: MailboxOptions = {}): MailboxRecord {
    const key = upn.toLowerCase();
    if (this.mailboxes.has(key)) throw new Error(`Mailbox ${upn} already exists`);
    const timeZone = options.timeZone ?? 'UTC';
    if (!isWindowsZone(timeZone)) throw new Error(`mailboxSettings.timeZone must be a Windows zone name, got ${timeZone}`);
    const mailbox: MailboxRecord = { upn, id: randomUUID(), displayName: options.displayName ?? upn.split('@')[0]!, timeZone, calendarIds: [] };
    this.mailboxes.set(key, mailbox);
    this.changeKeys.set(key, new ChangeKeys());
    this.addCalendar(upn, { name: 'Calendar', isDefault: true });
    return mailbox;
  }

  mailbox(upn: string): MailboxRecord | undefined {
    return this.mailboxes.get(upn.toLowerCase());
  }

  addCalendar(upn: string, options: CalendarOptions): CalendarRecord {
    const mailbox = this.requireMailbox(upn);
    if (options.isDefault) this.clearDefault(mailbox);
    const calendar: CalendarRecord = {
      id: newCalendarId(),
      mailbox: mailbox.upn,
      name: options.name,
      color: options.color ?? 'auto',
      hexColor: options.hexColor ?? '', // "empty if never set" (M-CAL)
      isDefaultCalendar: options.isDefault ?? false,
      canEdit: options.canEdit ?? true,
      canShare: options.canShare ?? (options.canEdit ?? true),
      canViewPrivateItems: options.canViewPrivateItems ?? true,
      isRemovable: !(options.isDefault ?? false),
      changeKey: this.nextChangeKey(mailbox.upn),
      owner: { name: mailbox.displayName, address: mailbox.upn },
      events: new Map(),
      log: [],
      transactions: new Map(),
    };
    this.calendars.set(calendar.id, calendar);
    mailbox.calendarIds.push(calendar.id);
    return calendar;
  }

  calendarsOf(upn: string): CalendarRecord[] {
    return this.requireMailbox(upn).calendarIds.map((id) => this.calendars.get(id)!);
  }

  /** A calendar of this mailbox; 404 for an unknown id or another mailbox's calendar. */
  calendar(upn: string, id: string): CalendarRecord {
    const calendar = this.calendars.get(id);
    if (!calendar || calendar.mailbox.toLowerCase() !== upn.toLowerCase()) throw notFound();
    return calendar;
  }

  calendarById(id: string): CalendarRecord | undefined {
    return this.calendars.get(id);
  }

  defaultCalendar(upn: string): CalendarRecord {
    return this.calendarsOf(upn).find((c) => c.isDefaultCalendar)!;
  }

  nextChangeKey(upn: string): string {
    return this.changeKeys.get(upn.toLowerCase())!.next();
  }

  /** Resolves an event or occurrence id (either id form) within a mailbox; 404 otherwise. */
  resolve(upn: string, id: string): ResolvedEvent {
    const found = this.lookup(id);
    if (!found || found.event.mailbox.toLowerCase() !== upn.toLowerCase()) throw notFound();
    return found;
  }

  lookup(id: string): ResolvedEvent | undefined {
    const direct = this.find(id);
    if (direct) return direct;
    const occurrence = parseOccurrenceId(id);
    const master = occurrence ? this.find(occurrence.masterId) : undefined;
    if (!master?.event.series) return undefined;
    return { ...master, originalStartMs: occurrence!.originalStartMs };
  }

  private find(id: string): ResolvedEvent | undefined {
    const immutableId = this.ids.get(id);
    const calendar = immutableId === undefined ? undefined : this.calendars.get(this.homes.get(immutableId)!);
    const event = calendar?.events.get(immutableId!);
    return calendar && event ? { calendar, event } : undefined;
  }

  /** Applies one change to a calendar: logs the old record and updates the event and id indexes. */
  commit(calendar: CalendarRecord, key: string, before: StoredEvent | undefined, after: StoredEvent | undefined): void {
    calendar.log.push({ seq: ++this.seq, key, before });
    if (before && before.regularId !== after?.regularId) this.ids.delete(before.regularId);
    if (after) {
      calendar.events.set(key, after);
      this.ids.set(after.immutableId, key).set(after.regularId, key);
      this.homes.set(key, calendar.id);
    } else {
      calendar.events.delete(key);
      // The item may live on in another calendar (a move): only forget it if it is nowhere.
      if (this.homes.get(key) === calendar.id) {
        this.homes.delete(key);
        this.ids.delete(key);
      }
    }
  }

  get currentSeq(): number {
    return this.seq;
  }

  /** The last change sequence applied to a calendar (0 if none). */
  lastSeq(calendar: CalendarRecord): number {
    return calendar.log.at(-1)?.seq ?? 0;
  }

  /** Records changed in (fromSeq, toSeq], each with its state as of fromSeq (undefined = did not exist). */
  changesSince(calendar: CalendarRecord, fromSeq: number, toSeq: number): Map<string, StoredEvent | undefined> {
    const changed = new Map<string, StoredEvent | undefined>();
    for (let i = firstAfter(calendar.log, fromSeq); i < calendar.log.length; i++) {
      const entry = calendar.log[i]!;
      if (entry.seq > toSeq) break;
      if (!changed.has(entry.key)) changed.set(entry.key, entry.before);
    }
    return changed;
  }

  private requireMailbox(upn: string): MailboxRecord {
    const mailbox = this.mailbox(upn);
    if (!mailbox) throw new Error(`No mailbox ${upn}; call addMailbox first`);
    return mailbox;
  }

  private clearDefault(mailbox: MailboxRecord): void {
    for (const id of mailbox.calendarIds) {
      const calendar = this.calendars.get(id)!;
      if (calendar.isDefaultCalendar) this.calendars.set(id, { ...calendar, isDefaultCalendar: false, isRemovable: true });
    }
  }
}

/** Index of the first log entry with seq > fromSeq (the log is in ascending seq order). */
function firstAfter(log: CalendarRecord['log'], fromSeq: number): number {
  let low = 0;
  let high = log.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (log[mid]!.seq <= fromSeq) low = mid + 1;
    else high = mid;
  }
  return low;
}
