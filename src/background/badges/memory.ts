/**
 * What the sync reports say about items that have no link: events a filter excluded, and events a
 * write failed for. Incremental runs only report what changed, so exclusions are remembered (per
 * pair, under the pair's own state prefix, so removing the pair forgets them too); item errors are
 * replaced by each run's.
 */
import type { Side } from '../sync/model.ts';
import type { KeyValueStore } from '../sync/ports.ts';
import type { PairReport } from '../sync/report.ts';

export interface BadgeMemory {
  /** [side, id, reason], oldest first. */
  readonly excluded: readonly (readonly [Side, string, string])[];
  /** [side, id] of items the last run could not write. */
  readonly errors: readonly (readonly [Side, string])[];
}

export const EMPTY_MEMORY: BadgeMemory = { excluded: [], errors: [] };

/** Remembered exclusions per pair, at most (the oldest are forgotten first). */
const EXCLUDED_LIMIT = 5_000;

export function memoryKey(pairId: string): string {
  return `tandem/pair/${pairId}/badges`;
}

export async function loadMemory(store: KeyValueStore, pairId: string): Promise<BadgeMemory> {
  const key = memoryKey(pairId);
  const saved = (await store.get([key]))[key];
  return isMemory(saved) ? saved : EMPTY_MEMORY;
}

/** Folds one run's report into the pair's memory. */
export async function recordReport(store: KeyValueStore, report: PairReport): Promise<void> {
  const before = await loadMemory(store, report.pairId);
  const excluded = new Map<string, readonly [Side, string, string]>();
  for (const item of before.excluded) excluded.set(`${item[0]}|${item[1]}`, item);
  for (const item of report.skipped) {
    const key = `${item.side}|${item.id}`;
    excluded.delete(key);
    excluded.set(key, [item.side, item.id, item.reason]);
  }
  const errors = report.errors.flatMap((e): (readonly [Side, string])[] => (e.id ? [[e.side, e.id]] : []));
  const next: BadgeMemory = { excluded: [...excluded.values()].slice(-EXCLUDED_LIMIT), errors };
  if (next.excluded.length === 0 && next.errors.length === 0 && before === EMPTY_MEMORY) return;
  await store.set({ [memoryKey(report.pairId)]: next });
}

function isMemory(value: unknown): value is BadgeMemory {
  if (typeof value !== 'object' || value === null) return false;
  const { excluded, errors } = value as Record<string, unknown>;
  return Array.isArray(excluded) && Array.isArray(errors);
}
