/**
 * Reading both sides. A stored cursor reads only changes; an expired one (Google 410,
 * Graph syncStateNotFound) falls back to a full read that the engine reconciles against its
 * links — nothing is wiped. Graph binds a delta cursor to its window, so Outlook reads over a
 * window with slack that is renewed only when the pair's window has moved past it.
 */
import { CursorExpiredError } from './errors.ts';
import { calendarOf, provider, type RunContext } from './context.ts';
import type { SideRead } from './intake.ts';
import type { Side } from './model.ts';
import type { PairConfig } from './pair.ts';
import type { TimeWindow } from './ports.ts';
import type { PairMeta } from './state.ts';

const DAY = 86_400_000;

export interface SideReadResult extends SideRead {
  readonly cursor: string;
  /** The stored cursor had expired and a full read replaced it. */
  readonly expired: boolean;
}

export function pairWindow(pair: PairConfig, now: number): TimeWindow {
  return { start: iso(now - pair.pastDays * DAY), end: iso(now + pair.futureDays * DAY) };
}

/** The Outlook delta window: the stored one while it still covers the pair's window, else a new one with slack. */
export function outlookWindow(meta: PairMeta, wanted: TimeWindow): { window: TimeWindow; reuse: boolean } {
  const stored = meta.outlookWindow;
  if (stored && meta.outlookCursor && stored.start <= wanted.start && stored.end >= wanted.end) return { window: stored, reuse: true };
  return {
    window: { start: iso(Date.parse(wanted.start) - DAY), end: iso(Date.parse(wanted.end) + 14 * DAY) },
    reuse: false,
  };
}

export async function readSide(ctx: RunContext, side: Side, cursor: string | null, window: TimeWindow, onPage?: (rows: number) => void): Promise<SideReadResult> {
  const request = { calendarId: calendarOf(ctx, side), window, signal: ctx.signal, ...(onPage ? { onPage } : {}) };
  try {
    const result = await provider(ctx, side).readChanges({ ...request, cursor });
    return { ...result, expired: false };
  } catch (error) {
    if (!(error instanceof CursorExpiredError) || cursor === null) throw error;
    ctx.deps.logger?.info?.('cursor expired; reading in full and reconciling', { side });
    const result = await provider(ctx, side).readChanges({ ...request, cursor: null });
    return { ...result, expired: true };
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
