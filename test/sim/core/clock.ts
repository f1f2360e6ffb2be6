/**
 * The simulators' notion of "now". Starts at wall-clock time and moves only forward; tests advance
 * it to expire tokens, age sync tokens or walk a recurring series across a DST change.
 */
export class SimClock {
  private offsetMs = 0;
  private frozenAt: number | undefined;

  constructor(private readonly wallClock: () => number = Date.now) {}

  now(): number {
    return (this.frozenAt ?? this.wallClock()) + this.offsetMs;
  }

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  /** Moves time forward by `ms` (never backward: real services' clocks don't). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance() needs a non-negative duration, got ${ms}`);
    this.offsetMs += ms;
  }

  /** Stops the clock at the current instant, so consecutive reads are equal until advance(). */
  freeze(): void {
    this.frozenAt ??= this.wallClock();
  }

  /** Jumps to an absolute instant (for seeding a scenario); refuses to go back in time. */
  setTo(epochMs: number): void {
    const current = this.now();
    if (epochMs < current) throw new RangeError('SimClock cannot move backwards');
    this.advance(epochMs - current);
  }
}
