/**
 * State shared by the steps of one run of one pair: configuration, ports, the links, what each
 * side reported this run, and the writes planned so far.
 */
import type { Logger } from '../../shared/logger.ts';
import { timeKey } from './canonical.ts';
import type { LinkIndex } from './link-index.ts';
import { otherSide, type CanonicalEvent, type EventTime, type Side } from './model.ts';
import type { PairConfig } from './pair.ts';
import type { CalendarProvider, Clock, RemoteEvent, TimeWindow, WriteOp } from './ports.ts';
import type { ReportBuilder } from './report.ts';
import type { OccurrenceMap } from './occurrence-map.ts';
import type { ConflictRecord, DeletionRecord, Link, PendingDeletion, SideRef } from './state.ts';

export interface EngineDeps {
  readonly google: CalendarProvider;
  readonly outlook: CalendarProvider;
  readonly clock: Clock;
  readonly logger?: Logger;
}

/** What a side said about a linked item this run: its current state, or that it is gone. */
export type Observation = RemoteEvent | 'gone';

/** A write waiting to be sent. The op is built when it is sent: phase-2 ops need phase-1 results. */
export interface PlannedWrite {
  readonly side: Side;
  /** 1: singles and series; 2: occurrences, which need their series' mirror to exist. */
  readonly phase: 1 | 2;
  readonly title: string;
  /** The link the write is for, when there is one (alignment leaves links with writes pending alone). */
  readonly key?: string;
  /** Set on deletions, which the deletion guard counts. */
  readonly deletion?: PendingDeletion;
  build(): WriteOp | null;
  onDone(event: RemoteEvent | null, adopted: boolean): void;
  /** The item changed since we read it (412): re-read and plan again. */
  onConflict?(): Promise<void>;
}

export interface RunContext {
  readonly pair: PairConfig;
  readonly deps: EngineDeps;
  readonly signal: AbortSignal;
  readonly now: number;
  readonly window: TimeWindow;
  readonly links: LinkIndex;
  readonly report: ReportBuilder;
  readonly occurrences: OccurrenceMap;
  /** Observations per link key, per side. */
  readonly observed: Record<Side, Map<string, Observation>>;
  readonly writes: PlannedWrite[];
  readonly history: DeletionRecord[];
  readonly conflicts: ConflictRecord[];
  /** Calendars the user may not write to (source only). */
  readonly readOnly: Record<Side, boolean>;
  /** Links to reconcile again after a write found them changed (412). */
  readonly replan: Set<string>;
  /** Series whose mirror's occurrences must be aligned with the source's after phase 1. */
  readonly align: Set<string>;
  /** Series whose Outlook occurrences were listed again this run (relist.ts). */
  readonly relisted: Set<string>;
}

export function provider(ctx: RunContext, side: Side): CalendarProvider {
  return side === 'google' ? ctx.deps.google : ctx.deps.outlook;
}

export function calendarOf(ctx: RunContext, side: Side): string {
  return side === 'google' ? ctx.pair.googleCalendarId : ctx.pair.outlookCalendarId;
}

export function refOf(event: RemoteEvent): SideRef {
  return { id: event.id, version: event.version, modifiedAt: event.modifiedAt };
}

/** The user can change this source event (else its mirror is one-way). */
export function sourceEditable(ctx: RunContext, side: Side, event: RemoteEvent): boolean {
  if (ctx.readOnly[side]) return false;
  return !event.facts || (event.facts.organizer && !event.facts.readOnly);
}

/** Deterministic idempotency key of a mirror: the same source always yields the same key. */
export function mirrorKey(ctx: RunContext, sourceSide: Side, sourceId: string, generation = 0): string {
  const base = `${ctx.pair.id}|${sourceSide}|${sourceId}`;
  return generation === 0 ? base : `${base}|r${generation}`;
}

export function linkKey(side: Side, id: string): string {
  return `${side}:${id}`;
}

export function occurrenceKey(seriesKey: string, originalStart: EventTime): string {
  return `${seriesKey}|${timeKey(originalStart)}`;
}

export function withRef(link: Link, side: Side, ref: SideRef | null, snapshot: CanonicalEvent | null, now: number): Link {
  const other = otherSide(side);
  return {
    ...link,
    ...bySide(side, ref, link[other]),
    snapshots: bySide(side, snapshot, link.snapshots[other]),
    syncedAt: now,
  };
}

export function mirrorSideOf(link: Link): Side {
  return otherSide(link.origin);
}

/** Whether an event overlaps the window (all-day dates compared as UTC days, a day's slack). */
export function inWindow(event: CanonicalEvent, window: TimeWindow): boolean {
  const start = 'date' in event.start ? Date.parse(`${event.start.date}T00:00:00Z`) - 86_400_000 : Date.parse(event.start.instant);
  const end = 'date' in event.end ? Date.parse(`${event.end.date}T00:00:00Z`) + 86_400_000 : Date.parse(event.end.instant);
  const recurring = event.recurrence !== null;
  // A series that began before the window still has occurrences inside it unless it ended.
  if (recurring) return start < Date.parse(window.end) && !endedBefore(event, window);
  return start < Date.parse(window.end) && end > Date.parse(window.start);
}

function endedBefore(event: CanonicalEvent, window: TimeWindow): boolean {
  const until = event.recurrence?.until;
  return until !== undefined && Date.parse(`${until}T23:59:59Z`) + 86_400_000 < Date.parse(window.start);
}

/** `{google, outlook}` from one side's value and the other's. */
export function bySide<T>(side: Side, value: T, other: T): { google: T; outlook: T } {
  return side === 'google' ? { google: value, outlook: other } : { google: other, outlook: value };
}

/**
 * A write is planned for this link already (reconciliation's, or a cancellation): alignment and
 * the other checks leave it alone. What was merely read again is not such a change.
 */
export function writePending(ctx: RunContext, key: string): boolean {
  return ctx.writes.some((write) => write.key === key);
}
