/**
 * Patch semantics (calendar-apis.md §1.6, §1.7): objects merge recursively, arrays and scalars
 * replace, `null` deletes (how a patch removes an extended property key). start/end merge as a
 * unit: a new `date` or `dateTime` replaces the other, a `timeZone` in the stored value survives.
 */
import type { GEvent } from './model.ts';

/** Server-owned fields that never come from a request body. */
const READ_ONLY = new Set([
  'kind', 'etag', 'id', 'htmlLink', 'created', 'updated', 'creator', 'organizer', 'iCalUID', 'sequence',
  'recurringEventId', 'originalStartTime', 'hangoutLink', 'privateCopy', 'locked',
]);

/** The body an update would need to reproduce an event unchanged: its writable fields. */
export function writableView(resource: GEvent): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) if (!READ_ONLY.has(key)) view[key] = structuredClone(value);
  return view;
}

export function applyPatch(stored: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(patch)) {
    if (READ_ONLY.has(key)) continue;
    if (value === null) delete result[key];
    else if ((key === 'start' || key === 'end') && isPlainObject(value)) result[key] = mergeTime(result[key], value);
    else result[key] = mergeValue(result[key], value);
  }
  return result;
}

function mergeValue(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(target) || !isPlainObject(patch)) return structuredClone(patch);
  const result: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergeValue(result[key], value);
  }
  return result;
}

function mergeTime(stored: unknown, patch: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = isPlainObject(stored) ? { ...stored } : {};
  if (patch.date !== undefined) delete result.dateTime;
  if (patch.dateTime !== undefined) delete result.date;
  // A switch to an all-day date drops the zone unless the patch names one.
  if (patch.date !== undefined && patch.timeZone === undefined) delete result.timeZone;
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = value;
  }
  return result;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keysA = Object.keys(a).filter((k) => a[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => b[k] !== undefined);
  return keysA.length === keysB.length && keysA.every((k) => deepEqual(a[k], b[k]));
}
