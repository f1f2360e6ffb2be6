/** Creating, removing and un-pausing pairs: settings plus what the engine must do about them. */
import type { PairConfig } from '../../shared/pair.ts';
import type { EngineDeps } from '../sync/context.ts';
import type { KeyValueStore } from '../sync/ports.ts';
import { unpair } from '../sync/unpair.ts';
import { restoreDeleted } from '../sync/restore.ts';
import { findDeletion, markUndone, undoneIds } from './activity.ts';
import { forgetResult } from './results.ts';
import type { SettingsStore } from './settings.ts';
import type { SyncService } from './sync-service.ts';

export interface PairActionDeps {
  readonly settings: SettingsStore;
  readonly local: KeyValueStore;
  readonly state: KeyValueStore;
  readonly engine: () => EngineDeps;
  readonly sync: SyncService;
}

export class PairActions {
  constructor(private readonly deps: PairActionDeps) {}

  /** Saves the pair and syncs it at once, so a new pair shows its first result right away. */
  async save(pair: PairConfig): Promise<PairConfig> {
    const saved = await this.deps.settings.save(pair);
    void this.deps.sync.run('user', saved.id);
    return saved;
  }

  /**
   * Removes a pair. With `delete`, its mirrors are deleted first; if some cannot be, the pair is
   * kept (and the error says which) so that nothing is left half-removed.
   */
  async remove(pairId: string, mirrors: 'delete' | 'keep'): Promise<void> {
    const { settings, local, state } = this.deps;
    const pair = (await settings.pairs()).find((p) => p.id === pairId);
    if (!pair) throw new Error('That pair no longer exists.');
    // A run in progress would recreate what we delete: wait for it.
    await this.deps.sync.idle();
    const result = await unpair(this.deps.engine(), state, pair, mirrors, AbortSignal.timeout(120_000));
    if (result.failed.length > 0) throw new Error(`Some mirrors could not be deleted, so the pair was kept: ${result.failed.slice(0, 3).join('; ')}`);
    await settings.removePair(pairId);
    await forgetResult(local, pairId);
  }

  /** Brings back an event a sync deleted; it is then synced again like any event of its calendar. */
  async undo(pairId: string, id: string): Promise<void> {
    const pair = (await this.deps.settings.pairs()).find((p) => p.id === pairId);
    if (!pair) throw new Error('That pair no longer exists.');
    if ((await undoneIds(this.deps.local)).has(id)) throw new Error('This deletion was already undone.');
    const record = await findDeletion(this.deps.state, pairId, id);
    if (!record) throw new Error('That deletion is no longer in the history.');
    await this.deps.sync.idle();
    await restoreDeleted(this.deps.engine(), pair, record, AbortSignal.timeout(60_000));
    await markUndone(this.deps.local, id);
    void this.deps.sync.run('user', pairId);
  }

  async resolvePause(pairId: string, decision: 'confirm' | 'keep'): Promise<void> {
    await this.deps.sync.idle();
    await this.deps.sync.run('user', pairId, decision === 'confirm' ? { confirm: true } : { keep: true });
  }
}
