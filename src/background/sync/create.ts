/**
 * New mirrors: for a new source event (single or series), for a series the other side cannot
 * store (mirrored as separate events, one per occurrence in the window), for a one-way mirror the
 * user deleted, and for new exceptions and cancellations of mirrored series.
 */
import { bySide, calendarOf, linkKey, mirrorKey, occurrenceKey, provider, refOf, sourceEditable, withRef, type RunContext } from './context.ts';
import { mirrorPolicy, projectToMirror } from './mirror.ts';
import { otherSide, type CanonicalEvent, type Side } from './model.ts';
import type { MirrorMarker, RemoteEvent } from './ports.ts';
import type { Link } from './state.ts';
import { correctDrift } from './relink.ts';
import { flagWritten } from './relist.ts';
import { noteFresh } from './series-reads.ts';
import { withShapes } from './shapes.ts';
import { occurrenceStart } from './writes.ts';

/** Plans the mirror of a new source event: a single, a series, or an expanded series. */
export async function createMirror(ctx: RunContext, sourceSide: Side, source: RemoteEvent): Promise<void> {
  const event = source.event;
  if (!event) return;
  const target = otherSide(sourceSide);
  if (source.shape === 'master') {
    const rule = event.recurrence;
    if (source.unsupportedRecurrence || !rule || !provider(ctx, target).canStore(rule, event.start)) {
      await createExpandedSeries(ctx, sourceSide, source);
      return;
    }
  }
  planCreate(ctx, {
    target,
    key: mirrorKey(ctx, sourceSide, source.id),
    source,
    sourceSide,
    fromRead: true,
    link: (mirror) => ({
      key: linkKey(sourceSide, source.id),
      kind: source.shape === 'master' ? 'series' : 'single',
      origin: sourceSide,
      ...(sourceEditable(ctx, sourceSide, source) ? {} : { sourceReadOnly: true }),
      syncedAt: ctx.now,
      ...sides(sourceSide, source, mirror),
    }),
  });
}

/** A series the other side cannot express: each occurrence in the window becomes its own event. */
async function createExpandedSeries(ctx: RunContext, sourceSide: Side, master: RemoteEvent): Promise<void> {
  const series: Link = {
    key: linkKey(sourceSide, master.id),
    kind: 'series',
    origin: sourceSide,
    expanded: true,
    google: null,
    outlook: null,
    snapshots: { google: null, outlook: null },
    syncedAt: ctx.now,
    ...(sourceEditable(ctx, sourceSide, master) ? {} : { sourceReadOnly: true }),
  };
  ctx.links.put(withRef(series, sourceSide, refOf(master), master.event ?? null, ctx.now));
  await refreshExpandedSeries(ctx, series.key);
}

/** Brings an expanded series' mirrors in line with its occurrences inside the window. */
export async function refreshExpandedSeries(ctx: RunContext, seriesKey: string): Promise<void> {
  const series = ctx.links.get(seriesKey);
  const masterRef = series?.[series.origin];
  if (!series || !masterRef) return;
  const occurrences = await provider(ctx, series.origin).listOccurrences(calendarOf(ctx, series.origin), masterRef.id, ctx.window, ctx.signal);
  const current = new Set<string>();
  for (const occurrence of occurrences) {
    if (!occurrence.originalStart || occurrence.cancelled) continue;
    const key = occurrenceKey(series.key, occurrence.originalStart);
    current.add(key);
    if (ctx.links.get(key)) ctx.observed[series.origin].set(key, occurrence);
    else createExpandedOccurrence(ctx, series, occurrence);
  }
  for (const link of ctx.links.occurrencesOf(series.key)) {
    if (!current.has(link.key)) ctx.observed[series.origin].set(link.key, 'gone');
  }
}

function createExpandedOccurrence(ctx: RunContext, series: Link, occurrence: RemoteEvent): void {
  if (!occurrence.event || !occurrence.originalStart) return;
  const sourceSide = series.origin;
  const key = occurrenceKey(series.key, occurrence.originalStart);
  const originalStart = key.slice(series.key.length + 1);
  planCreate(ctx, {
    target: otherSide(sourceSide),
    key: mirrorKey(ctx, sourceSide, `${series[sourceSide]?.id ?? ''}@${originalStart}`),
    source: { ...occurrence, event: { ...occurrence.event, recurrence: null } },
    sourceSide,
    link: (mirror) => ({
      key,
      kind: 'occurrence',
      origin: sourceSide,
      series: series.key,
      originalStart,
      expanded: true,
      ...(series.sourceReadOnly ? { sourceReadOnly: true } : {}),
      syncedAt: ctx.now,
      ...sides(sourceSide, occurrence, mirror),
    }),
  });
}

