/**
 * What this run's full reads said about each series' occurrences, and which mirror series this
 * run made from scratch. Alignment uses them to skip a listing it does not need: a full Outlook
 * read lists every occurrence in the window (a cancelled one is absent), so the Outlook series a
 * mirror was just made from need not be listed again. Kept beside the run's context rather than
 * in it: only alignment needs it.
 */
import type { RunContext } from './context.ts';
import type { Side } from './model.ts';
import type { ChangeRow, RemoteEvent } from './ports.ts';

interface RunSeries {
  /** Occurrence rows by series id, for each side read in full this run (null: read incrementally). */
  readonly rows: Record<Side, Map<string, RemoteEvent[]> | null>;
  /** Keys of series whose mirror this run created (not adopted) from the master it read. */
  readonly fresh: Set<string>;
}

const runs = new WeakMap<RunContext, RunSeries>();

export function noteReads(ctx: RunContext, reads: Readonly<Record<Side, { readonly rows: readonly ChangeRow[]; readonly full: boolean }>>): void {
  const bySeries = (rows: readonly ChangeRow[]): Map<string, RemoteEvent[]> => {
    const map = new Map<string, RemoteEvent[]>();
    for (const row of rows) {
      if (row.kind !== 'event' || row.event.shape !== 'instance' || !row.event.seriesId) continue;
      const list = map.get(row.event.seriesId);
      if (list) list.push(row.event);
      else map.set(row.event.seriesId, [row.event]);
    }
    return map;
  };
  runs.set(ctx, {
    rows: { google: reads.google.full ? bySeries(reads.google.rows) : null, outlook: reads.outlook.full ? bySeries(reads.outlook.rows) : null },
    fresh: new Set(),
  });
}

export function noteFresh(ctx: RunContext, seriesKey: string): void {
  runs.get(ctx)?.fresh.add(seriesKey);
}

/**
 * The occurrence rows this run's full read of `side` gave for the series, when its mirror was made
 * this run from that read; undefined when alignment has to list them.
 */
export function freshSourceRows(ctx: RunContext, seriesKey: string, side: Side, seriesId: string): readonly RemoteEvent[] | undefined {
  const run = runs.get(ctx);
  const rows = run?.rows[side];
  if (!run?.fresh.has(seriesKey) || !rows) return undefined;
  return rows.get(seriesId) ?? [];
}
