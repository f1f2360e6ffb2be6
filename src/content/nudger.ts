/**
 * Sends "the user changed something" to the background at most once per `gapMs`, merging what
 * accumulates in between. The background debounces and rate-limits again per pair; this only keeps
 * a busy page from sending a message per mutation batch.
 */
import { MAX_NUDGE_CALENDARS, MAX_NUDGE_IDS } from '../shared/messaging/content-protocol.ts';
import type { StateTimers } from './states.ts';

export type SendNudge = (reason: 'chips' | 'save', calendars: readonly string[], ids: readonly string[]) => Promise<void>;

export class Nudger {
  private readonly calendars = new Set<string>();
  private readonly ids = new Set<string>();
  private reason: 'chips' | 'save' | null = null;
  private lastSent = -Infinity;
  private timer = false;

  constructor(
    private readonly send: SendNudge,
    private readonly timers: StateTimers,
    private readonly gapMs = 1_000,
  ) {}

  nudge(reason: 'chips' | 'save', calendars: readonly string[], ids: readonly string[]): void {
    for (const c of calendars) if (this.calendars.size < MAX_NUDGE_CALENDARS) this.calendars.add(c);
    for (const id of ids) if (this.ids.size < MAX_NUDGE_IDS) this.ids.add(id);
    this.reason = this.reason === 'chips' ? 'chips' : reason;
    this.flush();
  }

  private flush(): void {
    if (this.timer || this.reason === null) return;
    const wait = this.lastSent + this.gapMs - this.timers.now();
    if (wait > 0) {
      this.timer = true;
      this.timers.setTimeout(() => {
        this.timer = false;
        this.flush();
      }, wait);
      return;
    }
    const reason = this.reason;
    const calendars = [...this.calendars];
    const ids = [...this.ids];
    this.reason = null;
    this.calendars.clear();
    this.ids.clear();
    this.lastSent = this.timers.now();
    void this.send(reason, calendars, ids).catch(() => undefined);
  }
}
