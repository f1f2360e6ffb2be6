/**
 * A full Outlook read lists every occurrence there is and none that was cancelled: Graph reports
 * an occurrence's cancellation only to a delta round that knew the occurrence. After lost local
 * state or an expired delta link, a cancellation made in Outlook would go unnoticed and the sides
 * would differ for good (Graph cannot bring an occurrence back). So after a full read, each linked
 * series whose two sides agree on their shape (first start and end, rule) is compared occurrence
 * by occurrence: a Google occurrence Outlook does not have was cancelled in Outlook, and the
 * cancellation is carried over where the pair lets Outlook changes flow.
 */
import { wellInsideWindow } from './align.ts';
import { timeKey } from './canonical.ts';
import { calendarOf, occurrenceKey, provider, refOf, writePending, type RunContext } from './context.ts';
import { planCancelOccurrence } from './create.ts';
import { flowsFrom } from './pair.ts';
import type { RemoteEvent } from './ports.ts';
import { sameShape } from './shapes.ts';
import type { Link } from './state.ts';

export async function outlookCancellations(ctx: RunContext, outlookRows: readonly RemoteEvent[]): Promise<void> {
  if (!flowsFrom(ctx.pair, 'outlook')) return;
  const listed = new Map<string, Set<string>>();
  for (const row of outlookRows) {
    if (row.shape !== 'instance' || row.cancelled || !row.seriesId || !row.originalStart) continue;
    listed.set(row.seriesId, (listed.get(row.seriesId) ?? new Set()).add(timeKey(row.originalStart)));
  }
  for (const series of [...ctx.links.all()]) {
    if (!series.outlook || !series.google || series.kind !== 'series' || series.expanded || ctx.observed.outlook.get(series.key) === 'gone' || !sameShape(ctx, series)) continue;
    // None listed: every occurrence in the window was cancelled (a gone series was found gone above).
    const starts = listed.get(series.outlook.id) ?? new Set<string>();
    if (series.origin === 'google' && series.sourceReadOnly) continue;
    const occurrences = await provider(ctx, 'google').listOccurrences(calendarOf(ctx, 'google'), series.google.id, ctx.window, ctx.signal);
    for (const occurrence of occurrences) {
      if (occurrence.cancelled || !occurrence.originalStart || starts.has(timeKey(occurrence.originalStart)) || !wellInsideWindow(ctx, occurrence)) continue;
      const key = occurrenceKey(series.key, occurrence.originalStart);
      if (writePending(ctx, key) || freshlyObserved(ctx, key)) continue;
      const link: Link = ctx.links.get(key) ?? {
        key,
        kind: 'occurrence',
        origin: series.origin,
        series: series.key,
        originalStart: key.slice(series.key.length + 1),
        google: refOf(occurrence),
        outlook: null,
        snapshots: { google: occurrence.event ?? null, outlook: null },
        syncedAt: ctx.now,
      };
      planCancelOccurrence(ctx, link, 'google');
    }
  }
}

/** Either side reported this occurrence changed (not just listed again): reconciliation's case. */
function freshlyObserved(ctx: RunContext, key: string): boolean {
  const link = ctx.links.get(key);
  return (['google', 'outlook'] as const).some((side) => {
    const seen = ctx.observed[side].get(key);
    return seen !== undefined && (seen === 'gone' || link?.[side]?.version !== seen.version);
  });
}
