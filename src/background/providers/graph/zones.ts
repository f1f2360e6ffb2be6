/**
 * Time zones at the Graph boundary. Outlook names zones the Windows way ("W. Europe Standard
 * Time"), Tandem's canonical zones are IANA; the two are mapped through CLDR's windowsZones table
 * (windows-iana): Windows → IANA takes the first name for territory 001, IANA → Windows the first
 * Windows name (calendar-apis.md §2.6, §3 item 1). Wall-clock arithmetic is Temporal's, so DST is
 * honoured. Graph's "tzone://Microsoft/Custom" (a zone defined inside the item) means the mailbox's.
 */
import { Temporal } from 'temporal-polyfill';
import { findIana, findWindows } from 'windows-iana';
import { fastInstant, UTC_ZONES } from '../instants.ts';

const CUSTOM_ZONE = 'tzone://Microsoft/Custom';
const known = new Map<string, boolean>();
// windows-iana scans its tables on every lookup (~0.1 ms); every Graph row asks for two or three
// zones, so answers are remembered (a few hundred names at most).
const ianaOfWindows = new Map<string, string | null>();
const windowsOfIana = new Map<string, string | null>();

function firstIana(windowsName: string): string | undefined {
  let iana = ianaOfWindows.get(windowsName);
  if (iana === undefined) {
    iana = findIana(windowsName)[0] ?? null;
    ianaOfWindows.set(windowsName, iana);
  }
  return iana ?? undefined;
}

/** Whether Temporal knows this IANA zone. */
export function isIanaZone(name: string): boolean {
  let ok = known.get(name);
  if (ok === undefined) {
    try {
      Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(name);
      ok = true;
    } catch {
      ok = false;
    }
    known.set(name, ok);
  }
  return ok;
}

/** The IANA zone for a Graph zone name (Windows or IANA); `fallback` for custom, missing or unknown names. */
export function toIana(name: string | null | undefined, fallback: string): string {
  if (!name || name === CUSTOM_ZONE) return fallback;
  const iana = firstIana(name);
  if (iana !== undefined) return iana;
  return isIanaZone(name) ? name : fallback;
}

export function isWindowsZone(name: string): boolean {
  return firstIana(name) !== undefined;
}

/** The Windows name Graph stores for an IANA zone; undefined when CLDR has none. */
export function toWindows(iana: string): string | undefined {
  let windows = windowsOfIana.get(iana);
  if (windows === undefined) {
    windows = findWindows(iana)[0] ?? null;
    windowsOfIana.set(iana, windows);
  }
  return windows ?? undefined;
}

/** Graph's wall-clock form of an instant in a zone: "YYYY-MM-DDTHH:MM:SS", no offset. */
export function wallClock(instant: string, zone: string): string {
  return Temporal.Instant.from(instant).toZonedDateTimeISO(zone).toPlainDateTime().toString({ smallestUnit: 'second' });
}

/** The date an instant falls on in a zone. */
export function localDate(instant: string, zone: string): string {
  return Temporal.Instant.from(instant).toZonedDateTimeISO(zone).toPlainDate().toString();
}

/** Whether an instant is midnight on the wall clock of a zone. */
export function isLocalMidnight(instant: string, zone: string): boolean {
  const zoned = Temporal.Instant.from(instant).toZonedDateTimeISO(zone);
  return zoned.hour === 0 && zoned.minute === 0 && zoned.second === 0;
}

/**
 * The instant of a Graph wall-clock time in a zone, as a canonical instant (UTC, whole seconds).
 * Times in a DST gap move forward, repeated times take the earlier instant, as Exchange does.
 */
export function instantOf(dateTime: string, zone: string): string {
  const fast = UTC_ZONES.has(zone) ? fastInstant(dateTime, 'wall') : undefined;
  if (fast !== undefined) return fast;
  const zoned = Temporal.PlainDateTime.from(dateTime).toZonedDateTime(zone, { disambiguation: 'compatible' });
  return canonicalInstant(zoned.toInstant().toString());
}

/** A Graph timestamp (seven fractional digits) as JavaScript's ISO form, for "later change wins". */
export function isoTimestamp(text: string): string {
  return new Date(Date.parse(withZone(text))).toISOString();
}

/** Any ISO instant ("…Z" or with an offset; UTC when it has neither) → "YYYY-MM-DDTHH:MM:SSZ". */
export function canonicalInstant(text: string): string {
  return fastInstant(text, 'either') ?? Temporal.Instant.from(withZone(text)).toString({ smallestUnit: 'second' });
}

function withZone(text: string): string {
  return /(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text}Z`;
}
