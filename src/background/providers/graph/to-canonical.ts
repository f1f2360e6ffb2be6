/**
 * A Graph event → the engine's RemoteEvent (the canonical mapping rules both adapters share;
 * architecture.md §8.6). Outlook-specific readings: showAs `unknown` is busy, sensitivity
 * `personal` is private, one reminder at most, the first category is the colour, the join URL of
 * an online meeting is read-only, masters keep their zone from recurrenceTimeZone, and a meeting
 * its organiser cancelled (isCancelled) reads as cancelled.
 */
import type { ResponseType } from '@microsoft/microsoft-graph-types';
import { htmlToText, looksLikeHtml } from '../html-text.ts';
import type { CanonicalEvent, EventFacts, FreeBusy, Privacy } from '../../sync/model.ts';
import type { RemoteEvent } from '../../sync/ports.ts';
import type { WireEvent } from './guards.ts';
import type { CalendarFacts } from './mailbox.ts';
import { readMarker } from './markers.ts';
import { ruleFromGraph } from './recurrence-read.ts';
import { readOriginalStart, readTime } from './times.ts';
import { isoTimestamp, toIana } from './zones.ts';

export interface ReadContext {
  /** IANA zone of the mailbox (for custom and unknown zones). */
  readonly mailboxZone: string;
  readonly calendar: CalendarFacts;
}

const SHOW_AS: Readonly<Record<string, FreeBusy>> = { free: 'free', tentative: 'tentative', busy: 'busy', oof: 'oof', workingElsewhere: 'workingElsewhere' };
const SENSITIVITY: Readonly<Record<string, Privacy>> = { normal: 'default', personal: 'private', private: 'private', confidential: 'confidential' };
const RESPONSES: Readonly<Record<ResponseType, EventFacts['response']>> = {
  none: 'none',
  organizer: 'organizer',
  tentativelyAccepted: 'tentative',
  accepted: 'accepted',
  declined: 'declined',
  notResponded: 'needsAction',
};

/** `seriesAllDay`: whether the instance's series is all-day, when known (else the instance's own flag). */
export function toRemoteEvent(row: WireEvent, ctx: ReadContext, seriesAllDay?: boolean): RemoteEvent {
  const shape = row.type === 'seriesMaster' ? 'master' : row.type === 'singleInstance' ? 'single' : 'instance';
  const zone = toIana(shape === 'master' ? (row.recurrence?.range?.recurrenceTimeZone ?? row.originalStartTimeZone) : row.originalStartTimeZone, ctx.mailboxZone);
  const base = {
    id: row.id,
    version: row.changeKey,
    modifiedAt: isoTimestamp(row.lastModifiedDateTime),
    shape,
    ...(shape === 'instance'
      ? {
          seriesId: row.seriesMasterId!,
          originalStart: readOriginalStart(row.originalStart!, seriesAllDay ?? row.isAllDay, [zone, ctx.mailboxZone]),
          exception: row.type === 'exception',
        }
      : {}),
  } as const;
  if (row.isCancelled === true) return { ...base, cancelled: true };
  const marker = readMarker(row.singleValueExtendedProperties);
  const rule = shape === 'master' && row.recurrence ? ruleFromGraph(row.recurrence) : null;
  const unsupported = rule && 'unsupported' in rule ? rule : undefined;
  return {
    ...base,
    cancelled: false,
    event: canonical(row, zone, rule && !('unsupported' in rule) ? rule : null),
    ...(unsupported ? { unsupportedRecurrence: unsupported } : {}),
    facts: facts(row, ctx.calendar),
    ...(marker ? { marker } : {}),
  };
}

function canonical(row: WireEvent, zone: string, recurrence: CanonicalEvent['recurrence']): CanonicalEvent {
  const endZone = row.type === 'seriesMaster' ? zone : toIana(row.originalEndTimeZone, zone);
  return {
    title: row.subject ?? '',
    description: description(row.body),
    location: row.location?.displayName ?? '',
    start: readTime(row.start, row.isAllDay, zone),
    end: readTime(row.end, row.isAllDay, endZone),
    endUnspecified: false,
    freeBusy: SHOW_AS[row.showAs ?? 'busy'] ?? 'busy',
    privacy: SENSITIVITY[row.sensitivity ?? 'normal'] ?? 'default',
    tentative: false,
    reminders: row.isReminderOn === true && typeof row.reminderMinutesBeforeStart === 'number' ? [row.reminderMinutesBeforeStart] : [],
    color: row.categories?.[0] ?? null,
    meetingUrl: row.onlineMeeting?.joinUrl || row.onlineMeetingUrl || null,
    recurrence,
  };
}

function description(body: WireEvent['body']): string {
  const content = body?.content ?? '';
  return body?.contentType === 'html' || looksLikeHtml(content) ? htmlToText(content) : content;
}

function facts(row: WireEvent, calendar: CalendarFacts): EventFacts {
  const others = (row.attendees ?? []).filter((a) => {
    const address = a.emailAddress?.address?.toLowerCase();
    return !address || address !== calendar.ownerAddress;
  });
  return {
    organizer: row.isOrganizer ?? true,
    response: RESPONSES[row.responseStatus?.response ?? 'none'] ?? 'none',
    attendeeCount: others.length,
    readOnly: calendar.readOnly,
  };
}
