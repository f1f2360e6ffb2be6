/**
 * The scenarios, in the order each contender goes through them on its own pair of calendars, and
 * the user's changes before each, made in process "as the user" — the same changes, on the same
 * events, for every contender. Every change is to a single (timed) event the user made; each
 * needs exactly one write on the other side, which is what the lower bound counts.
 */
import { type Temporal } from 'temporal-polyfill';
import type { Simulators } from '../../test/sim/index.ts';
import { generateMix, localStart, type ItemSpec } from './mix.ts';
import { googleTimes, outlookTimes, seedGoogle, seedOutlook, type Account } from './seed.ts';

export type ScenarioName = 'initial' | 'echo' | 'no-change' | 'changed-1pct' | 'echo-1pct' | 'single-change';

export interface Scenario {
  readonly name: ScenarioName;
  readonly title: string;
  /** Part of the headline comparison (echo runs are shown, but are the cost of the run before). */
  readonly headline: boolean;
}

export const SCENARIOS: readonly Scenario[] = [
  { name: 'initial', title: 'initial two-way sync', headline: true },
  { name: 'echo', title: '… next run (reads back own writes)', headline: false },
  { name: 'no-change', title: 'no-change resync', headline: true },
  { name: 'changed-1pct', title: '1 % changed on both sides', headline: true },
  { name: 'echo-1pct', title: '… next run', headline: false },
  { name: 'single-change', title: 'a single event changed', headline: true },
];

/** One side's calendar as seeded: the generated items and the ids the simulator gave them. */
export interface SeededSide {
  readonly items: ItemSpec[];
  readonly ids: string[];
  readonly deleted: Set<number>;
}

export interface Seeded {
  readonly google: SeededSide;
  readonly outlook: SeededSide;
}

type Kind = 'retitle' | 'move' | 'create' | 'delete';

export function seedAccount(sims: Simulators, account: Account, n: number, today: Temporal.PlainDate): Seeded {
  const google = generateMix('google', n, today, 1000 + n);
  const outlook = generateMix('outlook', n, today, 2000 + n);
  return {
    google: { items: google, ids: seedGoogle(sims, account, google), deleted: new Set() },
    outlook: { items: outlook, ids: seedOutlook(sims, account, outlook), deleted: new Set() },
  };
}

/** Makes the user's changes for a scenario; returns the writes each side needs (at least). */
export function applyChanges(sims: Simulators, account: Account, seeded: Seeded, scenario: ScenarioName, n: number, today: Temporal.PlainDate): { google: number; outlook: number } {
  if (scenario === 'changed-1pct') {
    const k = Math.max(1, Math.round(n / 100));
    const kinds = Array.from({ length: k }, (_, j): Kind => (j % 10 === 9 ? 'delete' : j % 10 === 8 ? 'create' : j % 2 === 0 ? 'retitle' : 'move'));
    kinds.forEach((kind, j) => change(sims, account, seeded, 'google', kind, j, today));
    kinds.forEach((kind, j) => change(sims, account, seeded, 'outlook', kind, j, today));
    return { google: k, outlook: k };
  }
  if (scenario === 'single-change') {
    change(sims, account, seeded, 'google', 'retitle', 5, today);
    return { google: 0, outlook: 1 };
  }
  return { google: 0, outlook: 0 };
}

function change(sims: Simulators, account: Account, seeded: Seeded, side: 'google' | 'outlook', kind: Kind, j: number, today: Temporal.PlainDate): void {
  const own = seeded[side];
  if (kind === 'create') {
    const [item] = generateMix(side, 1, today, 9000 + j).map((spec) => ({ ...spec, title: `${spec.title} new ${j}`, series: null, time: spec.time ?? '10:00', length: spec.time ? spec.length : 30 }));
    if (side === 'google') seedGoogle(sims, account, [item as ItemSpec]);
    else seedOutlook(sims, account, [item as ItemSpec]);
    return;
  }
  const index = pickTimedSingle(own, j);
  const item = own.items[index] as ItemSpec;
  const id = own.ids[index] as string;
  const title = `${item.title} (edited ${j})`;
  const moved = localStart(item).add({ hours: 1 });
  if (side === 'google') {
    const { googleUser: user, googleCalendar: calendar } = account;
    if (kind === 'delete') sims.google.userDeleteEvent(user, calendar, id);
    else sims.google.userPatchEvent(user, calendar, id, kind === 'retitle' ? { summary: title } : googleTimes(item, moved));
  } else if (kind === 'delete') {
    sims.graph.userDeleteEvent(id);
  } else {
    sims.graph.userUpdateEvent(id, kind === 'retitle' ? { subject: title } : outlookTimes(item, moved));
  }
  if (kind === 'delete') own.deleted.add(index);
}

/** A timed single event, spread over the calendar, not deleted before; the same for every contender. */
function pickTimedSingle(side: SeededSide, j: number): number {
  const n = side.items.length;
  for (let step = 0; step < n; step++) {
    const index = (j * 7919 + 13 + step) % n;
    const item = side.items[index] as ItemSpec;
    if (!item.series && item.time !== null && !side.deleted.has(index)) return index;
  }
  throw new Error('No timed single event left to change');
}

/** Writes the initial sync needs at least, per side written to. */
export function initialWrites(seeded: Seeded): { google: number; outlook: number; outlookSeriesLookups: number } {
  const creates = (items: readonly ItemSpec[]): number => items.length;
  const moved = (items: readonly ItemSpec[]): number => items.filter((i) => (i.series?.moved ?? null) !== null).length;
  const cancelled = (items: readonly ItemSpec[]): number => items.filter((i) => (i.series?.cancelled ?? null) !== null).length;
  const withExceptions = seeded.google.items.filter((i) => (i.series?.moved ?? null) !== null || (i.series?.cancelled ?? null) !== null).length;
  return {
    // Google: a create per Outlook item, a patch per moved occurrence; a cancelled one is an EXDATE in the create.
    google: creates(seeded.outlook.items) + moved(seeded.outlook.items),
    // Outlook: a create per Google item, and a patch or delete per exception (occurrence ids must be looked up).
    outlook: creates(seeded.google.items) + moved(seeded.google.items) + cancelled(seeded.google.items),
    outlookSeriesLookups: withExceptions,
  };
}
