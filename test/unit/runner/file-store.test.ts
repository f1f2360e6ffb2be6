import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStore } from '../../../src/runner/file-store.ts';

const dir = () => mkdtempSync(path.join(tmpdir(), 'tandem-store-'));

describe('FileStore', () => {
  it('keeps what was set and removed across reopening', async () => {
    const folder = dir();
    const store = new FileStore(folder);
    await store.set({ 'a/1': { x: 1 }, 'a/2': [1, 2], b: 'text' });
    await store.remove(['a/2']);
    await store.set({ 'a/1': { x: 2 } });
    const reopened = new FileStore(folder);
    expect(await reopened.get(['a/1', 'a/2', 'b'])).toEqual({ 'a/1': { x: 2 }, b: 'text' });
    expect(await reopened.scan('a/')).toEqual({ 'a/1': { x: 2 } });
  });

  it('ignores a line torn by a crash in the middle of an append', async () => {
    const folder = dir();
    await new FileStore(folder).set({ kept: true });
    appendFileSync(path.join(folder, 'state.jsonl'), '{"set":{"lost":');
    expect(await new FileStore(folder).get(['kept', 'lost'])).toEqual({ kept: true });
  });

  it('compacts its journal to one line per key', async () => {
    const folder = dir();
    const store = new FileStore(folder);
    for (let i = 0; i < 50; i++) await store.set({ counter: i });
    store.compact();
    expect(readFileSync(path.join(folder, 'state.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
    expect(await new FileStore(folder).get(['counter'])).toEqual({ counter: 49 });
  });

  it('hands out copies, never its own objects', async () => {
    const store = new FileStore(dir());
    const value = { list: [1] };
    await store.set({ k: value });
    value.list.push(2);
    const read = (await store.get(['k']))['k'] as { list: number[] };
    read.list.push(3);
    expect(await store.get(['k'])).toEqual({ k: { list: [1] } });
  });
});
