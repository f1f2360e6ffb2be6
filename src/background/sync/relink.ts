/**
 * Local state was lost (reinstall, cleared storage) but the mirrors carry markers: link each mirror
 * to its source again instead of creating a duplicate, then bring the mirror up to date with
 * whatever changed in the meantime. A mirror whose source no longer exists is removed.
 */
import { linkKey, refOf, sourceEditable, withRef, type RunContext } from './context.ts';
import { sameField } from './canonical.ts';
import { mergedFields } from './merge.ts';
import { mirrorPolicy, projectToMirror } from './mirror.ts';
import { otherSide, type CanonicalEvent, type Side, type SyncedField } from './model.ts';
import type { RemoteEvent } from './ports.ts';
import type { Link } from './state.ts';
import { planDelete, planUpdate } from './writes.ts';

/**
 * Fields compared when re-linking. Lossy ones (free/busy detail, reminder count) are left out:
 * without a snapshot we cannot tell a real difference from a mapping artefact.
 */
const RELINK_FIELDS: readonly SyncedField[] = ['title', 'description', 'location', 'start', 'end', 'recurrence'];

export function relink(ctx: RunContext, sourceSide: Side, source: RemoteEvent | null, mirror: RemoteEvent): void {
  const mirrorSide = otherSide(sourceSide);
  const sourceId = mirror.marker?.sourceId ?? '';
  const base: Link = {
    key: linkKey(sourceSide, sourceId),
    kind: mirror.shape === 'master' ? 'series' : 'single',
    origin: sourceSide,
    google: null,
    outlook: null,
    snapshots: { google: null, outlook: null },
    syncedAt: ctx.now,
  };
  const withMirror = withRef(base, mirrorSide, refOf(mirror), mirror.event ?? null, ctx.now);
  if (!source || source.cancelled || !source.event) {
    planDelete(ctx, withMirror, mirrorSide, 'its source no longer exists');
    return;
  }
  // Occurrences of an expanded series re-link through their idempotent creates instead.
  if (source.shape === 'instance') return;
  const editable = sourceEditable(ctx, sourceSide, source);
  const link = withRef({ ...withMirror, ...(editable ? {} : { sourceReadOnly: true }) }, sourceSide, refOf(source), source.event, ctx.now);
  ctx.links.put(link);
  correctDrift(ctx, link, source.event, mirror.event ?? null);
}

/** Writes the fields where a mirror differs from what its source says it should be. */
export function correctDrift(ctx: RunContext, link: Link, source: CanonicalEvent, mirror: CanonicalEvent | null): void {
  if (!mirror) return;
  const mirrorSide = otherSide(link.origin);
  const policy = mirrorPolicy(ctx.pair, source, !link.sourceReadOnly);
  const wanted = projectToMirror(source, ctx.pair, policy, mirrorSide);
  const carried = new Set(mergedFields(policy));
  const changed = RELINK_FIELDS.filter((field) => carried.has(field) && !sameField(field, wanted, mirror));
  if (changed.length === 0) return;
  const next = { ...mirror } as Record<string, unknown>;
  for (const field of changed) next[field] = wanted[field];
  planUpdate(ctx, link.key, mirrorSide, { event: next as unknown as CanonicalEvent, changed });
}
