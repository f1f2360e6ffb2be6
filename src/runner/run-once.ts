/**
 * One run of every configured pair with the real adapters, as the runner's `--once` does it.
 * Returns the contract's JSON result.
 */
import { GoogleCalendarProvider } from '../background/providers/google/index.ts';
import { GraphCalendarProvider } from '../background/providers/graph/index.ts';
import { syncPair, type Progress } from '../background/sync/run.ts';
import type { PairReport } from '../background/sync/report.ts';
import { systemClock } from '../background/sync/system-clock.ts';
import type { Clock, KeyValueStore } from '../background/sync/ports.ts';
import type { Logger } from '../shared/logger.ts';
import type { RunnerConfig } from './config.ts';
import { countingFetch, StaticTokenSource } from './tokens.ts';

export interface PairResult {
  readonly google: string;
  readonly outlook: string;
  readonly created: PairReport['created'];
  readonly updated: PairReport['updated'];
  readonly deleted: PairReport['deleted'];
  readonly conflicts: number;
  readonly paused: string | null;
  readonly errors: readonly string[];
}

export interface RunResult {
  readonly ok: boolean;
  readonly pairs: readonly PairResult[];
  readonly requests: { readonly google: number; readonly graph: number };
}

export interface RunOnceOptions {
  readonly store: KeyValueStore;
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly onProgress?: (progress: Progress) => void;
  /** The user approved the deletions paused pairs are waiting on (`--confirm-deletions`). */
  readonly confirmDeletions?: boolean;
}

export async function runOnce(config: RunnerConfig, options: RunOnceOptions): Promise<RunResult> {
  const clock = options.clock ?? systemClock;
  const counts = { google: { count: 0 }, graph: { count: 0 } };
  const common = { clock, ...(options.logger ? { logger: options.logger } : {}) };
  const google = new GoogleCalendarProvider({ ...common, baseUrl: config.googleApi, tokens: new StaticTokenSource(config.googleToken, 'TANDEM_GOOGLE_TOKEN'), fetch: countingFetch(counts.google) });
  const outlook = new GraphCalendarProvider({ ...common, baseUrl: config.graphApi, tokens: new StaticTokenSource(config.msToken, 'TANDEM_MS_TOKEN'), fetch: countingFetch(counts.graph) });
  const pairs: PairResult[] = [];
  for (const pair of config.pairs) {
    const base = { google: pair.googleCalendarId, outlook: pair.outlookCalendarId };
    try {
      const report = await syncPair({ google, outlook, ...common }, options.store, pair, {
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ...(options.confirmDeletions ? { confirmDeletions: true } : {}),
      });
      pairs.push({
        ...base,
        created: report.created,
        updated: report.updated,
        deleted: report.deleted,
        conflicts: report.conflicts,
        paused: report.paused?.message ?? null,
        errors: report.errors.map((e) => `${e.side}: ${e.title ? `"${e.title}": ` : ''}${e.message}`),
      });
    } catch (error) {
      const zero = { google: 0, outlook: 0 };
      pairs.push({ ...base, created: zero, updated: zero, deleted: zero, conflicts: 0, paused: null, errors: [(error as Error).message] });
    }
  }
  return {
    ok: pairs.every((p) => p.errors.length === 0 && p.paused === null),
    pairs,
    requests: { google: counts.google.count, graph: counts.graph.count },
  };
}
