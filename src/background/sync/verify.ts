/**
 * Verifying what a read suggests is gone. Outlook's @removed means deleted *or* left the window,
 * and absence from a full read proves nothing: only the service answering "not found" makes a
 * deletion. Graph never lists series masters, so a series deleted in Outlook is recognised through
 * its occurrences.
 */
import { calendarOf, provider, type RunContext } from './context.ts';
import type { SideRead } from './intake.ts';
import type { Side } from './model.ts';
import { intakeOccurrence } from './occurrences.ts';
import type { RemoteEvent } from './ports.ts';
import { shapeOf } from './shapes.ts';

const SIDES: readonly Side[] = ['google', 'outlook'];

/** Outlook's @removed means deleted *or* left the window: only a 404 makes it a deletion. */
export async function verifyRemovals(ctx: RunContext, reads: Readonly<Record<Side, SideRead>>, masters: ReadonlyMap<string, RemoteEvent>): Promise<void> {
  for (const side of SIDES) {
    const removed = reads[side].rows.flatMap((row) => (row.kind === 'removed' ? [row.id] : []));
    // Nothing follows from the answer for an id neither a link nor the occurrence index knows (a
    // mirror this engine deleted itself, say): it is not asked about.
    const ids = removed.filter((id) => ctx.links.bySide(side, id) !== undefined || ctx.occurrences.get(id) !== undefined);
    if (ids.length === 0) continue;
    const current = await provider(ctx, side).getEvents(calendarOf(ctx, side), ids, ctx.signal);
    const gone = ids.filter((id) => !current.get(id));
    await verifySeriesOf(ctx, side, gone, masters, new Set(removed));
    for (const id of ids) {
      const now = current.get(id);
      if (now !== null && now !== undefined) {
        const link = ctx.links.bySide(side, id);
        if (link) ctx.observed[side].set(link.key, now);
        continue;
      }
      markGone(ctx, side, id, masters);
    }
  }
}

/**
 * Graph lists no series masters, so a deleted series shows up only as the removal of its
 * occurrences: the series of occurrences that are gone is looked up too, and marked gone with them.
 */
async function verifySeriesOf(ctx: RunContext, side: Side, gone: readonly string[], masters: ReadonlyMap<string, RemoteEvent>, removed: ReadonlySet<string>): Promise<void> {
  const series = new Set<string>();
  for (const id of gone) {
    const link = ctx.links.bySide(side, id);
    const seriesId = link?.kind === 'occurrence' && link.series ? ctx.links.get(link.series)?.[side]?.id : ctx.occurrences.get(id)?.[0];
    if (seriesId && !masters.has(seriesId) && !removed.has(seriesId)) series.add(seriesId);
  }
  if (series.size === 0) return;
  const current = await provider(ctx, side).getEvents(calendarOf(ctx, side), [...series], ctx.signal);
  for (const id of series) if (!current.get(id)) markGone(ctx, side, id);
}

/** After a full read, linked items the listing did not contain are checked one by one. */
export async function verifyAbsences(ctx: RunContext, side: Side, listed: readonly RemoteEvent[]): Promise<void> {
  const seen = new Set(listed.map((e) => e.id));
  const missing: string[] = [];
  for (const link of ctx.links.all()) {
    const ref = link[side];
    const addressable = link.kind !== 'occurrence' || (link.expanded === true && side !== link.origin);
    if (ref && addressable && !seen.has(ref.id)) missing.push(ref.id);
  }
  if (missing.length === 0) return;
  const current = await provider(ctx, side).getEvents(calendarOf(ctx, side), missing, ctx.signal);
  for (const id of missing) {
    const now = current.get(id);
    if (now === null || now === undefined) markGone(ctx, side, id);
  }
}

function markGone(ctx: RunContext, side: Side, id: string, masters: ReadonlyMap<string, RemoteEvent> = new Map()): void {
  const link = ctx.links.bySide(side, id);
  if (link) {
    ctx.observed[side].set(link.key, 'gone');
    return;
  }
  const occurrence = ctx.occurrences.get(id);
  if (side === 'outlook' && occurrence) {
    const [seriesId, originalStart, shape] = occurrence;
    // Its whole series went: the series' mirror goes as one, nothing to cancel one by one.
    const series = ctx.links.bySide(side, seriesId);
    if (series && ctx.observed[side].get(series.key) === 'gone') {
      ctx.occurrences.delete(id);
      return;
    }
    // The series was re-timed or its rule changed since: Outlook replaced all its occurrences.
    const master = masters.get(seriesId)?.event ?? ctx.links.bySide(side, seriesId)?.snapshots.outlook;
    if (shape !== undefined && master && shapeOf(master) !== shape) {
      ctx.occurrences.delete(id);
      return;
    }
    const time = /^\d{4}-\d{2}-\d{2}$/.test(originalStart) ? { date: originalStart } : { instant: originalStart, zone: 'UTC' };
    intakeOccurrence(ctx, side, { id, version: '', modifiedAt: new Date(ctx.now).toISOString(), shape: 'instance', seriesId, originalStart: time, cancelled: true });
  }
}

