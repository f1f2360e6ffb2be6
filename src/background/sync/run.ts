/**
 * One sync of one pair, end to end: read both sides, verify, reconcile, guard deletions, write,
 * align series, and save — links at every acknowledged batch, cursors only once everything read
 * has been applied.
 */
import { calendarAccess } from './access.ts';
import { alignOccurrences } from './align.ts';
import type { EngineDeps, RunContext } from './context.ts';
import { refreshExpandedSeries } from './create.ts';
import { CancelledError, SyncError } from './errors.ts';
import { executePhase } from './execute.ts';
import { intake } from './intake.ts';
import type { Side } from './model.ts';
import type { PairConfig } from './pair.ts';
import type { KeyValueStore, RemoteEvent } from './ports.ts';
import { OccurrenceMap } from './occurrence-map.ts';
import { openLinks, preload } from './preload.ts';
import { outlookWindow, pairWindow, readSide } from './read.ts';
import { reconcile } from './reconcile.ts';
import { ReportBuilder, type PairReport } from './report.ts';
import { PairStore, STATE_SCHEMA, type PairMeta, type PauseState } from './state.ts';
import { checkDeletions, checkEmptyCalendars } from './guard.ts';
import { settleRelisted } from './relist.ts';
import { dropKeptDeletions, pauseToKeep, restoreVanished } from './keep.ts';

export type SyncPhase = 'reading-google' | 'reading-outlook' | 'planning' | 'writing-google' | 'writing-outlook' | 'saving' | 'done';

export interface Progress {
  readonly pairId: string;
  readonly phase: SyncPhase;
  readonly done: number;
  readonly total: number;
}

export interface SyncOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: Progress) => void;
  /** The user confirmed the deletions a paused run wanted to make. */
  readonly confirmDeletions?: boolean;
  /**
   * The user's other answer to a paused pair: keep the events. Nothing is deleted and what
   * vanished is made again (keep.ts). Stored until carried out; excludes `confirmDeletions`.
   */
  readonly keepPaused?: boolean;
  /** Whether each calendar is read-only, when the caller knows (else looked up once a day). */
  readonly readOnly?: Partial<Record<Side, boolean>>;
}

export async function syncPair(deps: EngineDeps, store: KeyValueStore, pair: PairConfig, options: SyncOptions = {}): Promise<PairReport> {
  if (options.confirmDeletions && options.keepPaused) throw new Error('confirmDeletions and keepPaused are two answers to a pause: give one.');
  const pairStore = new PairStore(store, pair.id);
  const meta = await pairStore.loadMeta();
  const report = new ReportBuilder(pair.id);
  const kept = options.confirmDeletions ? null : pauseToKeep(meta, options.keepPaused);
  // The answer is stored first: a run that dies before it is carried out leaves it to the next.
  if (kept && meta.paused?.answer !== 'keep') await pairStore.saveMeta({ ...meta, paused: kept });
  if (meta.paused && !options.confirmDeletions && !kept) {
    report.paused = meta.paused;
    return report.build();
  }
  const signal = options.signal ?? new AbortController().signal;
  let access: NonNullable<PairMeta['access']>;
  try {
    access = await calendarAccess(deps, pair, meta, options.readOnly, signal);
  } catch (error) {
    return failed(report, error, 'google');
  }
  // Which side the run is talking to, so a failure can say where it happened.
  let activeSide: Side = 'google';
  const progress = (phase: SyncPhase, done = 0, total = 0): void => {
    if (phase.endsWith('google')) activeSide = 'google';
    if (phase.endsWith('outlook')) activeSide = 'outlook';
    options.onProgress?.({ pairId: pair.id, phase, done, total });
  };
  const now = deps.clock.now();
  const ctx: RunContext = {
    pair,
    deps,
    signal,
    now,
    window: pairWindow(pair, now),
    links: await openLinks(pairStore, meta),
    report,
    occurrences: new OccurrenceMap(() => pairStore.loadOccurrenceIndex()),
    observed: { google: new Map(), outlook: new Map() },
    writes: [],
    history: [],
    conflicts: [],
    readOnly: { google: access.google, outlook: access.outlook },
    replan: new Set(),
    align: new Set(),
    relisted: new Set(),
  };
  try {
    return await run(ctx, pairStore, { ...meta, access }, progress, options.confirmDeletions === true, kept);
  } catch (error) {
    // Whatever was acknowledged is kept; cursors stay where they were, so nothing is lost.
    const { changed, removed } = ctx.links.takeChanges();
    await pairStore.saveLinks(changed, removed, ctx.links.takeSummary());
    return failed(report, error, activeSide);
  }
}

