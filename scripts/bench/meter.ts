/**
 * Measurements inside the process that syncs: wall and CPU time, peak heap (sampled), and for
 * Tandem the CPU spent inside the provider adapters, so the engine's own CPU is the rest.
 *
 * Method: every adapter call is wrapped; while at least one is running (the engine awaits it),
 * the process's CPU (process.cpuUsage: user + system, all threads) counts as "adapters + HTTP".
 * The engine does nothing else while it awaits an adapter, so total − adapters = the engine's
 * own CPU: reading state, merging, planning, building write ops and saving. The planning phase
 * (from the engine's 'planning' progress event to its first write or 'saving') is also kept apart.
 */
import { getHeapStatistics } from 'node:v8';
import type { CalendarProvider, WriteOp, WriteOutcome } from '../../src/background/sync/ports.ts';
import type { SyncPhase } from '../../src/background/sync/run.ts';

export interface RunMetrics {
  readonly wallMs: number;
  readonly cpuMs: number;
  /** Tandem only: CPU inside adapter calls (mapping, HTTP client, JSON), and the rest. */
  readonly adapterCpuMs: number | null;
  readonly engineCpuMs: number | null;
  readonly planningCpuMs: number | null;
  /** Largest heapUsed sampled during the run, and heapUsed after a full GC just before it. */
  readonly heapPeakBytes: number;
  readonly heapBaseBytes: number;
  /** Rows the change feeds returned (Tandem), for the lower bound. */
  readonly feed: { readonly google: number; readonly outlookRows: number; readonly outlookMasters: number; readonly outlookRemoved: number } | null;
  /** Tandem only: the largest heapUsed right after a full GC at a change of the engine's phase (live data). */
  readonly liveHeapPeakBytes: number | null;
}

const cpuNow = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

export class Meter {
  private peak = 0;
  private depth = 0;
  private adapterStart = 0;
  private adapterCpu = 0;
  private phaseMark: { cpu: number; adapter: number } | null = null;
  private planning: number | null = null;
  private phase: SyncPhase | null = null;
  private livePeak = 0;
  /** Time spent in the GCs forced at phase changes, taken out of the run's figures. */
  private gcCpu = 0;
  private gcWall = 0;
  readonly feed = { google: 0, outlookRows: 0, outlookMasters: 0, outlookRemoved: 0 };
  /** Outlook ids the contender deleted itself, in any scenario: their `@removed` rows need no lookup. */
  private readonly ownDeletions = new Set<string>();

  /** heapUsed, the cheap way (process.memoryUsage also reads the RSS: ten times the cost). */
  sample(): void {
    const used = getHeapStatistics().used_heap_size;
    if (used > this.peak) this.peak = used;
  }

  /** The same provider, with every method's CPU counted as the adapters'. */
  wrap(provider: CalendarProvider): CalendarProvider {
    const enter = (): void => {
      this.sample();
      if (this.depth++ === 0) this.adapterStart = cpuNow();
    };
    const leave = (): void => {
      if (--this.depth === 0) this.adapterCpu += cpuNow() - this.adapterStart;
      this.sample();
    };
    const timed = <A extends unknown[], R>(call: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
      enter();
      try {
        return await call(...args);
      } finally {
        leave();
      }
    };
    return {
      side: provider.side,
      listCalendars: timed((signal) => provider.listCalendars(signal)),
      readChanges: timed(async (request) => {
        const result = await provider.readChanges(request);
        this.countFeed(provider.side, result.rows);
        return result;
      }),
      getEvents: timed((calendarId, ids, signal) => provider.getEvents(calendarId, ids, signal)),
      listOccurrences: timed((calendarId, seriesId, window, signal) => provider.listOccurrences(calendarId, seriesId, window, signal)),
      listSeriesOccurrences: timed((calendarId, seriesIds, window, signal) => provider.listSeriesOccurrences(calendarId, seriesIds, window, signal)),
      findMirrors: timed((calendarId, pair, signal) => provider.findMirrors(calendarId, pair, signal)),
      write: timed(async (calendarId, ops, signal) => {
        const outcomes = await provider.write(calendarId, ops, signal);
        if (provider.side === 'outlook') this.noteDeletions(ops, outcomes);
        return outcomes;
      }),
      canStore: (rule, start) => provider.canStore(rule, start),
    };
  }

