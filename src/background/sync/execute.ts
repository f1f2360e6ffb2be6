/**
 * Sending planned writes: per phase and side, in batches the adapter packs into its service's
 * batch requests; each acknowledged batch is checkpointed so a worker killed mid-run loses
 * nothing. A 412 re-reads the item and merges again (bounded rounds).
 */
import { AuthRequiredError, CancelledError, ConflictError, NotFoundError, SyncError } from './errors.ts';
import { calendarOf, provider, type PlannedWrite, type RunContext } from './context.ts';
import type { Side } from './model.ts';
import type { WriteOp } from './ports.ts';
import { reconcile } from './reconcile.ts';
import type { PairStore } from './state.ts';

const CHUNK = 100;
const MAX_ROUNDS = 3;

export interface ExecuteHooks {
  readonly store: PairStore;
  readonly onProgress?: (side: Side, done: number, total: number) => void;
}

export async function executePhase(ctx: RunContext, phase: 1 | 2, hooks: ExecuteHooks): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const due = takeWrites(ctx, phase);
    if (due.length === 0) break;
    for (const side of ['google', 'outlook'] as const) await sendSide(ctx, side, due.filter((w) => w.side === side), hooks);
    for (const key of ctx.replan) reconcile(ctx, key);
    ctx.replan.clear();
  }
  for (const leftover of takeWrites(ctx, phase)) {
    ctx.report.error({ side: leftover.side, id: null, title: leftover.title, message: 'Kept changing while we wrote it; will try again next sync.', transient: true });
  }
}

function takeWrites(ctx: RunContext, phase: 1 | 2): PlannedWrite[] {
  const due = ctx.writes.filter((w) => w.phase === phase);
  const rest = ctx.writes.filter((w) => w.phase !== phase);
  ctx.writes.length = 0;
  ctx.writes.push(...rest);
  return due;
}

async function sendSide(ctx: RunContext, side: Side, writes: readonly PlannedWrite[], hooks: ExecuteHooks): Promise<void> {
  const built = writes.flatMap((write) => {
    const op = write.build();
    return op ? [{ write, op }] : [];
  });
  // The total is known before the first batch goes: the popup shows "0 of N" rather than nothing.
  if (built.length > 0) hooks.onProgress?.(side, 0, built.length);
  for (let start = 0; start < built.length; start += CHUNK) {
    if (ctx.signal.aborted) throw new CancelledError();
    const chunk = built.slice(start, start + CHUNK);
    const ops: WriteOp[] = chunk.map(({ op }, i) => ({ ...op, ref: String(i) }));
    const outcomes = await provider(ctx, side).write(calendarOf(ctx, side), ops, ctx.signal);
    for (const [i, { write }] of chunk.entries()) {
      const outcome = outcomes[i];
      if (!outcome) continue;
      if (outcome.ok) write.onDone(outcome.event, outcome.adopted === true);
      else await handleFailure(ctx, write, outcome.error);
    }
    const { changed, removed } = ctx.links.takeChanges();
    await hooks.store.saveLinks(changed, removed);
    hooks.onProgress?.(side, Math.min(start + CHUNK, built.length), built.length);
  }
}

async function handleFailure(ctx: RunContext, write: PlannedWrite, error: Error): Promise<void> {
  if (error instanceof AuthRequiredError || error instanceof CancelledError) throw error;
  // Changed (412) or gone (404) since we read it: read it again and plan anew (a gone item is
  // then reconciled as a deletion, not reported as a failed write).
  if ((error instanceof ConflictError || error instanceof NotFoundError) && write.onConflict) {
    await write.onConflict();
    return;
  }
  const transient = error instanceof SyncError ? error.transient : false;
  const message = error instanceof NotFoundError ? 'It no longer exists.' : error.message;
  ctx.report.error({ side: write.side, id: write.deletion?.id ?? null, title: write.title, message, transient });
  ctx.deps.logger?.warn?.('write failed', { side: write.side, kind: error.name, transient });
}
