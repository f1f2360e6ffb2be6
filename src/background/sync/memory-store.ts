/** A KeyValueStore in memory: for tests, and a model of what durable stores must do. */
import type { KeyValueStore } from './ports.ts';

export class MemoryStore implements KeyValueStore {
  private readonly data = new Map<string, string>();

  get(keys: readonly string[]): Promise<Readonly<Record<string, unknown>>> {
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const raw = this.data.get(key);
      if (raw !== undefined) out[key] = JSON.parse(raw) as unknown;
    }
    return Promise.resolve(out);
  }

  scan(prefix: string): Promise<Readonly<Record<string, unknown>>> {
    const out: Record<string, unknown> = {};
    for (const [key, raw] of this.data) if (key.startsWith(prefix)) out[key] = JSON.parse(raw) as unknown;
    return Promise.resolve(out);
  }

  set(entries: Readonly<Record<string, unknown>>): Promise<void> {
    // Serialise like a real store would: callers must not rely on shared object identity.
    for (const [key, value] of Object.entries(entries)) this.data.set(key, JSON.stringify(value));
    return Promise.resolve();
  }

  remove(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.data.delete(key);
    return Promise.resolve();
  }

  /** Everything, for tests that simulate losing local state. */
  clear(): void {
    this.data.clear();
  }

  get size(): number {
    return this.data.size;
  }
}
