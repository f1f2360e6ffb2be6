/**
 * An occurrence both sides report edited while nothing links the two yet (local state lost, or the
 * worker killed before the link was saved): each edit alone would be carried over and the two
 * writes would swap the sides. Instead the occurrence gets a link whose snapshots are the
 * occurrence as each side's series makes it, and reconciliation merges both edits against that
 * base, field by field, as for any linked item.
 */
import { occurrenceKey, type RunContext } from './context.ts';
import type { CanonicalEvent, EventTime, Side } from './model.ts';
import type { RemoteEvent } from './ports.ts';
import { withShapes } from './shapes.ts';
import type { Link } from './state.ts';

/** Instance rows of both sides for the same unlinked occurrence: linked to a base and observed. */
export function linkBothEdited(ctx: RunContext, events: Readonly<Record<Side, readonly RemoteEvent[]>>): Set<RemoteEvent> {
  const handled = new Set<RemoteEvent>();
  const byKey = new Map<string, { google?: RemoteEvent; outlook?: RemoteEvent; series: Link }>();
  for (const side of ['google', 'outlook'] as const) {
    for (const row of events[side]) {
      if (row.shape !== 'instance' || row.cancelled || !row.event || !row.seriesId || !row.originalStart) continue;
      if (side === 'outlook' && !row.exception) continue;
      const series = ctx.links.bySide(side, row.seriesId);
      if (!series || series.kind !== 'series' || series.expanded) continue;
      const key = occurrenceKey(series.key, row.originalStart);
      if (ctx.links.get(key)) continue;
      byKey.set(key, { ...byKey.get(key), series, [side]: row });
    }
  }
  for (const [key, { google, outlook, series }] of byKey) {
    const googleBase = google && occurrenceBase(ctx, series, 'google', google);
    const outlookBase = outlook && occurrenceBase(ctx, series, 'outlook', outlook);
    if (!google || !outlook || !googleBase || !outlookBase) continue;
    // Empty versions: both rows read as changes against the base.
    const ref = (row: RemoteEvent) => ({ id: row.id, version: '', modifiedAt: row.modifiedAt });
    ctx.links.put(
      withShapes(ctx, {
        key,
        kind: 'occurrence',
        origin: series.origin,
        series: series.key,
        originalStart: key.slice(series.key.length + 1),
        google: ref(google),
        outlook: ref(outlook),
        snapshots: { google: googleBase, outlook: outlookBase },
        syncedAt: ctx.now,
      }),
    );
    ctx.observed.google.set(key, google);
    ctx.observed.outlook.set(key, outlook);
    handled.add(google).add(outlook);
  }
  return handled;
}

/**
 * The occurrence as the side's series makes it (its master as read this run, else as last synced,
 * at the original start): what an exception differs from is what the user changed in it.
 */
export function occurrenceBase(ctx: RunContext, series: Link, side: Side, row: RemoteEvent): CanonicalEvent | null {
  const seen = ctx.observed[side].get(series.key);
  const master = seen && seen !== 'gone' && seen.event ? seen.event : series.snapshots[side];
  const at = row.originalStart;
  const times = master && at ? shifted(master, at) : null;
  return master && times ? { ...master, recurrence: null, ...times } : null;
}

function shifted(master: CanonicalEvent, at: EventTime): Pick<CanonicalEvent, 'start' | 'end'> | null {
  if ('date' in master.start && 'date' in master.end && 'date' in at) {
    const days = (Date.parse(master.end.date) - Date.parse(master.start.date)) / 86_400_000;
    return { start: at, end: { date: new Date(Date.parse(at.date) + days * 86_400_000).toISOString().slice(0, 10) } };
  }
  if ('instant' in master.start && 'instant' in master.end && 'instant' in at) {
    const duration = Date.parse(master.end.instant) - Date.parse(master.start.instant);
    const start = Date.parse(at.instant);
    return { start: { instant: iso(start), zone: master.start.zone }, end: { instant: iso(start + duration), zone: master.end.zone } };
  }
  return null;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
