/**
 * The three approaches Tandem replaces, small and honest, each a two-way sync of one pair:
 *
 * - tag-script: the common Apps Script / cron script. Lists the whole window on both sides every
 *   run and finds each event's counterpart by scanning descriptions for a "[Synced from …: id]"
 *   tag. Stateless. One request per created, updated or deleted mirror.
 * - recreate: remembers a fingerprint (ids + last-modified stamps) of the originals; on any
 *   difference deletes every mirror on both sides and creates them all again.
 * - full-reread: how the leading desktop syncer works. Keeps an id map and last-modified stamps,
 *   re-reads the whole window on both sides every run, and writes one request per changed event
 *   (edits of a mirror flow back to its source).
 */
import type { BaselineClient, Fields, Item, SideName } from './clients.ts';

export type BaselineKind = 'tag-script' | 'recreate' | 'full-reread';

export interface Baseline {
  run(): Promise<{ created: number; updated: number; deleted: number }>;
}

const TAG = /\[Synced from (Google|Outlook): ([^\]\s]+)\]/;
const LABEL: Record<SideName, string> = { google: 'Google', outlook: 'Outlook' };

function tagOf(item: Item): { side: SideName; id: string } | null {
  const match = TAG.exec(item.text);
  return match ? { side: match[1] === 'Google' ? 'google' : 'outlook', id: match[2] as string } : null;
}

function mirrorFields(source: Item, side: SideName): Fields {
  const notes = source.text.replace(/<[^>]*>/g, '').trim();
  return { title: source.title, start: source.start, end: source.end, location: source.location, text: `${notes}\n[Synced from ${LABEL[side]}: ${source.id}]` };
}

const sameContent = (a: Item, b: Item): boolean => a.title === b.title && a.start === b.start && a.end === b.end && a.location === b.location;

interface Counts {
  created: number;
  updated: number;
  deleted: number;
}

export function createBaseline(kind: BaselineKind, google: BaselineClient, outlook: BaselineClient): Baseline {
  const pairs: Array<[BaselineClient, BaselineClient]> = [
    [google, outlook],
    [outlook, google],
  ];
  switch (kind) {
    case 'tag-script':
      return { run: () => tagScript(pairs) };
    case 'recreate':
      return recreate(pairs);
    case 'full-reread':
      return fullReread(pairs);
  }
}

async function tagScript(pairs: ReadonlyArray<[BaselineClient, BaselineClient]>): Promise<Counts> {
  const counts = { created: 0, updated: 0, deleted: 0 };
  const lists = new Map([[pairs[0]![0].side, await pairs[0]![0].list()], [pairs[0]![1].side, await pairs[0]![1].list()]]);
  for (const [from, to] of pairs) {
    const originals = lists.get(from.side)!.filter((item) => !tagOf(item));
    const mirrors = new Map<string, Item>();
    for (const item of lists.get(to.side)!) {
      const tag = tagOf(item);
      if (tag?.side === from.side) mirrors.set(tag.id, item);
    }
    for (const source of originals) {
      const mirror = mirrors.get(source.id);
      mirrors.delete(source.id);
      if (!mirror) {
        await to.create(mirrorFields(source, from.side));
        counts.created++;
      } else if (!sameContent(source, mirror)) {
        await to.update(mirror.id, mirrorFields(source, from.side));
        counts.updated++;
      }
    }
    for (const orphan of mirrors.values()) {
      await to.remove(orphan.id);
      counts.deleted++;
    }
  }
  return counts;
}

function recreate(pairs: ReadonlyArray<[BaselineClient, BaselineClient]>): Baseline {
  let fingerprint: string | null = null;
  return {
    async run() {
      const counts = { created: 0, updated: 0, deleted: 0 };
      const lists = new Map([[pairs[0]![0].side, await pairs[0]![0].list()], [pairs[0]![1].side, await pairs[0]![1].list()]]);
      const originals = (side: SideName): Item[] => lists.get(side)!.filter((item) => !tagOf(item));
      const now = [...originals('google'), ...originals('outlook')].map((i) => `${i.id}@${i.updated}`).sort().join('\n');
      if (now === fingerprint) return counts;
      for (const client of [pairs[0]![0], pairs[0]![1]]) {
        for (const item of lists.get(client.side)!) {
          if (!tagOf(item)) continue;
          await client.remove(item.id);
          counts.deleted++;
        }
      }
      for (const [from, to] of pairs) {
        for (const source of originals(from.side)) {
          await to.create(mirrorFields(source, from.side));
          counts.created++;
        }
      }
      fingerprint = now;
      return counts;
    },
  };
}

interface Entry {
  readonly sourceSide: SideName;
  sourceId: string;
  sourceUpdated: string;
  mirrorId: string;
  mirrorUpdated: string;
}

function fullReread(pairs: ReadonlyArray<[BaselineClient, BaselineClient]>): Baseline {
  const entries = new Map<string, Entry>();
  const clients = new Map(pairs.map(([from]) => [from.side, from]));
  return {
    async run() {
      const counts = { created: 0, updated: 0, deleted: 0 };
      const lists = new Map([...clients].map(([side]) => [side, new Map<string, Item>()]));
      for (const [side, client] of clients) for (const item of await client.list()) lists.get(side)!.set(item.id, item);
      const mirrorIds = new Set([...entries.values()].map((e) => e.mirrorId));
      for (const [from, to] of pairs) {
        for (const source of lists.get(from.side)!.values()) {
          if (mirrorIds.has(source.id)) continue;
          const key = `${from.side}:${source.id}`;
          const entry = entries.get(key);
          if (!entry) {
            const made = await to.create(mirrorFields(source, from.side));
            entries.set(key, { sourceSide: from.side, sourceId: source.id, sourceUpdated: source.updated, mirrorId: made.id, mirrorUpdated: made.updated });
            counts.created++;
            continue;
          }
          const mirror = lists.get(to.side)!.get(entry.mirrorId);
          if (source.updated !== entry.sourceUpdated || !mirror) {
            const made = mirror ? await to.update(entry.mirrorId, mirrorFields(source, from.side)) : await to.create(mirrorFields(source, from.side));
            Object.assign(entry, { sourceUpdated: source.updated, mirrorId: made.id, mirrorUpdated: made.updated });
            counts.updated++;
          } else if (mirror.updated !== entry.mirrorUpdated) {
            // The copy was edited: the edit flows back to the source.
            const made = await from.update(source.id, { ...mirrorFields(mirror, to.side), text: source.text });
            Object.assign(entry, { sourceUpdated: made.updated, mirrorUpdated: mirror.updated });
            counts.updated++;
          }
        }
      }
      for (const [key, entry] of entries) {
        if (lists.get(entry.sourceSide)!.has(entry.sourceId)) continue;
        await clients.get(entry.sourceSide === 'google' ? 'outlook' : 'google')!.remove(entry.mirrorId);
        entries.delete(key);
        counts.deleted++;
      }
      return counts;
    },
  };
}
