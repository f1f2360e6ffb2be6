/**
 * Single-value extended properties (M-EXTP, calendar-apis.md §2.5): ids in the three documented
 * forms, stored on POST/PATCH, read back only through
 * `$expand=singleValueExtendedProperties($filter=id eq '…')`, and searched with
 * `$filter=singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…')`.
 * The property name is matched case-sensitively, the value case-insensitively.
 */
import { bodyReadError, GraphError } from './errors.ts';
import type { ExtendedProperty, StoredEvent } from './model.ts';

const MAPI_TYPES = new Set([
  'binary', 'boolean', 'clsid', 'currency', 'double', 'float', 'integer', 'long', 'object', 'short', 'string', 'systemtime',
]);

/** Canonical key: type and GUID case-insensitive, the name case-sensitive. Undefined if malformed. */
export function propertyKey(id: string): string | undefined {
  const named = /^(\w+) \{([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\} (Name|Id) (.+)$/i.exec(id);
  if (named && MAPI_TYPES.has(named[1]!.toLowerCase())) {
    const [, type, guid, kind, name] = named as unknown as [string, string, string, string, string];
    const label = kind.toLowerCase() === 'id' ? name.toLowerCase() : name;
    return `${type.toLowerCase()}|${guid.toLowerCase()}|${kind.toLowerCase()}|${label}`;
  }
  const tagged = /^(\w+) (0x[0-9a-f]{1,4})$/i.exec(id);
  if (tagged && MAPI_TYPES.has(tagged[1]!.toLowerCase())) return `${tagged[1]!.toLowerCase()}|tag|${tagged[2]!.toLowerCase()}`;
  return undefined;
}

/** Validates a POST/PATCH `singleValueExtendedProperties` array into key → property. */
export function parseExtendedProperties(raw: unknown): Map<string, ExtendedProperty> {
  if (!Array.isArray(raw)) throw bodyReadError('singleValueExtendedProperties must be a collection.');
  const result = new Map<string, ExtendedProperty>();
  for (const item of raw as unknown[]) {
    const { id, value } = (typeof item === 'object' && item !== null ? item : {}) as { id?: unknown; value?: unknown };
    if (typeof id !== 'string' || typeof value !== 'string') {
      throw bodyReadError('A singleValueLegacyExtendedProperty needs a string id and a string value.');
    }
    const key = propertyKey(id);
    if (key === undefined) throw invalidPropertyId(id);
    result.set(key, { id, value });
  }
  return result;
}

function invalidPropertyId(id: string): GraphError {
  return new GraphError(400, 'ErrorInvalidProperty', `The extended property id '${id}' is not valid.`);
}

/** Reads an OData string literal ('it''s' → it's). */
const LITERAL = String.raw`'((?:[^']|'')*)'`;
const unescape = (text: string) => text.replace(/''/g, "'");

/**
 * Parses `singleValueExtendedProperties($filter=id eq 'a' or id eq 'b')` → property keys.
 * Undefined when $expand names nothing we know; an error for anything else.
 */
export function parseExpand(expand: string | undefined): ReadonlySet<string> | undefined {
  if (expand === undefined || expand.trim() === '') return undefined;
  const match = /^singleValueExtendedProperties\(\$filter=(.*)\)$/i.exec(expand.trim());
  if (!match) {
    throw new GraphError(400, 'BadRequest', `Parsing OData Select and Expand failed: '${expand}' is not supported here.`);
  }
  const keys = new Set<string>();
  for (const clause of match[1]!.split(/\s+or\s+/i)) {
    const id = new RegExp(`^id eq ${LITERAL}$`, 'i').exec(clause.trim());
    const key = id ? propertyKey(unescape(id[1]!)) : undefined;
    if (key === undefined) throw new GraphError(400, 'BadRequest', `Invalid filter clause: ${clause}`);
    keys.add(key);
  }
  return keys;
}

/** The properties of an event that an $expand asked for (none → the array is left out). */
export function expandedProperties(event: StoredEvent, keys: ReadonlySet<string>): ExtendedProperty[] {
  return [...keys].flatMap((key) => {
    const property = event.extended.get(key);
    return property ? [property] : [];
  });
}

export type EventPredicate = (event: StoredEvent) => boolean;

/** Parses the `$filter` forms §2.5 lists for finding events by an extended property. */
export function parseEventFilter(filter: string | undefined): EventPredicate | undefined {
  if (filter === undefined || filter.trim() === '') return undefined;
  const any = new RegExp(String.raw`^singleValueExtendedProperties/any\(\s*(\w+)\s*:\s*\1/id eq ${LITERAL}\s+and\s+(.+)\)$`, 'i').exec(
    filter.trim(),
  );
  const key = any ? propertyKey(unescape(any[2]!)) : undefined;
  const test = any && key !== undefined ? valueTest(any[1]!, any[3]!.trim()) : undefined;
  if (key === undefined || test === undefined) {
    throw new GraphError(
      501,
      'NotImplemented',
      `The Graph simulator supports only singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value …) filters, not: ${filter}`,
    );
  }
  return (event) => {
    const property = event.extended.get(key);
    return property !== undefined && test(property.value.toLowerCase());
  };
}

function valueTest(variable: string, clause: string): ((value: string) => boolean) | undefined {
  const v = variable.replace(/[^\w]/g, '');
  const compare = new RegExp(`^${v}/value (eq|ne) ${LITERAL}$`, 'i').exec(clause);
  if (compare) {
    const expected = unescape(compare[2]!).toLowerCase();
    return compare[1]!.toLowerCase() === 'eq' ? (value) => value === expected : (value) => value !== expected;
  }
  const fn = new RegExp(`^(startswith|contains)\\(\\s*${v}/value\\s*,\\s*${LITERAL}\\s*\\)$`, 'i').exec(clause);
  if (!fn) return undefined;
  const needle = unescape(fn[2]!).toLowerCase();
  return fn[1]!.toLowerCase() === 'startswith' ? (value) => value.startsWith(needle) : (value) => value.includes(needle);
}
