/**
 * One badge's worth of facts per event id and side, derived from the engine's state: the links
 * (synced, or pending while a copy is not written yet), recent conflicts, pauses and sign-in
 * failures of the pair, and the remembered exclusions and write errors.
 */
import type { BadgeState } from '../../shared/messaging/content-protocol.ts';
import type { PairResult } from '../../shared/messaging/types.ts';
import type { PairConfig } from '../../shared/pair.ts';
import { otherSide, type CanonicalEvent, type EventTime, type Side } from '../sync/model.ts';
import type { ConflictRecord, Link } from '../sync/state.ts';
import type { BadgeMemory } from './memory.ts';

export interface Entry {
  readonly pairId: string;
  readonly side: Side;
  readonly state: BadgeState;
  readonly role: 'source' | 'mirror' | null;
  readonly counterpart: { readonly side: Side; readonly calendarId: string; readonly id: string | null };
  readonly syncedAt: number | null;
  /** Timed events: the source's zone and start. */
  readonly source: { readonly zone: string; readonly start: string } | null;
  readonly detail: string | null;
  /** As this side last showed it (for matching Outlook items by subject and start). */
  readonly shown: { readonly title: string; readonly start: EventTime } | null;
}

export interface PairFacts {
  readonly pair: PairConfig;
  readonly links: readonly Link[];
  readonly conflicts: readonly ConflictRecord[];
  readonly paused: boolean;
  readonly result: PairResult | undefined;
  readonly memory: BadgeMemory;
}

/** Conflicts this recent are shown on the badge. */
export const CONFLICT_SHOWN_MS = 24 * 3_600_000;

const SIDE_NAMES: Readonly<Record<Side, string>> = { google: 'Google Calendar', outlook: 'Outlook' };

const REASONS: Readonly<Record<string, string>> = {
  free: 'The pair skips events shown as free.',
  tentative: 'The pair skips tentative events.',
  declined: 'The pair skips events you declined.',
  private: 'The pair skips private events.',
  'all-day': 'The pair skips all-day events.',
  'title-excluded': "Its title matches the pair's exclusion filter.",
  'mirror-of-another-pair': 'It is a copy made by another Tandem pair.',
  'target-read-only': 'The other calendar is read-only.',
};

export function calendarOf(pair: PairConfig, side: Side): string {
  return side === 'google' ? pair.googleCalendarId : pair.outlookCalendarId;
}

/** Every [event id, entry] of one pair: one per side of each link, then the unlinked items. */
export function pairEntries(facts: PairFacts, now: number): (readonly [string, Entry])[] {
  const pairLevel = pairProblem(facts);
  const conflicts = recentConflicts(facts.conflicts, now);
  const entries: (readonly [string, Entry])[] = [];
  for (const link of facts.links) {
    if (link.cancelled) continue;
    for (const side of ['google', 'outlook'] as const) {
      const ref = link[side];
      if (ref) entries.push([ref.id, linkEntry(facts.pair, link, side, pairLevel, conflicts.get(link.key))]);
    }
  }
  for (const [side, id, reason] of facts.memory.excluded) entries.push([id, unlinked(facts.pair, side, 'excluded', REASONS[reason] ?? 'A filter of the pair excludes it.')]);
  for (const [side, id] of facts.memory.errors) entries.push([id, unlinked(facts.pair, side, 'error', 'The last sync could not copy it; it will try again.')]);
  return entries;
}

function linkEntry(pair: PairConfig, link: Link, side: Side, pairLevel: Problem | null, conflict: string | undefined): Entry {
  const other = otherSide(side);
  const counterpartId = link[other]?.id ?? null;
  const source = link.snapshots[link.origin];
  const shown = link.snapshots[side] ?? link.snapshots[other];
  let state: BadgeState = 'synced';
  let detail: string | null = null;
  if (!counterpartId) [state, detail] = ['pending', 'The copy has not been written yet.'];
  else if (pairLevel) [state, detail] = [pairLevel.state, pairLevel.detail];
  else if (conflict) [state, detail] = ['conflict', conflict];
  return {
    pairId: pair.id,
    side,
    state,
    role: side === link.origin ? 'source' : 'mirror',
    counterpart: { side: other, calendarId: calendarOf(pair, other), id: counterpartId },
    syncedAt: link.syncedAt,
    source: sourceTime(source),
    detail,
    shown: shown ? { title: shown.title, start: shown.start } : null,
  };
}

function unlinked(pair: PairConfig, side: Side, state: BadgeState, detail: string): Entry {
  const other = otherSide(side);
  return { pairId: pair.id, side, state, role: null, counterpart: { side: other, calendarId: calendarOf(pair, other), id: null }, syncedAt: null, source: null, detail, shown: null };
}

function sourceTime(event: CanonicalEvent | null): Entry['source'] {
  return event && 'instant' in event.start ? { zone: event.start.zone, start: event.start.instant } : null;
}

interface Problem {
  readonly state: BadgeState;
  readonly detail: string;
}

/** A pause or a sign-in failure holds up the whole pair: every badge of it says so. */
function pairProblem(facts: PairFacts): Problem | null {
  if (facts.paused) return { state: 'pending', detail: 'Sync is paused until you review the deletions it found (open Tandem).' };
  if (facts.result && !facts.result.ok && facts.result.errors.some((e) => e.action === 'sign-in')) {
    return { state: 'error', detail: 'Sync is stopped: sign in again in Tandem.' };
  }
  return null;
}

function recentConflicts(records: readonly ConflictRecord[], now: number): Map<string, string> {
  const byLink = new Map<string, string>();
  for (const record of records) {
    if (record.at < now - CONFLICT_SHOWN_MS) continue;
    byLink.set(record.link, `Both calendars changed the ${record.field}; the change made in ${SIDE_NAMES[record.winner]} was kept.`);
  }
  return byLink;
}

/** Which of two entries for the same id a badge shows: the one that needs attention. */
export function moreUrgent(a: Entry, b: Entry): Entry {
  return URGENCY[b.state] > URGENCY[a.state] ? b : a;
}

const URGENCY: Readonly<Record<BadgeState, number>> = { excluded: 0, synced: 1, pending: 2, conflict: 3, error: 4 };
