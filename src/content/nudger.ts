/**
 * Sends "the user changed something" to the background at most once per `gapMs`, merging what
 * accumulates in between. The background debounces and rate-limits again per pair; this only keeps
 * a busy page from sending a message per mutation batch.
 */
import { MAX_NUDGE_AGE_MS, MAX_NUDGE_CALENDARS, MAX_NUDGE_IDS } from '../shared/messaging/content-protocol.ts';
import type { StateTimers } from './states.ts';

export type SendNudge = (reason: 'chips' | 'save', calendars: readonly string[], ids: readonly string[], ageMs: number) => Promise<void>;

export class Nudger {
  private readonly calendars = new Set<string>();
  private readonly ids = new Set<string>();
  private reason: 'chips' | 'save' | null = null;
  private lastSent = -Infinity;
  private timer = false;
  /** When the page last showed a change being reported (the latest, to stay on the safe side). */
  private changedAt = -Infinity;

  constructor(
    private readonly send: SendNudge,
    private readonly timers: StateTimers,
    private readonly gapMs = 1_000,
  ) {}

  /** `changedAt`: when the page showed the change (timers' clock). */
  nudge(reason: 'chips' | 'save', calendars: readonly string[], ids: readonly string[], changedAt: number): void {
    this.changedAt = Math.max(this.changedAt, changedAt);
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
    const now = this.timers.now();
    const ageMs = Math.min(MAX_NUDGE_AGE_MS, Math.max(0, Math.round(now - this.changedAt)));
    this.reason = null;
    this.calendars.clear();
    this.ids.clear();
    this.changedAt = -Infinity;
    this.lastSent = now;
    void this.send(reason, calendars, ids, ageMs).catch(() => undefined);
  }
}