  /** The engine's progress events mark where planning starts and ends. */
  onPhase(phase: SyncPhase): void {
    this.sample();
    if (phase !== this.phase) this.measureLive();
    this.phase = phase;
    if (phase === 'planning') this.phaseMark = { cpu: cpuNow(), adapter: this.adapterCpu };
    else if (this.phaseMark && this.planning === null && (phase.startsWith('writing') || phase === 'saving' || phase === 'done')) {
      this.planning = cpuNow() - this.phaseMark.cpu - (this.adapterCpu - this.phaseMark.adapter);
    }
  }

  async measure(run: () => Promise<unknown>, engine: boolean): Promise<RunMetrics> {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const heapBase = getHeapStatistics().used_heap_size;
    this.peak = heapBase;
    this.adapterCpu = 0;
    this.planning = null;
    this.phaseMark = null;
    this.phase = null;
    this.livePeak = 0;
    this.gcCpu = 0;
    this.gcWall = 0;
    Object.assign(this.feed, { google: 0, outlookRows: 0, outlookMasters: 0, outlookRemoved: 0 });
    const sampler = setInterval(() => this.sample(), 5);
    const cpu0 = cpuNow();
    const t0 = performance.now();
    try {
      await run();
    } finally {
      clearInterval(sampler);
    }
    const wallMs = performance.now() - t0 - this.gcWall;
    const cpuMs = cpuNow() - cpu0 - this.gcCpu;
    this.sample();
    return {
      wallMs,
      cpuMs,
      adapterCpuMs: engine ? this.adapterCpu : null,
      engineCpuMs: engine ? cpuMs - this.adapterCpu : null,
      planningCpuMs: engine ? this.planning : null,
      heapPeakBytes: this.peak,
      heapBaseBytes: heapBase,
      feed: engine ? { ...this.feed } : null,
      liveHeapPeakBytes: engine ? this.livePeak : null,
    };
  }

  /** A full GC, then heapUsed: what is alive now. Its own CPU and wall time are not the run's. */
  private measureLive(): void {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) return;
    const cpu = cpuNow();
    const wall = performance.now();
    gc();
    this.livePeak = Math.max(this.livePeak, getHeapStatistics().used_heap_size);
    this.gcCpu += cpuNow() - cpu;
    this.gcWall += performance.now() - wall;
    if (this.phaseMark) this.phaseMark.cpu += cpuNow() - cpu;
    if (this.depth > 0) this.adapterStart += cpuNow() - cpu;
  }

  private countFeed(side: 'google' | 'outlook', rows: Awaited<ReturnType<CalendarProvider['readChanges']>>['rows']): void {
    if (side === 'google') {
      this.feed.google += rows.length;
      return;
    }
    // Delta never lists series masters: those rows are the adapter's own master reads.
    const masters = rows.filter((row) => row.kind === 'event' && row.event.shape === 'master').length;
    this.feed.outlookMasters += masters;
    this.feed.outlookRows += rows.length - masters;
    this.feed.outlookRemoved += rows.filter((row) => row.kind === 'removed' && !this.ownDeletions.has(row.id)).length;
  }

  private noteDeletions(ops: readonly WriteOp[], outcomes: readonly WriteOutcome[]): void {
    ops.forEach((op, i) => {
      const id = op.op === 'delete' || op.op === 'cancel-occurrence' ? op.id : undefined;
      if (id !== undefined && outcomes[i]?.ok) this.ownDeletions.add(id);
    });
  }
}
