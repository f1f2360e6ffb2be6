import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { IdbStore } from '../../../src/background/runtime/idb-store.ts';

describe('IndexedDB state store', () => {
  it('gets, scans by prefix, sets and removes several keys at once', async () => {
    const store = new IdbStore('t1', new IDBFactory());
    await store.set({ 'tandem/pair/a/link/1': { n: 1 }, 'tandem/pair/a/link/2': { n: 2 }, 'tandem/pair/b/link/1': { n: 3 }, 'tandem/pair/a/meta': { m: true } });
    expect(await store.get(['tandem/pair/a/meta', 'missing'])).toEqual({ 'tandem/pair/a/meta': { m: true } });
    expect(await store.scan('tandem/pair/a/link/')).toEqual({ 'tandem/pair/a/link/1': { n: 1 }, 'tandem/pair/a/link/2': { n: 2 } });
    await store.remove(['tandem/pair/a/link/1', 'tandem/pair/b/link/1']);
    expect(Object.keys(await store.scan('tandem/'))).toEqual(['tandem/pair/a/link/2', 'tandem/pair/a/meta']);
    await store.clear();
    expect(await store.scan('')).toEqual({});
  });

  it('keeps its data across instances (a restarted worker)', async () => {
    const factory = new IDBFactory();
    const first = new IdbStore('t2', factory);
    await first.set({ cursor: 'abc' });
    first.close();
    expect(await new IdbStore('t2', factory).get(['cursor'])).toEqual({ cursor: 'abc' });
  });
});
