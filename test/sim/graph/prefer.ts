/**
 * The `Prefer` request header as Graph reads it: one or several headers (joined with ", " by the
 * server), each a comma-separated list of `name[=value]` preferences with optionally quoted values
 * (calendar-apis.md §2: `Prefer: IdType="ImmutableId", odata.maxpagesize=…`). Names are
 * case-insensitive. Honoured: outlook.timezone, IdType="ImmutableId", odata.maxpagesize.
 */
import { isSupportedZoneName } from './zone-names.ts';

export interface Preferences {
  /** Zone for timed start/end in responses, as the client spelled it; undefined = UTC. */
  readonly timeZone: string | undefined;
  readonly immutableIds: boolean;
  readonly maxPageSize: number | undefined;
}

export function parsePrefer(header: string | undefined): Preferences {
  let timeZone: string | undefined;
  let immutableIds = false;
  let maxPageSize: number | undefined;
  for (const [name, value] of splitPreferences(header ?? '')) {
    switch (name) {
      case 'outlook.timezone':
        // An unknown zone is ignored (responses stay in UTC), as the service does.
        if (isSupportedZoneName(value)) timeZone = value;
        break;
      case 'idtype':
        immutableIds = value.toLowerCase() === 'immutableid';
        break;
      case 'odata.maxpagesize': {
        const size = Number(value);
        if (Number.isInteger(size) && size > 0) maxPageSize = size;
        break;
      }
      default:
        break;
    }
  }
  return { timeZone, immutableIds, maxPageSize };
}

/** The `Preference-Applied` value for the preferences a response honoured. */
export function preferenceApplied(prefs: Preferences, paged: boolean): string | undefined {
  const applied: string[] = [];
  if (paged && prefs.maxPageSize !== undefined) applied.push(`odata.maxpagesize=${prefs.maxPageSize}`);
  if (prefs.timeZone !== undefined) applied.push(`outlook.timezone="${prefs.timeZone}"`);
  if (prefs.immutableIds) applied.push('IdType="ImmutableId"');
  return applied.length > 0 ? applied.join(', ') : undefined;
}

function splitPreferences(header: string): Array<[string, string]> {
  const result: Array<[string, string]> = [];
  for (const part of splitOutsideQuotes(header, ',')) {
    const [pref] = splitOutsideQuotes(part, ';'); // parameters after ";" are not used by Graph calendars
    const eq = pref?.indexOf('=') ?? -1;
    if (!pref || pref.trim() === '') continue;
    const name = (eq < 0 ? pref : pref.slice(0, eq)).trim().toLowerCase();
    const raw = eq < 0 ? '' : pref.slice(eq + 1).trim();
    result.push([name, unquote(raw)]);
  }
  return result;
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (char === separator && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

function unquote(value: string): string {
  // Graph also accepts single quotes (outlook.timezone='…' in the wild, docs-contrib#2549).
  const match = /^"(.*)"$|^'(.*)'$/.exec(value);
  return match ? (match[1] ?? match[2] ?? '') : value;
}
