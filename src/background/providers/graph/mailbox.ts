/**
 * What mapping needs to know about the mailbox and its calendars, read once per adapter: the
 * mailbox's time zone (all-day events are written in it; custom zones read as it; GET
 * /me/mailboxSettings, a Windows name) and, per calendar, whether it is read-only and whose it is
 * (the owner is not one of the "other" attendees).
 *
 * In the extension the service worker is stopped between runs, so an adapter lives for one run:
 * a `MailboxFactsCache` keeps these facts between workers (for FACTS_TTL_MS), else every run would
 * cost two requests more than its delta read.
 */
import { assertCalendar, assertMailboxSettings, type WireCalendar } from './guards.ts';
import { errorFor } from './http-errors.ts';
import type { GraphTransport } from './transport.ts';
import { isWindowsZone, toIana, toWindows } from './zones.ts';

export interface MailboxZone {
  /** IANA name (canonical zones). */
  readonly iana: string;
  /** The name all-day events are written with (Windows where CLDR has one). */
  readonly graphName: string;
}

export interface CalendarFacts {
  readonly readOnly: boolean;
  readonly ownerAddress: string | null;
}

/** Mailbox facts as kept between workers, each with the time it was read. */
export interface StoredMailboxFacts {
  readonly zone?: { readonly at: number; readonly value: MailboxZone };
  readonly calendars?: Readonly<Record<string, { readonly at: number; readonly value: CalendarFacts }>>;
}

/** Somewhere only the extension reads (one per signed-in mailbox); failures only cost requests. */
export interface MailboxFactsCache {
  read(): Promise<StoredMailboxFacts | null>;
  write(facts: StoredMailboxFacts): Promise<void>;
}

/** A mailbox's zone or a calendar's rights change rarely; a few hours stale is the price of one request per run. */
export const FACTS_TTL_MS = 6 * 3_600_000;

export class MailboxInfo {
  private zone: Promise<MailboxZone> | undefined;
  private readonly calendars = new Map<string, Promise<CalendarFacts>>();
  private stored: Promise<StoredMailboxFacts> | undefined;

  constructor(
    private readonly transport: GraphTransport,
    private readonly cache?: MailboxFactsCache,
  ) {}

  mailboxZone(signal: AbortSignal): Promise<MailboxZone> {
    this.zone ??= this.cached((facts) => facts.zone, () => this.loadZone(signal), (zone, at) => ({ zone: { at, value: zone } })).catch((error: unknown) => {
      this.zone = undefined; // a failed read is retried next time
      throw error;
    });
    return this.zone;
  }

  calendar(calendarId: string, signal: AbortSignal): Promise<CalendarFacts> {
    let facts = this.calendars.get(calendarId);
    if (!facts) {
      const load = (): Promise<CalendarFacts> => this.loadCalendar(calendarId, signal);
      facts = this.cached((stored) => stored.calendars?.[calendarId], load, (value, at) => ({ calendars: { [calendarId]: { at, value } } })).catch((error: unknown) => {
        this.calendars.delete(calendarId);
        throw error;
      });
      this.calendars.set(calendarId, facts);
    }
    return facts;
  }

  /** Remembers what a calendar listing said (saves a request per calendar later). */
  remember(calendar: WireCalendar): void {
    const value = calendarFacts(calendar);
    this.calendars.set(calendar.id, Promise.resolve(value));
    void this.store({ calendars: { [calendar.id]: { at: this.transport.clock.now(), value } } });
  }

  /** A fresh stored fact, else `load` — whose answer is then stored. */
  private async cached<T>(pick: (facts: StoredMailboxFacts) => { readonly at: number; readonly value: T } | undefined, load: () => Promise<T>, entry: (value: T, at: number) => StoredMailboxFacts): Promise<T> {
    const now = this.transport.clock.now();
    const hit = pick(await this.readStored());
    if (hit && now - hit.at >= 0 && now - hit.at < FACTS_TTL_MS) return hit.value;
    const value = await load();
    await this.store(entry(value, now));
    return value;
  }

  private readStored(): Promise<StoredMailboxFacts> {
    this.stored ??= this.cache ? this.cache.read().then((facts) => facts ?? {}, () => ({})) : Promise.resolve({});
    return this.stored;
  }

  /** Merges into what is stored; chained, so updates made at once (a listing's calendars) all stay. */
  private async store(update: StoredMailboxFacts): Promise<void> {
    const cache = this.cache;
    if (!cache) return;
    const next = this.readStored().then((current): StoredMailboxFacts => ({ ...current, ...(update.zone ? { zone: update.zone } : {}), calendars: { ...current.calendars, ...update.calendars } }));
    this.stored = next;
    await cache.write(await next).catch(() => undefined);
  }

  private async loadZone(signal: AbortSignal): Promise<MailboxZone> {
    const result = await this.transport.request({ method: 'GET', path: '/me/mailboxSettings', what: 'mailbox settings' }, signal, (answer) =>
      assertMailboxSettings(answer.body),
    );
    // Reading mailbox settings needs MailboxSettings.Read; without it Tandem assumes UTC.
    if (result.status === 403) return { iana: 'Etc/UTC', graphName: 'UTC' };
    if (result.status >= 400) throw errorFor(result, 'mailbox settings', this.transport.clock.now());
    assertMailboxSettings(result.body);
    return zoneOf(result.body.timeZone);
  }

  private async loadCalendar(calendarId: string, signal: AbortSignal): Promise<CalendarFacts> {
    const path = `/me/calendars/${encodeURIComponent(calendarId)}`;
    const result = await this.transport.request({ method: 'GET', path, what: 'calendar' }, signal, (answer) => assertCalendar(answer.body, 'calendar'));
    if (result.status >= 400) throw errorFor(result, 'calendar', this.transport.clock.now());
    assertCalendar(result.body, 'calendar');
    return calendarFacts(result.body);
  }
}

/** The mailbox zone from mailboxSettings.timeZone (usually a Windows name, sometimes IANA). */
export function zoneOf(name: string | null | undefined): MailboxZone {
  const iana = toIana(name, 'Etc/UTC');
  return { iana, graphName: name && isWindowsZone(name) ? name : (toWindows(iana) ?? 'UTC') };
}

function calendarFacts(calendar: WireCalendar): CalendarFacts {
  return { readOnly: calendar.canEdit === false, ownerAddress: calendar.owner?.address?.toLowerCase() ?? null };
}
