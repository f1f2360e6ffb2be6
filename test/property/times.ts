/** Date and zone arithmetic for generated events (Temporal, so DST is honoured). */
import { Temporal } from 'temporal-polyfill';
import { ZONES, hhmm } from './actions.ts';
import { START_DATE } from './lab.ts';

/** `START_DATE` plus `days`, as YYYY-MM-DD. */
export function dayOf(days: number, from = START_DATE): string {
  return Temporal.PlainDate.from(from).add({ days }).toString();
}

/** YYYY-MM-DDTHH:MM:00 for a generated day and local minute. */
export function wallTime(day: number, minute: number): string {
  return `${dayOf(day)}T${hhmm(minute)}:00`;
}

/** The IANA zone behind a zone name either service reports (unknown names read as UTC). */
export function ianaOf(name: string | null | undefined): string {
  if (!name) return 'UTC';
  const known = ZONES.find((z) => z.iana === name || z.outlook === name || z.windows === name);
  return known?.iana ?? 'UTC';
}

export function instantOf(wall: string, zone: string): number {
  return Temporal.PlainDateTime.from(wall).toZonedDateTime(zone).epochMilliseconds;
}

/** The wall time (YYYY-MM-DDTHH:MM:SS) of an instant in a zone. */
export function wallOf(epochMs: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone).toPlainDateTime().toString({ smallestUnit: 'second' });
}

export function isoOf(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('.000Z', 'Z');
}

/** Graph's English weekday name of a date (for a weekly pattern). */
export function weekdayOf(date: string): string {
  return ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'][Temporal.PlainDate.from(date).dayOfWeek - 1] ?? 'monday';
}

export function daysBetween(from: string, to: string): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to)).days;
}
