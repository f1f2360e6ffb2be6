/**
 * Guest emails a write causes (calendar-apis.md §1.7, rule 1 of the overview): `sendUpdates` is
 * recorded for every write; a write that invites, updates or cancels guests notifies them unless it
 * says `sendUpdates=none` (the insert docs warn that "some emails might still be sent" otherwise,
 * so a missing value counts as sending). `externalOnly` reaches guests without a Google account.
 */
import { deepEqual } from './merge.ts';
import type { GEvent } from './model.ts';

export type NotificationKind = 'invitation' | 'update' | 'cancellation';

export interface Notification {
  readonly at: number;
  readonly calendarId: string;
  readonly eventId: string;
  readonly kind: NotificationKind;
  readonly recipients: readonly string[];
  readonly sendUpdates: string | undefined;
}

export interface WriteRecord {
  readonly at: number;
  readonly operation: 'insert' | 'import' | 'patch' | 'update' | 'delete';
  readonly calendarId: string;
  readonly eventId: string;
  readonly sendUpdates: string | undefined;
  /** `api` for HTTP requests; `user` for in-process "web app" changes. */
  readonly origin: 'api' | 'user';
}

/** Changes guests are told about. Reminders, colours and private properties are nobody else's business. */
const NOTIFIABLE = ['summary', 'description', 'location', 'start', 'end', 'recurrence', 'attendees', 'status'] as const;

export interface NotifyInput {
  readonly prev: GEvent | undefined;
  readonly next: GEvent;
  readonly calendarId: string;
  readonly sendUpdates: string | undefined;
  readonly hasGoogleAccount: (email: string) => boolean;
}

/** Who gets an email for this write, and what kind; undefined when nobody does. */
export function notificationFor(input: NotifyInput): { kind: NotificationKind; recipients: string[] } | undefined {
  const { prev, next, sendUpdates } = input;
  if (sendUpdates === 'none') return undefined;
  // Only the organizer's copy emails guests; an attendee's own changes stay in their calendar.
  if (next.organizer?.email !== undefined && next.organizer.email !== input.calendarId) return undefined;
  const kind = kindOf(prev, next);
  if (!kind) return undefined;
  const emails = new Set([...guests(prev), ...guests(next)]);
  if (kind === 'cancellation') for (const e of [...emails]) if (!guests(prev).includes(e)) emails.delete(e);
  const recipients = [...emails].filter(
    (email) => email !== input.calendarId && (sendUpdates !== 'externalOnly' || !input.hasGoogleAccount(email)),
  );
  return recipients.length > 0 ? { kind, recipients } : undefined;
}

function kindOf(prev: GEvent | undefined, next: GEvent): NotificationKind | undefined {
  if (!prev || prev.status === 'cancelled') return next.status === 'cancelled' ? undefined : 'invitation';
  if (next.status === 'cancelled') return 'cancellation';
  return NOTIFIABLE.some((f) => !deepEqual(prev[f], next[f])) ? 'update' : undefined;
}

function guests(event: GEvent | undefined): string[] {
  return (event?.attendees ?? []).filter((a) => !a.organizer && a.email).map((a) => a.email!);
}
