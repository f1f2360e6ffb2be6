/**
 * The engine's state (links, cursors, history) in IndexedDB: it grows with the calendars (a few
 * hundred bytes per event), beyond what chrome.storage.local holds without the unlimitedStorage
 * permission. IndexedDB belongs to the extension's origin, so no page or content script can read
 * it. Each set or remove is one transaction, so several keys change atomically.
 */
import type { KeyValueStore } from '../sync/ports.ts';
import { StorageFullError } from './storage-errors.ts';

const STORE = 'kv';

export class IdbStore implements KeyValueStore {
  private db: Promise<IDBDatabase> | null = null;

  constructor(
    private readonly name: string,
    private readonly factory: IDBFactory = indexedDB,
  ) {}

  async get(keys: readonly string[]): Promise<Readonly<Record<string, unknown>>> {
    const values = await this.run('readonly', (store) => keys.map((key) => store.get(key)));
    const result: Record<string, unknown> = {};
    keys.forEach((key, i) => {
      if (values[i] !== undefined) result[key] = values[i];
    });
    return result;
  }

  async scan(prefix: string): Promise<Readonly<Record<string, unknown>>> {
    const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
    const [keys, values] = (await this.run('readonly', (store) => [store.getAllKeys(range), store.getAll(range)])) as [string[], unknown[]];
    return Object.fromEntries(keys.map((key, i) => [key, values[i]]));
  }

  async set(entries: Readonly<Record<string, unknown>>): Promise<void> {
    await this.run('readwrite', (store) => Object.entries(entries).map(([key, value]) => store.put(value, key)));
  }

  async remove(keys: readonly string[]): Promise<void> {
    await this.run('readwrite', (store) => keys.map((key) => store.delete(key)));
  }

  /** Removes every entry (used by "forget everything"). */
  async clear(): Promise<void> {
    await this.run('readwrite', (store) => [store.clear()]);
  }

  close(): void {
    void this.db?.then((db) => db.close());
    this.db = null;
  }

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const request = this.factory.open(this.name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(storageError(request.error, 'open the state database'));
      request.onblocked = () => reject(new Error('The state database is blocked by another open copy of Tandem. Close other Tandem pages and try again.'));
    });
    return this.db;
  }

  /** One transaction; resolves with the requests' results once it has committed. */
  private async run(mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest[]): Promise<unknown[]> {
    const db = await this.open();
    return new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const requests = body(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(requests.map((r) => r.result as unknown));
      tx.onerror = () => reject(storageError(tx.error, mode === 'readwrite' ? 'save the sync state' : 'read the sync state'));
      tx.onabort = () => reject(storageError(tx.error, 'save the sync state'));
    });
  }
}

function storageError(error: DOMException | null, doing: string): Error {
  if (error?.name === 'QuotaExceededError') return new StorageFullError(`The browser's storage is full: could not ${doing}. Free disk space or remove a pair.`);
  return new Error(`Could not ${doing}: ${error?.message ?? 'unknown storage error'}`);
}
