/**
 * Reconciling one link with what both sides reported this run: echoes are ignored, deletions
 * propagate (or a one-way mirror is restored), and edits are merged field by field.
 */
import { bySide, mirrorSideOf, refOf, sourceEditable, withRef, type Observation, type RunContext } from './context.ts';
import { skipReason } from './filters.ts';
import { merge, type SideState, type Write } from './merge.ts';
import { mirrorPolicy } from './mirror.ts';
import { otherSide, type Side } from './model.ts';
import { flowsFrom } from './pair.ts';
import type { RemoteEvent } from './ports.ts';
import type { Link } from './state.ts';
import { planCancelOccurrence, recreateMirror } from './create.ts';
import { ownEdits } from './inherit.ts';
import { leftSeries } from './shapes.ts';
import { forget, planDelete, planUpdate } from './writes.ts';

export function reconcile(ctx: RunContext, key: string): void {
  const link = ctx.links.get(key);
  if (!link) return;
  const google = freshObservation(ctx, link, 'google');
  const outlook = freshObservation(ctx, link, 'outlook');
  if (google === undefined && outlook === undefined) return;
  if (link.kind === 'occurrence' && !link.expanded && ((google === 'gone' && leftSeries(ctx, link, 'google')) || (outlook === 'gone' && leftSeries(ctx, link, 'outlook')))) {
    replaced(ctx, link);
    return;
  }
  if (google === 'gone' || outlook === 'gone') {
    reconcileGone(ctx, link, google === 'gone', outlook === 'gone');
    return;
  }
  reconcileEdits(ctx, link, { google, outlook });
}

/**
 * The occurrence went because its series was re-timed on that side, not cancelled there: its link
 * is forgotten with its observations, and the series' occurrences are aligned anew — which also
 * carries over what the other side did to this one (a cancellation, say) if it still occurs.
 */
function replaced(ctx: RunContext, link: Link): void {
  forget(ctx, link);
  ctx.observed.google.delete(link.key);
  ctx.observed.outlook.delete(link.key);
  if (link.series) ctx.align.add(link.series);
}

/** What a side reported, unless it is just our own last write coming back. */
function freshObservation(ctx: RunContext, link: Link, side: Side): Observation | undefined {
  const seen = ctx.observed[side].get(link.key);
  if (seen === undefined || seen === 'gone') return seen;
  if (seen.cancelled) return 'gone';
  const ref = link[side];
  return ref && ref.version === seen.version ? undefined : seen;
}

function reconcileGone(ctx: RunContext, link: Link, googleGone: boolean, outlookGone: boolean): void {
  if (link.cancelled) return;
  if (googleGone && outlookGone) {
    forget(ctx, link);
    return;
  }
  const gone: Side = googleGone ? 'google' : 'outlook';
  const survivor = otherSide(gone);
  if (link.kind === 'occurrence' && !link.expanded) {
    // The whole series went: its exceptions go with its mirror series, nothing to cancel one by one.
    if (seriesGone(ctx, link, gone)) forget(ctx, link);
    // A cancelled occurrence of a series mirrored as a series.
    else if (flowsFrom(ctx.pair, gone)) planCancelOccurrence(ctx, link, survivor);
    return;
  }
  if (gone === link.origin) {
    planDelete(ctx, link, survivor, 'its source was deleted');
    return;
  }
  // The user deleted a mirror. In a two-way pair that deletes the source; otherwise the mirror
  // comes back, because the source still says the event exists.
  if (ctx.pair.direction === 'both' && !link.sourceReadOnly) {
    if (link.kind === 'occurrence' && link.expanded) planCancelOccurrence(ctx, link, link.origin);
    else planDelete(ctx, link, link.origin, 'its mirror was deleted');
  } else {
    recreateMirror(ctx, link);
  }
}

function reconcileEdits(ctx: RunContext, link: Link, seen: Readonly<Record<Side, RemoteEvent | undefined>>): void {
  const sourceSide = link.origin;
  const mirrorSide = mirrorSideOf(link);
  const source = sideState(ctx, link, sourceSide, seen[sourceSide]);
  const mirror = sideState(ctx, link, mirrorSide, seen[mirrorSide]);
  if (!source || !mirror) return;
  const sourceRow = seen[sourceSide];
  // A source that now matches a filter (declined after all, made private…) loses its mirror.
  if (sourceRow?.event && link.kind !== 'occurrence') {
    const reason = skipReason(sourceRow.event, sourceRow.facts, ctx.pair.filters);
    if (reason) {
      ctx.report.skip({ side: sourceSide, id: sourceRow.id, title: sourceRow.event.title, reason });
      planDelete(ctx, link, mirrorSide, `its source is now excluded (${reason})`);
      return;
    }
  }
  const editable = !link.sourceReadOnly && (sourceRow ? sourceEditable(ctx, sourceSide, sourceRow) : true);
  const policy = mirrorPolicy(ctx.pair, source.current, editable);
  const result = merge({ pair: ctx.pair, policy, sourceSide, source, mirror });
  for (const conflict of result.conflicts) {
    ctx.report.conflicts++;
    ctx.conflicts.push({ at: ctx.now, link: link.key, title: source.current.title, ...conflict });
  }
  ctx.report.overwritten += result.overwritten.length > 0 ? 1 : 0;
  const writes = bySide(sourceSide, result.writeSource, result.writeMirror);
  const base: Link = editable === !link.sourceReadOnly ? link : { ...link, sourceReadOnly: !editable };
  commitWhenWritten(ctx, base, seen, writes);
}

/**
 * A link takes what both sides reported only once every write carrying those changes has
 * succeeded. If one fails, the link stays as it was, so the next run still sees the change and
 * carries it again; a successful write's result becomes that side's latest observation.
 */
function commitWhenWritten(ctx: RunContext, link: Link, seen: Readonly<Record<Side, RemoteEvent | undefined>>, writes: Readonly<Record<Side, Write | null>>): void {
  const results: Partial<Record<Side, RemoteEvent>> = {};
  const sides = (['google', 'outlook'] as const).filter((side) => writes[side] !== null);
  const commit = (): void => {
    let next = ctx.links.get(link.key) ?? link;
    for (const side of ['google', 'outlook'] as const) {
      const row = results[side] ?? seen[side];
      if (row?.event) next = withRef(next, side, refOf(row), row.event, ctx.now);
    }
    ctx.links.put({ ...next, ...(link.sourceReadOnly ? { sourceReadOnly: true } : {}) });
  };
  if (sides.length === 0) {
    commit();
    return;
  }
  let remaining = sides.length;
  for (const side of sides) {
    planUpdate(ctx, link.key, side, writes[side]!, (stored) => {
      results[side] = stored;
      ctx.observed[side].set(link.key, stored);
      if (--remaining === 0) commit();
    });
  }
}

function sideState(ctx: RunContext, link: Link, side: Side, row: RemoteEvent | undefined): SideState | null {
  const snapshot = link.snapshots[side];
  const ref = link[side];
  if (!snapshot || !ref) return null;
  const current = row?.event ? ownEdits(ctx, link, side, row.event, snapshot) : snapshot;
  return { snapshot, current, modifiedAt: row?.modifiedAt ?? ref.modifiedAt };
}

function seriesGone(ctx: RunContext, link: Link, side: Side): boolean {
  const seen = link.series ? ctx.observed[side].get(link.series) : undefined;
  return seen === 'gone' || (seen !== undefined && seen.cancelled);
}
