/**
 * Sync-on-view, the page half's timing: once the page has been still for `quietMs` after a flush,
 * what the grid shows is compared with before (changes.ts) and any edit becomes a nudge (nudger.ts);
 * the app's own "saved" notice makes that comparison at once (and nudges even when it finds
 * nothing). A nudge says when the page last changed: no later than that, the edit was on screen.
 */
import { ChangeWatch, type Shown } from './changes.ts';
import { Nudger, type SendNudge } from './nudger.ts';
import type { StateTimers } from './states.ts';
import type { Surface } from './surface.ts';

export type ContentTimers = StateTimers & { clearTimeout(handle: unknown): void };

export class EditWatch {
  private timer: unknown = null;
  private lastTouch = 0;
  private readonly watch = new ChangeWatch();
  private readonly nudger: Nudger;

  constructor(
    private readonly surface: Surface,
    private readonly timers: ContentTimers,
    send: SendNudge,
    /** What the grid shows now, by item key; null while changes wait to be flushed. */
    private readonly shown: () => ReadonlyMap<string, Shown> | null,
    private readonly quietMs = 700,
  ) {
    this.nudger = new Nudger(send, timers);
  }

  /** A flush just ran: look for edits once the page has been still for a while. */
  touched(): void {
    this.lastTouch = this.timers.now();
    this.stop();
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.check();
    }, this.quietMs);
  }

  /** The app announced that it saved something: look now, and nudge either way. */
  saved(): void {
    this.lastTouch = this.timers.now();
    if (!this.check('save')) this.nudger.nudge('save', [], [], this.lastTouch);
  }

  stop(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  /** Compares what the grid shows with before; true when an edit was found (and nudged). */
  private check(reason: 'chips' | 'save' = 'chips'): boolean {
    // Changes not flushed yet: the flush that takes them looks again.
    const shown = this.shown();
    if (!shown) return false;
    const summary = this.watch.observe(this.surface.view(), shown, this.timers.now());
    if (summary) this.nudger.nudge(reason, summary.calendars, summary.ids, this.lastTouch);
    return summary !== null;
  }
}
