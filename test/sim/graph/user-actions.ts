/**
 * The in-process side of the simulator: seeding, and changes "as the user in Outlook on the web".
 * They run the very same store operations as the API (validation, changeKeys, change log, so they
 * show up in delta), but are not HTTP requests, so they are neither logged nor throttled, and mail
 * they cause is recorded with actor "user" (not counted against the client under test).
 */
import type { Event } from '@microsoft/microsoft-graph-types';
import { notFound } from './errors.ts';
import { createEvent, deleteEvent, moveEvent, updateEvent, type SeedFields, type WriteContext } from './event-ops.ts';
import { findOccurrence } from './instances.ts';
import type { EmailAddress, StoredEvent } from './model.ts';
import { deleteOccurrence, updateOccurrence } from './occurrence-ops.ts';
import { renderEvent, renderInstance, type RenderOptions } from './render.ts';
import type { GraphStore, ResolvedEvent } from './store.ts';

/** Renders what the store holds: immutable ids, UTC, every extended property. */
export function storedView(event: StoredEvent, originalStartMs?: number): Event {
  const options: RenderOptions = { idForm: 'immutable', timeZone: undefined, expand: new Set(event.extended.keys()) };
  if (originalStartMs === undefined) return renderEvent(event, options);
  const occurrence = findOccurrence(event, originalStartMs);
  if (!occurrence) throw notFound();
  return renderInstance(occurrence, { ...options, expand: new Set([...event.extended.keys(), ...(occurrence.override?.extended.keys() ?? [])]) });
}

export class UserActions {
  constructor(private readonly store: GraphStore) {}

  seed(upn: string, calendarId: string, event: Record<string, unknown>): Event {
    const created = createEvent(this.ctx('seed'), this.store.calendar(upn, calendarId), event, seedFields(event)).event;
    return storedView(created);
  }

  create(upn: string, calendarId: string, event: Record<string, unknown>): Event {
    return storedView(createEvent(this.ctx('user'), this.store.calendar(upn, calendarId), event).event);
  }

  update(id: string, patch: Record<string, unknown>): Event {
    const { calendar, event, originalStartMs } = this.resolve(id);
    if (originalStartMs !== undefined) return this.updateOccurrence(event.immutableId, originalStartMs, patch);
    return storedView(updateEvent(this.ctx('user'), calendar, event, patch));
  }

  delete(id: string): void {
    const { calendar, event, originalStartMs } = this.resolve(id);
    if (originalStartMs !== undefined) deleteOccurrence(this.ctx('user'), calendar, event, originalStartMs);
    else deleteEvent(this.ctx('user'), calendar, event);
  }

  updateOccurrence(masterId: string, originalStart: string | number, patch: Record<string, unknown>): Event {
    const { calendar, event } = this.resolve(masterId);
    const ms = toEpochMs(originalStart);
    return storedView(updateOccurrence(this.ctx('user'), calendar, event, ms, patch), ms);
  }

  deleteOccurrence(masterId: string, originalStart: string | number): void {
    const { calendar, event } = this.resolve(masterId);
    deleteOccurrence(this.ctx('user'), calendar, event, toEpochMs(originalStart));
  }

  move(id: string, toCalendarId: string): Event {
    const { calendar, event } = this.resolve(id);
    const target = this.store.calendar(event.mailbox, toCalendarId);
    return storedView(moveEvent(this.store, event, calendar, target));
  }

  private resolve(id: string): ResolvedEvent {
    const found = this.store.lookup(id);
    if (!found) throw notFound();
    return found;
  }

  private ctx(actor: WriteContext['actor']): WriteContext {
    return { store: this.store, actor };
  }
}

/** Read-only properties a seed may preset: someone else's meeting copied into this calendar. */
function seedFields(event: Record<string, unknown>): SeedFields {
  const organizer = (event['organizer'] as { emailAddress?: EmailAddress } | undefined)?.emailAddress;
  const response = (event['responseStatus'] as { response?: string } | undefined)?.response;
  return {
    ...(typeof event['isOrganizer'] === 'boolean' ? { isOrganizer: event['isOrganizer'] } : {}),
    ...(organizer ? { organizer: { name: organizer.name ?? organizer.address, address: organizer.address } } : {}),
    ...(response ? { response } : {}),
  };
}

function toEpochMs(originalStart: string | number): number {
  const ms = typeof originalStart === 'number' ? originalStart : Date.parse(originalStart);
  if (Number.isNaN(ms)) throw new Error(`Not an instant: ${originalStart}`);
  return ms;
}
