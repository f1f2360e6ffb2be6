/**
 * A tiny vocabulary for checking JSON at the boundary: each check says whether a value has the
 * promised shape, and `firstProblem` names the first field that does not. Extra fields are fine.
 */
export type Check = (value: unknown) => boolean;
export type Fields = Readonly<Record<string, Check>>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const isString: Check = (value) => typeof value === 'string';
export const isNonEmptyString: Check = (value) => typeof value === 'string' && value !== '';
export const isBoolean: Check = (value) => typeof value === 'boolean';
export const isNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value);
export const isInstant: Check = (value) => typeof value === 'string' && !Number.isNaN(Date.parse(value));
/** Graph's wall-clock form: "2026-03-10T09:00:00.0000000", no offset. */
export const isLocalDateTime: Check = (value) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/.test(value);

/** Absent, null, or passing `check`. */
export function optional(check: Check): Check {
  return (value) => value === undefined || value === null || check(value);
}

export function oneOf(...values: readonly string[]): Check {
  return (value) => typeof value === 'string' && values.includes(value);
}

export function arrayOf(check: Check): Check {
  return (value) => Array.isArray(value) && value.every(check);
}

export function shape(fields: Fields): Check {
  return (value) => isRecord(value) && firstProblem(value, fields) === undefined;
}

/** The name of the first field of `value` that fails its check, if any. */
export function firstProblem(value: Record<string, unknown>, fields: Fields): string | undefined {
  return Object.keys(fields).find((name) => !fields[name]!(value[name]));
}
