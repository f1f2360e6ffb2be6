/**
 * Outlook occurrences made by our own writes (a mirror series created, or re-timed) come after the
 * delta cursor the run stores, which was read before it wrote. Graph's next delta therefore lists
 * such a series as new, with the occurrences it has then, and never reports the removal of one the
 * user cancelled in between. Series written that way are flagged, their occurrences are listed once
 * more in the next run, and linked occurrences missing from the listing (and gone when asked) are
 * taken as cancelled. The flag is cleared once a cursor read after the write has been stored.
 */
import { calendarOf, provider, type RunContext } from './context.ts';
import type { Link } from './state.ts';

/** The series' Outlook occurrences were just (re)made by our write. */
export function flagWritten(ctx: RunContext, series: Link): Link {
  ctx.relisted.delete(series.key);
  return { ...series, relistOutlook: true };
}

/** Lists the occurrences of every flagged series; marks linked ones that are gone. */
export async function relistWritten(ctx: RunContext): Promise<void> {
  const missing = new Map<string, string>();
  for (const series of ctx.links.where((l) => l.kind === 'series' && l.relistOutlook && !l.expanded)) {
    const masterId = series.outlook?.id;
    if (!masterId) continue;
    const listed = await provider(ctx, 'outlook').listOccurrences(calendarOf(ctx, 'outlook'), masterId, ctx.window, ctx.signal);
    const ids = new Set(listed.map((occurrence) => occurrence.id));
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
