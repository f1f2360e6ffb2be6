/**
 * The instances of a calendar in a window, sorted by start. Expanding every series of a large
 * calendar is the expensive part of calendarView and of an initial delta round, and clients page
 * through the same window many times, so results are kept until the calendar changes.
 */
import { instanceKey, instancesInWindow, type Instance } from './instances.ts';
import type { CalendarRecord } from './model.ts';
import type { GraphStore } from './store.ts';

const MAX_ENTRIES = 64;

export class WindowCache {
  private readonly entries = new Map<string, { seq: number; instances: readonly Instance[] }>();

  constructor(private readonly store: GraphStore) {}

  instances(calendar: CalendarRecord, fromMs: number, toMs: number): readonly Instance[] {
    const key = `${calendar.id}|${fromMs}|${toMs}`;
    const seq = this.store.lastSeq(calendar);
    const cached = this.entries.get(key);
    if (cached?.seq === seq) return cached.instances;
    const instances = sortByStart([...calendar.events.values()].flatMap((event) => instancesInWindow(event, fromMs, toMs)));
    this.entries.delete(key);
    this.entries.set(key, { seq, instances });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return instances;
  }
}

export function sortByStart(instances: Instance[]): Instance[] {
  const keyed = instances.map((instance) => ({ instance, key: instanceKey(instance) }));
  keyed.sort((a, b) => a.instance.startMs - b.instance.startMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.instance);
}
