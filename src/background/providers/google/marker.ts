/**
 * The Tandem marker on Google mirrors: private extended properties (calendar-apis.md §1.6; keys
 * ≤ 44 characters, values ≤ 1024), so a mirror is recognised after local state is lost and
 * `findMirrors` can list a pair's mirrors with `privateExtendedProperty=tandemPair=<pair>`.
 */
import type { Side } from '../../sync/model.ts';
import type { MirrorMarker } from '../../sync/ports.ts';

export const PAIR_KEY = 'tandemPair';
const SOURCE_KEY = 'tandemSource';
const CALENDAR_KEY = 'tandemSourceCalendar';
const ID_KEY = 'tandemSourceId';

export function markerProperties(marker: MirrorMarker): Record<string, string> {
  return {
    [PAIR_KEY]: marker.pair,
    [SOURCE_KEY]: marker.sourceSide,
    [CALENDAR_KEY]: marker.sourceCalendar,
    [ID_KEY]: marker.sourceId,
  };
}

/** The marker, when the private properties carry a complete one. */
export function readMarker(props: Readonly<Record<string, string>> | null | undefined): MirrorMarker | undefined {
  const pair = props?.[PAIR_KEY];
  const side = props?.[SOURCE_KEY];
  const sourceCalendar = props?.[CALENDAR_KEY];
  const sourceId = props?.[ID_KEY];
  if (!pair || !isSide(side) || sourceCalendar === undefined || !sourceId) return undefined;
  return { pair, sourceSide: side, sourceCalendar, sourceId };
}

function isSide(value: string | undefined): value is Side {
  return value === 'google' || value === 'outlook';
}
