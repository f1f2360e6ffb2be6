/** In-memory stand-ins for the browser pieces the runtime is given. */
import type { StorageAreaLike } from '../../../src/background/runtime/area-store.ts';
import type { AlarmsLike } from '../../../src/background/runtime/schedule.ts';
import type { Clock } from '../../../src/background/sync/ports.ts';

export class FakeClock implements Clock {
  constructor(public time = Date.parse('2026-03-02T08:00:00Z')) {}
  now(): number {
    return this.time;
  }
  sleep(ms: number): Promise<void> {
    this.time += ms;
    return Promise.resolve();
  }
}

export class FakeArea implements StorageAreaLike {
  readonly data = new Map<string, unknown>();
  /** When set, `set` fails the way chrome.storage does when the area is full. */
  full = false;

  get(keys: string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys ?? [...this.data.keys()];
    return Promise.resolve(Object.fromEntries(wanted.filter((k) => this.data.has(k)).map((k) => [k, structuredClone(this.data.get(k))])));
  }
  set(items: Record<string, unknown>): Promise<void> {
    if (this.full) return Promise.reject(new Error('Resource::kQuotaBytes quota exceeded'));
    for (const [k, v] of Object.entries(items)) this.data.set(k, structuredClone(v));
    return Promise.resolve();
  }
  remove(keys: string[]): Promise<void> {
    for (const k of keys) this.data.delete(k);
    return Promise.resolve();
  }
}

export class FakeAlarms implements AlarmsLike {
  readonly alarms = new Map<string, number>();
  get(name: string): Promise<{ scheduledTime: number } | undefined> {
    const when = this.alarms.get(name);
    return Promise.resolve(when === undefined ? undefined : { scheduledTime: when });
  }
  create(name: string, info: { when: number }): Promise<void> {
    this.alarms.set(name, info.when);
    return Promise.resolve();
  }
  clear(name: string): Promise<boolean> {
    return Promise.resolve(this.alarms.delete(name));
  }
}
