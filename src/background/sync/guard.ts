/**
 * The deletion guard. Mass deletions are what wipes calendars when something upstream goes wrong
 * (an expired token answered with an empty list, an unshared calendar, a bug): a run that would
 * delete more than max(5, 10 %) of a pair's linked items, or that sees a calendar read empty where
 * it had events, pauses the pair and deletes nothing until the user confirms.
 */
import type { RunContext } from './context.ts';
import type { SideRead } from './intake.ts';
import type { Side } from './model.ts';
import type { PauseState } from './state.ts';

export const MIN_DELETIONS_GUARDED = 5;
export const MAX_DELETION_SHARE = 0.1;

export function deletionLimit(linked: number): number {
  return Math.max(MIN_DELETIONS_GUARDED, Math.floor(linked * MAX_DELETION_SHARE));
}

export function checkDeletions(ctx: RunContext): PauseState | null {
  const deletions = ctx.writes.flatMap((w) => (w.deletion ? [w.deletion] : []));
  const limit = deletionLimit(ctx.links.topLevelCount());
  if (deletions.length <= limit) return null;
  return {
    reason: 'mass-deletion',
    message: `This sync would delete ${deletions.length} events (more than ${limit}). Nothing was deleted; confirm to go ahead, or keep the events.`,
    since: ctx.now,
    deletions,
  };
}

export function checkEmptyCalendars(ctx: RunContext, reads: Readonly<Record<Side, SideRead>>): PauseState | null {
  for (const side of ['google', 'outlook'] as const) {
    const read = reads[side];
    const linked = ctx.links.linkedOn(side);
    if (!read.full || linked < MIN_DELETIONS_GUARDED) continue;
    if (read.rows.some((row) => row.kind === 'event' && !row.event.cancelled)) continue;
    const name = side === 'google' ? 'Google calendar' : 'Outlook calendar';
    return {
      reason: 'empty-calendar',
      message: `The ${name} suddenly reads empty although ${linked} synced events were in it. Nothing was changed; check the calendar, then confirm or keep.`,
      since: ctx.now,
      deletions: [],
      side,
    };
  }
  return null;
}
