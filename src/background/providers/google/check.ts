/**
 * Small helpers for validating JSON at the boundary: every failure names the response and the
 * path of the offending value, so a MalformedResponseError says exactly what Google got wrong.
 */
import { MalformedResponseError } from '../../sync/errors.ts';

export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function malformed(where: string, problem: string): MalformedResponseError {
  return new MalformedResponseError(`Google answered something unexpected: ${where} ${problem}.`);
}

export function requireRecord(value: unknown, where: string): asserts value is Json {
  if (!isRecord(value)) throw malformed(where, 'is not an object');
}

export function requireString(record: Json, key: string, where: string): void {
  if (typeof record[key] !== 'string' || record[key] === '') throw malformed(`${where}.${key}`, 'is missing or not a non-empty string');
}

/** Absent and null are fine (Google omits empty fields); anything else must have the type. */
export function optionalString(record: Json, key: string, where: string): void {
  const value = record[key];
  if (value !== undefined && value !== null && typeof value !== 'string') throw malformed(`${where}.${key}`, 'is not a string');
}

export function optionalBoolean(record: Json, key: string, where: string): void {
  const value = record[key];
  if (value !== undefined && value !== null && typeof value !== 'boolean') throw malformed(`${where}.${key}`, 'is not a boolean');
}

/** An optional array whose items each pass `check`. */
export function optionalArray(record: Json, key: string, where: string, check: (item: unknown, where: string) => void): void {
  const value = record[key];
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) throw malformed(`${where}.${key}`, 'is not an array');
  value.forEach((item, i) => check(item, `${where}.${key}[${i}]`));
}

export function optionalRecord(record: Json, key: string, where: string, check: (item: Json, where: string) => void = () => undefined): void {
  const value = record[key];
  if (value === undefined || value === null) return;
  requireRecord(value, `${where}.${key}`);
  check(value, `${where}.${key}`);
}

export function oneOf(record: Json, key: string, allowed: readonly string[], where: string): void {
  const value = record[key];
  if (value === undefined || value === null) return;
  if (typeof value !== 'string' || !allowed.includes(value)) throw malformed(`${where}.${key}`, `is ${JSON.stringify(value)}, not one of ${allowed.join('|')}`);
}

export function stringItem(item: unknown, where: string): void {
  if (typeof item !== 'string') throw malformed(where, 'is not a string');
}
