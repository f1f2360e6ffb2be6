import { describe, expect, it } from 'vitest';
import { LinkIndex } from '../../../src/background/sync/link-index.ts';
import { pack, sameEntry, summaryEntry, unpack, type StoredSummary, type SummaryEntry } from '../../../src/background/sync/link-summary.ts';
import type { Link } from '../../../src/background/sync/state.ts';
import { SummaryTable } from '../../../src/background/sync/summary-table.ts';
import { event } from './fixtures.ts';

function link(key: string, kind: Link['kind'], ids: { google?: string; outlook?: string }, extra: Partial<Link> = {}): Link {
  const ref = (id: string | undefined) => (id === undefined ? null : { id, version: 'v1', modifiedAt: '2026-03-01T00:00:00Z' });
  return { key, kind, origin: 'google', google: ref(ids.google), outlook: ref(ids.outlook), snapshots: { google: event(), outlook: event() }, syncedAt: 1, ...extra };
}

const LINKS: readonly Link[] = [
  link('google:s1', 'single', { google: 's1', outlook: 'O-s1' }),
  link('google:w1', 'series', { google: 'w1', outlook: 'O-w1' }, { relistOutlook: true }),
  link('google:w1|2026-03-04T09:00:00Z', 'occurrence', { google: 'w1_20260304T090000Z', outlook: 'O-occ' }, { series: 'google:w1', originalStart: '2026-03-04T09:00:00Z' }),
  link('outlook:x1', 'series', { outlook: 'x1' }, { origin: 'outlook', expanded: true }),
  link('outlook:x1|2026-03-05', 'occurrence', { google: 'g-x1', outlook: 'x1-occ' }, { origin: 'outlook', series: 'outlook:x1', expanded: true }),
  // Ids and keys with what the stored form separates by, and a series that does not start the key.
  link('google:odd\tid%', 'single', { google: 'odd\tid%', outlook: 'line\nbreak' }),
  link('google:moved', 'occurrence', { google: 'm1' }, { series: 'google:w1' }),
];

/** A loader of these links and this summary text, which counts how often the text is read. */
function loader(links: readonly Link[], text: string | null = null) {
  let reads = 0;
  return {
    byKeys: (keys: readonly string[]) => Promise.resolve(links.filter((l) => keys.includes(l.key))),
    all: () => Promise.resolve([...links]),
    text: () => (reads++, Promise.resolve(text)),
    reads: () => reads,
  };
}

describe('link summary: stored form', () => {
  it('reads back every entry as it was packed, with its counts and flagged links', () => {
    const entries = new Map(LINKS.map((l) => [l.key, summaryEntry(l)] as const));
    const stored = JSON.parse(JSON.stringify(pack(entries))) as StoredSummary;
    const back = new Map<string, SummaryEntry>();
    unpack(stored.lines, (key, entry) => back.set(key, entry));
    expect(back).toEqual(entries);
    expect(stored.count).toBe(LINKS.length);
    // Singles, series, and the expanded series' occurrence.
    expect(stored.topLevel).toBe(5);
    expect(stored.linked).toEqual([3, 4]);
    expect(stored.flagged.map(([key]) => key)).toEqual(['google:w1', 'outlook:x1', 'outlook:x1|2026-03-05']);
  });
});

