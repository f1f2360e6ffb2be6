/**
 * Undo of a deletion the engine made: the event comes back, as the user's own event, in the
 * calendar it was deleted from (from the full copy kept in the history). The next sync treats it
 * like any new event there and mirrors it to the other side again. The create's key is derived
 * from the history record, so undoing twice (a retry after a crash) makes one event.
 */
import type { EngineDeps } from './context.ts';
import type { PairConfig } from './pair.ts';
import type { DeletionRecord } from './state.ts';

export async function restoreDeleted(deps: EngineDeps, pair: PairConfig, record: DeletionRecord, signal: AbortSignal): Promise<void> {
  const calendarId = record.side === 'google' ? pair.googleCalendarId : pair.outlookCalendarId;
  const key = `restore:${pair.id}:${record.side}:${record.id}:${record.at}`;
  const [outcome] = await deps[record.side].write(calendarId, [{ op: 'create', ref: 'restore', key, event: record.event, marker: null }], signal);
  if (!outcome) throw new Error(`Could not bring back "${record.title}": the service gave no answer.`);
  if (!outcome.ok) throw new Error(`Could not bring back "${record.title}": ${outcome.error.message}`);
}
