/** What one run of one pair did, in the shape the UI and the headless runner report. */
import type { SyncErrorKind } from './errors.ts';
import type { Side } from './model.ts';
import type { PauseState } from './state.ts';

export interface PerSide {
  google: number;
  outlook: number;
}

export interface SkippedItem {
  readonly side: Side;
  readonly id: string;
  readonly title: string;
  readonly reason: string;
}

export interface ItemError {
  /** For a failure of the whole run: what kind (auth-required tells the UI to ask for sign-in). */
  readonly kind?: SyncErrorKind;
  readonly side: Side;
  readonly id: string | null;
  readonly title: string;
  readonly message: string;
  /** Worth retrying: the next run will try again. */
  readonly transient: boolean;
}

export interface PairReport {
  readonly pairId: string;
  readonly created: PerSide;
  readonly updated: PerSide;
  readonly deleted: PerSide;
  readonly conflicts: number;
  /** Mirror edits undone because they may not flow back (one-way mirrors, placeholders, rules). */
  readonly overwritten: number;
  readonly skipped: readonly SkippedItem[];
  readonly errors: readonly ItemError[];
  readonly paused: PauseState | null;
  /** Both cursors moved forward (false when transient errors mean changes must be read again). */
  readonly committed: boolean;
}

export class ReportBuilder {
  readonly created: PerSide = { google: 0, outlook: 0 };
  readonly updated: PerSide = { google: 0, outlook: 0 };
  readonly deleted: PerSide = { google: 0, outlook: 0 };
  conflicts = 0;
  overwritten = 0;
  readonly skipped: SkippedItem[] = [];
  readonly errors: ItemError[] = [];
  paused: PauseState | null = null;
  committed = false;

  constructor(private readonly pairId: string) {}

  skip(item: SkippedItem): void {
    this.skipped.push(item);
  }

  error(item: ItemError): void {
    this.errors.push(item);
  }

  get hasTransientErrors(): boolean {
    return this.errors.some((e) => e.transient);
  }

  build(): PairReport {
    return {
      pairId: this.pairId,
      created: { ...this.created },
      updated: { ...this.updated },
      deleted: { ...this.deleted },
      conflicts: this.conflicts,
      overwritten: this.overwritten,
      skipped: [...this.skipped],
      errors: [...this.errors],
      paused: this.paused,
      committed: this.committed,
    };
  }
}
