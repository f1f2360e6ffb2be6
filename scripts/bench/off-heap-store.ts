/**
 * The bench's KeyValueStore for Tandem: values kept as JSON in Buffers, outside the V8 heap, the
 * way the extension's IndexedDB keeps them outside the service worker's heap. The heap figures
 * are then the engine's working set, not its database; `bytes` is the database's size.
 */
import type { KeyValueStore } from '../../src/background/sync/ports.ts';

export class OffHeapStore implements KeyValueStore {
  private readonly data = new Map<string, Buffer>();

  get bytes(): number {
    let total = 0;
    for (const [key, value] of this.data) total += key.length + value.length;
    return total;
  }

  get(keys: readonly string[]): Promise<Readonly<Record<string, unknown>>> {
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const value = this.data.get(key);
      if (value !== undefined) out[key] = JSON.parse(value.toString('utf8')) as unknown;
    }
    return Promise.resolve(out);
  }

  scan(prefix: string): Promise<Readonly<Record<string, unknown>>> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of this.data) if (key.startsWith(prefix)) out[key] = JSON.parse(value.toString('utf8')) as unknown;
    return Promise.resolve(out);
  }

  set(entries: Readonly<Record<string, unknown>>): Promise<void> {
    for (const [key, value] of Object.entries(entries)) this.data.set(key, Buffer.from(JSON.stringify(value), 'utf8'));
    return Promise.resolve();
  }

  remove(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.data.delete(key);
    return Promise.resolve();
  }
}
