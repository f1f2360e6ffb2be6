/**
 * Which pairs a nudge concerns, whether it is only the echo of our own write, and which ids wait
 * for the sync it triggers. A nudge can only ever select pairs the user configured: the ids and
 * calendars in it choose among them, they never name anything to write.
 */
import type { PairConfig } from '../../shared/pair.ts';
import type { Side } from '../sync/model.ts';
import type { BadgeIndex } from './badge-index.ts';

/** A mirror written this recently showing up in its web app is our own write coming back. */
export const ECHO_MS = 30_000;
/** A change waits at most this long for its sync before its badge stops saying "pending". */
export const PENDING_MS = 120_000;

export interface NudgeTargets {
  readonly pairIds: readonly string[];
  /** Every changed item is a mirror we just wrote: nothing for the user to wait for. */
  readonly echo: boolean;
}

export function nudgeTargets(index: BadgeIndex, side: Side, calendars: readonly string[], ids: readonly string[], now: number): NudgeTargets {
  const pairIds = new Set<string>();
  let unknown = ids.length === 0;
  let echo = ids.length > 0;
  for (const id of ids) {
    const match = index.find(side, { by: 'id', id, calendar: null });
    if (!match) {
      unknown = true;
      echo = false;
      continue;
    }
    pairIds.add(match.entry.pairId);
    const { entry } = match;
    if (entry.role !== 'mirror' || entry.state !== 'synced' || entry.syncedAt === null || now - entry.syncedAt > ECHO_MS) echo = false;
  }
  if (unknown) for (const pair of index.pairs) if (concerns(pair, side, calendars)) pairIds.add(pair.id);
  return { pairIds: [...pairIds], echo };
}

/** Google nudges name their calendars; Outlook tiles do not say which calendar they are in. */
function concerns(pair: PairConfig, side: Side, calendars: readonly string[]): boolean {
  if (side === 'outlook' || calendars.length === 0) return true;
  const id = pair.googleCalendarId.toLowerCase();
  // "primary" is some address we cannot tell from here: any calendar may be it.
  return id === 'primary' || calendars.some((calendar) => calendar.toLowerCase() === id);
}

/** Ids whose change a nudged sync is about to carry, per side, with the pairs concerned. */
export class PendingChanges {
  private readonly ids = new Map<string, { readonly pairIds: Set<string>; readonly at: number }>();

  add(side: Side, ids: readonly string[], pairIds: readonly string[], now: number): void {
    for (const id of ids) this.ids.set(`${side}|${id}`, { pairIds: new Set(pairIds), at: now });
  }

  /** The pairs an id waits on, or null. */
  pairsOf(side: Side, id: string, now: number): ReadonlySet<string> | null {
    const found = this.ids.get(`${side}|${id}`);
    if (!found) return null;
    if (now - found.at > PENDING_MS) {
      this.ids.delete(`${side}|${id}`);
      return null;
    }
    return found.pairIds;
  }

  /** These pairs were synced: what waited on them is done. */
  settle(pairIds: readonly string[]): void {
    for (const [key, value] of this.ids) {
      for (const pairId of pairIds) value.pairIds.delete(pairId);
      if (value.pairIds.size === 0) this.ids.delete(key);
    }
  }
}