/** The user deleted a mirror the pair cannot propagate back: make it again (a fresh id). */
export function recreateMirror(ctx: RunContext, link: Link): void {
  const sourceRef = link[link.origin];
  const source = link.snapshots[link.origin];
  if (!sourceRef || !source) return;
  const generation = Number(/\|r(\d+)$/.exec(link.key)?.[1] ?? 0) + Math.round(ctx.now / 1000);
  planCreate(ctx, {
    target: otherSide(link.origin),
    key: mirrorKey(ctx, link.origin, sourceRef.id, generation),
    source: { id: sourceRef.id, version: sourceRef.version, modifiedAt: sourceRef.modifiedAt, shape: link.kind === 'series' ? 'master' : 'single', cancelled: false, event: source },
    sourceSide: link.origin,
    link: (mirror) => ({ ...link, syncedAt: ctx.now, ...sides(link.origin, null, mirror, link) }),
  });
  ctx.report.overwritten++;
}

export interface CreateRequest {
  readonly target: Side;
  readonly key: string;
  readonly source: RemoteEvent;
  readonly sourceSide: Side;
  readonly link: (mirror: RemoteEvent) => Link;
  /** The source is as this run read it (not a stored snapshot): a series' mirror is then made from it. */
  readonly fromRead?: boolean;
}

export function planCreate(ctx: RunContext, request: CreateRequest): void {
  const event = request.source.event;
  if (!event) return;
  const policy = mirrorPolicy(ctx.pair, event, sourceEditable(ctx, request.sourceSide, request.source));
  const mirrorEvent = projectToMirror(event, ctx.pair, policy, request.target);
  const marker: MirrorMarker = { pair: ctx.pair.id, sourceSide: request.sourceSide, sourceCalendar: calendarOf(ctx, request.sourceSide), sourceId: request.source.id };
  ctx.writes.push({
    side: request.target,
    phase: 1,
    title: mirrorEvent.title,
    build: () => ({ op: 'create', ref: request.key, key: request.key, event: mirrorEvent, marker }),
    onDone: (mirror, adopted) => {
      if (!mirror?.event) return;
      const made = request.link(mirror);
      const link = request.target === 'outlook' && made.kind === 'series' && !made.expanded ? flagWritten(ctx, made) : made;
      ctx.links.put(link);
      if (link.kind === 'series' && !link.expanded) ctx.align.add(link.key);
      if (link.kind === 'series' && !link.expanded && request.fromRead && !adopted) noteFresh(ctx, link.key);
      // An earlier, interrupted run had already made this mirror: bring it up to date.
      if (adopted) correctDrift(ctx, link, event, mirror.event);
      else ctx.report.created[request.target]++;
    },
  });
}

/** Fills both sides of a new link: the source as read, the mirror as the service stored it. */
function sides(sourceSide: Side, source: RemoteEvent | null, mirror: RemoteEvent, base?: Link): Pick<Link, 'google' | 'outlook' | 'snapshots'> {
  const sourceRef = source ? refOf(source) : (base?.[sourceSide] ?? null);
  const sourceSnapshot: CanonicalEvent | null = source?.event ?? base?.snapshots[sourceSide] ?? null;
  return { ...bySide(sourceSide, sourceRef, refOf(mirror)), snapshots: bySide(sourceSide, sourceSnapshot, mirror.event ?? null) };
}

/** Cancels an occurrence on `side` because it was cancelled on the other side. */
export function planCancelOccurrence(ctx: RunContext, link: Link, side: Side): void {
  const series = link.series ? ctx.links.get(link.series) : undefined;
  const seriesId = series?.[side]?.id;
  if (!seriesId) return;
  ctx.writes.push({
    side,
    phase: 2,
    title: series.snapshots[side]?.title ?? '',
    key: link.key,
    build: () => ({ op: 'cancel-occurrence', ref: link.key, seriesId, originalStart: occurrenceStart(link, series), ...(link[side] ? { id: link[side].id } : {}) }),
    onDone: () => {
      ctx.links.put(withShapes(ctx, { ...link, cancelled: true, syncedAt: ctx.now }));
      ctx.report.deleted[side]++;
    },
  });
}
