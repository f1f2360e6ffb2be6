/**
 * Runs syncs in the extension: one at a time (in memory, and across worker restarts through the
 * lease), every pair in turn, with progress broadcast to open pages and results kept for the
 * popup. The engine checkpoints as it goes (a cursor moves only after its pages are applied; each
 * acknowledged write is recorded with its link), so a run killed at any point is simply run
 * again: idempotent writes make the retry create no duplicate.
 */
import type { Logger } from '../../shared/logger.ts';
import type { SyncProgress, SyncState } from '../../shared/messaging/types.ts';
import type { PairConfig } from '../../shared/pair.ts';
import type { EngineDeps } from '../sync/context.ts';
import type { Clock, KeyValueStore } from '../sync/ports.ts';
import type { PairReport } from '../sync/report.ts';
import { syncPair } from '../sync/run.ts';
import type { Lease } from './lease.ts';
import { failedResult, loadResults, saveResult, toResult } from './results.ts';
import type { Scheduler } from './schedule.ts';
import type { SettingsStore } from './settings.ts';

export type Trigger = 'alarm' | 'startup' | 'user';

/** The user's answer to a paused pair (for the pair named in the run only). */
export interface PauseAnswer {
  readonly confirm?: boolean;
  readonly keep?: boolean;
}

export interface SyncServiceDeps {
  readonly local: KeyValueStore;
  /** Where the engine keeps links and cursors (IndexedDB in the extension). */
  readonly state: KeyValueStore;
  readonly settings: SettingsStore;
  readonly engine: () => EngineDeps;
  readonly lease: Lease;
  readonly scheduler: Scheduler;
  readonly clock: Clock;
  readonly log: Logger;
  readonly onReport?: (report: PairReport) => Promise<void>;
  /** Tells open pages (popup, options) the state changed. */
  readonly broadcast: (state: SyncState) => void;
}

export class SyncService {
  private current: Promise<void> | null = null;
  private controller: AbortController | null = null;
  private progress: SyncProgress | null = null;
  private lastBroadcast = 0;

  constructor(private readonly deps: SyncServiceDeps) {}

  async state(): Promise<SyncState> {
    return {
      running: this.current !== null,
      progress: this.progress,
      results: await loadResults(this.deps.local),
      nextRunAt: await this.deps.scheduler.next(),
    };
  }

  /**
   * Starts a run unless one is going; resolves when it (or the one already going) has finished.
   * `confirm` approves the deletions a paused pair is waiting on; `keep` declines them.
   */
  run(trigger: Trigger, pairId: string | null = null, answer: PauseAnswer = {}): Promise<void> {
    this.current ??= this.runExclusive(trigger, pairId, answer).finally(() => {
      this.current = null;
      this.controller = null;
      this.progress = null;
      void this.announce(true);
    });
    return this.current;
  }

  /**
   * On wake: a lease left by a worker that died mid-run means work is unfinished. The alarm is
   * set for just after that lease lapses, rather than waiting for the next regular run.
   */
  async resumeInterrupted(): Promise<void> {
    const orphan = await this.deps.lease.orphan();
    if (!orphan) return;
    this.deps.log.info?.('a sync was interrupted; resuming after its lease lapses', { expiresAt: orphan.expiresAt });
    await this.deps.scheduler.retryAt(Math.max(orphan.expiresAt, this.deps.clock.now()) + 1_000);
  }

  /** Resolves once no run is going (a run already going is not cancelled). */
  async idle(): Promise<void> {
    while (this.current) await this.current;
  }

  cancel(): void {
    this.controller?.abort(new Error('Cancelled by the user.'));
  }

  private async runExclusive(trigger: Trigger, pairId: string | null, answer: PauseAnswer): Promise<void> {
    const { lease, scheduler, settings, clock, log } = this.deps;
    const attempt = await lease.acquire();
    if (!attempt.acquired) {
      // A previous worker died mid-run; its lease lapses soon, and the alarm retries then.
      log.info?.('sync deferred: lease held', { heldUntil: attempt.heldUntil, trigger });
      await scheduler.retryAt(attempt.heldUntil + 1_000);
      return;
    }
    this.controller = new AbortController();
    try {
      const pairs = (await settings.pairs()).filter((p) => pairId === null || p.id === pairId);
      log.info?.('sync started', { trigger, pairs: pairs.length });
      for (const pair of pairs) {
        if (this.controller.signal.aborted) break;
        await this.runPair(pair, pair.id === pairId ? answer : {});
      }
    } finally {
      await lease.release().catch((error: unknown) => log.warn?.('could not release the sync lease', { error: String(error) }));
      const { syncIntervalMinutes } = await settings.settings();
      // A run of every pair restarts the wait; a run of one pair (a nudge, an answer to a pause)
      // must not postpone the others' regular run, nor drop a backstop set for a nudge.
      if (pairId === null) await scheduler.scheduleAfterRun(clock.now(), syncIntervalMinutes);
      else await scheduler.ensure(clock.now(), syncIntervalMinutes);
    }
  }

  private async runPair(pair: PairConfig, answer: PauseAnswer): Promise<void> {
    const { clock, local, state, lease, log } = this.deps;
    const signal = (this.controller ?? new AbortController()).signal;
    try {
      const report = await syncPair(this.deps.engine(), state, pair, {
        signal,
        ...(answer.confirm ? { confirmDeletions: true } : {}),
        ...(answer.keep ? { keepPaused: true } : {}),
        onProgress: (progress) => {
          this.progress = { pairId: progress.pairId, phase: progress.phase, done: progress.done, total: progress.total };
          void this.announce(false);
          void lease.renew().catch(() => undefined);
        },
      });
      // A run the user cancelled says nothing new about the pair: the previous result stands.
      if (signal.aborted) return;
      await saveResult(local, toResult(report, clock.now()));
      await this.deps.onReport?.(report).catch((error: unknown) => log.warn?.('could not record the report for the badges', { error: String(error) }));
    } catch (error) {
      // The engine returns expected failures in its report; anything thrown here is storage
      // failing or a bug. Recorded for the popup, never swallowed.
      log.error?.('sync of a pair failed', { pair: pair.id, error: String(error) });
      const message = error instanceof Error ? error.message : String(error);
      await saveResult(local, failedResult(pair.id, clock.now(), message, 'retry')).catch(() => undefined);
    }
  }

  /** Broadcasts at most every 250 ms while running (progress can tick per item), always at the end. */
  private async announce(force: boolean): Promise<void> {
    const now = this.deps.clock.now();
    if (!force && now - this.lastBroadcast < 250) return;
    this.lastBroadcast = now;
    this.deps.broadcast(await this.state());
  }
}
