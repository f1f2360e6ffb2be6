/**
 * What the merge and the deletion guard did, for the popup's activity list: conflicts resolved
 * (with the losing values) and deletions made (with undo).
 */
import type { Activity, ConflictView, DeletionView } from '../../shared/messaging/types.ts';
import type { PairConfig } from '../../shared/pair.ts';
import type { KeyValueStore } from '../sync/ports.ts';
import { PairStore, type DeletionRecord } from '../sync/state.ts';

export const UNDONE_KEY = 'runtime/undone';
const SHOWN = 100;

/** A deletion record's stable id: when, where and what. */
export function deletionId(record: DeletionRecord): string {
  return `${record.at}:${record.side}:${record.id}`;
}

export async function loadActivity(state: KeyValueStore, local: KeyValueStore, pairs: readonly PairConfig[]): Promise<Activity> {
  const undone = await undoneIds(local);
  const conflicts: ConflictView[] = [];
  const deletions: DeletionView[] = [];
  for (const pair of pairs) {
    const store = new PairStore(state, pair.id);
    for (const c of await store.conflicts()) {
      conflicts.push({ pairId: pair.id, at: c.at, title: c.title, field: c.field, winner: c.winner, losingValue: asText(c.losingValue) });
    }
    for (const d of await store.history()) {
      const id = deletionId(d);
      deletions.push({ pairId: pair.id, id, at: d.at, side: d.side, title: d.title, start: d.start, why: d.why, undone: undone.has(id) });
    }
  }
  const newestFirst = (a: { at: number }, b: { at: number }): number => b.at - a.at;
  return { conflicts: conflicts.sort(newestFirst).slice(0, SHOWN), deletions: deletions.sort(newestFirst).slice(0, SHOWN) };
}

export async function undoneIds(local: KeyValueStore): Promise<Set<string>> {
  const saved = (await local.get([UNDONE_KEY]))[UNDONE_KEY];
  return new Set(Array.isArray(saved) ? (saved as string[]) : []);
}

export async function markUndone(local: KeyValueStore, id: string): Promise<void> {
  const ids = [...(await undoneIds(local)), id].slice(-1000);
  await local.set({ [UNDONE_KEY]: ids });
}

export async function findDeletion(state: KeyValueStore, pairId: string, id: string): Promise<DeletionRecord | null> {
  return (await new PairStore(state, pairId).history()).find((d) => deletionId(d) === id) ?? null;
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return '(empty)';
  if (typeof value === 'string') return value || '(empty)';
  if (typeof value === 'object' && 'instant' in value) return String((value as { instant: string }).instant);
  if (typeof value === 'object' && 'date' in value) return String((value as { date: string }).date);
  return JSON.stringify(value);
}
