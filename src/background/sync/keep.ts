/**
 * The user's "keep" answer to a paused pair: nothing the paused run wanted to delete is deleted,
 * and what vanished comes back, so both calendars show the events again, each in its old role.
 *
 * - A vanished mirror is made again from its source as the source reads now: a new mirror with
 *   its marker, as a new source event would get.
 * - A vanished source is made again from its last snapshot as an ordinary event (no marker), and
 *   the surviving mirror's marker is pointed at the new id, so re-linking after lost state still
 *   finds the pair. The link keeps its origin, under the new source id.
 *
 * Only what the service confirms gone (404 / deleted) is made again: a calendar that merely read
 * empty gets nothing twice. Creates use keys derived from the vanished event, so a run killed
 * between a write and saving it finds the first write again; a link changes only once every write
 * of its restore succeeded, and the run goes on to the ordinary sync only when every restore is
 * done (else the answer stays stored and the next run finishes it). No deletion is recorded.
 */
import { alignOccurrences } from './align.ts';
import { calendarOf, linkKey, mirrorKey, mirrorSideOf, provider, refOf, withRef, type PlannedWrite, type RunContext } from './context.ts';
import { planCreate } from './create.ts';
import { executePhase, type ExecuteHooks } from './execute.ts';
import { replayOccurrences } from './keep-series.ts';
import { otherSide, type Side } from './model.ts';
import type { MirrorMarker, RemoteEvent } from './ports.ts';
import type { Link, PairMeta, PauseState } from './state.ts';
import { forget } from './writes.ts';

const SIDES: readonly Side[] = ['google', 'outlook'];

/** The pause this run keeps: asked for now, or answered earlier and not finished yet. */
export function pauseToKeep(meta: PairMeta, keepPaused: boolean | undefined): PauseState | null {
  if (!meta.paused || (!keepPaused && meta.paused.answer !== 'keep')) return null;
  return { ...meta.paused, answer: 'keep' };
}

/** Brings back what vanished. False when some restore did not complete this run. */
export async function restoreVanished(ctx: RunContext, paused: PauseState, hooks: ExecuteHooks): Promise<boolean> {
  const pending = new Set<string>();
  for (const side of SIDES) {
    const gone = await confirmedGone(ctx, side, candidates(ctx, paused, side));
    if (gone.length === 0) continue;
    const survivorSide = otherSide(side);
    const survivors = await provider(ctx, survivorSide).getEvents(calendarOf(ctx, survivorSide), gone.map((l) => l[survivorSide]?.id ?? ''), ctx.signal);
    for (const link of gone) {
      const survivor = survivors.get(link[survivorSide]?.id ?? '');
      // Gone on both sides: the ordinary sync forgets the link.
      if (!survivor?.event || survivor.cancelled) continue;
      const done = (): void => {
        pending.delete(link.key);
      };
      if (restore(ctx, link, side, survivor, done)) pending.add(link.key);
      // Cannot be made again (read-only calendar, expanded series): the survivor stays as it is.
      else forget(ctx, link);
    }
  }
  if (pending.size === 0) return true;
  await executePhase(ctx, 1, hooks);
  // Restored series get their occurrences right away, before anything else is planned.
  await alignOccurrences(ctx);
  ctx.align.clear();
  await executePhase(ctx, 2, hooks);
  return pending.size === 0;
}

/** Deletions the kept pause covers are not made, whatever the sync planned for them. */
export function dropKeptDeletions(ctx: RunContext, paused: PauseState): void {
  const listed = new Set(paused.deletions.map((d) => `${d.side}|${d.id}`));
  const covered = ({ deletion }: PlannedWrite): boolean => {
    if (!deletion) return false;
    if (paused.reason === 'empty-calendar') return deletion.side !== paused.side;
    return listed.has(`${deletion.side}|${deletion.id}`);
  };
  const rest = ctx.writes.filter((write) => !covered(write));
  ctx.writes.length = 0;
  ctx.writes.push(...rest);
}

/** Links whose `side` may have vanished: the counterparts of the listed deletions, or everything in the empty calendar. */
function candidates(ctx: RunContext, paused: PauseState, side: Side): Link[] {
  const addressable = (link: Link): boolean => link[side] !== null && (link.kind !== 'occurrence' || (link.expanded === true && side !== link.origin));
  if (paused.reason === 'empty-calendar') {
    return paused.side === undefined || paused.side === side ? [...ctx.links.all()].filter(addressable) : [];
  }
  const survivorSide = otherSide(side);
  const links = paused.deletions.filter((d) => d.side === survivorSide).map((d) => ctx.links.bySide(survivorSide, d.id));
  return [...new Map(links.flatMap((l) => (l && addressable(l) ? [[l.key, l] as const] : []))).values()];
}

