/**
 * A KeyValueStore over a chrome.storage area (settings, pairs, results, the lease: small things
 * the runtime reads on every wake). Quota errors become StorageFullError with a plain message.
 */
import type { KeyValueStore } from '../sync/ports.ts';
import { isQuotaMessage, StorageFullError } from './storage-errors.ts';

/** The part of chrome.storage.StorageArea the runtime uses (the seam provides it). */
export interface StorageAreaLike {
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export class AreaStore implements KeyValueStore {
  constructor(private readonly area: StorageAreaLike) {}

  async get(keys: readonly string[]): Promise<Readonly<Record<string, unknown>>> {
    if (keys.length === 0) return {};
    return this.area.get([...keys]);
  }

  async scan(prefix: string): Promise<Readonly<Record<string, unknown>>> {
    const all = await this.area.get(null);
    return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith(prefix)));
  }

  async set(entries: Readonly<Record<string, unknown>>): Promise<void> {
    try {
      await this.area.set({ ...entries });
    } catch (error) {
      if (isQuotaMessage(error)) throw new StorageFullError('Extension storage is full: the settings could not be saved. Remove unused pairs or clear the activity history.');
      throw error;
    }
  }

  async remove(keys: readonly string[]): Promise<void> {
    if (keys.length > 0) await this.area.remove([...keys]);
  }
}
