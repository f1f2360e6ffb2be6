/**
 * The fast path of turning a wire timestamp into a canonical instant ("YYYY-MM-DDTHH:MM:SSZ").
 * Almost every timestamp the services send is UTC or carries its offset: those need no time-zone
 * rules, and Temporal's general parser costs ~10× more than this (it dominated the adapters' CPU
 * in npm run bench). Anything unusual (other forms, out-of-range fields, early years) returns
 * undefined, and the caller takes the Temporal path, so results and errors stay Temporal's.
 */
const STAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))?$/i;

/** Zones whose wall clock is UTC at every instant, so a wall-clock time in them is a UTC time. */
export const UTC_ZONES: ReadonlySet<string> = new Set(['UTC', 'Etc/UTC', 'Etc/UCT', 'UCT', 'Etc/Universal', 'Universal', 'Etc/Zulu', 'Zulu', 'Etc/GMT', 'GMT']);

/**
 * What the text must be: `offset` an instant with `Z` or an offset (Temporal.Instant.from),
 * `wall` a wall-clock time without one, read as UTC (PlainDateTime in a UTC zone), `either` both.
 */
export type InstantForm = 'offset' | 'wall' | 'either';

/**
 * `text` as a canonical instant, fractions of a second dropped as Temporal's
 * toString({ smallestUnit: 'second' }) does; undefined: not a plain case, use Temporal.
 */
export function fastInstant(text: string, form: InstantForm): string | undefined {
  const m = STAMP.exec(text);
  if (!m || (form === 'offset' && m[7] === undefined) || (form === 'wall' && m[7] !== undefined)) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (year < 1000 || hour > 23 || minute > 59 || second > 59) return undefined;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  // Date.UTC rolls 30 February over into March: such a date is not what it says.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  let offsetMinutes = 0;
  if (m[8] !== undefined) {
    const hours = Number(m[8]);
    const minutes = Number(m[9]);
    if (hours > 23 || minutes > 59) return undefined;
    offsetMinutes = (m[7]!.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  const instant = new Date(wall - offsetMinutes * 60_000).toISOString();
  return instant.startsWith('-') || instant.startsWith('+') ? undefined : `${instant.slice(0, 19)}Z`;
}
