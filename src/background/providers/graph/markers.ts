/**
 * Tandem's marker on Outlook mirrors, so they are recognised after local state is lost
 * (docs/engine.md "Markers", calendar-apis.md §2.5): two single-value extended properties in
 * Tandem's own property set, plus a transactionId derived from the create's key, which also makes
 * a retried create return the first event instead of a duplicate (§2.4). Extended properties are
 * read back only through `$expand` with their exact ids, and never appear in delta.
 */
import type { SingleValueLegacyExtendedProperty } from '@microsoft/microsoft-graph-types';
import { digestHex } from '../../sync/digest.ts';
import type { Side } from '../../sync/model.ts';
import type { MirrorMarker } from '../../sync/ports.ts';

const PROPERTY_SET = '{4f8c2d1e-7a3b-4c5d-9e6f-1a2b3c4d5e6f}';
export const PAIR_PROPERTY = `String ${PROPERTY_SET} Name TandemPair`;
export const SOURCE_PROPERTY = `String ${PROPERTY_SET} Name TandemSource`;

/** `$expand` that returns both marker properties with an event. */
export const EXPAND_MARKERS = `singleValueExtendedProperties($filter=${encodeURIComponent(
  `id eq '${PAIR_PROPERTY}' or id eq '${SOURCE_PROPERTY}'`,
)})`;

/** `$filter` for the events of every pair: Tandem's pair property (name matched case-sensitively, M-EXTP) with any value. */
export function anyPairFilter(): string {
  return encodeURIComponent(`singleValueExtendedProperties/Any(ep: ep/id eq '${PAIR_PROPERTY}' and ep/value ne '')`);
}

export function transactionIdFor(key: string): string {
  return `tandem-${digestHex(key, 40)}`;
}

export function markerProperties(marker: MirrorMarker): SingleValueLegacyExtendedProperty[] {
  return [
    { id: PAIR_PROPERTY, value: marker.pair },
    { id: SOURCE_PROPERTY, value: `${marker.sourceSide}|${marker.sourceCalendar}|${marker.sourceId}` },
  ];
}

/** The marker an event carries, when the answer holds both properties and they parse. */
export function readMarker(properties: readonly SingleValueLegacyExtendedProperty[] | null | undefined): MirrorMarker | undefined {
  if (!properties) return undefined;
  const pair = properties.find((p) => sameProperty(p.id ?? '', PAIR_PROPERTY))?.value;
  const source = properties.find((p) => sameProperty(p.id ?? '', SOURCE_PROPERTY))?.value;
  if (!pair || !source) return undefined;
  const parts = source.split('|');
  const side = parts[0];
  if ((side !== 'google' && side !== 'outlook') || parts.length < 3) return undefined;
  // Calendar ids never hold "|" in practice; if one did, the event id is still the last part.
  return { pair, sourceSide: side satisfies Side, sourceCalendar: parts.slice(1, -1).join('|'), sourceId: parts.at(-1)! };
}

/** Property ids: type and GUID are case-insensitive, the name is not (M-EXTP). */
function sameProperty(id: string, expected: string): boolean {
  const split = (value: string) => {
    const at = value.indexOf(' Name ');
    return at < 0 ? [value.toLowerCase(), ''] : [value.slice(0, at).toLowerCase(), value.slice(at + 6)];
  };
  const [a, b] = [split(id), split(expected)];
  return a[0] === b[0] && a[1] === b[1];
}
