/**
 * Which source events a pair mirrors. A reason string means "skip"; null means "mirror it".
 * When an already-mirrored event starts matching a filter (declined after all, say), its mirror
 * is removed.
 */
import { isAllDay, type CanonicalEvent, type EventFacts } from './model.ts';
import type { PairFilters } from './pair.ts';

export type SkipReason = 'free' | 'tentative' | 'declined' | 'private' | 'all-day' | 'title-excluded';

export function skipReason(event: CanonicalEvent, facts: EventFacts | undefined, filters: PairFilters): SkipReason | null {
  if (filters.skipDeclined && facts?.response === 'declined') return 'declined';
  if (filters.skipFree && event.freeBusy === 'free') return 'free';
  if (filters.skipTentative && (event.tentative || event.freeBusy === 'tentative' || facts?.response === 'tentative')) return 'tentative';
  if (filters.skipPrivate && (event.privacy === 'private' || event.privacy === 'confidential')) return 'private';
  if (filters.skipAllDay && isAllDay(event.start)) return 'all-day';
  // An invalid expression is rejected when the pair is saved; should one slip through, it filters
  // nothing rather than everything.
  if (filters.titleExclude && compile(filters.titleExclude)?.test(event.title)) return 'title-excluded';
  return null;
}

const compiled = new Map<string, RegExp | null>();

/** The title filter as a RegExp, or null when it is not a valid expression. */
export function compile(source: string): RegExp | null {
  if (!compiled.has(source)) {
    try {
      compiled.set(source, new RegExp(source, 'i'));
    } catch {
      compiled.set(source, null);
    }
  }
  return compiled.get(source) ?? null;
}
