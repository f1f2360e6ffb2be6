/**
 * Identifier shapes, close to Exchange's (calendar-apis.md §2.2, §2.4):
 * - immutable ids ("AAkALg…", URL-safe) stay with an item for its life (M-IMM);
 * - regular ids ("AAMkAG…=", URL-safe base64 with padding) change when the item moves to another
 *   calendar; both are case-sensitive;
 * - occurrence ids embed the series master's id (in the form the client asked for) and the
 *   occurrence's original start, so they are stable per (master, originalStart);
 * - changeKeys are standard base64 (may contain "+", "/" and "=") of a per-mailbox prefix and a
 *   change counter; `@odata.etag` is `W/"<changeKey>"`;
 * - iCalUIds are Exchange GlobalObjectIds, whose date bytes are filled in for occurrences.
 */
import { randomBytes } from 'node:crypto';
import type { CivilDate } from './civil.ts';

const IMMUTABLE_PREFIX = 'AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A';
const REGULAR_PREFIX = 'AAMkAGI2';
const OCCURRENCE_PREFIX = 'AAkALgOC';
const REGULAR_OCCURRENCE_PREFIX = 'AAMkAGOC';

export type IdForm = 'immutable' | 'regular';

export function newImmutableId(): string {
  return IMMUTABLE_PREFIX + randomBytes(30).toString('base64url');
}

export function newRegularId(): string {
  return `${REGULAR_PREFIX}${randomBytes(33).toString('base64url')}AAA=`;
}

export function newCalendarId(): string {
  return `AAMkAGI2${randomBytes(24).toString('base64url')}AAA=`;
}

export function occurrenceId(masterId: string, form: IdForm, originalStartMs: number): string {
  const prefix = form === 'immutable' ? OCCURRENCE_PREFIX : REGULAR_OCCURRENCE_PREFIX;
  return prefix + Buffer.from(`${masterId}|${originalStartMs}`, 'utf8').toString('base64url');
}

/** The master id (either form) and original start encoded in an occurrence id, if it is one. */
export function parseOccurrenceId(id: string): { masterId: string; originalStartMs: number } | undefined {
  if (!id.startsWith(OCCURRENCE_PREFIX) && !id.startsWith(REGULAR_OCCURRENCE_PREFIX)) return undefined;
  const decoded = Buffer.from(id.slice(OCCURRENCE_PREFIX.length), 'base64url').toString('utf8');
  const bar = decoded.lastIndexOf('|');
  const originalStartMs = Number(decoded.slice(bar + 1));
  if (bar <= 0 || !Number.isSafeInteger(originalStartMs)) return undefined;
  // Reject ids that only decode by accident (base64url decoding is lenient).
  if (occurrenceId(decoded.slice(0, bar), 'immutable', originalStartMs).slice(8) !== id.slice(8)) return undefined;
  return { masterId: decoded.slice(0, bar), originalStartMs };
}

/** Mints changeKeys for one mailbox: 16 bytes of mailbox prefix + a 6-byte change counter. */
export class ChangeKeys {
  private readonly prefix = randomBytes(16);
  private counter = 0;

  next(): string {
    const counter = Buffer.alloc(6);
    counter.writeUIntBE(++this.counter, 0, 6);
    return Buffer.concat([this.prefix, counter]).toString('base64');
  }
}

export function etagOf(changeKey: string): string {
  return `W/"${changeKey}"`;
}

/** Accepts `W/"k"`, `"k"` or `k`; `*` matches anything. */
export function ifMatchAccepts(header: string | undefined, changeKey: string): boolean {
  if (header === undefined || header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1') === changeKey);
}

const GLOBAL_OBJECT_ID_CLASS = '040000008200E00074C5B7101A82E008';

/** A master's or single event's GlobalObjectId: class id, zero instance date, time stamp, uid. */
export function newICalUId(): string {
  const stamp = randomBytes(8).toString('hex').toUpperCase();
  const uid = randomBytes(16).toString('hex').toUpperCase();
  return `${GLOBAL_OBJECT_ID_CLASS}00000000${stamp}000000000000000010000000${uid}`;
}

/** The occurrence's GlobalObjectId: the master's with year (2 bytes), month and day filled in. */
export function occurrenceICalUId(masterICalUId: string, date: CivilDate): string {
  const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0');
  const instance = hex(date.year, 4) + hex(date.month, 2) + hex(date.day, 2);
  return masterICalUId.slice(0, 32) + instance + masterICalUId.slice(40);
}
