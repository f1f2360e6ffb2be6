/**
 * Removing a pair. The user chooses: leave the mirrors where they are (the pair's state is simply
 * forgotten; the mirrors become ordinary events), or delete them. Only mirrors are deleted —
 * never a source event — and each deletion is kept in the history with the full event, like any
 * deletion the engine makes.
 */
import { timeKey } from './canonical.ts';
import type { EngineDeps } from './context.ts';
import { otherSide, type Side } from './model.ts';
import type { PairConfig } from './pair.ts';
import type { KeyValueStore, WriteOp } from './ports.ts';
import { PairStore, type DeletionRecord, type Link } from './state.ts';

export interface UnpairResult {
  readonly deleted: Readonly<Record<Side, number>>;
  /** Mirrors that could not be deleted (the pair's state is kept so the removal can be retried). */
  readonly failed: readonly string[];
}

/** Deletes the pair's mirrors (when asked) and forgets its state. */
export async function unpair(deps: EngineDeps, store: KeyValueStore, pair: PairConfig, mirrors: 'delete' | 'keep', signal: AbortSignal): Promise<UnpairResult> {
  const pairStore = new PairStore(store, pair.id);
  const deleted = { google: 0, outlook: 0 };
  const failed: string[] = [];
  if (mirrors === 'delete') {
    const links = await pairStore.loadLinks();
    for (const side of ['google', 'outlook'] as const) {
      const targets = mirrorsOn(side, links, deps.clock.now());
      if (targets.length === 0) continue;
      const calendarId = side === 'google' ? pair.googleCalendarId : pair.outlookCalendarId;
      const ops: WriteOp[] = targets.map(({ id }) => ({ op: 'delete', ref: id, id, version: null }));
      const outcomes = await deps[side].write(calendarId, ops, signal);
      const records: DeletionRecord[] = [];
      outcomes.forEach((outcome, i) => {
        const target = targets[i];
        if (!target) return;
        if (outcome.ok) {
          deleted[side]++;
          if (target.record) records.push({ ...target.record, calendarId });
        } else failed.push(`${target.title}: ${outcome.error.message}`);
      });
      await pairStore.appendHistory(records);
    }
  }
  if (failed.length === 0) await pairStore.clear();
  return { deleted, failed };
}

interface Target {
  readonly id: string;
  readonly title: string;
  readonly record: Omit<DeletionRecord, 'calendarId'> | null;
}

/**
 * Mirror events on `side`: linked items that originate on the other side. Occurrences are deleted
 * with their series, except those of a series mirrored as separate events.
 */
function mirrorsOn(side: Side, links: readonly Link[], now: number): Target[] {
  const byKey = new Map(links.map((link) => [link.key, link]));
  const seen = new Set<string>();
  const targets: Target[] = [];
  for (const link of links) {
    if (otherSide(link.origin) !== side) continue;
    const ref = link[side];
    if (!ref || seen.has(ref.id) || link.cancelled) continue;
    if (link.kind === 'occurrence' && !(link.series && byKey.get(link.series)?.expanded)) continue;
    if (link.kind === 'series' && link.expanded) continue;
    seen.add(ref.id);
    const snapshot = link.snapshots[side];
    targets.push({
      id: ref.id,
      title: snapshot?.title ?? '',
      record: snapshot ? { at: now, side, id: ref.id, title: snapshot.title, start: timeKey(snapshot.start), why: 'pair removed with its mirrors', event: snapshot } : null,
    });
  }
  return targets;
}
