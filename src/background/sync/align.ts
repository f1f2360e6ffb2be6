/**
 * Aligning a mirrored series' occurrences with its source's: after the mirror series is created,
 * and after its timing or rule changed (which makes Outlook drop every exception), each source
 * occurrence that is moved, edited or cancelled is made so on the mirror side too.
 */
import { both } from './both.ts';
import { sameField, timeKey } from './canonical.ts';
import { bySide, calendarOf, occurrenceKey, provider, refOf, writePending, type RunContext } from './context.ts';
import { planCancelOccurrence } from './create.ts';
import { mergedFields } from './merge.ts';
import { mirrorPolicy, projectToMirror } from './mirror.ts';
import { otherSide, type CanonicalEvent, type EventTime, type Side } from './model.ts';
import type { RemoteEvent } from './ports.ts';
import { flowsFrom } from './pair.ts';
import { freshOutlookRows } from './series-reads.ts';
import { sameShape, withShapes } from './shapes.ts';
import type { Link } from './state.ts';
import { planUpdate } from './writes.ts';

interface Work {
  readonly series: Link;
  /** The source's occurrences as this run's full read listed them (series-reads.ts), else listed now. */
  readonly read: readonly RemoteEvent[] | undefined;
}

/** Aligns every series in `ctx.align`, listing what must be listed in as few requests as batches allow. */
export async function alignOccurrences(ctx: RunContext): Promise<void> {
  const work: Work[] = [];
  const wanted: Record<Side, Set<string>> = { google: new Set(), outlook: new Set() };
  for (const key of ctx.align) {
    const series = ctx.links.get(key);
    if (!series || series.expanded) continue;
    const sourceSide = series.origin;
    const sourceRef = series[sourceSide];
    const targetRef = series[otherSide(sourceSide)];
    if (!sourceRef || !targetRef || !series.snapshots[sourceSide]) continue;
    // Outlook's full read lists every occurrence; Google's only exceptions, and the Outlook mirror of
    // a Google series needs a link per occurrence so that relist.ts can notice one cancelled there.
    const read = sourceSide === 'outlook' ? freshOutlookRows(ctx, key, sourceRef.id) : undefined;
    if (read === undefined) wanted[sourceSide].add(sourceRef.id);
    wanted[otherSide(sourceSide)].add(targetRef.id);
    work.push({ series, read });
  }
  if (work.length === 0) return;
  const [google, outlook] = await both(listAll(ctx, 'google', wanted.google), listAll(ctx, 'outlook', wanted.outlook));
  const listed = { google, outlook };
  for (const { series, read } of work) {
    const sourceSide = series.origin;
    const targetSide = otherSide(sourceSide);
    const sourceList = read ?? listed[sourceSide].get(series[sourceSide]?.id ?? '') ?? [];
    alignSeries(ctx, series, sourceList, listed[targetSide].get(series[targetSide]?.id ?? '') ?? [], read !== undefined);
  }
}

async function listAll(ctx: RunContext, side: Side, ids: ReadonlySet<string>): Promise<ReadonlyMap<string, readonly RemoteEvent[]>> {
  if (ids.size === 0) return new Map();
  return provider(ctx, side).listSeriesOccurrences(calendarOf(ctx, side), [...ids], ctx.window, ctx.signal);
}

