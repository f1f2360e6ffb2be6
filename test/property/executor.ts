/**
 * Runs one case: applies each action to a fresh world (user changes through the simulators' "web
 * app" APIs, syncs through the real engine and adapters with the action's fault), keeps a ledger
 * of what the user made and deleted, and finally checks the invariants (invariants.ts).
 */
import type { World } from '../integration/engine/harness.ts';
import type { Action, CaseSpec, Repeat, Timing } from './actions.ts';
import { ZONES } from './actions.ts';
import { VIEW_RANGE, type Lab } from './lab.ts';
import { runSync } from './sync-action.ts';
import { finalChecks } from './final.ts';
import { lostEvents, type Baseline, type Violation } from './invariants.ts';
import { cancelOccurrence, createEvent, deleteEvent, editEvent, editOccurrence, type Outcome } from './user-actions.ts';
import { itemsOf, occurrencesOf, type ShownItem } from './user.ts';

export type FaultKind = 'http-5xx' | 'http-429' | 'http-reset' | 'http-timeout' | 'crash' | 'token-expiry' | 'cursor-reset' | 'state-lost';

/** What the user did, for the "nothing lost" invariant. Keys are `side:id`. */
export interface Ledger {
  readonly created: Map<string, { readonly side: 'google' | 'outlook'; readonly id: string; readonly title: string }>;
  /** Events the user deleted. */
  readonly deleted: Set<string>;
  /** Sources whose mirror the user deleted (in a two-way pair that deletes the source too). */
  readonly counterpartDeleted: Set<string>;
}

export interface CaseStats {
  actions: number;
  syncs: number;
  /** User changes the app refused (and which therefore changed nothing). */
  refused: number;
  /** Syncs the deletion guard paused (the final sync's included). */
  pauses: number;
  readonly faults: Partial<Record<FaultKind, number>>;
}

export interface CaseResult {
  readonly stats: CaseStats;
  readonly violations: readonly Violation[];
}

/** Simulated time between two actions (the user does not act within the same millisecond). */
const STEP_MS = 60_000;

export async function runCase(lab: Lab, spec: CaseSpec): Promise<CaseResult> {
  const world = lab.newWorld(spec);
  const run = new CaseRun(world, spec);
  try {
    for (const action of spec.actions) {
      world.sims.clock.advance(STEP_MS);
      await run.apply(action);
    }
    world.sims.clock.advance(STEP_MS);
    run.violations.push(...(await finalChecks(world, run.ledger, run.baseline, run.stats)));
  } catch (error) {
    run.violations.push({ kind: 'exception', detail: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  return { stats: run.stats, violations: run.violations };
}

export function countFault(stats: CaseStats, kind: FaultKind, n = 1): void {
  if (n > 0) stats.faults[kind] = (stats.faults[kind] ?? 0) + n;
}

class CaseRun {
  readonly ledger: Ledger = { created: new Map(), deleted: new Set(), counterpartDeleted: new Set() };
  readonly stats: CaseStats = { actions: 0, syncs: 0, refused: 0, pauses: 0, faults: {} };
  readonly violations: Violation[] = [];
  readonly baseline: Baseline;
  private labels = 0;

  constructor(
    private readonly world: World,
    private readonly spec: CaseSpec,
  ) {
    const { google, graph } = world.sims;
    this.baseline = { googleInvitations: google.counters.invitationsSent, graphInvitations: graph.counters.invitationsSent, googleWrites: google.writeRecords.length };
  }

  async apply(action: Action): Promise<void> {
    this.stats.actions++;
    const { world } = this;
    switch (action.kind) {
      case 'create':
        this.create(action.side, action.timing, action.repeat, action.details);
        return;
      case 'createMany':
        for (let i = 0; i < action.count; i++) this.create(action.side, { ...action.timing, day: action.timing.day + i }, null, false);
        return;
      case 'edit':
        return this.onPick(action.side, action.pick, (item) => editEvent(world, item, action.change, this.label('E')));
      case 'delete':
        return this.onPick(action.side, action.pick, (item) => this.remove(item));
      case 'deleteMany':
        for (const item of itemsOf(world, action.side).slice(0, action.count)) this.remove(item);
        return;
      case 'editOccurrence':
      case 'cancelOccurrence': {
        const series = pickFrom(itemsOf(world, action.side).filter((i) => i.series), action.pick);
        if (!series) return;
        const occurrence = pickFrom(await occurrencesOf(world, series, VIEW_RANGE), action.occurrence);
        if (!occurrence) return;
        const outcome = action.kind === 'cancelOccurrence' ? cancelOccurrence(world, series, occurrence) : editOccurrence(world, series, occurrence, action.change, this.label('E'));
        if (outcome === 'refused') this.stats.refused++;
        return;
      }
      case 'sync':
        this.stats.syncs++;
        this.violations.push(...(await runSync(world, action.fault, action.confirm, this.stats)));
        this.violations.push(...lostEvents(world, this.ledger));
        return;
      case 'expireTokens':
        countFault(this.stats, 'token-expiry');
        world.sims.clock.advance(action.hours * 3_600_000);
        return;
      case 'invalidateCursors':
        countFault(this.stats, 'cursor-reset');
        if (action.side !== 'outlook') world.sims.google.invalidateSyncTokens(world.googleCalendar);
        if (action.side !== 'google') world.sims.graph.invalidateDeltaTokens();
        return;
      case 'loseState':
        countFault(this.stats, 'state-lost');
        world.store.clear();
        return;
    }
  }

  private create(side: 'google' | 'outlook', timing: Timing, repeat: Repeat | null, details: boolean): void {
    const title = this.label(side === 'google' ? 'G' : 'O');
    const id = createEvent(this.world, side, title, timing, repeat, details ? title : null, ZONES[this.spec.outlookZone].windows);
    this.ledger.created.set(`${side}:${id}`, { side, id, title });
  }

  private remove(item: ShownItem): Outcome {
    const outcome = deleteEvent(this.world, item);
    if (outcome !== 'done') return outcome;
    this.ledger.deleted.add(`${item.side}:${item.id}`);
    if (item.marker) this.ledger.counterpartDeleted.add(`${item.marker.sourceSide}:${item.marker.sourceId}`);
    return outcome;
  }

  private onPick(side: 'google' | 'outlook', pick: number, act: (item: ShownItem) => Outcome): void {
    const item = pickFrom(itemsOf(this.world, side), pick);
    if (item && act(item) === 'refused') this.stats.refused++;
  }

  private label(prefix: string): string {
    return `${prefix}${++this.labels}`;
  }
}

function pickFrom<T>(list: readonly T[], pick: number): T | undefined {
  return list.length === 0 ? undefined : list[pick % list.length];
}
