/**
 * Finding one occurrence of a series by its original start, for occurrence writes the engine
 * sends without the occurrence's id: the series' instances around that start, matched on
 * `originalStart` (never on the current start, which an edit may have moved; calendar-apis.md
 * §2.7, rule 4). Outlook keeps a moved occurrence between its neighbours' days, so two days
 * either side find it unless the series repeats more than daily and the user moved it far.
 */
import { NotFoundError } from '../../sync/errors.ts';
import type { EventTime } from '../../sync/model.ts';
import { checkEvent, windowQuery, type AdapterDeps } from './context.ts';
import { assertEvent, type WireEvent } from './guards.ts';
import { readAllPages } from './pages.ts';
import { readOriginalStart } from './times.ts';
import { toIana } from './zones.ts';

const DAY_MS = 86_400_000;
const SLACK_DAYS = 2;

export async function findOccurrence(
  deps: AdapterDeps,
  seriesId: string,
  originalStart: EventTime,
  mailboxZone: string,
  signal: AbortSignal,
): Promise<WireEvent | undefined> {
  const allDay = 'date' in originalStart;
  const center = Date.parse(allDay ? `${originalStart.date}T00:00:00Z` : originalStart.instant);
  const from = new Date(center - SLACK_DAYS * DAY_MS).toISOString();
  const to = new Date(center + (SLACK_DAYS + 1) * DAY_MS).toISOString();
  const path = `/me/events/${encodeURIComponent(seriesId)}/instances?${windowQuery(from, to)}`;
  let rows: unknown[];
  try {
    ({ rows } = await readAllPages(deps.transport, { path, what: 'occurrence search', pageSize: deps.pageSize, signal, row: checkEvent('occurrence') }));
  } catch (error) {
    if (error instanceof NotFoundError) return undefined; // the series is gone
    throw error;
  }
  return rows.find((row): row is WireEvent => {
    assertEvent(row, 'occurrence');
    if (!row.originalStart) return false;
    const zones = [toIana(row.originalStartTimeZone, mailboxZone), mailboxZone];
    const key = readOriginalStart(row.originalStart, allDay, zones);
    return allDay ? 'date' in key && key.date === originalStart.date : !('date' in key) && Date.parse(key.instant) === Date.parse(originalStart.instant);
  });
}
