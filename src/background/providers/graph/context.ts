/**
 * What the adapter's operations share: the transport, the mailbox facts, the page size, and how
 * to turn one answer into a RemoteEvent (validated first, then mapped).
 */
import { both } from '../../sync/both.ts';
import type { RemoteEvent } from '../../sync/ports.ts';
import { assertEvent } from './guards.ts';
import type { MailboxInfo } from './mailbox.ts';
import { EXPAND_MARKERS } from './markers.ts';
import { toRemoteEvent, type ReadContext } from './to-canonical.ts';
import type { GraphTransport } from './transport.ts';

export interface AdapterDeps {
  readonly transport: GraphTransport;
  readonly mailbox: MailboxInfo;
  readonly pageSize: number;
}

export async function readContext(deps: AdapterDeps, calendarId: string, signal: AbortSignal): Promise<ReadContext> {
  const [zone, calendar] = await both(deps.mailbox.mailboxZone(signal), deps.mailbox.calendar(calendarId, signal));
  return { mailboxZone: zone.iana, calendar };
}

/** Validates and maps one event of an answer. */
export function mapEvent(value: unknown, what: string, ctx: ReadContext, seriesAllDay?: boolean): RemoteEvent {
  assertEvent(value, what);
  return toRemoteEvent(value, ctx, seriesAllDay);
}

/** A body check (for retries of malformed answers) that the body is an event. */
export function checkEvent(what: string): (body: unknown) => void {
  return (body) => assertEvent(body, what);
}

/** An event of a calendar, with Tandem's marker properties. */
export function eventPath(calendarId: string, id: string): string {
  return `/me/calendars/${encodeURIComponent(calendarId)}/events/${encodeURIComponent(id)}?$expand=${EXPAND_MARKERS}`;
}

/** A window as calendarView/instances/delta query parameters. */
export function windowQuery(start: string, end: string): string {
  return `startDateTime=${encodeURIComponent(start)}&endDateTime=${encodeURIComponent(end)}`;
}
