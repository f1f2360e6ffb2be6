/**
 * What a contender cost each service, from the simulators' request logs: HTTP requests split into
 * reads, writes and batch envelopes; the parts inside the batches (reads and writes); body bytes
 * both ways (headers not counted; a batch's parts are inside its envelope's bytes). Also how long
 * Outlook's per-mailbox budget (10,000 requests per 10 minutes, batch parts included) would make
 * the client wait at the very least.
 */
import type { LoggedRequest } from '../../test/sim/core/request-log.ts';

export interface SideTraffic {
  /** HTTP requests the client sent: reads + writes + batches. */
  readonly requests: number;
  readonly reads: number;
  readonly writes: number;
  readonly batches: number;
  readonly readParts: number;
  readonly writeParts: number;
  readonly bytesUp: number;
  readonly bytesDown: number;
  /** Answers with status ≥ 400 (or dropped), parts included, except GETs answered 404 (confirmed deletions). */
  readonly failed: number;
  /** Count per "METHOD /path" with ids replaced by :id ("part …" for batch parts). */
  readonly breakdown: Readonly<Record<string, number>>;
}

export const OUTLOOK_BUDGET = { requests: 10_000, minutes: 10 } as const;

const isEnvelope = (entry: LoggedRequest): boolean => entry.path.endsWith('/$batch') || entry.path.startsWith('/batch/');

export function traffic(entries: readonly LoggedRequest[]): SideTraffic {
  let reads = 0;
  let writes = 0;
  let batches = 0;
  let readParts = 0;
  let writeParts = 0;
  let bytesUp = 0;
  let bytesDown = 0;
  let failed = 0;
  const breakdown: Record<string, number> = {};
  for (const entry of entries) {
    if ((entry.status >= 400 && !(entry.method === 'GET' && entry.status === 404)) || entry.status === 0) failed++;
    const key = `${entry.inBatch ? 'part ' : ''}${entry.method} ${shape(entry.path)}${entry.status >= 400 ? ` → ${entry.status}` : ''}`;
    breakdown[key] = (breakdown[key] ?? 0) + 1;
    const read = entry.method === 'GET';
    if (entry.inBatch) {
      if (read) readParts++;
      else writeParts++;
      continue;
    }
    bytesUp += entry.requestBytes;
    bytesDown += entry.responseBytes;
    if (isEnvelope(entry)) batches++;
    else if (read) reads++;
    else writes++;
  }
  return { requests: reads + writes + batches, reads, writes, batches, readParts, writeParts, bytesUp, bytesDown, failed, breakdown };
}

/** "/v1.0/me/events/AAk…/instances" → "/me/events/:id/instances". */
function shape(path: string): string {
  return path.replace(/^\/(calendar\/v3|v1\.0|beta)/, '').replace(/\/(calendars|events)\/[^/]+/g, '/$1/:id');
}

/** Logical operations: plain requests plus batch parts (what Outlook's budget counts). */
export function operations(t: SideTraffic): number {
  return t.reads + t.writes + t.readParts + t.writeParts;
}

/** Minutes Outlook's mailbox budget forces a client to spread these requests over (0 when within it). */
export function throttleFloorMinutes(t: SideTraffic): number {
  const ops = operations(t);
  return ops <= OUTLOOK_BUDGET.requests ? 0 : Math.floor((ops - 1) / OUTLOOK_BUDGET.requests) * OUTLOOK_BUDGET.minutes;
}
