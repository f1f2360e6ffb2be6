/** Data shapes carried by messages (never tokens, never event bodies). */

export type Provider = 'google' | 'microsoft';

export interface AccountStatus {
  readonly provider: Provider;
  /**
   * `signed-out`: never connected or disconnected. `signed-in`: a token can be had silently.
   * `sign-in-needed`: connected, but silent renewal failed; the user must click "Sign in".
   */
  readonly state: 'signed-out' | 'signed-in' | 'sign-in-needed';
  /** The signed-in address (shown in the UI; also the login hint for silent renewal). */
  readonly address: string | null;
  /** Plain-words reason for `sign-in-needed`. */
  readonly reason: string | null;
}

export interface Settings {
  /** OAuth client id of a Google "Web application" client; empty = the build's default. */
  readonly googleClientId: string;
  /** Application (client) id of an Entra "Single-page application" registration. */
  readonly microsoftClientId: string;
  /** `common` for work and personal accounts, or a tenant id / domain for one organisation. */
  readonly microsoftTenant: string;
  /** Minutes between background syncs (1–60). */
  readonly syncIntervalMinutes: number;
}

export interface CalendarSummary {
  readonly id: string;
  readonly name: string;
  /** CSS colour (#rrggbb) or null. */
  readonly color: string | null;
  /** Read-only calendars can be sources only. */
  readonly readOnly: boolean;
  readonly primary: boolean;
}

export interface PerSideCounts {
  readonly google: number;
  readonly outlook: number;
}

export interface PairResult {
  readonly pairId: string;
  /** When the run finished (epoch ms). */
  readonly finishedAt: number;
  readonly ok: boolean;
  readonly created: PerSideCounts;
  readonly updated: PerSideCounts;
  readonly deleted: PerSideCounts;
  readonly conflicts: number;
  readonly skipped: number;
  /** Plain-words errors, each with the action that fixes it when there is one. */
  readonly errors: readonly { readonly message: string; readonly action: 'sign-in' | 'retry' | 'check-settings' | null }[];
  /** Why the pair is paused (waiting for the user), or null. */
  readonly paused: string | null;
  /** What a paused pair would delete if the user confirms (empty when not paused). */
  readonly pending: readonly PendingItem[];
}

export interface PendingItem {
  readonly side: 'google' | 'outlook';
  readonly title: string;
  /** Date (YYYY-MM-DD) or UTC instant. */
  readonly start: string;
}

export interface ConflictView {
  readonly pairId: string;
  readonly at: number;
  readonly title: string;
  /** The field both sides changed, e.g. "title", "location", "start". */
  readonly field: string;
  /** The side whose later change won. */
  readonly winner: 'google' | 'outlook';
  /** The losing side's value, as text. */
  readonly losingValue: string;
}

export interface DeletionView {
  readonly pairId: string;
  /** Stable id of the record (for undo). */
  readonly id: string;
  readonly at: number;
  /** Where the event was deleted. */
  readonly side: 'google' | 'outlook';
  readonly title: string;
  readonly start: string;
  readonly why: string;
  readonly undone: boolean;
}

export interface Activity {
  readonly conflicts: readonly ConflictView[];
  readonly deletions: readonly DeletionView[];
}

export interface SyncProgress {
  readonly pairId: string;
  readonly phase: string;
  readonly done: number;
  readonly total: number;
}

export interface SyncState {
  readonly running: boolean;
  readonly progress: SyncProgress | null;
  /** The latest result per pair id. */
  readonly results: Readonly<Record<string, PairResult>>;
  /** When the next scheduled run is due (epoch ms), or null when nothing is scheduled. */
  readonly nextRunAt: number | null;
}
