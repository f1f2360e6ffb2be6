/**
 * What a calendar shows in a time window: single events, and each series' occurrences and
 * exceptions (never masters, calendar-apis.md §2.3). Occurrences get the master's wall-clock start
 * on each pattern date in the series' zone, so they keep their local time across DST changes.
 */
import { DAY_MS } from './civil.ts';
import type { EventContent, OccurrenceOverride, StoredEvent } from './model.ts';
import { isPatternDay, patternDays } from './pattern.ts';
import { epochMsToLocal, localToEpochMs } from './timezones.ts';

export interface Instance {
  /** The single event, or the series master the occurrence belongs to. */
  readonly event: StoredEvent;
  readonly originalStartMs: number | undefined;
  /** The pattern date (epoch day, series zone) the occurrence originally fell on. */
  readonly originalDay: number | undefined;
  readonly override: OccurrenceOverride | undefined;
  readonly startMs: number;
  readonly endMs: number;
  /** Epoch days of an all-day instance's start and (exclusive) end, in its own zone. */
  readonly allDay: { readonly startDay: number; readonly endDay: number } | undefined;
}

/** Identity of an instance across rounds: the event, plus the original start for occurrences. */
export function instanceKey(instance: Instance): string {
  return instance.originalStartMs === undefined
    ? instance.event.immutableId
    : `${instance.event.immutableId}@${instance.originalStartMs}`;
}

/** Changes whenever what a client would see for this instance changes. */
export function instanceVersion(instance: Instance): string {
  return `${instance.event.changeKey}|${instance.override?.changeKey ?? ''}`;
}

/** Instances overlapping [fromMs, toMs), unordered. */
export function instancesInWindow(event: StoredEvent, fromMs: number, toMs: number): Instance[] {
  if (!event.series) {
    const single = singleInstance(event);
    return overlaps(single, fromMs, toMs) ? [single] : [];
  }
  return seriesInstances(event, fromMs, toMs).filter((i) => overlaps(i, fromMs, toMs));
}

export function overlaps(instance: Instance, fromMs: number, toMs: number): boolean {
  if (instance.startMs >= toMs) return false;
  return instance.endMs > fromMs || (instance.endMs === instance.startMs && instance.startMs >= fromMs);
}

export function singleInstance(event: StoredEvent): Instance {
  const { start, end, isAllDay } = event.content;
  return {
    event,
    originalStartMs: undefined,
    originalDay: undefined,
    override: undefined,
    startMs: start.ms,
    endMs: end.ms,
    allDay: isAllDay ? { startDay: start.local.days, endDay: end.local.days } : undefined,
  };
}

/** The occurrence (or exception) that originally started at `originalStartMs`; undefined if none or cancelled. */
export function findOccurrence(master: StoredEvent, originalStartMs: number): Instance | undefined {
  const series = master.series;
  if (!series || series.cancelled.has(originalStartMs)) return undefined;
  const day = epochMsToLocal(master.content.start.zone, originalStartMs).days;
  if (!isPatternDay(series.recurrence, day)) return undefined;
  const occurrence = occurrenceOn(master, day);
  return occurrence.originalStartMs === originalStartMs ? occurrence : undefined;
}

/** The occurrence on a pattern date, with its exception applied when there is one. */
export function occurrenceOn(master: StoredEvent, day: number): Instance {
  const { start, end, isAllDay } = master.content;
  const originalStartMs = localToEpochMs(start.zone, { days: day, msOfDay: start.local.msOfDay });
  const override = master.series?.exceptions.get(originalStartMs);
  if (override) return exceptionInstance(master, originalStartMs, day, override);
  const endDay = day + (end.local.days - start.local.days);
  return {
    event: master,
    originalStartMs,
    originalDay: day,
    override,
    startMs: originalStartMs,
    endMs: isAllDay ? localToEpochMs(end.zone, { days: endDay, msOfDay: 0 }) : originalStartMs + (end.ms - start.ms),
    allDay: isAllDay ? { startDay: day, endDay } : undefined,
  };
}

function exceptionInstance(master: StoredEvent, originalStartMs: number, originalDay: number, override: OccurrenceOverride): Instance {
  const content = effectiveContent(master.content, override);
  return {
    event: master,
    originalStartMs,
    originalDay,
    override,
    startMs: content.start.ms,
    endMs: content.end.ms,
    allDay: content.isAllDay ? { startDay: content.start.local.days, endDay: content.end.local.days } : undefined,
  };
}

export function effectiveContent(master: EventContent, override: OccurrenceOverride | undefined): EventContent {
  return override ? { ...master, ...override.content } : master;
}

function seriesInstances(master: StoredEvent, fromMs: number, toMs: number): Instance[] {
  const series = master.series!;
  const { start, end } = master.content;
  // Scan a little wider than the window: zones are at most ±14 h from UTC, and an occurrence that
  // starts before the window may still overlap it.
  const spanDays = Math.ceil(Math.max(0, end.ms - start.ms) / DAY_MS) + 2;
  const fromDay = Math.floor(fromMs / DAY_MS) - spanDays;
  const toDay = Math.floor(toMs / DAY_MS) + 2;
  const result: Instance[] = [];
  for (const day of patternDays(series.recurrence, fromDay)) {
    if (day > toDay) break;
    const occurrence = occurrenceOn(master, day);
    const original = occurrence.originalStartMs!;
    if (series.cancelled.has(original) || series.exceptions.has(original)) continue;
    result.push(occurrence);
  }
  // Exceptions may have moved away from their pattern date, so they are checked on their own.
  for (const [original, override] of series.exceptions) {
    if (series.cancelled.has(original)) continue;
    result.push(exceptionInstance(master, original, epochMsToLocal(start.zone, original).days, override));
  }
  return result;
}
