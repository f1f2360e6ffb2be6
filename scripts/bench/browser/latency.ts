/**
 * Edit → mirror latency in Chromium: the user renames an event in the live stand-in of one web
 * app (the page saves it through the simulator's user actions, re-renders and shows its "saved"
 * notice, as the web apps do); the content script sees the edit and nudges the service worker,
 * which syncs the pair. Measured from just before the page's save to the moment the other side's
 * simulator holds the mirror with the new title (its request log polled every 20 ms; the store read
 * after each new write).
 *
 * Nudged runs of one pair start at least 20 s apart (src/background/badges/nudges.ts), so the
 * samples are spaced by that much; directions alternate.
 */
import type { Page } from 'playwright-core';
import type { Simulators } from '../../../test/sim/index.ts';
import type { Account } from '../seed.ts';
import type { Seeded } from '../scenarios.ts';

export interface LatencySample {
  readonly direction: 'google → outlook' | 'outlook → google';
  readonly ms: number;
}

/** The nudge policy's minimum interval between nudged runs of one pair, plus a margin. */
const NUDGE_SPACING_MS = 22_000;
/** The content script learns a view for its first moments (items still arriving are not edits). */
const SETTLE_MS = 3_500;

/** Timed single events of one side, from the end of the list (the scenarios edit from the front). */
function editable(seeded: Seeded, side: 'google' | 'outlook'): string[] {
  const own = seeded[side];
  const ids: string[] = [];
  for (let i = own.items.length - 1; i >= 0; i--) {
    const item = own.items[i]!;
    if (!item.series && item.time !== null && !own.deleted.has(i)) ids.push(own.ids[i]!);
  }
  return ids;
}

export async function measureEditToMirror(
  sims: Simulators,
  account: Account,
  seeded: Seeded,
  pages: { readonly google: Page; readonly outlook: Page },
  samples: number,
  onSample: (sample: LatencySample) => void,
): Promise<LatencySample[]> {
  const out: LatencySample[] = [];
  const ids = { google: editable(seeded, 'google'), outlook: editable(seeded, 'outlook') };
  for (const page of [pages.google, pages.outlook]) await page.waitForFunction((ms) => performance.now() > ms, SETTLE_MS);
  let previous = 0;
  for (let i = 0; i < samples; i++) {
    const from = i % 2 === 0 ? 'google' : 'outlook';
    const id = ids[from][Math.floor(i / 2)];
    if (!id) throw new Error(`no ${from} event left to edit`);
    const title = `Bench edit ${i} ${Date.now().toString(36)}`;
    const wait = previous + NUDGE_SPACING_MS - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const mirrored = (): boolean =>
      from === 'google'
        ? sims.graph.listStoredEvents(account.outlookCalendar).some((e) => e.subject === title)
        : sims.google.listStoredEvents(account.googleCalendar).some((e) => e.summary === title);
    const started = Date.now();
    previous = started;
    await pages[from].evaluate(
      ({ id: eventId, title: newTitle }) => (window as unknown as { tandemLive: { rename(id: string, t: string): Promise<unknown> } }).tandemLive.rename(eventId, newTitle),
      { id, title },
    );
    // Reading the store costs ~15 ms at 2 000 events, in the process the simulators answer from:
    // it is read only after the other side's log shows a new write.
    const log = from === 'google' ? sims.graph.log : sims.google.log;
    let seen = log.mark();
    const deadline = started + 60_000;
    for (;;) {
      if (log.mark() !== seen) {
        const fresh = log.since(seen);
        seen = log.mark();
        if (fresh.some((e) => e.method !== 'GET') && mirrored()) break;
      }
      if (Date.now() > deadline) throw new Error(`the ${from} edit "${title}" did not reach the other side within 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const sample: LatencySample = { direction: from === 'google' ? 'google → outlook' : 'outlook → google', ms: Date.now() - started };
    out.push(sample);
    onSample(sample);
  }
  return out;
}
