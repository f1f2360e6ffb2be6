/**
 * Planning writes for existing links: updates of either side (singles, series, occurrences) and
 * deletions, each with what to remember once the service has acknowledged it.
 */
import { calendarOf, mirrorSideOf, provider, refOf, withRef, type RunContext } from './context.ts';
import type { Write } from './merge.ts';
import type { EventTime, Side, SyncedField } from './model.ts';
import type { RemoteEvent } from './ports.ts';
import { flagWritten } from './relist.ts';
import type { Link } from './state.ts';

/** Series changes after which a service may have dropped or moved the series' exceptions. */
const RESHAPING: ReadonlySet<SyncedField> = new Set(['start', 'end', 'recurrence', 'endUnspecified']);

/**
 * Plans an update of one side of a link. By default the link takes the stored result when the
 * write succeeds; `onStored` replaces that (reconcile commits a link only when all its writes did).
 */
export function planUpdate(ctx: RunContext, key: string, side: Side, write: Write, onStored?: (event: RemoteEvent) => void): void {
  ctx.writes.push({
    side,
    phase: ctx.links.get(key)?.kind === 'occurrence' ? 2 : 1,
    title: write.event.title,
    key,
    build: () => {
      const link = ctx.links.get(key);
      if (!link) return null;
      const ref = link[side];
      const series = link.series ? ctx.links.get(link.series) : undefined;
      // Occurrences of a series mirrored as a series are addressed through the series; the
      // separate events that mirror an expanded series are ordinary events.
      if (link.kind === 'occurrence' && !(link.expanded && side === mirrorSideOf(link))) {
        const seriesId = series?.[side]?.id;
        if (!seriesId || !link.originalStart) return null;
        return {
          op: 'update-occurrence',
          ref: key,
          seriesId,
          originalStart: occurrenceStart(link, series),
          ...(ref ? { id: ref.id, version: latestVersion(ctx, key, side) ?? ref.version } : {}),
          event: write.event,
          changed: write.changed,
        };
      }
      if (!ref) return null;
      return { op: 'update', ref: key, id: ref.id, version: latestVersion(ctx, key, side) ?? ref.version, event: write.event, changed: write.changed };
    },
    onDone: (event) => {
      const link = ctx.links.get(key);
      if (!link || !event?.event) return;
      if (onStored) onStored(event);
      else {
        ctx.links.put(withRef(link, side, refOf(event), event.event, ctx.now));
        // Our write's result is now the latest this run knows of that side.
        ctx.observed[side].set(key, event);
      }
      ctx.report.updated[side]++;
      // The series' exceptions may take the master's new values (and after a re-timing, Outlook
      // drops them): its occurrences are aligned again.
      if (link.kind === 'series' && !link.expanded) ctx.align.add(key);
      const written = ctx.links.get(key);
      if (side === 'outlook' && written && link.kind === 'series' && !link.expanded && write.changed.some((field) => RESHAPING.has(field))) ctx.links.put(flagWritten(ctx, written));
    },
    onConflict: () => rereadAndReplan(ctx, key, side),
  });
}

/** Deletes one side of a link (the other side is gone or filtered); forgets the link when done. */
export function planDelete(ctx: RunContext, link: Link, side: Side, why: string): void {
  const ref = link[side];
  const snapshot = link.snapshots[side];
  if (!ref || !snapshot) {
    forget(ctx, link);
    return;
  }
  const start = 'date' in snapshot.start ? snapshot.start.date : snapshot.start.instant;
  ctx.writes.push({
    side,
    phase: 1,
    title: snapshot.title,
    key: link.key,
    deletion: { side, id: ref.id, title: snapshot.title, start },
    build: () => ({ op: 'delete', ref: link.key, id: ref.id, version: ctx.links.get(link.key)?.[side]?.version || null }),
    onDone: () => {
      ctx.history.push({ at: ctx.now, side, calendarId: calendarOf(ctx, side), id: ref.id, title: snapshot.title, start, why, event: snapshot });
      ctx.report.deleted[side]++;
      forget(ctx, link);
    },
    // Changed since we read it: the user's deletion of the counterpart still stands.
    onConflict: () => {
      const current = ctx.links.get(link.key);
      if (current) ctx.links.put({ ...current, [side]: { ...ref, version: '' } });
      planDelete(ctx, current ?? link, side, why);
      return Promise.resolve();
    },
  });
}

/** The newest version this run knows for a side (a fresh read, or our own write's result). */
function latestVersion(ctx: RunContext, key: string, side: Side): string | undefined {
  const seen = ctx.observed[side].get(key);
  return seen && seen !== 'gone' ? seen.version : undefined;
}

/** Drops a link and, for a series, the links of its occurrences. */
export function forget(ctx: RunContext, link: Link): void {
  ctx.links.delete(link.key);
  if (link.kind === 'series') for (const occurrence of ctx.links.occurrencesOf(link.key)) ctx.links.delete(occurrence.key);
}

/** The occurrence's original start as an EventTime of its series (zone from the series). */
export function occurrenceStart(link: Link, series: Link | undefined): EventTime {
  const key = link.originalStart ?? '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(key)) return { date: key };
  const seriesStart = series?.snapshots.google?.start ?? series?.snapshots.outlook?.start;
  const zone = seriesStart && 'zone' in seriesStart ? seriesStart.zone : 'UTC';
  return { instant: key, zone };
}

async function rereadAndReplan(ctx: RunContext, key: string, side: Side): Promise<void> {
  const link = ctx.links.get(key);
  const ref = link?.[side];
  if (!link || !ref) return;
  const current = (await provider(ctx, side).getEvents(calendarOf(ctx, side), [ref.id], ctx.signal)).get(ref.id);
  ctx.observed[side].set(key, current ?? 'gone');
  ctx.replan.add(key);
}
