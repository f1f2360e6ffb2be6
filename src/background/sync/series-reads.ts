/**
 * What this run's full Outlook read said about each series' occurrences, and which mirror series
 * this run made from scratch. Alignment uses them to skip a listing it does not need: a full
 * Outlook read lists every occurrence in the window (a cancelled one is absent), so the Outlook
 * series a mirror was just made from need not be listed again. Kept beside the run's context
 * rather than in it: only alignment needs it.
 */
import type { RunContext } from './context.ts';
import type { ChangeRow, RemoteEvent } from './ports.ts';

interface RunSeries {
  /** Outlook occurrence rows by series id, when Outlook was read in full this run (else null). */
  readonly outlook: Map<string, RemoteEvent[]> | null;
  /** Keys of series whose mirror this run created (not adopted) from the master it read. */
  readonly fresh: Set<string>;
}

const runs = new WeakMap<RunContext, RunSeries>();

export function noteReads(ctx: RunContext, outlook: { readonly rows: readonly ChangeRow[]; readonly full: boolean }): void {
  let bySeries: Map<string, RemoteEvent[]> | null = null;
  if (outlook.full) {
    bySeries = new Map();
    for (const row of outlook.rows) {
      if (row.kind !== 'event' || row.event.shape !== 'instance' || !row.event.seriesId) continue;
      const list = bySeries.get(row.event.seriesId);
      if (list) list.push(row.event);
      else bySeries.set(row.event.seriesId, [row.event]);
    }
  }
  runs.set(ctx, { outlook: bySeries, fresh: new Set() });
}

export function noteFresh(ctx: RunContext, seriesKey: string): void {
  runs.get(ctx)?.fresh.add(seriesKey);
}

/**
 * The occurrences this run's full Outlook read gave for the Outlook series, when its mirror was
 * made this run from that read; undefined when alignment has to list them.
 */
export function freshOutlookRows(ctx: RunContext, seriesKey: string, seriesId: string): readonly RemoteEvent[] | undefined {
  const run = runs.get(ctx);
  if (!run?.fresh.has(seriesKey) || !run.outlook) return undefined;
  return run.outlook.get(seriesId) ?? [];
}