describe('link index from a stored summary', () => {
  const stored = (): StoredSummary => new LinkIndex({ links: LINKS }).takeSummary() as StoredSummary;

  it('answers what a quiet run asks from the head alone, without reading the lines', async () => {
    const summary = stored();
    const links = loader(LINKS, summary.lines);
    const index = new LinkIndex({ summary }, links);
    expect(index.size).toBe(LINKS.length);
    expect(index.topLevelCount()).toBe(5);
    expect(index.linkedOn('outlook')).toBe(4);
    expect(index.keysWhere((l) => l.kind === 'series' && l.relistOutlook && !l.expanded)).toEqual(['google:w1']);
    expect(index.keysWhere((l) => l.kind === 'series' && l.expanded)).toEqual(['outlook:x1']);
    await index.load([]);
    await index.prepare(0);
    expect(index.takeSummary()).toBeNull();
    expect(links.reads()).toBe(0);
    // Unread, the summary would pass for one without links.
    expect(() => index.keysWhere((l) => l.kind === 'single')).toThrow(/before it was read/);
    expect(() => index.keyOf('google', 's1')).toThrow(/before it was read/);
    await index.prepare(1);
    expect(links.reads()).toBe(1);
    expect(index.keysWhere((l) => l.kind === 'single')).toEqual(['google:s1', 'google:odd\tid%']);
  });

  it('searches the summary for a few links, and indexes it once searching would cost more', async () => {
    const summary = stored();
    const index = new LinkIndex({ summary }, loader(LINKS, summary.lines));
    await index.prepare(2);
    await index.load([index.keyOf('google', 'w1_20260304T090000Z') ?? '', index.keyOf('outlook', 'line\nbreak') ?? '']);
    expect(index.occurrencesOf('google:w1').map((l) => l.key).sort()).toEqual(['google:moved', 'google:w1|2026-03-04T09:00:00Z']);
    expect(index.get('google:odd\tid%')?.outlook?.id).toBe('line\nbreak');
    expect(index.bySide('google', 'nothing')).toBeUndefined();
    expect(index.keyOf('outlook', '18')).toBeUndefined(); // a flags field is no id
    // Storing a link as it was changes no entry.
    index.put({ ...(index.get('google:w1') as Link), syncedAt: 2 });
    expect(index.indexed).toBe(false);
    for (let i = 0; i < 30; i++) expect(index.keyOf('google', `unknown${i}`)).toBeUndefined();
    expect(index.indexed).toBe(true);
    expect(index.keyOf('outlook', 'O-occ')).toBe('google:w1|2026-03-04T09:00:00Z');
    expect(() => index.get('google:s1')).toThrow(/before it was loaded/);
  });

  it('indexes the summary at once when told more lookups are coming than searching is cheap for', async () => {
    const summary = stored();
    const index = new LinkIndex({ summary }, loader(LINKS, summary.lines));
    await index.prepare(3);
    expect(index.indexed).toBe(false);
    await index.prepare(300);
    expect(index.indexed).toBe(true);
    expect(index.keyOf('google', 'w1')).toBe('google:w1');
    expect(() => index.get('google:w1')).toThrow(/before it was loaded/);
  });

  it('without its lines, the summary gives way to the links themselves', async () => {
    const index = new LinkIndex({ summary: stored() }, loader(LINKS, null));
    await index.load(['google:s1']);
    expect([...index.all()]).toHaveLength(LINKS.length);
    expect(index.takeSummary()?.count).toBe(LINKS.length);
  });

  it('loads a link with its series, and a link it did not load throws rather than passing for "not linked"', async () => {
    const summary = stored();
    const index = new LinkIndex({ summary }, loader(LINKS, summary.lines));
    await index.prepare(1);
    await index.load([index.keyOf('outlook', 'O-occ') ?? '']);
    expect(index.occurrencesOf('google:w1').map((l) => l.key).sort()).toEqual(['google:moved', 'google:w1|2026-03-04T09:00:00Z']);
    expect(index.bySide('google', 'w1')?.key).toBe('google:w1');
    expect(() => index.bySide('outlook', 'O-s1')).toThrow(/before it was loaded/);
    expect(index.keyOf('outlook', 'line\nbreak')).toBe('google:odd\tid%');
    expect(() => index.get('google:odd\tid%')).toThrow(/before it was loaded/);
    expect(index.get('google:unknown')).toBeUndefined();
  });

  it('stores the summary again only once it changed', async () => {
    const summary = stored();
    const index = new LinkIndex({ summary }, loader(LINKS, summary.lines));
    await index.load(['google:s1']);
    index.put({ ...(index.get('google:s1') as Link), syncedAt: 2 });
    expect(index.takeSummary()).toBeNull();
    index.delete('google:s1');
    const next = index.takeSummary();
    expect(next?.count).toBe(LINKS.length - 1);
    expect(next?.linked).toEqual([2, 3]);
  });
});

describe('link summary stored again', () => {
  /** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
  function random(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it('patches the lines it was read from into exactly what packing every entry gives', () => {
    let stores = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const next = random(seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
      // Keys and ids from a small pool, so changes hit existing entries, ids move between links, and some need escaping.
      const keys = ['google:a', 'google:b', 'google:b|2026-03-04', 'outlook:c\t%', 'outlook:c\t%|2026-03-05', 'google:d', 'google:e|x'];
      const ids = [null, 'g1', 'g2', 'o1', 'o2\nx', 'o3%'];
      const entry = (key: string): SummaryEntry => {
        const kind = key.includes('|') ? 2 : pick([0, 1]);
        const flags = kind | pick([0, 4, 8]) | (kind === 2 && next() < 0.7 ? 16 : 0);
        return kind === 2 && (flags & 16) === 0 ? [pick(ids), pick(ids), flags, pick(keys)] : [pick(ids), pick(ids), flags];
      };
      const reference = new Map<string, SummaryEntry>(keys.slice(0, 4).map((key) => [key, entry(key)]));
      const { lines, ...head } = pack(reference);
      const table = new SummaryTable(head);
      table.read(lines);
      for (let round = 0; round < 4; round++) {
        for (let step = 0; step < 1 + Math.floor(next() * 4); step++) {
          const key = pick(keys);
          if (next() < 0.3) {
            if (table.remove(key)) reference.delete(key);
          } else {
            const changed = entry(key);
            // A change moves the entry to the end, as the table's map does; the same entry again is no change.
            if (!sameEntry(reference.get(key), changed)) {
              reference.delete(key);
              reference.set(key, changed);
            }
            table.set(key, changed);
          }
        }
        const stored = table.take();
        if (stored) expect(stored).toEqual(pack(reference));
        stores += stored ? 1 : 0;
      }
    }
    // Most rounds changed something (else the comparison above proved little).
    expect(stores).toBeGreaterThan(40);
  });
});
