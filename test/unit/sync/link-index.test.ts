import { describe, expect, it } from 'vitest';
import { LinkIndex } from '../../../src/background/sync/link-index.ts';
import { pack, summaryEntry, unpack, type StoredSummary, type SummaryEntry } from '../../../src/background/sync/link-summary.ts';
import type { Link } from '../../../src/background/sync/state.ts';
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

/** A stored summary that counts how often its lines are read (once to search them, once more to index them). */
function counted(stored: StoredSummary): { summary: StoredSummary; reads: () => number } {
  let reads = 0;
  const summary = { ...stored };
  Object.defineProperty(summary, 'lines', { get: () => (reads++, stored.lines) });
  return { summary, reads: () => reads };
}

const loader = (links: readonly Link[]) => ({
  byKeys: (keys: readonly string[]) => Promise.resolve(links.filter((l) => keys.includes(l.key))),
  all: () => Promise.resolve([...links]),
});

describe('link summary: stored form', () => {
  it('reads back every entry as it was packed, with its counts and flagged links', () => {
    const entries = new Map(LINKS.map((l) => [l.key, summaryEntry(l)] as const));
    const stored = JSON.parse(JSON.stringify(pack(entries))) as StoredSummary;
    const back = new Map<string, SummaryEntry>();
    unpack(stored, (key, entry) => back.set(key, entry));
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

  it('answers what a quiet run asks without splitting the summary', async () => {
    const { summary, reads } = counted(stored());
    const index = new LinkIndex({ summary }, loader(LINKS));
    const searched = reads();
    expect(index.size).toBe(LINKS.length);
    expect(index.topLevelCount()).toBe(5);
    expect(index.linkedOn('outlook')).toBe(4);
    expect(index.keysWhere((l) => l.kind === 'series' && l.relistOutlook && !l.expanded)).toEqual(['google:w1']);
    expect(index.keysWhere((l) => l.kind === 'series' && l.expanded)).toEqual(['outlook:x1']);
    await index.load([]);
    expect(index.takeSummary()).toBeNull();
    expect(reads()).toBe(searched);
    // A test that plain links may pass needs them all.
    expect(index.keysWhere((l) => l.kind === 'single')).toEqual(['google:s1', 'google:odd\tid%']);
    expect(reads()).toBe(searched + 1);
  });

  it('searches the summary for a few links, and indexes it once searching would cost more', async () => {
    const { summary, reads } = counted(stored());
    const index = new LinkIndex({ summary }, loader(LINKS));
    const searched = reads();
    await index.load([index.keyOf('google', 'w1_20260304T090000Z') ?? '', index.keyOf('outlook', 'line\nbreak') ?? '']);
    expect(index.occurrencesOf('google:w1').map((l) => l.key).sort()).toEqual(['google:moved', 'google:w1|2026-03-04T09:00:00Z']);
    expect(index.get('google:odd\tid%')?.outlook?.id).toBe('line\nbreak');
    expect(index.bySide('google', 'nothing')).toBeUndefined();
    expect(index.keyOf('outlook', '18')).toBeUndefined(); // a flags field is no id
    // Storing a link as it was changes no entry.
    index.put({ ...(index.get('google:w1') as Link), syncedAt: 2 });
    expect(reads()).toBe(searched);
    for (let i = 0; i < 30; i++) expect(index.keyOf('google', `unknown${i}`)).toBeUndefined();
    expect(reads()).toBe(searched + 1);
    expect(index.keyOf('outlook', 'O-occ')).toBe('google:w1|2026-03-04T09:00:00Z');
    expect(() => index.get('google:s1')).toThrow(/before it was loaded/);
  });

  it('indexes the summary at once when told more lookups are coming than searching is cheap for', () => {
    const { summary, reads } = counted(stored());
    const index = new LinkIndex({ summary }, loader(LINKS));
    const searched = reads();
    index.expect(3);
    expect(reads()).toBe(searched);
    index.expect(300);
    expect(reads()).toBe(searched + 1);
    expect(index.keyOf('google', 'w1')).toBe('google:w1');
    expect(() => index.get('google:w1')).toThrow(/before it was loaded/);
  });

  it('loads a link with its series, and a link it did not load throws rather than passing for "not linked"', async () => {
    const index = new LinkIndex({ summary: stored() }, loader(LINKS));
    await index.load([index.keyOf('outlook', 'O-occ') ?? '']);
    expect(index.occurrencesOf('google:w1').map((l) => l.key).sort()).toEqual(['google:moved', 'google:w1|2026-03-04T09:00:00Z']);
    expect(index.bySide('google', 'w1')?.key).toBe('google:w1');
    expect(() => index.bySide('outlook', 'O-s1')).toThrow(/before it was loaded/);
    expect(index.keyOf('outlook', 'line\nbreak')).toBe('google:odd\tid%');
    expect(() => index.get('google:odd\tid%')).toThrow(/before it was loaded/);
    expect(index.get('google:unknown')).toBeUndefined();
  });

  it('stores the summary again only once it changed', async () => {
    const index = new LinkIndex({ summary: stored() }, loader(LINKS));
    await index.load(['google:s1']);
    index.put({ ...(index.get('google:s1') as Link), syncedAt: 2 });
    expect(index.takeSummary()).toBeNull();
    index.delete('google:s1');
    const next = index.takeSummary();
    expect(next?.count).toBe(LINKS.length - 1);
    expect(next?.linked).toEqual([2, 3]);
  });
});
