/**
 * Exceptions and cancellations of series mirrored as series: a moved, edited or cancelled
 * occurrence on one side becomes the same on the other, keyed by its original start.
 */
import { occurrenceBase } from './both-edited.ts';
import { changedFields, sameField } from './canonical.ts';
import { bySide, occurrenceKey, refOf, withRef, writePending, type RunContext } from './context.ts';
import { planCancelOccurrence } from './create.ts';
import { mirrorPolicy, projectToMirror, projectToSource } from './mirror.ts';
import { otherSide, SYNCED_FIELDS, type CanonicalEvent, type Side } from './model.ts';
import { flowsFrom } from './pair.ts';
import type { RemoteEvent } from './ports.ts';
import { currentShape, sameShape, withShapes } from './shapes.ts';
import type { Link } from './state.ts';
import { occurrenceStart } from './writes.ts';

/** Handles one instance row (exception, cancellation, or an Outlook occurrence). */
export function intakeOccurrence(ctx: RunContext, side: Side, row: RemoteEvent): void {
  if (!row.seriesId || !row.originalStart) return;
  const series = ctx.links.bySide(side, row.seriesId);
  if (!series || series.kind !== 'series') return;
  const key = occurrenceKey(series.key, row.originalStart);
  const originalStart = key.slice(series.key.length + 1);
  if (side === 'outlook' && !row.cancelled) {
    const shape = currentShape(ctx, series, 'outlook');
    ctx.occurrences.set(row.id, shape === undefined ? [row.seriesId, originalStart] : [row.seriesId, originalStart, shape]);
  }
  if (side === 'outlook' && row.cancelled) ctx.occurrences.delete(row.id);
  // A cancellation found on the other side already (full read): it wins over this row.
  if (writePending(ctx, key)) return;
  const existing = ctx.links.get(key);
  if (series.expanded) {
    // Only the source side has occurrences; the mirror side holds separate events.
    if (side === series.origin && existing) ctx.observed[side].set(key, row);
    return;
  }
  if (existing) {
    // A plain Outlook occurrence only follows its master (a re-titled series reports all of
    // them): not an edit of the occurrence. The link takes its current version and content.
    if (side === 'outlook' && !row.cancelled && !row.exception && row.event && existing.outlook) {
      // Unlike what was last seen (an exception Outlook dropped when the series was re-timed, by
      // a run that died before re-applying it, say): the series is aligned again.
      const last = existing.snapshots.outlook;
      if (last && changedFields(last, row.event, ['title', 'location', 'description', 'start', 'end']).length > 0) ctx.align.add(series.key);
      const next = withShapes(ctx, withRef(existing, side, refOf(row), row.event, ctx.now));
      // Listed as it is linked (the run after ours reads every occurrence we made): nothing to store.
      if (!sameOutlookSide(existing, next)) ctx.links.put(next);
      return;
    }
    ctx.observed[side].set(key, row);
    return;
  }
  // A plain occurrence is no news: it follows its master.
  if (!row.cancelled && side === 'outlook' && !row.exception) return;
  // The series went on one side: it goes (or comes back) as a whole, not occurrence by occurrence.
  if (seriesGone(ctx, series)) return;
  if (!flowsFrom(ctx.pair, side) || (side !== series.origin && series.sourceReadOnly)) return;
  // The sides' series differ in timing or rule until this run writes one of them: an original
  // start of one may not exist on the other. Alignment carries the source's occurrences over then.
  if (!sameShape(ctx, series)) {
    ctx.align.add(series.key);
    return;
  }
  const link: Link = {
    key,
    kind: 'occurrence',
    origin: series.origin,
    series: series.key,
    originalStart,
    ...bySide(side, refOf(row), null),
    snapshots: { google: null, outlook: null },
    syncedAt: ctx.now,
  };
  // Seen and planned here: alignment leaves it alone this run.
  ctx.observed[side].set(key, row);
  if (row.cancelled) planCancelOccurrence(ctx, link, otherSide(side));
  else if (row.event) planNewException(ctx, series, link, side, row.event, occurrenceBase(ctx, series, side, row));
}

/** The same Outlook ref, snapshot and shapes (only `syncedAt` may differ). */
function sameOutlookSide(a: Link, b: Link): boolean {
  const same = (x: unknown, y: unknown): boolean => JSON.stringify(x) === JSON.stringify(y);
  return same(a.outlook, b.outlook) && same(a.shapes, b.shapes) && same(a.snapshots.outlook, b.snapshots.outlook);
}

function seriesGone(ctx: RunContext, series: Link): boolean {
  return (['google', 'outlook'] as const).some((side) => {
    const seen = ctx.observed[side].get(series.key);
    return seen === 'gone' || seen?.cancelled === true;
  });
}

/** Makes the occurrence on the other side match an edited occurrence on `side`. */
export function planNewException(ctx: RunContext, series: Link, link: Link, side: Side, event: CanonicalEvent, base: CanonicalEvent | null): void {
  const target = otherSide(side);
  const seriesId = series[target]?.id;
  const seriesSource = series.snapshots[series.origin];
  if (!seriesId || !seriesSource) return;
  const policy = mirrorPolicy(ctx.pair, seriesSource, !series.sourceReadOnly);
  // Only what the exception changes: the rest it takes from its series, on both sides (a field
  // it merely inherited from a master renamed this run is not an edit of the occurrence).
  const changed = SYNCED_FIELDS.filter((field) => field !== 'recurrence' && policy.forward.has(field) && (!base || !sameField(field, event, base)));
  if (changed.length === 0) return;
  const wanted = side === series.origin ? projectToMirror(event, ctx.pair, policy, target) : towardSource(ctx, seriesSource, event, policy);
  const occurrence = { ...wanted, recurrence: null };
  const originalStart = occurrenceStart(link, series);
  ctx.writes.push({
    side: target,
    phase: 2,
    title: occurrence.title,
    key: link.key,
    build: () => ({
      op: 'update-occurrence',
      ref: link.key,
      seriesId,
      originalStart,
      event: occurrence,
      changed,
    }),
    onDone: (stored) => {
      if (!stored?.event) return;
      ctx.links.put(
        withShapes(ctx, {
          ...link,
          ...bySide(side, link[side], refOf(stored)),
          snapshots: bySide(side, event, stored.event),
          syncedAt: ctx.now,
        }),
      );
      ctx.report.updated[target]++;
    },
  });
}

/** A mirror-side occurrence edit expressed on the source: carried fields back, the rest as the series has them. */
function towardSource(ctx: RunContext, seriesSource: CanonicalEvent, mirrorEvent: CanonicalEvent, policy: ReturnType<typeof mirrorPolicy>): CanonicalEvent {
  const result: Record<string, unknown> = { ...seriesSource, start: mirrorEvent.start, end: mirrorEvent.end };
  for (const field of policy.backward) {
    const value = projectToSource(field, mirrorEvent, seriesSource, ctx.pair, policy);
    if (value !== undefined) result[field] = value;
  }
  return result as unknown as CanonicalEvent;
}
