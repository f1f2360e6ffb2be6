/**
 * A worker killed mid-run. Every call the engine makes through a port (store or provider) is an
 * await point; the plan kills the worker at the `at`-th one — before the call, or after it took
 * effect but before the engine saw the result (a write the service applied but nobody recorded).
 * From then on every port call fails, so nothing the dying run still attempts is persisted: the
 * next run starts from whatever the store held at the moment of death.
 */
import type { EngineDeps } from '../../src/background/sync/context.ts';
import type { CalendarProvider, KeyValueStore } from '../../src/background/sync/ports.ts';

export class WorkerKilled extends Error {
  constructor() {
    super('worker killed (injected crash)');
    this.name = 'WorkerKilled';
  }
}

export class CrashPlan {
  private calls = 0;
  private dead = false;

  constructor(
    private readonly at: number,
    private readonly after: boolean,
  ) {}

  /** The crash happened during the run (a run with fewer port calls than `at` finishes normally). */
  get fired(): boolean {
    return this.dead;
  }

  async around<T>(call: () => Promise<T>): Promise<T> {
    if (this.dead) throw new WorkerKilled();
    this.calls++;
    if (this.calls !== this.at) return call();
    this.dead = true;
    if (this.after) await call().catch(() => undefined);
    throw new WorkerKilled();
  }
}

export function crashingDeps(deps: EngineDeps, plan: CrashPlan): EngineDeps {
  return { ...deps, google: crashingProvider(deps.google, plan), outlook: crashingProvider(deps.outlook, plan) };
}

export function crashingStore(store: KeyValueStore, plan: CrashPlan): KeyValueStore {
  return {
    get: (keys) => plan.around(() => store.get(keys)),
    scan: (prefix) => plan.around(() => store.scan(prefix)),
    set: (entries) => plan.around(() => store.set(entries)),
    remove: (keys) => plan.around(() => store.remove(keys)),
  };
}

function crashingProvider(provider: CalendarProvider, plan: CrashPlan): CalendarProvider {
  return {
    side: provider.side,
    listCalendars: (signal) => plan.around(() => provider.listCalendars(signal)),
    readChanges: (request) => plan.around(() => provider.readChanges(request)),
    getEvents: (calendarId, ids, signal) => plan.around(() => provider.getEvents(calendarId, ids, signal)),
    listOccurrences: (calendarId, seriesId, window, signal) => plan.around(() => provider.listOccurrences(calendarId, seriesId, window, signal)),
    listSeriesOccurrences: (calendarId, seriesIds, window, signal) => plan.around(() => provider.listSeriesOccurrences(calendarId, seriesIds, window, signal)),
    findMirrors: (calendarId, pair, signal) => plan.around(() => provider.findMirrors(calendarId, pair, signal)),
    write: (calendarId, ops, signal) => plan.around(() => provider.write(calendarId, ops, signal)),
    canStore: (rule, start) => provider.canStore(rule, start),
  };
}
