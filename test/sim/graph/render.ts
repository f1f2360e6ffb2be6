/**
 * Stored events and instances as Graph returns them (calendar-apis.md §2.2): ids in the form the
 * request asked for (Prefer IdType), timed start/end in the `Prefer: outlook.timezone` zone (UTC by
 * default), all-day events always midnight-to-midnight whatever the zone ("by design", I-ALLDAY),
 * extended properties only when `$expand`ed, `$select` projection.
 */
import type { DateTimeTimeZone, Event } from '@microsoft/microsoft-graph-types';
import { civilFromDays, DAY_MS, formatIsoDate } from './civil.ts';
import { expandedProperties } from './extended-props.ts';
import { etagOf, occurrenceICalUId, occurrenceId, type IdForm } from './ids.ts';
import { effectiveContent, singleInstance, type Instance } from './instances.ts';
import type { ExtendedProperty, StoredEvent } from './model.ts';
import { renderRecurrence } from './recurrence.ts';
import { epochMsToLocal, formatLocalDateTime, formatUtcSeconds, formatUtcTimestamp, resolveZone } from './timezones.ts';
import { windowsNameOf } from './zone-names.ts';

export interface RenderOptions {
  readonly idForm: IdForm;
  /** Zone name from `Prefer: outlook.timezone`; undefined = UTC. */
  readonly timeZone: string | undefined;
  /** Extended property keys asked for with $expand. */
  readonly expand?: ReadonlySet<string> | undefined;
  /** Properties asked for with $select (id and @odata.etag always come back). */
  readonly select?: ReadonlySet<string> | undefined;
  /** Beta only: `cancelledOccurrences` on masters when $select asks for it (M-BETA-EV). */
  readonly beta?: boolean;
}

export type GraphEvent = Event & Record<string, unknown>;

export function idOf(event: StoredEvent, form: IdForm): string {
  return form === 'immutable' ? event.immutableId : event.regularId;
}

export function instanceId(instance: Instance, form: IdForm): string {
  const id = idOf(instance.event, form);
  return instance.originalStartMs === undefined ? id : occurrenceId(id, form, instance.originalStartMs);
}

/** A single event or a series master, as `GET /me/events/{id}` returns it. */
export function renderEvent(event: StoredEvent, options: RenderOptions): GraphEvent {
  const rendered = renderFull(singleInstance(event), options);
  if (!event.series) return project(rendered, options.select);
  rendered.type = 'seriesMaster';
  rendered.recurrence = renderRecurrence(event.series.recurrence);
  if (options.beta && options.select?.has('cancelledOccurrences')) {
    const zone = event.content.start.zone;
    rendered.cancelledOccurrences = [...event.series.cancelled].map(
      (ms) => `OID.${idOf(event, options.idForm)}.${formatIsoDate(epochMsToLocal(zone, ms).days)}`,
    );
  }
  return project(rendered, options.select);
}

/** A single event, occurrence or exception, as calendarView, delta and instances return it. */
export function renderInstance(instance: Instance, options: RenderOptions): GraphEvent {
  return project(renderFull(instance, options), options.select);
}

