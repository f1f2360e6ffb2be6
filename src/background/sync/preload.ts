/**
 * Loading the state a run needs, once both sides are read and before anything is planned. Most
 * runs see a few changed rows: they load the links those rows can reach (by id, as a source, as a
 * series, through a marker) with their whole series, and nothing else. Runs that look at every
 * link load them all: a full read (absences are verified against all links), recovery after a run
 * that died mid-write, and carrying out a "keep" answer.
 */
import { linkKey, type RunContext } from './context.ts';
import type { SideRead } from './intake.ts';
import { LinkIndex } from './link-index.ts';
import type { Side } from './model.ts';
import type { ChangeRow } from './ports.ts';
import type { PairMeta, PairStore } from './state.ts';
import { STATE_SCHEMA } from './state.ts';

const SIDES: readonly Side[] = ['google', 'outlook'];

/** The pair's links: from the stored summary, else (none stored, or an older schema: the upgrade) all of them. */
export async function openLinks(pairStore: PairStore, meta: PairMeta): Promise<LinkIndex> {
  const loader = { byKeys: (keys: readonly string[]) => pairStore.loadLinksByKey(keys), all: () => pairStore.loadLinks(), text: () => pairStore.loadSummaryText() };
  const summary = meta.schema === STATE_SCHEMA ? await pairStore.loadSummary() : null;
  return summary ? new LinkIndex({ summary }, loader) : new LinkIndex({ links: await pairStore.loadLinks() }, loader);
}

export interface RunNeeds {
  /** Every link is looked at (see above). */
  readonly all: boolean;
  /** Expanded series are re-listed today. */
  readonly refreshExpanded: boolean;
}

export async function preload(ctx: RunContext, reads: Readonly<Record<Side, SideRead>>, needs: RunNeeds): Promise<void> {
  const rows = [...reads.google.rows, ...reads.outlook.rows];
  const full = reads.google.full || reads.outlook.full;
  // Only Outlook occurrences and removals (and full reads, whose absences may be occurrences) use it.
  if (full || rows.some((row) => row.kind === 'removed' || row.event.shape === 'instance')) await ctx.occurrences.load();
  if (needs.all || full) {
    await ctx.links.loadAll();
    return;
  }
  const keys = new Set<string>();
  // A row asks for about three links (its own, its series', its key as a source).
  await ctx.links.prepare(3 * rows.length);
  for (const side of SIDES) for (const row of reads[side].rows) touched(ctx, side, row, keys);
  for (const key of ctx.links.keysWhere((l) => l.kind === 'series' && l.relistOutlook && !l.expanded)) keys.add(key);
  if (needs.refreshExpanded) for (const key of ctx.links.keysWhere((l) => l.kind === 'series' && l.expanded)) keys.add(key);
  await ctx.links.load(keys);
}

/** The links a row may reach: its own, the one it would have as a source, its series', its marker's. */
function touched(ctx: RunContext, side: Side, row: ChangeRow, keys: Set<string>): void {
  const byId = (id: string): void => {
    const key = ctx.links.keyOf(side, id);
    if (key !== undefined) keys.add(key);
    keys.add(linkKey(side, id));
  };
  if (row.kind === 'removed') {
    byId(row.id);
    const series = side === 'outlook' ? ctx.occurrences.get(row.id)?.[0] : undefined;
    if (series !== undefined) byId(series);
    return;
  }
  const { event } = row;
  byId(event.id);
  if (event.seriesId !== undefined) byId(event.seriesId);
  if (event.marker) {
    keys.add(linkKey(event.marker.sourceSide, event.marker.sourceId));
    const key = ctx.links.keyOf(event.marker.sourceSide, event.marker.sourceId);
    if (key !== undefined) keys.add(key);
  }
}
