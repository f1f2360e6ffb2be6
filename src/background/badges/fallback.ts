/**
 * Matching Outlook items by what the page shows (content-dom.md §2.4 step 4): normalised subject
 * plus the wall-clock start in the page's time zone, exact to the minute. Built per zone on first
 * use; a key two entries share matches neither (fail closed).
 */
import type { EventTime } from '../sync/model.ts';
import type { Entry } from './entries.ts';

/** Zones tables are kept for (a browser rarely shows more than one). */
const ZONE_LIMIT = 4;

export function normaliseSubject(subject: string): string {
  return subject.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function fallbackKey(subject: string, start: string): string {
  return `${normaliseSubject(subject)}|${start}`;
}

export class FallbackTable {
  private readonly zones = new Map<string, Map<string, Entry | null> | null>();

  constructor(private readonly entries: readonly Entry[]) {}

  find(key: string, zone: string): Entry | null {
    if (!this.zones.has(zone)) {
      if (this.zones.size >= ZONE_LIMIT) this.zones.clear();
      this.zones.set(zone, this.build(zone));
    }
    return this.zones.get(zone)?.get(key) ?? null;
  }

  private build(zone: string): Map<string, Entry | null> | null {
    const wall = wallClock(zone);
    if (!wall) return null;
    const table = new Map<string, Entry | null>();
    for (const entry of this.entries) {
      if (!entry.shown) continue;
      const key = fallbackKey(entry.shown.title, wall(entry.shown.start));
      table.set(key, table.has(key) ? null : entry);
    }
    return table;
  }
}

/** `YYYY-MM-DD` for dates, `YYYY-MM-DDTHH:MM` in `zone` for instants; null for an unknown zone. */
export function wallClock(zone: string): ((time: EventTime) => string) | null {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  } catch {
    return null;
  }
  return (time) => {
    if ('date' in time) return time.date;
    const parts = Object.fromEntries(format.formatToParts(Date.parse(time.instant)).map((p) => [p.type, p.value]));
    return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}`;
  };
}
