/**
 * Outlook occurrences made by our own writes (a mirror series created, or re-timed) come after the
 * delta cursor the run stores, which was read before it wrote. Graph's next delta therefore lists
 * such a series as new, with the occurrences it has then, and never reports the removal of one the
 * user cancelled in between. Series written that way are flagged; in the next run, linked
 * occurrences missing from that run's Outlook rows (and gone when asked) are taken as cancelled.
 * Those rows are as good as a listing of the series: read from a cursor older than the write, they
 * hold every occurrence it has in the delta window, which covers the pair's. The flag is cleared
 * once a cursor read after the write has been stored.
 */
import { calendarOf, provider, type RunContext } from './context.ts';
import type { RemoteEvent } from './ports.ts';
import type { Link } from './state.ts';

/** The series' Outlook occurrences were just (re)made by our write. */
export function flagWritten(ctx: RunContext, series: Link): Link {
  ctx.relisted.delete(series.key);
  return { ...series, relistOutlook: true };
}

/** Checks the occurrences of every flagged series against this run's Outlook rows; marks linked ones that are gone. */
export async function relistWritten(ctx: RunContext, outlookRows: readonly RemoteEvent[]): Promise<void> {
  const missing = new Map<string, string>();
  const ids = new Set(outlookRows.map((row) => row.id));
  for (const series of ctx.links.where((l) => l.kind === 'series' && l.relistOutlook && !l.expanded)) {
    const masterId = series.outlook?.id;
    if (!masterId) continue;
    for (const link of ctx.links.occurrencesOf(series.key)) {
      if (link.outlook && !link.cancelled && !ids.has(link.outlook.id)) missing.set(link.outlook.id, link.key);
    }
    ctx.relisted.add(series.key);
  }
  if (missing.size === 0) return;
  // Not listed may also mean "outside the window": only a 404 makes it a cancellation.
  const current = await provider(ctx, 'outlook').getEvents(calendarOf(ctx, 'outlook'), [...missing.keys()], ctx.signal);
  for (const [id, key] of missing) if (!current.get(id)) ctx.observed.outlook.set(key, 'gone');
}

/** After the cursor is stored: the flags of series listed this run (and not written again) go. */
export function settleRelisted(ctx: RunContext): Link[] {
  const settled: Link[] = [];
  for (const key of ctx.relisted) {
    const link = ctx.links.get(key);
    if (!link?.relistOutlook) continue;
    const { relistOutlook: _done, ...rest } = link;
    ctx.links.put(rest);
    settled.push(rest);
  }
  return settled;
}
