/**
 * Conversions between Graph's wall-clock `dateTimeTimeZone` values and instants, done with
 * Temporal in the named zone (so DST is honoured), plus Graph's text formats. Local date-times are
 * carried as (epoch day, milliseconds into the day) so recurrence expansion can stay integer-only.
 */
import { Temporal } from 'temporal-polyfill';
import { civilFromDays, DAY_MS, daysFromCivil, formatIsoDate, pad2 } from './civil.ts';
import { ianaCandidates, isSupportedZoneName } from './zone-names.ts';

export interface LocalDateTime {
  readonly days: number;
  readonly msOfDay: number;
}

const resolved = new Map<string, string | undefined>();

/** The IANA zone Temporal uses for a supported Graph zone name; undefined when Graph rejects it. */
export function resolveZone(name: string): string | undefined {
  if (resolved.has(name)) return resolved.get(name);
  let zone: string | undefined;
  if (isSupportedZoneName(name)) {
    zone = ianaCandidates(name).find((candidate) => {
      try {
        Temporal.ZonedDateTime.from({ year: 2000, month: 1, day: 1, timeZone: candidate });
        return true;
      } catch {
        return false;
      }
    });
  }
  resolved.set(name, zone);
  return zone;
}

/** Parses Graph's "YYYY-MM-DDTHH:mm[:ss[.fffffff]]" (no offset); undefined when malformed. */
export function parseLocalDateTime(text: string): LocalDateTime | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?$/.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i] ?? 0)) as [
    number, number, number, number, number, number,
  ];
  const fraction = Number(`0.${match[7] ?? '0'}`);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const days = daysFromCivil(year, month, day);
  if (formatIsoDate(days) !== text.slice(0, 10)) return undefined; // e.g. February 30th
  return { days, msOfDay: ((hour * 60 + minute) * 60 + second) * 1000 + Math.round(fraction * 1000) };
}

/** Graph's wall-clock format: seven fractional digits, no offset ("2017-04-15T11:00:00.0000000"). */
export function formatLocalDateTime(local: LocalDateTime): string {
  const ms = local.msOfDay;
  const time = `${pad2(Math.floor(ms / 3_600_000))}:${pad2(Math.floor(ms / 60_000) % 60)}:${pad2(Math.floor(ms / 1000) % 60)}`;
  return `${formatIsoDate(local.days)}T${time}.${String(ms % 1000).padStart(3, '0')}0000`;
}

const instantMemo = new Map<string, number>();

/**
 * The instant of a wall-clock time in a zone. Nonexistent times (spring-forward gap) move forward
 * and ambiguous ones take the earlier instant ("compatible"), as Exchange does. Memoised because a
 * calendar's recurring series tend to share the same local times.
 */
export function localToEpochMs(zone: string, local: LocalDateTime): number {
  const key = `${zone}|${local.days}|${local.msOfDay}`;
  const memo = instantMemo.get(key);
  if (memo !== undefined) return memo;
  if (instantMemo.size > 500_000) instantMemo.clear();
  const { year, month, day } = civilFromDays(local.days);
  const t = local.msOfDay;
  const plain = new Temporal.PlainDateTime(year, month, day, Math.floor(t / 3_600_000), Math.floor(t / 60_000) % 60, Math.floor(t / 1000) % 60, t % 1000);
  const ms = plain.toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
  instantMemo.set(key, ms);
  return ms;
}

const OFFSET_BUCKET_MS = 15 * 60_000;
const offsetMemo = new Map<string, number>();

/**
 * The wall-clock time of an instant in a zone. The zone's UTC offset is looked up once per
 * 15-minute bucket (tzdb transitions since 1970 all fall on quarter hours UTC), because rendering a
 * large delta round converts every row's start and end.
 */
export function epochMsToLocal(zone: string, epochMs: number): LocalDateTime {
  const bucket = Math.floor(epochMs / OFFSET_BUCKET_MS);
  const key = `${zone}|${bucket}`;
  let offset = offsetMemo.get(key);
  if (offset === undefined) {
    if (offsetMemo.size > 500_000) offsetMemo.clear();
    const zoned = Temporal.Instant.fromEpochMilliseconds(bucket * OFFSET_BUCKET_MS).toZonedDateTimeISO(zone);
    offset = zoned.offsetNanoseconds / 1_000_000;
    offsetMemo.set(key, offset);
  }
  const local = epochMs + offset;
  const days = Math.floor(local / DAY_MS);
  return { days, msOfDay: local - days * DAY_MS };
}

/** Resource timestamps such as createdDateTime: UTC with seven fractional digits. */
export function formatUtcTimestamp(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 23)}0000Z`;
}

/** `originalStart`: UTC, whole seconds ("2017-04-15T19:00:00Z"). */
export function formatUtcSeconds(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
}

/**
 * A range parameter (startDateTime/endDateTime): an offset or "Z" is honoured, no offset means UTC
 * (M-DELTA-B), a bare date means its UTC midnight. Undefined when unparseable.
 */
export function parseRangeInstant(text: string): number | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return parseLocalDateTime(`${text}T00:00`)!.days * DAY_MS;
  const withOffset = /^(.*?)(Z|[+-]\d{2}:\d{2})$/i.exec(text);
  const local = parseLocalDateTime(withOffset ? withOffset[1]! : text);
  if (!local) return undefined;
  const utcMs = local.days * DAY_MS + local.msOfDay;
  if (!withOffset || withOffset[2]!.toUpperCase() === 'Z') return utcMs;
  const sign = withOffset[2]!.startsWith('-') ? -1 : 1;
  const [hours, minutes] = withOffset[2]!.slice(1).split(':').map(Number) as [number, number];
  return utcMs - sign * (hours * 60 + minutes) * 60_000;
}
