/**
 * What an occurrence takes from its series. An exception keeps every field it was not given:
 * when the master's title or description changes, the exception shows the new value too, and
 * Google reports it changed. Such a field follows the master, whose own sync carries it; only a
 * field that differs from its master is the occurrence's own edit.
 */
import type { RunContext } from './context.ts';
import type { CanonicalEvent, Side, SyncedField } from './model.ts';
import { sameField } from './canonical.ts';
import type { Link } from './state.ts';

const CONTENT: readonly SyncedField[] = ['title', 'description', 'location', 'freeBusy', 'privacy', 'tentative', 'reminders', 'color', 'meetingUrl'];

/** The occurrence as read, with the fields that merely follow its master as they were last synced. */
export function ownEdits(ctx: RunContext, link: Link, side: Side, current: CanonicalEvent, snapshot: CanonicalEvent): CanonicalEvent {
  const series = link.series ? ctx.links.get(link.series) : undefined;
  if (!series || link.kind !== 'occurrence' || link.expanded) return current;
  const seen = ctx.observed[side].get(series.key);
  const master = seen && seen !== 'gone' && seen.event ? seen.event : series.snapshots[side];
  if (!master) return current;
  const own: Record<string, unknown> = { ...current };
  for (const field of CONTENT) if (!sameField(field, current, snapshot) && sameField(field, current, master)) own[field] = snapshot[field];
  return own as unknown as CanonicalEvent;
}