function alignSeries(ctx: RunContext, series: Link, sources: readonly RemoteEvent[], targets: readonly RemoteEvent[], fresh: boolean): void {
  const sourceSide = series.origin;
  const targetSide = otherSide(sourceSide);
  const sourceMaster = series.snapshots[sourceSide];
  if (!sourceMaster) return;
  const targetByStart = new Map(targets.flatMap((t) => (t.originalStart ? [[timeKey(t.originalStart), t] as const] : [])));
  const policy = mirrorPolicy(ctx.pair, sourceMaster, !series.sourceReadOnly);
  const fields = mergedFields(policy).filter((field) => field !== 'recurrence');
  const sourceStarts = new Set<string>();
  for (const source of sources) {
    if (!source.originalStart) continue;
    const start = timeKey(source.originalStart);
    sourceStarts.add(start);
    const target = targetByStart.get(start);
    if (writePending(ctx, occurrenceKey(series.key, source.originalStart))) continue;
    if (!target) {
      // A mirror made this run lacks no occurrence the user cancelled: nothing to carry back.
      if (!fresh && cancelledOnMirror(ctx, series, source)) planCancelOccurrence(ctx, sourceOnlyLink(ctx, series, source), sourceSide);
      continue;
    }
    if (target.cancelled) continue;
    const link = occurrenceLink(ctx, series, source, target);
    if (source.cancelled || !source.event) {
      planCancelOccurrence(ctx, link, targetSide);
      continue;
    }
    const wanted = projectToMirror({ ...source.event, recurrence: null }, ctx.pair, policy, targetSide);
    const current = target.event;
    if (!current) continue;
    const changed = fields.filter((field) => !sameField(field, wanted, current));
    ctx.links.put(link);
    // As listed now, after this run's master writes: what a write of it must name as its version.
    for (const [side, row] of [[sourceSide, source], [targetSide, target]] as const) ctx.observed[side].set(link.key, row);
    if (changed.length === 0) continue;
    const next: Record<string, unknown> = { ...current };
    for (const field of changed) next[field] = wanted[field];
    planUpdate(ctx, link.key, targetSide, { event: next as unknown as CanonicalEvent, changed });
  }
  // Occurrences the source no longer has (cancelled in Outlook, EXDATE in Google) go on the mirror too.
  for (const [start, target] of targetByStart) {
    if (sourceStarts.has(start) || target.cancelled || !target.originalStart || writePending(ctx, occurrenceKey(series.key, target.originalStart))) continue;
    planCancelOccurrence(ctx, occurrenceLink(ctx, series, null, target), targetSide);
  }
  // Links of occurrences neither side has any more (the series was re-timed) are forgotten.
  for (const link of ctx.links.occurrencesOf(series.key)) {
    if (link.originalStart !== undefined && !sourceStarts.has(link.originalStart) && !targetByStart.has(link.originalStart)) ctx.links.delete(link.key);
  }
}

/**
 * The mirror lacks an occurrence its source has, while both series agree on timing and rule: the
 * user cancelled it on the mirror, and no delta said so (a series made by a run that died before
 * saving it, say). In a two-way pair that cancels it on the source. Occurrences near the window's
 * edges are left alone: there the two services may list differently.
 */
function cancelledOnMirror(ctx: RunContext, series: Link, source: RemoteEvent): boolean {
  const mirrorSide = otherSide(series.origin);
  if (source.cancelled || !source.event || !source.originalStart || series.sourceReadOnly || !flowsFrom(ctx.pair, mirrorSide) || !sameShape(ctx, series)) return false;
  return wellInsideWindow(ctx, source);
}

/** An occurrence, and its original start, are two days or more inside the window. */
export function wellInsideWindow(ctx: RunContext, occurrence: RemoteEvent): boolean {
  const ms = (time: EventTime): number => Date.parse('date' in time ? `${time.date}T00:00:00Z` : time.instant);
  const margin = 2 * 86_400_000;
  const inside = (time: EventTime | undefined): boolean => time !== undefined && ms(time) > Date.parse(ctx.window.start) + margin && ms(time) < Date.parse(ctx.window.end) - margin;
  return inside(occurrence.event?.start) && inside(occurrence.originalStart);
}

function sourceOnlyLink(ctx: RunContext, series: Link, source: RemoteEvent): Link {
  const key = occurrenceKey(series.key, source.originalStart ?? { date: '' });
  return ctx.links.get(key) ?? {
    key,
    kind: 'occurrence',
    origin: series.origin,
    series: series.key,
    originalStart: key.slice(series.key.length + 1),
    ...bySide(series.origin, refOf(source), null),
    snapshots: bySide(series.origin, source.event ?? null, null),
    syncedAt: ctx.now,
  };
}

function occurrenceLink(ctx: RunContext, series: Link, source: RemoteEvent | null, target: RemoteEvent): Link {
  const key = occurrenceKey(series.key, target.originalStart ?? { date: '' });
  const sourceSide = series.origin;
  return withShapes(ctx, {
    key,
    kind: 'occurrence',
    origin: sourceSide,
    series: series.key,
    originalStart: key.slice(series.key.length + 1),
    ...bySide(sourceSide, source && !source.cancelled ? refOf(source) : null, refOf(target)),
    snapshots: bySide(sourceSide, source?.event ?? null, target.event ?? null),
    syncedAt: ctx.now,
  });
}
