/**
 * A kept source series is made again from its master's snapshot, which holds the rule but not the
 * occurrences the user had moved, edited or cancelled. Those are made again from the occurrence
 * links the old series left (each holds the source occurrence as last read), so both calendars
 * show the same occurrences again; the surviving mirror series is not touched.
 */
import { changedFields } from './canonical.ts';
import { bySide, refOf, withRef, type RunContext } from './context.ts';
import { otherSide, SYNCED_FIELDS, type CanonicalEvent, type EventTime, type SyncedField } from './model.ts';
import type { Link } from './state.ts';
import { occurrenceStart } from './writes.ts';

/** What an occurrence may differ from its master in, apart from its times. */
const CONTENT: readonly SyncedField[] = SYNCED_FIELDS.filter((field) => field !== 'start' && field !== 'end' && field !== 'recurrence');

/** Moves the old series' occurrence links to the restored `series`, making its exceptions and cancellations again. */
export function replayOccurrences(ctx: RunContext, old: Link, series: Link): void {
  const side = series.origin;
  const seriesId = series[side]?.id;
  const master = series.snapshots[side];
  for (const occurrence of ctx.links.occurrencesOf(old.key)) {
    ctx.links.delete(occurrence.key);
    if (!seriesId || !master || !occurrence.originalStart) continue;
    const link: Link = { ...occurrence, key: `${series.key}|${occurrence.originalStart}`, series: series.key, ...bySide(side, null, occurrence[otherSide(side)]) };
    const originalStart = occurrenceStart(link, series);
    if (occurrence.cancelled) {
      ctx.writes.push({
        side,
        phase: 2,
        title: master.title,
        build: () => ({ op: 'cancel-occurrence', ref: link.key, seriesId, originalStart }),
        onDone: () => ctx.links.put({ ...link, syncedAt: ctx.now }),
      });
      continue;
    }
    const content = occurrence.snapshots[side];
    const changed = content ? exceptionFields(master, content, occurrence.originalStart) : [];
    // A plain occurrence: the rule makes it again.
    if (!content || changed.length === 0) continue;
    const event: CanonicalEvent = { ...content, recurrence: null };
    ctx.writes.push({
      side,
      phase: 2,
      title: event.title,
      build: () => ({ op: 'update-occurrence', ref: link.key, seriesId, originalStart, event, changed }),
      onDone: (stored) => {
        if (stored?.event) ctx.links.put(withRef(link, side, refOf(stored), stored.event, ctx.now));
      },
    });
  }
}

function exceptionFields(master: CanonicalEvent, occurrence: CanonicalEvent, originalStart: string): SyncedField[] {
  const fields = changedFields(master, occurrence, CONTENT);
  const moved = instant(occurrence.start) !== instant('date' in master.start ? { date: originalStart } : { instant: originalStart, zone: 'UTC' }) || length(occurrence) !== length(master);
  return moved ? [...fields, 'start', 'end'] : fields;
}

function instant(time: EventTime): number {
  return Date.parse('date' in time ? `${time.date}T00:00:00Z` : time.instant);
}

function length(event: CanonicalEvent): number {
  return instant(event.end) - instant(event.start);
}
