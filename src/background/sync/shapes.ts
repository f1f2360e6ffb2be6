/**
 * Series shapes. A series' occurrences follow from its first start and end and its rule; when one
 * of those changes, both services replace the occurrences: Outlook regenerates all of them under new
 * ids and drops every exception and cancellation, Google drops the exceptions whose original start
 * no longer occurs and reports them cancelled. Those removals are not the user cancelling
 * occurrences. Occurrence state therefore records the shape of its series on each side, and
 * occurrence state of an older shape is re-derived from the series (align.ts), never propagated.
 */
import { sameField, seriesShape } from './canonical.ts';
import type { RunContext } from './context.ts';
import type { CanonicalEvent, Side } from './model.ts';
import type { Link } from './state.ts';

// Canonical events are never mutated, and every occurrence of a series asks for the shape of the
// same master object: one digest per master, not one per occurrence.
const digests = new WeakMap<CanonicalEvent, string>();

/** seriesShape, computed once per event object. */
export function shapeOf(master: CanonicalEvent): string {
  let shape = digests.get(master);
  if (shape === undefined) {
    shape = seriesShape(master);
    digests.set(master, shape);
  }
  return shape;
}

/** The series' shape on a side as this run sees it: its master as read this run, else its snapshot. */
export function currentShape(ctx: RunContext, series: Link, side: Side): string | undefined {
  const seen = ctx.observed[side].get(series.key);
  const master = seen && seen !== 'gone' && seen.event ? seen.event : series.snapshots[side];
  return master ? shapeOf(master) : undefined;
}

/** An occurrence link stamped with its series' shapes as they are now (after this run's writes). */
export function withShapes(ctx: RunContext, link: Link): Link {
  const series = link.series ? ctx.links.get(link.series) : undefined;
  if (!series || link.expanded) return link;
  const shapes: Partial<Record<Side, string>> = {};
  for (const side of ['google', 'outlook'] as const) {
    const snapshot = series.snapshots[side];
    if (snapshot) shapes[side] = shapeOf(snapshot);
  }
  return { ...link, shapes };
}

/** The occurrence was linked under another shape of its series on `side`: it left the series. */
export function leftSeries(ctx: RunContext, link: Link, side: Side): boolean {
  const recorded = link.shapes?.[side];
  const series = link.series ? ctx.links.get(link.series) : undefined;
  return recorded !== undefined && series !== undefined && currentShape(ctx, series, side) !== recorded;
}

/** Both sides' masters (as read this run, else as last synced) agree on start, end and rule. */
export function sameShape(ctx: RunContext, series: Link): boolean {
  const master = (side: Side) => {
    const seen = ctx.observed[side].get(series.key);
    return seen && seen !== 'gone' && seen.event ? seen.event : series.snapshots[side];
  };
  const google = master('google');
  const outlook = master('outlook');
  return !!google && !!outlook && (['start', 'end', 'recurrence'] as const).every((field) => sameField(field, google, outlook));
}
