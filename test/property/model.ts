/**
 * fast-check generators for the whole-sync property: a case is a seed, the accounts' zones and a
 * list of actions. Weights keep the mix realistic: syncs and creations are common; bulk
 * deletions (which the deletion guard pauses for), lost state and cursor resets are occasional.
 */
import fc from 'fast-check';
import { describeCase, type Action, type CaseSpec, type EditChange, type OccurrenceChange, type Repeat, type SyncFault, type Timing, type ZoneIndex } from './actions.ts';

/** Events start within this many days of the case's start, well inside the pair's window. */
export const LAST_START_DAY = 40;

const side = fc.constantFrom('google', 'outlook');
const zone = fc.constantFrom<ZoneIndex>(0, 1, 2, 3, 4);
const day = fc.integer({ min: 1, max: LAST_START_DAY });
/** 07:00 to 20:00 local, quarter hours: no event starts in a DST gap (those are 02:00–03:00). */
const minute = fc.integer({ min: 28, max: 80 }).map((q) => q * 15);
const pick = fc.nat({ max: 30 });
/** True about once in `n` times (a user who confirms a paused pair's deletions now and then). */
const oneIn = (n: number): fc.Arbitrary<boolean> => fc.nat({ max: n - 1 }).map((x) => x === 0);

const timing: fc.Arbitrary<Timing> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('timed'), day, minute, duration: fc.integer({ min: 1, max: 12 }).map((q) => q * 15), zone }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('allDay'), day, days: fc.integer({ min: 1, max: 3 }) }) },
);

const repeat: fc.Arbitrary<Repeat | null> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.record({ freq: fc.constant('weekly'), count: fc.integer({ min: 2, max: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ freq: fc.constant('daily'), count: fc.integer({ min: 2, max: 7 }) }) },
);

const editChange: fc.Arbitrary<EditChange> = fc.oneof(
  fc.record({ field: fc.constantFrom('title', 'location', 'description') }),
  fc.record({ field: fc.constant('move'), day, minute }),
);

const occurrenceChange: fc.Arbitrary<OccurrenceChange> = fc.oneof(
  fc.record({ field: fc.constantFrom('title', 'location') }),
  fc.record({ field: fc.constant('shift'), minutes: fc.constantFrom(-120, -60, -30, 30, 60, 90) }),
);

/** How rough the weather is: the property test keeps cases short and faults cheap, the soak makes both heavy. */
export interface Mix {
  readonly minActions: number;
  readonly maxActions: number;
  /** Heavier and more frequent faults, hanging requests (timeouts) included. */
  readonly heavy: boolean;
}

export const PROPERTY_MIX: Mix = { minActions: 1, maxActions: 16, heavy: false };
export const SOAK_MIX: Mix = { minActions: 10, maxActions: 60, heavy: true };

function syncFault(mix: Mix): fc.Arbitrary<SyncFault> {
  const errors = mix.heavy ? (['5xx', '429', 'reset', 'timeout'] as const) : (['5xx', '429', 'reset'] as const);
  return fc.oneof(
    { weight: mix.heavy ? 3 : 5, arbitrary: fc.constant({ kind: 'none' as const }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('http'),
        side: fc.constantFrom('google', 'outlook', 'both'),
        error: fc.constantFrom(...errors),
        probability: mix.heavy ? fc.constantFrom(0.05, 0.15, 0.3, 0.5) : fc.constantFrom(0.05, 0.15, 0.3),
        status: fc.constantFrom(500, 502, 503, 504),
        retryAfter: fc.integer({ min: 1, max: 30 }),
      }),
    },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('crash'), at: fc.integer({ min: 1, max: mix.heavy ? 60 : 30 }), after: fc.boolean() }) },
  );
}

export function actionArbitrary(mix: Mix): fc.Arbitrary<Action> {
  const rare = mix.heavy ? 2 : 1;
  return fc.oneof(
    { weight: 10, arbitrary: fc.record({ kind: fc.constant('create'), side, timing, repeat, details: fc.boolean() }) },
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit'), side, pick, change: editChange }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('delete'), side, pick }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('createMany'), side, count: fc.integer({ min: 5, max: 10 }), timing }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('deleteMany'), side, count: fc.integer({ min: 4, max: 9 }) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('editOccurrence'), side, pick, occurrence: fc.nat({ max: 6 }), change: occurrenceChange }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancelOccurrence'), side, pick, occurrence: fc.nat({ max: 6 }) }) },
    { weight: 10, arbitrary: fc.record({ kind: fc.constant('sync'), fault: syncFault(mix), confirm: oneIn(6) }) },
    { weight: rare, arbitrary: fc.record({ kind: fc.constant('expireTokens'), hours: fc.integer({ min: 1, max: 30 }) }) },
    { weight: rare, arbitrary: fc.record({ kind: fc.constant('invalidateCursors'), side: fc.constantFrom('google', 'outlook', 'both') }) },
    { weight: rare, arbitrary: fc.constant({ kind: 'loseState' as const }) },
  );
}

/** A whole case; printed (in a failure, after shrinking) as a numbered action list with its seed. */
export function caseArbitrary(mix: Mix = PROPERTY_MIX): fc.Arbitrary<CaseSpec> {
  return fc
    .record({
      seed: fc.integer({ min: 1, max: 0x7fffffff }),
      googleZone: zone,
      outlookZone: zone,
      // Lengths spread over the whole range (fast-check's default size keeps arrays under ~10).
      actions: fc.array(actionArbitrary(mix), { minLength: mix.minActions, maxLength: mix.maxActions, size: 'max' }),
    })
    .map((spec) => Object.assign(spec, { [fc.toStringMethod]: () => `\n${describeCase(spec)}\n` }));
}
