/**
 * A realistic, reproducible calendar of N items for one side: timed singles in several time
 * zones, all-day and multi-day events, and recurring series (daily and weekly, mostly with an
 * end, a few without), some with a moved or a cancelled occurrence. Spread over the pair's
 * default window (30 days back, 365 ahead). The same seed always gives the same calendar.
 */
import { Temporal } from 'temporal-polyfill';
import { mulberry32 } from '../../test/sim/core/faults.ts';

export interface Zone {
  readonly iana: string;
  readonly windows: string;
}

/** Most events in the user's own zone, the rest in the zones of the people they work with. */
const ZONES: readonly Zone[] = [
  { iana: 'Europe/Berlin', windows: 'W. Europe Standard Time' },
  { iana: 'Europe/Berlin', windows: 'W. Europe Standard Time' },
  { iana: 'Europe/Berlin', windows: 'W. Europe Standard Time' },
  { iana: 'Europe/Berlin', windows: 'W. Europe Standard Time' },
  { iana: 'Europe/London', windows: 'GMT Standard Time' },
  { iana: 'America/New_York', windows: 'Eastern Standard Time' },
  { iana: 'Asia/Tokyo', windows: 'Tokyo Standard Time' },
  { iana: 'Asia/Kolkata', windows: 'India Standard Time' },
];

export interface SeriesSpec {
  readonly freq: 'DAILY' | 'WEEKLY';
  /** Occurrences; null = no end. */
  readonly count: number | null;
  /** Index of an occurrence moved by an hour (an exception), if any. */
  readonly moved: number | null;
  /** Index of a cancelled occurrence, if any. */
  readonly cancelled: number | null;
}

export interface ItemSpec {
  readonly title: string;
  readonly location: string | null;
  readonly description: string | null;
  readonly zone: Zone;
  readonly date: Temporal.PlainDate;
  /** "HH:MM" local time, or null for all-day. */
  readonly time: string | null;
  /** Minutes for timed events, days for all-day ones. */
  readonly length: number;
  readonly series: SeriesSpec | null;
}

export interface MixCounts {
  readonly timed: number;
  readonly allDay: number;
  readonly multiDay: number;
  readonly series: number;
  readonly seriesWithException: number;
  readonly unboundedSeries: number;
}

const WORDS = ['Review', 'Sync', 'Planning', 'Call', 'Lunch', 'Workshop', 'Interview', 'Retro', 'Demo', 'Check-in', 'Dentist', 'Gym', 'Flight', 'Offsite'];
const PLACES = ['Room 4', 'Teams', 'Kastanienallee 12', 'HQ 3rd floor', 'Café Einstein', 'Zoom'];

export function generateMix(side: 'google' | 'outlook', n: number, today: Temporal.PlainDate, seed: number): ItemSpec[] {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const items: ItemSpec[] = [];
  for (let i = 0; i < n; i++) {
    const roll = random();
    const date = today.add({ days: int(-29, 363) });
    const title = `${side === 'google' ? 'G' : 'O'}${i} ${pick(WORDS)}`;
    const base = { title, location: random() < 0.4 ? pick(PLACES) : null, description: random() < 0.3 ? `Notes for ${title}: agenda, links and dial-in.` : null, date };
    if (roll < 0.7) {
      items.push({ ...base, zone: pick(ZONES), time: `${String(int(7, 19)).padStart(2, '0')}:${pick(['00', '15', '30', '45'])}`, length: pick([15, 30, 45, 60, 90, 120]), series: null });
    } else if (roll < 0.8) {
      items.push({ ...base, zone: ZONES[0] as Zone, time: null, length: 1, series: null });
    } else if (roll < 0.9) {
      items.push({ ...base, zone: ZONES[0] as Zone, time: null, length: int(2, 5), series: null });
    } else {
      const unbounded = random() < 0.1;
      const count = unbounded ? null : int(4, 12);
      const occurrences = count ?? 40;
      const withException = random() < 0.35;
      const moved = withException ? int(1, Math.min(occurrences, 4) - 1) : null;
      const cancelled = withException && random() < 0.5 ? 0 : null;
      const series: SeriesSpec = { freq: random() < 0.25 ? 'DAILY' : 'WEEKLY', count, moved, cancelled };
      // Series start near now so their occurrences (and exceptions) fall inside the window.
      items.push({ ...base, date: today.add({ days: int(-14, 120) }), zone: pick(ZONES), time: `${String(int(8, 17)).padStart(2, '0')}:00`, length: pick([15, 30, 60]), series });
    }
  }
  return items;
}

export function countMix(items: readonly ItemSpec[]): MixCounts {
  const series = items.filter((i) => i.series);
  return {
    timed: items.filter((i) => !i.series && i.time).length,
    allDay: items.filter((i) => !i.series && !i.time && i.length === 1).length,
    multiDay: items.filter((i) => !i.series && !i.time && i.length > 1).length,
    series: series.length,
    seriesWithException: series.filter((i) => (i.series?.moved ?? null) !== null || (i.series?.cancelled ?? null) !== null).length,
    unboundedSeries: series.filter((i) => i.series?.count === null).length,
  };
}

/** The start of occurrence `index` of a timed series, as an instant. */
export function occurrenceStart(item: ItemSpec, index: number): Temporal.Instant {
  const step = item.series?.freq === 'DAILY' ? { days: index } : { weeks: index };
  return localStart(item, item.date.add(step));
}

export function localStart(item: ItemSpec, date: Temporal.PlainDate = item.date): Temporal.Instant {
  return Temporal.PlainDateTime.from(`${date.toString()}T${item.time ?? '00:00'}:00`).toZonedDateTime(item.zone.iana).toInstant();
}
