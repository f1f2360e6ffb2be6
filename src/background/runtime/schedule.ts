/**
 * When the next background sync runs. A one-shot alarm re-armed after every run (rather than a
 * periodic one) so each wait can be jittered: thousands of installs must not hit Google and
 * Microsoft in the same second.
 */
export const SYNC_ALARM = 'tandem-sync';
/** ±10 % of the interval. */
export const JITTER = 0.1;
/** Chrome fires alarms no sooner than 30 s after they are set. */
export const MIN_DELAY_MS = 30_000;

export interface AlarmsLike {
  get(name: string): Promise<{ readonly scheduledTime: number } | undefined>;
  create(name: string, info: { readonly when: number }): Promise<void>;
  clear(name: string): Promise<boolean>;
}

/** The next run: `intervalMinutes` from `now`, jittered by ±JITTER with `random()` ∈ [0, 1). */
export function nextRunAt(now: number, intervalMinutes: number, random: () => number): number {
  const interval = intervalMinutes * 60_000;
  const jitter = (random() * 2 - 1) * JITTER * interval;
  return now + Math.max(MIN_DELAY_MS, Math.round(interval + jitter));
}

export class Scheduler {
  constructor(
    private readonly alarms: AlarmsLike,
    private readonly random: () => number = Math.random,
  ) {}

  /** Arms the alarm for the next run after one that finished at `now`. */
  async scheduleAfterRun(now: number, intervalMinutes: number): Promise<number> {
    const when = nextRunAt(now, intervalMinutes, this.random);
    await this.alarms.create(SYNC_ALARM, { when });
    return when;
  }

  /**
   * On every wake: an alarm lost (an update, a profile restore) or set further out than the
   * interval allows (the user shortened it) is re-armed; a good one is kept.
   */
  async ensure(now: number, intervalMinutes: number): Promise<number> {
    const existing = await this.alarms.get(SYNC_ALARM);
    const latest = now + intervalMinutes * 60_000 * (1 + JITTER);
    if (existing && existing.scheduledTime <= latest) return existing.scheduledTime;
    return this.scheduleAfterRun(now, intervalMinutes);
  }

  /**
   * Makes sure a run starts by `when`: an alarm due later (or none) is brought forward, one due
   * sooner is kept. A sync-on-view nudge sets this as a backstop — its timer lives in the worker,
   * and a worker that dies before it fires would otherwise leave the change for the regular run.
   */
  async noLaterThan(when: number): Promise<void> {
    const existing = await this.alarms.get(SYNC_ALARM);
    if (existing && existing.scheduledTime <= when) return;
    await this.alarms.create(SYNC_ALARM, { when });
  }

  /** A retry soon (after a lease held by a dead run lapses, say). */
  async retryAt(when: number): Promise<void> {
    await this.alarms.create(SYNC_ALARM, { when: Math.max(when, 0) });
  }

  async next(): Promise<number | null> {
    return (await this.alarms.get(SYNC_ALARM))?.scheduledTime ?? null;
  }
}
