/**
 * The invariants of a sync, checked against what the services hold and show (never against the
 * engine's own state):
 * - every source event has exactly one mirror, showing the same occurrences with the same title,
 *   location, description (as text), all-day flag, start and end (duplicate / missing-mirror /
 *   content-mismatch);
 * - no mirror outlives its source (orphan-mirror);
 * - no event the user made is deleted unless the user deleted it or its counterpart (lost);
 * - no invitation is ever sent, and every Google write says sendUpdates=none (invitation).
 */
import type { World } from '../integration/engine/harness.ts';
import type { Ledger } from './executor.ts';
import { VIEW_RANGE } from './lab.ts';
import { googleItems, isLive, outlookItems, type ShownItem } from './user.ts';
import { googleView, outlookView, type ShownEvent } from './views.ts';

export type ViolationKind =
  | 'duplicate'
  | 'missing-mirror'
  | 'content-mismatch'
  | 'orphan-mirror'
  | 'lost'
  | 'invitation'
  | 'resync-writes'
  | 'final-sync-error'
  | 'still-paused'
  | 'wrote-while-paused'
  | 'exception';

export interface Violation {
  readonly kind: ViolationKind;
  readonly detail: string;
}

export interface Baseline {
  readonly googleInvitations: number;
  readonly graphInvitations: number;
  /** Google write records before the case: later ones are this case's. */
  readonly googleWrites: number;
}

export interface LogMarks {
  readonly google: number;
  readonly graph: number;
}

export function logMarks(world: World): LogMarks {
  return { google: world.sims.google.log.mark(), graph: world.sims.graph.log.mark() };
}

/** Write requests (batch parts included, batch envelopes not) since the marks, as "METHOD path". */
export function writesSince(world: World, marks: LogMarks): string[] {
  const entries = [...world.sims.google.log.since(marks.google), ...world.sims.graph.log.since(marks.graph)];
  return entries.filter((e) => e.method !== 'GET' && !/\/(\$batch|batch\/calendar\/v3)$/.test(e.path)).map((e) => `${e.method} ${e.path}`);
}

/** (c) Events the user made and no longer has, without having deleted them or their counterpart. */
export function lostEvents(world: World, ledger: Ledger): Violation[] {
  const lost: Violation[] = [];
  for (const [key, made] of ledger.created) {
    if (ledger.deleted.has(key) || ledger.counterpartDeleted.has(key) || isLive(world, made.side, made.id)) continue;
    lost.push({ kind: 'lost', detail: `${made.side} event "${made.title}" was deleted, but the user deleted neither it nor its mirror` });
  }
  return lost;
}

/** (a), (b): one mirror per source, with the same occurrences; no mirror without its source. */
export async function convergence(world: World): Promise<Violation[]> {
  const items = [...googleItems(world), ...outlookItems(world)];
  const views: Record<ShownItem['side'], ShownEvent[]> = { google: await googleView(world, VIEW_RANGE), outlook: await outlookView(world, VIEW_RANGE) };
  const shown = (item: ShownItem): string[] => views[item.side].filter((row) => (row.seriesId ?? row.id) === item.id).map(rowKey).sort();
  const mirrors = new Map<string, ShownItem[]>();
  for (const item of items) {
    if (!item.marker) continue;
    const key = `${item.marker.sourceSide}:${item.marker.sourceId}`;
    mirrors.set(key, [...(mirrors.get(key) ?? []), item]);
  }
  const violations: Violation[] = [];
  for (const item of items) {
    if (item.marker) {
      if (item.marker.sourceSide === item.side || !isLive(world, item.marker.sourceSide, item.marker.sourceId)) {
        violations.push({ kind: 'orphan-mirror', detail: `${item.side} mirror "${item.title}" of ${item.marker.sourceSide} event ${item.marker.sourceId}, which no longer exists` });
      }
      continue;
    }
    const copies = mirrors.get(`${item.side}:${item.id}`) ?? [];
    const source = shown(item);
    // A series whose every occurrence was cancelled shows nothing, and Graph's delta never lists
    // it (it lists occurrences, never masters): it needs no mirror.
    if (copies.length === 0 && source.length > 0) violations.push({ kind: 'missing-mirror', detail: `${item.side} event "${item.title}" has no mirror (shows ${source.join(' ; ')})` });
    if (copies.length > 1) violations.push({ kind: 'duplicate', detail: `${item.side} event "${item.title}" has ${copies.length} mirrors: ${copies.map((c) => `"${c.title}"`).join(', ')}` });
    for (const copy of copies) {
      const mirror = shown(copy);
      if (source.join('\n') === mirror.join('\n')) continue;
      violations.push({ kind: 'content-mismatch', detail: `${item.side} event "${item.title}" shows [${difference(source, mirror).join(' ; ')}], its mirror shows [${difference(mirror, source).join(' ; ')}]` });
    }
  }
  return violations;
}

/** (d) No guest was ever mailed because of a sync. */
export function invitations(world: World, baseline: Baseline): Violation[] {
  const { google, graph } = world.sims;
  const violations: Violation[] = [];
  const sent = google.counters.invitationsSent - baseline.googleInvitations + graph.counters.invitationsSent - baseline.graphInvitations;
  if (sent > 0) violations.push({ kind: 'invitation', detail: `${sent} invitation(s) sent: ${graph.describeMails().slice(-3).join('; ')}` });
  const loud = google.writeRecords.slice(baseline.googleWrites).filter((w) => w.origin === 'api' && w.sendUpdates !== 'none');
  if (loud.length > 0) violations.push({ kind: 'invitation', detail: `${loud.length} Google write(s) without sendUpdates=none` });
  return violations;
}

function rowKey(row: ShownEvent): string {
  return `${row.title} @${row.location} ${row.allDay ? 'all-day ' : ''}${row.start}..${row.end}${row.description ? ` «${row.description}»` : ''}`;
}

/** Elements of `a` not matched in `b` (multisets). */
function difference(a: readonly string[], b: readonly string[]): string[] {
  const rest = [...b];
  return a.filter((x) => {
    const i = rest.indexOf(x);
    if (i < 0) return true;
    rest.splice(i, 1);
    return false;
  });
}
