/**
 * Turning what both sides reported into work: observations of linked items, new mirrors,
 * re-linked mirrors (local state lost), and verified deletions. Nothing is treated as deleted
 * without the service confirming it.
 */
import { calendarOf, inWindow, linkKey, provider, type RunContext } from './context.ts';
import { linkBothEdited } from './both-edited.ts';
import { createMirror, refreshExpandedSeries } from './create.ts';
import { outlookCancellations } from './full-read.ts';
import { intakeOccurrence } from './occurrences.ts';
import { relink } from './relink.ts';
import { relistWritten } from './relist.ts';
import { noteReads } from './series-reads.ts';
import { otherSide, type Side } from './model.ts';
import { flowsFrom } from './pair.ts';
import type { ChangeRow, RemoteEvent } from './ports.ts';
import { skipReason } from './filters.ts';
import { verifyAbsences, verifyRemovals } from './verify.ts';

export interface SideRead {
  readonly rows: readonly ChangeRow[];
  readonly full: boolean;
}

const SIDES: readonly Side[] = ['google', 'outlook'];

/** `searched`: the Outlook mirrors findMirrors found this run (every pair's), or null when it did not run. */
export async function intake(ctx: RunContext, reads: Readonly<Record<Side, SideRead>>, searched: readonly RemoteEvent[] | null): Promise<void> {
  const mirrors = searched ?? [];
  noteReads(ctx, reads.outlook);
  const events: Record<Side, RemoteEvent[]> = { google: [], outlook: [] };
  for (const side of SIDES) for (const row of reads[side].rows) if (row.kind === 'event') events[side].push(row.event);
  const masters = new Map(events.outlook.filter((e) => e.shape === 'master').map((e) => [e.id, e]));
  await verifyRemovals(ctx, reads, masters);
  await relistWritten(ctx, events.outlook);
  for (const side of SIDES) if (reads[side].full) await verifyAbsences(ctx, side, events[side]);

  events.outlook = await withMarkers(ctx, events.outlook, mirrors, searched !== null);
  const markers = new Map<string, RemoteEvent>();
  // Edited occurrences of a Google mirror series inherit the series' private properties, marker
  // included: only top-level events stand for the mirror the marker names.
  const topLevel = (e: RemoteEvent): boolean => e.marker !== undefined && e.shape !== 'instance';
  const orphanable = [...mirrors.filter(topLevel), ...events.google.filter(topLevel)];
  for (const mirror of [...events.outlook.filter(topLevel), ...orphanable]) {
    if (mirror.marker?.pair === ctx.pair.id) markers.set(linkKey(mirror.marker.sourceSide, mirror.marker.sourceId), mirror);
  }
  for (const side of SIDES) {
    for (const event of events[side]) if (event.shape !== 'instance') await intakeTopLevel(ctx, side, event, markers);
  }
  await relinkOrphans(ctx, markers, new Set(orphanable.map((m) => m.id)));
  const merged = linkBothEdited(ctx, events);
  // Before the rows: a cancellation found this way wins over an edit of the same occurrence.
  if (reads.outlook.full) await outlookCancellations(ctx, events.outlook);
  for (const side of SIDES) for (const event of events[side]) if (event.shape === 'instance' && !merged.has(event)) intakeOccurrence(ctx, side, event);
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
async function relinkOrphans(ctx: RunContext, markers: Map<string, RemoteEvent>, orphanable: ReadonlySet<string>): Promise<void> {
  for (const side of SIDES) {
    const orphans = [...markers.values()].filter((m) => orphanable.has(m.id) && m.marker?.sourceSide === side && !ctx.links.bySide(otherSide(side), m.id));
    if (orphans.length === 0) continue;
    const sources = await provider(ctx, side).getEvents(calendarOf(ctx, side), orphans.map((m) => m.marker?.sourceId ?? ''), ctx.signal);
    for (const mirror of orphans) {
      const source = sources.get(mirror.marker?.sourceId ?? '');
      relink(ctx, side, source ?? null, mirror);
    }
  }
}

/**
 * Outlook's delta carries no extended properties, so a single event there that no link knows may
 * be one of our mirrors whose link was lost (local state cleared, or a worker killed between the
 * create and saving it). Its marker is read before it could be taken for a new event and mirrored
 * back: once per such event, which otherwise is simply new. Such a mirror is re-linked when its
 * source shows up; one whose source is gone is removed only by the re-link after lost state or
 * after a run that died mid-write (both list the pair's mirrors with findMirrors), as an unlinked
 * mirror may also be one the user chose to keep (keep.ts). A run that searched (findMirrors, which
 * in Outlook finds every pair's mirrors) knows already which events carry a marker: none is read again.
 */
async function withMarkers(ctx: RunContext, rows: RemoteEvent[], mirrors: readonly RemoteEvent[], searched: boolean): Promise<RemoteEvent[]> {
  const found = new Map(mirrors.map((m) => [m.id, m]));
  const unknown = rows.filter((e) => e.shape === 'single' && !e.cancelled && !e.marker && !found.has(e.id) && !ctx.links.bySide('outlook', e.id));
  // After the search every marked event, of any pair, is among `mirrors`: the rest carry none.
  if (unknown.length > 0 && !searched) {
    const current = await provider(ctx, 'outlook').getEvents(calendarOf(ctx, 'outlook'), unknown.map((e) => e.id), ctx.signal);
    for (const [id, event] of current) if (event?.marker) found.set(id, event);
  }
  return rows.map((row) => (!row.marker && found.get(row.id)?.marker ? { ...row, marker: found.get(row.id)!.marker! } : row));
}
