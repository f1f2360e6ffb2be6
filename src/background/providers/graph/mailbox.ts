/**
 * What mapping needs to know about the mailbox and its calendars, read once per adapter: the
 * mailbox's time zone (all-day events are written in it; custom zones read as it; GET
 * /me/mailboxSettings, a Windows name) and, per calendar, whether it is read-only and whose it is
 * (the owner is not one of the "other" attendees).
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

export class MailboxInfo {
  private zone: Promise<MailboxZone> | undefined;
  private readonly calendars = new Map<string, Promise<CalendarFacts>>();

  constructor(private readonly transport: GraphTransport) {}

  mailboxZone(signal: AbortSignal): Promise<MailboxZone> {
    this.zone ??= this.loadZone(signal).catch((error: unknown) => {
      this.zone = undefined; // a failed read is retried next time
      throw error;
    });
    return this.zone;
  }

  calendar(calendarId: string, signal: AbortSignal): Promise<CalendarFacts> {
    let facts = this.calendars.get(calendarId);
    if (!facts) {
      facts = this.loadCalendar(calendarId, signal).catch((error: unknown) => {
        this.calendars.delete(calendarId);
        throw error;
      });
      this.calendars.set(calendarId, facts);
    }
    return facts;
  }

  /** Remembers what a calendar listing said (saves a request per calendar later). */
  remember(calendar: WireCalendar): void {
    this.calendars.set(calendar.id, Promise.resolve(calendarFacts(calendar)));
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
