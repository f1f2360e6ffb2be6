/**
 * The service worker's sync in Chromium, scenario by scenario as in the Node bench (the same
 * calendars, the same user changes): the first run is the one pairing starts (`pairs/save`), the
 * rest are "Sync now" (`sync/now`). Wall time runs from the message to the run's own `finishedAt`
 * (both on this machine's clock); traffic comes from the simulators' request logs; the worker's JS
 * heap is read over CDP (after a full GC before the run, sampled during it, after it and after a
 * full GC again).
 */
import type { Page } from 'playwright-core';
import type { Temporal } from 'temporal-polyfill';
import { withDefaults } from '../../../src/shared/pair.ts';
import type { PairResult } from '../../../src/shared/messaging/types.ts';
import type { ExtensionSession } from '../../../test/e2e/harness/extension.ts';
import { ask, waitForSync } from '../../../test/e2e/harness/messages.ts';
import type { Simulators } from '../../../test/sim/index.ts';
import { applyChanges, initialWrites, SCENARIOS, type ScenarioName, type Seeded } from '../scenarios.ts';
import type { Account } from '../seed.ts';
import { traffic, type SideTraffic } from '../traffic.ts';
import { attachWorkerHeap } from './worker-heap.ts';

export interface WorkerHeapFigures {
  /** Used heap after a full GC just before the run. */
  readonly beforeBytes: number;
  /** Largest used heap sampled during the run. */
  readonly peakBytes: number;
  /** Used heap when the run had finished, and after a full GC then. */
  readonly afterBytes: number;
  readonly liveAfterBytes: number;
  readonly samples: number;
}

export interface WorkerSyncRun {
  readonly scenario: ScenarioName;
  readonly wallMs: number;
  readonly google: SideTraffic;
  readonly outlook: SideTraffic;
  readonly neededWrites: { readonly google: number; readonly outlook: number };
  readonly heap: WorkerHeapFigures | null;
  readonly reported: { readonly ok: boolean; readonly created: number; readonly updated: number; readonly deleted: number; readonly errors: readonly string[] };
}

export const BROWSER_PAIR_ID = 'bench-browser';

export async function runWorkerSync(
  session: ExtensionSession,
  page: Page,
  sims: Simulators,
  account: Account,
  seeded: Seeded,
  n: number,
  today: Temporal.PlainDate,
  onRun: (run: WorkerSyncRun) => void,
): Promise<WorkerSyncRun[]> {
  const runs: WorkerSyncRun[] = [];
  let previous = 0;
  for (const scenario of SCENARIOS) {
    const initial = scenario.name === 'initial' ? initialWrites(seeded) : null;
    const needed = initial ?? applyChanges(sims, account, seeded, scenario.name, n, today);
    const heap = await attachWorkerHeap(session).catch(() => null);
    try {
      const beforeBytes = heap ? await heap.live() : 0;
      const marks = { google: sims.google.log.mark(), outlook: sims.graph.log.mark() };
      const watch = heap?.watch();
      const started = Date.now();
      if (initial) {
        await ask(page, 'pairs/save', { pair: withDefaults({ id: BROWSER_PAIR_ID, googleCalendarId: account.googleCalendar, outlookCalendarId: account.outlookCalendar }) });
      } else {
        await ask(page, 'sync/now', { pairId: BROWSER_PAIR_ID });
      }
      const state = await waitForSync(page, (s) => (s.results[BROWSER_PAIR_ID]?.finishedAt ?? 0) > previous, 600_000);
      const result = state.results[BROWSER_PAIR_ID] as PairResult;
      previous = result.finishedAt;
      const sampled = watch ? await watch.stop() : null;
      const afterBytes = heap ? (await heap.usage()).usedSize : 0;
      const liveAfterBytes = heap ? await heap.live() : 0;
      const sum = (c: { google: number; outlook: number }): number => c.google + c.outlook;
      const run: WorkerSyncRun = {
        scenario: scenario.name,
        wallMs: result.finishedAt - started,
        google: traffic(sims.google.log.since(marks.google)),
        outlook: traffic(sims.graph.log.since(marks.outlook)),
        neededWrites: { google: needed.google, outlook: needed.outlook },
        heap: heap && sampled ? { beforeBytes, peakBytes: Math.max(sampled.peakBytes, afterBytes), afterBytes, liveAfterBytes, samples: sampled.samples } : null,
        reported: { ok: result.ok, created: sum(result.created), updated: sum(result.updated), deleted: sum(result.deleted), errors: result.errors.map((e) => e.message) },
      };
      runs.push(run);
      onRun(run);
    } finally {
      await heap?.detach();
    }
  }
  return runs;
}