async function run(
  ctx: RunContext,
  pairStore: PairStore,
  meta: PairMeta,
  progress: (phase: SyncPhase, done?: number, total?: number) => void,
  confirmed: boolean,
  kept: PauseState | null,
): Promise<PairReport> {
  const { pair, deps } = ctx;
  progress('reading-google');
  const google = await readSide(ctx, 'google', meta.googleCursor, ctx.window, (n) => progress('reading-google', n, n));
  progress('reading-outlook');
  const { window: oWindow, reuse } = outlookWindow(meta, ctx.window);
  const outlook = await readSide(ctx, 'outlook', reuse ? meta.outlookCursor : null, oWindow, (n) => progress('reading-outlook', n, n));
  progress('planning');
  const emptied = confirmed || kept ? null : checkEmptyCalendars(ctx, { google, outlook });
  if (emptied) return pause(ctx, pairStore, meta, emptied);
  const onProgress = (side: Side, done: number, total: number): void => progress(side === 'google' ? 'writing-google' : 'writing-outlook', done, total);
  // Before the first write: should this run die mid-write, the next one knows to look for mirrors.
  const writing = async (): Promise<void> => {
    if (ctx.writes.length > 0 || ctx.align.size > 0 || kept) await pairStore.saveMeta({ ...(await pairStore.loadMeta()), writing: ctx.now });
  };
  const today = new Date(ctx.now).toISOString().slice(0, 10);
  await preload(ctx, { google, outlook }, { all: kept !== null || typeof meta.writing === 'number', refreshExpanded: meta.expandedRefreshedOn !== today });
  if (kept) await writing();
  if (kept && !(await restoreVanished(ctx, kept, { store: pairStore, onProgress }))) return unfinishedKeep(ctx, pairStore);
  const lookForMirrors = ctx.links.size === 0 || typeof meta.writing === 'number';
  const mirrors: readonly RemoteEvent[] | null = lookForMirrors ? await deps.outlook.findMirrors(pair.outlookCalendarId, pair.id, ctx.signal) : null;
  // Mirrors found by marker are looked up like rows.
  if (mirrors) await ctx.links.prepare(3 * mirrors.length);
  await intake(ctx, { google, outlook }, mirrors);
  // A run that died mid-write may have re-timed a series without re-applying its occurrences.
  if (typeof meta.writing === 'number') for (const link of ctx.links.all()) if (link.kind === 'series' && !link.expanded) ctx.align.add(link.key);
  if (meta.expandedRefreshedOn !== today) {
    for (const link of ctx.links.where((l) => l.kind === 'series' && l.expanded)) await refreshExpandedSeries(ctx, link.key);
  }
  // Once per link, however many sides reported it.
  for (const key of new Set([...ctx.observed.google.keys(), ...ctx.observed.outlook.keys()])) reconcile(ctx, key);
  if (kept) dropKeptDeletions(ctx, kept);
  const tooMany = confirmed ? null : checkDeletions(ctx);
  if (tooMany) return pause(ctx, pairStore, meta, tooMany);

  if (!kept) await writing();
  await executePhase(ctx, 1, { store: pairStore, onProgress });
  await alignOccurrences(ctx);
  await executePhase(ctx, 2, { store: pairStore, onProgress });

  progress('saving');
  const { changed, removed } = ctx.links.takeChanges();
  await pairStore.saveLinks(changed, removed, ctx.links.takeSummary());
  await pairStore.appendHistory(ctx.history);
  await pairStore.appendConflicts(ctx.conflicts);
  const commit = !ctx.report.hasTransientErrors;
  await pairStore.saveMeta(
    {
      ...meta,
      schema: STATE_SCHEMA,
      googleCursor: commit ? google.cursor : meta.googleCursor,
      outlookCursor: commit ? outlook.cursor : meta.outlookCursor,
      outlookWindow: commit ? oWindow : meta.outlookWindow,
      lastRunAt: ctx.now,
      paused: null,
      expandedRefreshedOn: today,
      writing: null,
    },
    ctx.occurrences.takeChanged(),
  );
  // Only now, with a cursor read after our writes stored, may relisted series drop their flag.
  if (commit) await pairStore.saveLinks(settleRelisted(ctx), [], ctx.links.takeSummary());
  ctx.report.committed = commit;
  progress('done');
  return ctx.report.build();
}

/**
 * Expected failures (sign-in needed, throttled too long, a malformed answer…) end the run with a
 * clear error in the report; anything else is a bug and surfaces as one.
 */
function failed(report: ReportBuilder, error: unknown, side: Side): PairReport {
  if (!(error instanceof SyncError)) throw error;
  report.error({ kind: error.kind, side, id: null, title: '', message: error.message, transient: error.transient || error instanceof CancelledError });
  return report.build();
}

/** Some kept event could not be made again yet: the answer stays stored, no cursor moves. */
async function unfinishedKeep(ctx: RunContext, pairStore: PairStore): Promise<PairReport> {
  const { changed, removed } = ctx.links.takeChanges();
  await pairStore.saveLinks(changed, removed, ctx.links.takeSummary());
  ctx.report.error({ side: 'google', id: null, title: '', message: 'Some kept events could not be brought back yet; the next sync tries again.', transient: true });
  return ctx.report.build();
}

async function pause(ctx: RunContext, pairStore: PairStore, meta: PairMeta, paused: PauseState): Promise<PairReport> {
  // Nothing is written and no cursor moves: after the user decides, the same changes are read again.
  await pairStore.saveMeta({ ...meta, paused, lastRunAt: ctx.now });
  ctx.report.paused = paused;
  return ctx.report.build();
}
