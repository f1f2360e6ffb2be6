/**
 * Field-level three-way merge of a linked pair of events against their last-synced snapshots.
 * Each side is compared only with its own snapshot (so lossy mappings never ping-pong); a field
 * changed on one side flows to the other through the mirror projection; changed on both, the later
 * modification wins and the conflict is recorded with the losing value.
 */
import { sameField } from './canonical.ts';
import { projectToMirror, projectToSource, type MirrorPolicy } from './mirror.ts';
import { SYNCED_FIELDS, type CanonicalEvent, type Side, type SyncedField } from './model.ts';
import type { PairConfig } from './pair.ts';

export interface SideState {
  readonly snapshot: CanonicalEvent;
  readonly current: CanonicalEvent;
  /** ISO time of the side's last modification (Google updated / Graph lastModifiedDateTime). */
  readonly modifiedAt: string;
}

export interface MergeInput {
  readonly pair: PairConfig;
  readonly policy: MirrorPolicy;
  readonly sourceSide: Side;
  readonly source: SideState;
  readonly mirror: SideState;
}

export interface FieldConflict {
  readonly field: SyncedField;
  readonly winner: Side;
  /** The value that lost, as the losing side had it. */
  readonly losingValue: unknown;
}

export interface Write {
  readonly event: CanonicalEvent;
  readonly changed: readonly SyncedField[];
}

export interface MergeResult {
  readonly writeSource: Write | null;
  readonly writeMirror: Write | null;
  readonly conflicts: readonly FieldConflict[];
  /** Mirror edits undone because they may not flow back (one-way pair, placeholder, rule). */
  readonly overwritten: readonly SyncedField[];
}

export function merge(input: MergeInput): MergeResult {
  const { pair, policy, source, mirror } = input;
  const mirrorSide: Side = input.sourceSide === 'google' ? 'outlook' : 'google';
  const wantedBefore = projectToMirror(source.snapshot, pair, policy, mirrorSide);
  const wantedNow = projectToMirror(source.current, pair, policy, mirrorSide);
  const mirrorNext: Record<string, unknown> = { ...mirror.current };
  const sourceNext: Record<string, unknown> = { ...source.current };
  const conflicts: FieldConflict[] = [];
  const overwritten: SyncedField[] = [];

  for (const field of mergedFields(policy)) {
    const sourceChanged = !sameField(field, wantedBefore, wantedNow);
    const mirrorChanged = !sameField(field, mirror.snapshot, mirror.current);
    if (!sourceChanged && !mirrorChanged) continue;
    // Both sides made the same edit (or the mirror already shows the source's new value).
    if (sourceChanged && mirrorChanged && sameField(field, wantedNow, mirror.current)) continue;
    const back = mirrorChanged ? projectToSource(field, mirror.current, source.current, pair, policy) : undefined;
    if (sourceChanged && (!mirrorChanged || back === undefined)) {
      mirrorNext[field] = wantedNow[field];
      if (mirrorChanged) overwritten.push(field);
    } else if (!sourceChanged) {
      if (back === undefined) {
        mirrorNext[field] = wantedNow[field];
        overwritten.push(field);
      } else {
        sourceNext[field] = back;
      }
    } else {
      const winner = laterSide(input);
      if (winner === input.sourceSide) {
        mirrorNext[field] = wantedNow[field];
        conflicts.push({ field, winner, losingValue: mirror.current[field] });
      } else {
        sourceNext[field] = back;
        conflicts.push({ field, winner, losingValue: source.current[field] });
      }
    }
  }
  return {
    writeSource: toWrite(source.current, sourceNext as unknown as CanonicalEvent),
    writeMirror: toWrite(mirror.current, mirrorNext as unknown as CanonicalEvent),
    conflicts,
    overwritten,
  };
}

/**
 * The fields a mirror carries. A meeting link travels inside the mirror's description (a mirror's
 * own conference field is never written), and fields the mirror does not carry are the user's to
 * edit freely on the mirror.
 */
export function mergedFields(policy: MirrorPolicy): SyncedField[] {
  const fields = new Set(policy.forward);
  if (fields.delete('meetingUrl')) fields.add('description');
  return SYNCED_FIELDS.filter((field) => fields.has(field));
}

/** Later modification wins; on a tie the source keeps its value. */
function laterSide(input: MergeInput): Side {
  const sourceTime = Date.parse(input.source.modifiedAt);
  const mirrorTime = Date.parse(input.mirror.modifiedAt);
  const mirrorSide: Side = input.sourceSide === 'google' ? 'outlook' : 'google';
  return mirrorTime > sourceTime ? mirrorSide : input.sourceSide;
}

function toWrite(current: CanonicalEvent, next: CanonicalEvent): Write | null {
  const changed = SYNCED_FIELDS.filter((field) => !sameField(field, current, next));
  return changed.length > 0 ? { event: next, changed } : null;
}
