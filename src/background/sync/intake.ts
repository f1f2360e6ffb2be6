/**
 * Turning what both sides reported into work: observations of linked items, new mirrors,
 * re-linked mirrors (local state lost), and verified deletions. Nothing is treated as deleted
 * without the service confirming it.
 */
import { seriesShape } from './canonical.ts';
import { calendarOf, inWindow, linkKey, provider, type RunContext } from './context.ts';
import { createMirror, refreshExpandedSeries } from './create.ts';
import { intakeOccurrence } from './occurrences.ts';
import { relink } from './relink.ts';
import { relistWritten } from './relist.ts';
import { otherSide, type Side } from './model.ts';
import { flowsFrom } from './pair.ts';
import type { ChangeRow, RemoteEvent } from './ports.ts';
import { skipReason } from './filters.ts';

export interface SideRead {
  readonly rows: readonly ChangeRow[];
  readonly full: boolean;
}

const SIDES: readonly Side[] = ['google', 'outlook'];

export async function intake(ctx: RunContext, reads: Readonly<Record<Side, SideRead>>, mirrors: readonly RemoteEvent[]): Promise<void> {
  const events: Record<Side, RemoteEvent[]> = { google: [], outlook: [] };
  for (const side of SIDES) for (const row of reads[side].rows) if (row.kind === 'event') events[side].push(row.event);
  const masters = new Map(events.outlook.filter((e) => e.shape === 'master').map((e) => [e.id, e]));
  await verifyRemovals(ctx, reads, masters);
  await relistWritten(ctx);
  for (const side of SIDES) if (reads[side].full) await verifyAbsences(ctx, side, events[side]);

  const markers = new Map<string, RemoteEvent>();
  // Edited occurrences of a Google mirror series inherit the series' private properties, marker
  // included: only top-level events stand for the mirror the marker names.
  const marked = events.google.filter((e) => e.marker && e.shape !== 'instance');
  for (const mirror of [...mirrors.filter((m) => m.shape !== 'instance'), ...marked]) {
    if (mirror.marker?.pair === ctx.pair.id) markers.set(linkKey(mirror.marker.sourceSide, mirror.marker.sourceId), mirror);
  }
  for (const side of SIDES) {
    for (const event of events[side]) if (event.shape !== 'instance') await intakeTopLevel(ctx, side, event, markers);
  }
  await relinkOrphans(ctx, markers);
  for (const side of SIDES) for (const event of events[side]) if (event.shape === 'instance') intakeOccurrence(ctx, side, event);
}

async function intakeTopLevel(ctx: RunContext, side: Side, event: RemoteEvent, markers: Map<string, RemoteEvent>): Promise<void> {
  const link = ctx.links.bySide(side, event.id);
  if (link) {
    ctx.observed[side].set(link.key, event);
    if (link.kind === 'series' && link.expanded && side === link.origin && !event.cancelled) await refreshExpandedSeries(ctx, link.key);
    return;
  }
  if (event.cancelled || !event.event) return;
  if (event.marker) {
    // Another pair's mirror is never mirrored again: chains of pairs would copy copies.
    if (event.marker.pair !== ctx.pair.id) ctx.report.skip({ side, id: event.id, title: event.event.title, reason: 'mirror-of-another-pair' });
    return;
  }
  const mirror = markers.get(linkKey(side, event.id));
  if (mirror) {
    markers.delete(linkKey(side, event.id));
    relink(ctx, side, event, mirror);
    return;
  }
  if (!flowsFrom(ctx.pair, side) || !inWindow(event.event, ctx.window)) return;
  const reason = skipReason(event.event, event.facts, ctx.pair.filters);
  if (reason) {
    ctx.report.skip({ side, id: event.id, title: event.event.title, reason });
    return;
  }
  if (ctx.readOnly[otherSide(side)]) {
    ctx.report.skip({ side, id: event.id, title: event.event.title, reason: 'target-read-only' });
    return;
  }
  await createMirror(ctx, side, event);
}

/** Mirrors found by their markers whose source this run did not list: fetch the source. */
async function relinkOrphans(ctx: RunContext, markers: Map<string, RemoteEvent>): Promise<void> {
  for (const side of SIDES) {
    const orphans = [...markers.values()].filter((m) => m.marker?.sourceSide === side && !ctx.links.bySide(otherSide(side), m.id));
    if (orphans.length === 0) continue;
    const sources = await provider(ctx, side).getEvents(calendarOf(ctx, side), orphans.map((m) => m.marker?.sourceId ?? ''), ctx.signal);
    for (const mirror of orphans) {
      const source = sources.get(mirror.marker?.sourceId ?? '');
      relink(ctx, side, source ?? null, mirror);
    }
  }
}

/** Outlook's @removed means deleted *or* left the window: only a 404 makes it a deletion. */
async function verifyRemovals(ctx: RunContext, reads: Readonly<Record<Side, SideRead>>, masters: ReadonlyMap<string, RemoteEvent>): Promise<void> {
  for (const side of SIDES) {
    const ids = reads[side].rows.flatMap((row) => (row.kind === 'removed' ? [row.id] : []));
    if (ids.length === 0) continue;
    const current = await provider(ctx, side).getEvents(calendarOf(ctx, side), ids, ctx.signal);
    const gone = ids.filter((id) => !current.get(id));
    await verifySeriesOf(ctx, side, gone, masters, new Set(ids));
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
    const seriesId = link?.kind === 'occurrence' && link.series ? ctx.links.get(link.series)?.[side]?.id : ctx.occurrences[id]?.[0];
    if (seriesId && !masters.has(seriesId) && !removed.has(seriesId)) series.add(seriesId);
  }
  if (series.size === 0) return;
  const current = await provider(ctx, side).getEvents(calendarOf(ctx, side), [...series], ctx.signal);
  for (const id of series) if (!current.get(id)) markGone(ctx, side, id);
}

/** After a full read, linked items the listing did not contain are checked one by one. */
async function verifyAbsences(ctx: RunContext, side: Side, listed: readonly RemoteEvent[]): Promise<void> {
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
  const occurrence = ctx.occurrences[id];
  if (side === 'outlook' && occurrence) {
    const [seriesId, originalStart, shape] = occurrence;
    // Its whole series went: the series' mirror goes as one, nothing to cancel one by one.
    const series = ctx.links.bySide(side, seriesId);
    if (series && ctx.observed[side].get(series.key) === 'gone') {
      delete ctx.occurrences[id];
      return;
    }
    // The series was re-timed or its rule changed since: Outlook replaced all its occurrences.
    const master = masters.get(seriesId)?.event ?? ctx.links.bySide(side, seriesId)?.snapshots.outlook;
    if (shape !== undefined && master && seriesShape(master) !== shape) {
      delete ctx.occurrences[id];
      return;
    }
    const time = /^\d{4}-\d{2}-\d{2}$/.test(originalStart) ? { date: originalStart } : { instant: originalStart, zone: 'UTC' };
    intakeOccurrence(ctx, side, { id, version: '', modifiedAt: new Date(ctx.now).toISOString(), shape: 'instance', seriesId, originalStart: time, cancelled: true });
  }
}

