/**
 * A durable KeyValueStore for the headless runner: an append-only journal of JSON lines
 * (`{"set":{…}}` / `{"remove":[…]}`) replayed on open and compacted into a fresh file when it has
 * grown. Each `set`/`remove` is one line, appended and flushed before it resolves, so a process
 * killed mid-run leaves every acknowledged write on disk and at worst a torn last line, which is
 * ignored.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { KeyValueStore } from '../background/sync/ports.ts';

const COMPACT_AFTER_LINES = 2_000;

export class FileStore implements KeyValueStore {
  private readonly data = new Map<string, string>();
  private readonly file: string;
  private lines = 0;

  constructor(directory: string) {
    mkdirSync(directory, { recursive: true });
    this.file = path.join(directory, 'state.jsonl');
    if (existsSync(this.file)) this.replay(readFileSync(this.file, 'utf8'));
  }

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
    const serialised = Object.entries(entries).map(([key, value]) => [key, JSON.stringify(value)] as const);
    this.append({ set: Object.fromEntries(serialised.map(([key, raw]) => [key, JSON.parse(raw) as unknown])) });
    for (const [key, raw] of serialised) this.data.set(key, raw);
    return Promise.resolve();
  }

  remove(keys: readonly string[]): Promise<void> {
    this.append({ remove: keys });
    for (const key of keys) this.data.delete(key);
    return Promise.resolve();
  }

  /** Rewrites the journal as one line per key (atomically, via rename). */
  compact(): void {
    const temporary = `${this.file}.tmp`;
    const body = [...this.data].map(([key, raw]) => `{"set":{${JSON.stringify(key)}:${raw}}}`).join('\n');
    writeFileSync(temporary, body ? `${body}\n` : '');
    renameSync(temporary, this.file);
    this.lines = this.data.size;
  }

  private append(entry: { set: Record<string, unknown> } | { remove: readonly string[] }): void {
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
    if (++this.lines > COMPACT_AFTER_LINES + this.data.size) this.compact();
  }

  private replay(text: string): void {
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let entry: { set?: Record<string, unknown>; remove?: string[] };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        continue; // a line torn by a crash mid-append
      }
      for (const [key, value] of Object.entries(entry.set ?? {})) this.data.set(key, JSON.stringify(value));
      for (const key of entry.remove ?? []) this.data.delete(key);
      this.lines++;
    }
  }
}
