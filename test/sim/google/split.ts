/**
 * "This and following events" as calendar.google.com does it (calendar-apis.md §1.5, G-BLOG13):
 * the web app keeps one series internally, but API clients see what the guide's two calls produce:
 * the master ends just before the chosen instance (UNTIL, in UTC) and a new series, id
 * `<masterId>_R<YYYYMMDDTHHMMSS>`, starts there with the changes. Exceptions after the split are
 * reset (realign.ts drops them). Splitting at the first instance changes the whole series instead.
 */
import type { GoogleCore } from './core.ts';
import { invalidField, notFound } from './errors.ts';
import { compactDate, compactUtc } from './event-time.ts';
import { applyPatch, writableView } from './merge.ts';
import type { OriginalStart, StoredEvent } from './model.ts';
import { instanceSpan, isOccurrence, originalStarts, parseInstanceId, spanStart, spanTimes, untilBefore } from './series.ts';
import { insertEvent, patchEvent, type WriteRequest } from './writes.ts';

export interface SplitResult {
  /** The original series, now ending before the split (absent when the split was at its first instance). */
  readonly ended: StoredEvent | undefined;
  /** The series from the split on (the original master itself when split at its first instance). */
  readonly following: StoredEvent;
}

export function splitSeries(core: GoogleCore, req: WriteRequest, instanceId: string, changes: Record<string, unknown>): SplitResult {
  const parsed = parseInstanceId(instanceId);
  const master = parsed && req.calendar.store.get(parsed.masterId);
  if (!parsed || !master?.rule || master.resource.status === 'cancelled') throw notFound();
  const { original } = parsed;
  if (!isOccurrence(master.rule, original)) throw notFound();
  const before = originalStarts(master.rule, spanStart(master.span, req.calendar.timeZone), instantOf(original) - 1, Number.MAX_SAFE_INTEGER)
    .filter((o) => instantOf(o) < instantOf(original)).length;
  if (before === 0) return { ended: undefined, following: patchEvent(core, req, master.id, changes) };

  const lines = master.resource.recurrence ?? [];
  const body = applyPatch(
    { ...writableView(master.resource), ...spanTimes(instanceSpan(master.rule, original), master.resource), recurrence: lines.map((l) => remainingCount(l, before)) },
    changes,
  );
  const ended = patchEvent(core, req, master.id, { recurrence: lines.map((l) => endBefore(l, original)) });
  const suffix = original.allDay ? compactDate(original.date) : compactUtc(original.ms).slice(0, -1);
  const following = insertEvent(core, req, body, `${master.id}_R${suffix}`);
  return { ended, following };
}

function instantOf(original: OriginalStart): number {
  return original.allDay ? Date.parse(`${original.date}T00:00:00Z`) : original.ms;
}

/** An RRULE that stops just before the split: UNTIL replaces COUNT/UNTIL. */
function endBefore(line: string, original: OriginalStart): string {
  if (!/^RRULE:/i.test(line)) return line;
  const parts = line.slice(6).split(';').filter((p) => !/^(COUNT|UNTIL)=/i.test(p));
  return `RRULE:${[...parts, `UNTIL=${untilBefore(original)}`].join(';')}`;
}

/** The new series keeps what is left of a COUNT. */
function remainingCount(line: string, used: number): string {
  const m = /(?:^|;)COUNT=(\d+)/i.exec(line);
  if (!/^RRULE:/i.test(line) || !m) return line;
  const left = Number(m[1]) - used;
  if (left < 1) throw invalidField('Nothing left of the series to split.');
  return line.replace(/COUNT=\d+/i, `COUNT=${left}`);
}
