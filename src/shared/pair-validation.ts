/**
 * Checks a pair that arrives from outside (a message, an imported settings file): exact keys,
 * right types, sane ranges. Returns the problems in plain words; an empty list means valid.
 */
import { OPTIONAL_FIELDS, type PairConfig } from './pair.ts';

const DIRECTIONS = ['both', 'google-to-outlook', 'outlook-to-google'];
const PRIVACY = ['full', 'busy', 'title'];
const PAIR_KEYS = ['id', 'googleCalendarId', 'outlookCalendarId', 'direction', 'pastDays', 'futureDays', 'privacy', 'busyTitle', 'fields', 'filters', 'marking'];
const FILTER_KEYS = ['skipFree', 'skipTentative', 'skipDeclined', 'skipPrivate', 'skipAllDay', 'titleExclude'];
const MARKING_KEYS = ['titlePrefix', 'outlookCategory', 'googleColor'];
/** A calendar window longer than this is refused (the services page through it slowly). */
export const MAX_WINDOW_DAYS = 3660;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function hasExactKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  const present = Object.keys(value);
  return present.length === keys.length && present.every((key) => keys.includes(key));
}

export function pairProblems(value: unknown): string[] {
  if (!isRecord(value)) return ['a pair must be an object'];
  if (!hasExactKeys(value, PAIR_KEYS)) return [`a pair has exactly the keys ${PAIR_KEYS.join(', ')}`];
  const problems: string[] = [];
  for (const key of ['id', 'googleCalendarId', 'outlookCalendarId'] as const) {
    const text = value[key];
    if (typeof text !== 'string' || text.length === 0 || text.length > 512) problems.push(`${key} must be a non-empty string`);
  }
  if (!DIRECTIONS.includes(value['direction'] as string)) problems.push(`direction must be one of ${DIRECTIONS.join(', ')}`);
  if (!PRIVACY.includes(value['privacy'] as string)) problems.push(`privacy must be one of ${PRIVACY.join(', ')}`);
  for (const key of ['pastDays', 'futureDays'] as const) {
    const days = value[key];
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 0 || days > MAX_WINDOW_DAYS) problems.push(`${key} must be a whole number from 0 to ${MAX_WINDOW_DAYS}`);
  }
  if (typeof value['busyTitle'] !== 'string' || value['busyTitle'].length > 255) problems.push('busyTitle must be text of at most 255 characters');
  const fields = value['fields'];
  if (!Array.isArray(fields) || !fields.every((f) => (OPTIONAL_FIELDS as readonly unknown[]).includes(f))) problems.push(`fields must list some of ${OPTIONAL_FIELDS.join(', ')}`);
  problems.push(...filterProblems(value['filters']), ...markingProblems(value['marking']));
  return problems;
}

function filterProblems(value: unknown): string[] {
  if (!isRecord(value) || !hasExactKeys(value, FILTER_KEYS)) return [`filters has exactly the keys ${FILTER_KEYS.join(', ')}`];
  const problems = FILTER_KEYS.slice(0, 5)
    .filter((key) => typeof value[key] !== 'boolean')
    .map((key) => `filters.${key} must be true or false`);
  const pattern = value['titleExclude'];
  if (pattern !== null) {
    if (typeof pattern !== 'string' || pattern.length > 500) problems.push('filters.titleExclude must be a regular expression of at most 500 characters, or null');
    else if (!compiles(pattern)) problems.push(`filters.titleExclude is not a valid regular expression: ${pattern}`);
  }
  return problems;
}

function markingProblems(value: unknown): string[] {
  if (!isRecord(value) || !hasExactKeys(value, MARKING_KEYS)) return [`marking has exactly the keys ${MARKING_KEYS.join(', ')}`];
  const problems: string[] = [];
  if (typeof value['titlePrefix'] !== 'string' || value['titlePrefix'].length > 40) problems.push('marking.titlePrefix must be text of at most 40 characters');
  const category = value['outlookCategory'];
  if (category !== null && (typeof category !== 'string' || category.length === 0 || category.length > 255)) problems.push('marking.outlookCategory must be a category name or null');
  const color = value['googleColor'];
  if (color !== null && (typeof color !== 'string' || !/^(?:[1-9]|1[01])$/.test(color))) problems.push('marking.googleColor must be a Google event colour id (1–11) or null');
  return problems;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
}

/** The pair, or an Error listing every problem. */
export function parsePair(value: unknown): PairConfig | Error {
  const problems = pairProblems(value);
  return problems.length === 0 ? (value as PairConfig) : new Error(`Invalid pair: ${problems.join('; ')}.`);
}
