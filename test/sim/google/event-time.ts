/**
 * Instants, wall-clock times, dates and zones. All zone arithmetic goes through Temporal (tzdb via
 * Intl); the results are memoised because listings convert the same values again and again, and
 * Temporal conversions cost tens of microseconds each.
 */
import { Temporal } from 'temporal-polyfill';

const WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const WITHOUT_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const CACHE_LIMIT = 200_000;

/** "Wall-clock as if UTC": Date.UTC of a local date-time's fields. rrule computes in this space. */
export type FloatingMs = number;

/** RFC 3339 with a mandatory offset (Google's rule for timeMin/timeMax and offset-bearing dateTimes). */
export function parseInstant(text: string): number | undefined {
  const m = WITH_OFFSET.exec(text);
  if (!m) return undefined;
  const ms = Date.parse(text.replace(/\.\d+/, ''));
  return Number.isNaN(ms) || !fieldsValid(m) ? undefined : ms;
}

/** A local date-time without offset, as floating milliseconds. */
export function parseLocal(text: string): FloatingMs | undefined {
  const m = WITHOUT_OFFSET.exec(text);
  if (!m || !fieldsValid(m)) return undefined;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

export function isDate(text: string): boolean {
  const m = DATE_ONLY.exec(text);
  return m !== null && fieldsValid(m);
}

function fieldsValid(m: RegExpExecArray): boolean {
  const [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  const timeOk = m[4] === undefined || (+m[4] < 24 && +m[5]! < 60 && +m[6]! < 60);
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d && timeOk;
}

const zoneValidity = new Map<string, boolean>();

/** IANA names only: Google rejects offsets and abbreviations as event or list time zones. */
export function isValidZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    try {
      valid = /^[A-Za-z]/.test(zone) && Temporal.Now.instant().toZonedDateTimeISO(zone) !== undefined;
    } catch {
      valid = false;
    }
    zoneValidity.set(zone, valid);
  }
  return valid;
}

const offsetCache = new Map<string, number>();

/** Zone offset in ms at an instant; memoised per 15-minute bucket (tzdb transitions fall on them). */
function offsetAt(ms: number, zone: string): number {
  const bucket = Math.floor(ms / 900_000);
  const key = `${zone}|${bucket}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    if (offsetCache.size > CACHE_LIMIT) offsetCache.clear();
    const zoned = Temporal.Instant.fromEpochMilliseconds(bucket * 900_000).toZonedDateTimeISO(zone);
    offset = zoned.offsetNanoseconds / 1_000_000;
    offsetCache.set(key, offset);
  }
  return offset;
}

const wallCache = new Map<string, number>();

/** The instant of a wall-clock time in a zone; gaps resolve forward ("compatible", RFC 5545 §3.3.5). */
export function floatingToInstant(floating: FloatingMs, zone: string): number {
  const key = `${zone}|${floating}`;
  let ms = wallCache.get(key);
  if (ms === undefined) {
    if (wallCache.size > CACHE_LIMIT) wallCache.clear();
    const d = new Date(floating);
    const wall = new Temporal.PlainDateTime(
      d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(),
    );
    ms = wall.toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
    wallCache.set(key, ms);
  }
  return ms;
}

export function instantToFloating(ms: number, zone: string): FloatingMs {
  return ms + offsetAt(ms, zone);
}

/** RFC 3339 in a zone, as Google renders dateTime: seconds precision, "Z" when the offset is zero. */
export function formatInZone(ms: number, zone: string): string {
  const offset = offsetAt(ms, zone);
  const local = new Date(ms + offset).toISOString().slice(0, 19);
  return local + formatOffset(offset);
}

function formatOffset(offsetMs: number): string {
  if (offsetMs === 0) return 'Z';
  const sign = offsetMs < 0 ? '-' : '+';
  const minutes = Math.abs(offsetMs) / 60_000;
  return `${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `updated`/`created` timestamps: UTC with milliseconds. */
export function isoMillis(ms: number): string {
  return new Date(ms).toISOString();
}

const dateCache = new Map<string, number>();

/** Midnight starting a date in a zone: how all-day events meet instant bounds. */
export function dateStartInstant(date: string, zone: string): number {
  const key = `${zone}|${date}`;
  let ms = dateCache.get(key);
  if (ms === undefined) {
    if (dateCache.size > CACHE_LIMIT) dateCache.clear();
    ms = floatingToInstant(dateToFloating(date), zone);
    dateCache.set(key, ms);
  }
  return ms;
}

export function dateToFloating(date: string): FloatingMs {
  return Date.parse(`${date}T00:00:00Z`);
}

export function floatingToDate(floating: FloatingMs): string {
  return new Date(floating).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return floatingToDate(dateToFloating(date) + days * DAY_MS);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((dateToFloating(to) - dateToFloating(from)) / DAY_MS);
}

/** `20260329T080000Z` (instance ids, UNTIL) from an instant. */
export function compactUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, '') + 'Z';
}

/** `20260329` from a date. */
export function compactDate(date: string): string {
  return date.replace(/-/g, '');
}
