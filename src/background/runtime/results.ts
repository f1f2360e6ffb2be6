/** The engine's per-pair report, reduced to what the UI shows (plain words, an action each). */
import type { PairResult } from '../../shared/messaging/types.ts';
import type { SyncErrorKind } from '../sync/errors.ts';
import type { ItemError, PairReport } from '../sync/report.ts';
import type { KeyValueStore } from '../sync/ports.ts';

export const RESULTS_KEY = 'runtime/results';

type Action = PairResult['errors'][number]['action'];

const ACTIONS: Readonly<Record<SyncErrorKind, Action>> = {
  'auth-required': 'sign-in',
  'rate-limited': 'retry',
  network: 'retry',
  server: 'retry',
  'cursor-expired': 'retry',
  conflict: 'retry',
  cancelled: null,
  'not-found': 'check-settings',
  forbidden: 'check-settings',
  invalid: 'check-settings',
  'malformed-response': 'retry',
};

const SIDE_NAMES = { google: 'Google', outlook: 'Outlook' } as const;

export function toResult(report: PairReport, finishedAt: number): PairResult {
  return {
    pairId: report.pairId,
    finishedAt,
    ok: report.errors.length === 0 && report.paused === null,
    created: report.created,
    updated: report.updated,
    deleted: report.deleted,
    conflicts: report.conflicts,
    skipped: report.skipped.length,
    errors: report.errors.map(describeError),
    paused: report.paused?.message ?? null,
    pending: (report.paused?.deletions ?? []).map(({ side, title, start }) => ({ side, title, start })),
  };
}

/** A pair whose run could not even start (storage unreadable, a bug): one error, nothing done. */
export function failedResult(pairId: string, finishedAt: number, message: string, action: Action): PairResult {
  const zero = { google: 0, outlook: 0 };
  return { pairId, finishedAt, ok: false, created: zero, updated: zero, deleted: zero, conflicts: 0, skipped: 0, errors: [{ message, action }], paused: null, pending: [] };
}

function describeError(error: ItemError): PairResult['errors'][number] {
  const where = error.title ? `${SIDE_NAMES[error.side]}, "${error.title}"` : SIDE_NAMES[error.side];
  const action = error.kind ? ACTIONS[error.kind] : error.transient ? 'retry' : null;
  return { message: `${where}: ${error.message}`, action };
}

export async function loadResults(store: KeyValueStore): Promise<Record<string, PairResult>> {
  const saved = (await store.get([RESULTS_KEY]))[RESULTS_KEY];
  return typeof saved === 'object' && saved !== null ? (saved as Record<string, PairResult>) : {};
}

export async function saveResult(store: KeyValueStore, result: PairResult): Promise<void> {
  const results = await loadResults(store);
  results[result.pairId] = result;
  await store.set({ [RESULTS_KEY]: results });
}

export async function forgetResult(store: KeyValueStore, pairId: string): Promise<void> {
  const results = await loadResults(store);
  delete results[pairId];
  await store.set({ [RESULTS_KEY]: results });
}
