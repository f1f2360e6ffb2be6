/**
 * Single flight across worker restarts. Chrome runs one worker per extension, but a worker can be
 * killed mid-run and a new one started; the lease in storage (renewed while the run makes
 * progress, expiring soon after it stops) keeps a second run from starting while the first might
 * still be writing, and lets the next wake take over once the dead run's lease has lapsed.
 */
import type { Clock, KeyValueStore } from '../sync/ports.ts';

export const LEASE_KEY = 'runtime/lease';
/** A run renews its lease at least this often. */
export const LEASE_RENEW_MS = 10_000;
/** A lease not renewed for this long belongs to a run that died. */
export const LEASE_TTL_MS = 30_000;

export interface LeaseRecord {
  readonly owner: string;
  readonly expiresAt: number;
}

export type LeaseAttempt = { readonly acquired: true } | { readonly acquired: false; readonly heldUntil: number };

export class Lease {
  private renewedAt = 0;

  constructor(
    private readonly store: KeyValueStore,
    private readonly clock: Clock,
    /** This worker instance (random per start). */
    private readonly owner: string,
  ) {}

  async acquire(): Promise<LeaseAttempt> {
    const current = await this.read();
    const now = this.clock.now();
    if (current && current.owner !== this.owner && current.expiresAt > now) return { acquired: false, heldUntil: current.expiresAt };
    await this.write(now);
    return { acquired: true };
  }

  /** Extends the lease if the last renewal is older than LEASE_RENEW_MS (cheap to call often). */
  async renew(): Promise<void> {
    const now = this.clock.now();
    if (now - this.renewedAt >= LEASE_RENEW_MS) await this.write(now);
  }

  /** A lease left by another worker instance (one that was killed mid-run), if any. */
  async orphan(): Promise<LeaseRecord | null> {
    const current = await this.read();
    return current && current.owner !== this.owner ? current : null;
  }

  async release(): Promise<void> {
    const current = await this.read();
    if (current?.owner === this.owner) await this.store.remove([LEASE_KEY]);
  }

  private async read(): Promise<LeaseRecord | null> {
    const value = (await this.store.get([LEASE_KEY]))[LEASE_KEY];
    return isLease(value) ? value : null;
  }

  private async write(now: number): Promise<void> {
    this.renewedAt = now;
    await this.store.set({ [LEASE_KEY]: { owner: this.owner, expiresAt: now + LEASE_TTL_MS } satisfies LeaseRecord });
  }
}

function isLease(value: unknown): value is LeaseRecord {
  return typeof value === 'object' && value !== null && typeof (value as LeaseRecord).owner === 'string' && typeof (value as LeaseRecord).expiresAt === 'number';
}