function renderFull(instance: Instance, options: RenderOptions): GraphEvent {
  const { event, override, originalStartMs } = instance;
  const content = effectiveContent(event.content, override);
  const changeKey = override?.changeKey ?? event.changeKey;
  const kind = originalStartMs === undefined ? 'singleInstance' : override ? 'exception' : 'occurrence';
  const fixed = fixedParts(event);
  const rendered: GraphEvent = {
    '@odata.etag': etagOf(changeKey),
    id: instanceId(instance, options.idForm),
    createdDateTime: fixed.createdDateTime,
    lastModifiedDateTime: override ? formatUtcTimestamp(override.modifiedMs) : fixed.lastModifiedDateTime,
    changeKey,
    categories: [...content.categories],
    transactionId: event.transactionId ?? null,
    originalStartTimeZone: windowsNameOf(content.start.timeZone),
    originalEndTimeZone: windowsNameOf(content.end.timeZone),
    iCalUId: instance.originalDay === undefined ? event.iCalUId : occurrenceICalUId(event.iCalUId, civilFromDays(instance.originalDay)),
    reminderMinutesBeforeStart: content.reminderMinutesBeforeStart,
    isReminderOn: content.isReminderOn,
    hasAttachments: false,
    subject: content.subject,
    bodyPreview: preview(content.body.content ?? ''),
    importance: content.importance,
    sensitivity: content.sensitivity,
    isAllDay: content.isAllDay,
    isCancelled: false,
    isOrganizer: event.isOrganizer,
    responseRequested: content.responseRequested,
    seriesMasterId: originalStartMs === undefined ? null : idOf(event, options.idForm),
    showAs: content.showAs,
    type: kind,
    webLink: fixed.webLink,
    onlineMeetingUrl: null,
    isOnlineMeeting: content.isOnlineMeeting,
    onlineMeetingProvider: content.onlineMeetingProvider as NonNullable<Event['onlineMeetingProvider']>,
    allowNewTimeProposals: content.allowNewTimeProposals,
    isDraft: false,
    hideAttendees: content.hideAttendees,
    responseStatus: { response: event.response as never, time: '0001-01-01T00:00:00Z' },
    body: { ...content.body },
    start: renderTime(instance.startMs, instance.allDay?.startDay, options.timeZone),
    end: renderTime(instance.endMs, instance.allDay?.endDay, options.timeZone),
    ...(originalStartMs === undefined ? {} : { originalStart: formatUtcSeconds(originalStartMs) }),
    location: { ...content.location },
    locations: content.locations.map((l) => ({ ...l })),
    recurrence: null,
    attendees: content.attendees.map((a) => ({ ...a })),
    organizer: { emailAddress: { ...event.organizer } },
    onlineMeeting: null,
  };
  const properties = options.expand ? expandedProperties({ ...event, extended: mergedProperties(instance) }, options.expand) : [];
  if (properties.length > 0) rendered.singleValueExtendedProperties = properties.map((p) => ({ ...p }));
  return rendered;
}

const fixedCache = new WeakMap<StoredEvent, { createdDateTime: string; lastModifiedDateTime: string; webLink: string }>();

/** Parts every instance of a record shares, formatted once per record (a series renders many rows). */
function fixedParts(event: StoredEvent) {
  let parts = fixedCache.get(event);
  if (!parts) {
    parts = {
      createdDateTime: formatUtcTimestamp(event.createdMs),
      lastModifiedDateTime: formatUtcTimestamp(event.modifiedMs),
      webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(event.regularId)}&exvsurl=1&path=/calendar/item`,
    };
    fixedCache.set(event, parts);
  }
  return parts;
}

/** The row delta uses for something that left the view (M-DQE). */
export function renderRemoved(id: string): Record<string, unknown> {
  return { '@odata.type': '#microsoft.graph.event', id, '@removed': { reason: 'deleted' } };
}

function mergedProperties(instance: Instance): ReadonlyMap<string, ExtendedProperty> {
  const own = instance.override?.extended;
  return own && own.size > 0 ? new Map([...instance.event.extended, ...own]) : instance.event.extended;
}

function renderTime(ms: number, allDayDay: number | undefined, timeZone: string | undefined): DateTimeTimeZone {
  if (allDayDay !== undefined) return { dateTime: `${formatIsoDate(allDayDay)}T00:00:00.0000000`, timeZone: timeZone ?? 'UTC' };
  const zone = timeZone === undefined ? undefined : resolveZone(timeZone);
  const local = zone === undefined ? { days: Math.floor(ms / DAY_MS), msOfDay: ms - Math.floor(ms / DAY_MS) * DAY_MS } : epochMsToLocal(zone, ms);
  return { dateTime: formatLocalDateTime(local), timeZone: timeZone ?? 'UTC' };
}

function preview(content: string): string {
  return content.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 255);
}

function project(rendered: GraphEvent, select: ReadonlySet<string> | undefined): GraphEvent {
  if (!select) return rendered;
  const projected: GraphEvent = { '@odata.etag': rendered['@odata.etag'], id: rendered.id! };
  for (const name of select) if (name in rendered) projected[name] = rendered[name];
  return projected;
}
