/**
 * The badge index in memory, rebuilt on first use after it went stale; `version` changes with every
 * change, so a content script can tell it is looking at old answers.
 */
import type { BadgeIndex } from './badge-index.ts';

export class IndexCache {
  version = 1;
  private current: BadgeIndex | null = null;
  private stale = true;
  private building: Promise<BadgeIndex> | null = null;

  constructor(private readonly load: () => Promise<BadgeIndex>) {}

  async get(): Promise<BadgeIndex> {
    if (this.current && !this.stale) return this.current;
    if (!this.building) {
      this.stale = false;
      this.building = this.load().then(
        (index) => {
          this.current = index;
          this.building = null;
          return index;
        },
        (error: unknown) => {
          this.stale = true;
          this.building = null;
          throw error;
        },
      );
    }
    const built = await this.building;
    // Invalidated while it was being built: what it read may already be old.
    return this.stale ? this.get() : built;
  }

  invalidate(): void {
    this.stale = true;
    this.bump();
  }

  /** Views may differ (pending changes) though the index did not. */
  bump(): void {
    this.version++;
  }
}