/** The links whose `side` the service answers is gone; anything it still has is left alone. */
async function confirmedGone(ctx: RunContext, side: Side, links: readonly Link[]): Promise<Link[]> {
  if (links.length === 0) return [];
  const current = await provider(ctx, side).getEvents(calendarOf(ctx, side), links.map((l) => l[side]?.id ?? ''), ctx.signal);
  return links.filter((link) => {
    const now = current.get(link[side]?.id ?? '');
    return now === null || now?.cancelled === true;
  });
}

function restore(ctx: RunContext, link: Link, side: Side, survivor: RemoteEvent, done: () => void): boolean {
  if (ctx.readOnly[side]) return false;
  return side === link.origin ? restoreSource(ctx, link, survivor, done) : restoreMirror(ctx, link, survivor, done);
}

/** A new mirror of the surviving source, in the vanished mirror's place. */
function restoreMirror(ctx: RunContext, link: Link, source: RemoteEvent, done: () => void): boolean {
  if (link.kind === 'series' && link.expanded) return false;
  const sourceSide = link.origin;
  const target = mirrorSideOf(link);
  const current = source.event;
  if (!current) return false;
  const event = link.kind === 'occurrence' ? { ...current, recurrence: null } : current;
  // The old mirror series' occurrences went with it; aligning the new one links them afresh.
  for (const occurrence of ctx.links.occurrencesOf(link.key)) ctx.links.delete(occurrence.key);
  planCreate(ctx, {
    target,
    key: `${mirrorKey(ctx, sourceSide, source.id)}|keep|${link[target]?.id ?? ''}`,
    source: { ...source, shape: link.kind === 'series' ? 'master' : 'single', event },
    sourceSide,
    link: (mirror) => {
      done();
      return withRef(withRef(link, sourceSide, refOf(source), event, ctx.now), target, refOf(mirror), mirror.event ?? null, ctx.now);
    },
  });
  return true;
}

/** The source again, as the user's own event, from its last snapshot; then the mirror's marker follows it. */
function restoreSource(ctx: RunContext, link: Link, mirror: RemoteEvent, done: () => void): boolean {
  const side = link.origin;
  const content = link.snapshots[side];
  const vanished = link[side];
  if (!content || !vanished || link.expanded || link.kind === 'occurrence') return false;
  const key = `keep|${ctx.pair.id}|${side}|${vanished.id}`;
  ctx.writes.push({
    side,
    phase: 1,
    title: content.title,
    build: () => ({ op: 'create', ref: key, key, event: content, marker: null }),
    onDone: (restored, adopted) => {
      if (!restored?.event) return;
      if (!adopted) ctx.report.created[side]++;
      repointMarker(ctx, link, restored, mirror, done);
    },
  });
  return true;
}

/**
 * Points the surviving mirror at the restored source, then moves the link to the new id. The
 * mirror's stored version and snapshot stay as they were, so an edit made to it meanwhile is
 * still seen, and carried, by the next sync.
 */
function repointMarker(ctx: RunContext, link: Link, restored: RemoteEvent, mirror: RemoteEvent, done: () => void): void {
  const side = link.origin;
  const marker: MirrorMarker = { pair: ctx.pair.id, sourceSide: side, sourceCalendar: calendarOf(ctx, side), sourceId: restored.id };
  const event = mirror.event;
  if (!event) return;
  ctx.writes.push({
    side: otherSide(side),
    phase: 1,
    title: event.title,
    build: () => ({ op: 'update', ref: link.key, id: mirror.id, version: '', event, changed: [], marker }),
    onDone: () => {
      // The restored event is the user's own now, whoever organised the one that vanished.
      const { sourceReadOnly: _sourceReadOnly, ...rest } = link;
      const next = withRef({ ...rest, key: linkKey(side, restored.id) }, side, refOf(restored), restored.event ?? null, ctx.now);
      ctx.links.delete(link.key);
      ctx.links.put(next);
      if (link.kind === 'series') replayOccurrences(ctx, link, next);
      done();
    },
  });
}
