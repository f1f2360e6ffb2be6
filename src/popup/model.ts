/** What the popup shows and what it can do: the pure view's props, filled by the container. */
import type { AccountStatus, Activity, Provider, SyncState } from '../shared/messaging/types.ts';
import type { PairConfig } from '../shared/pair.ts';
import type { CalendarIndex } from '../shared/ui/calendar-cache.ts';
import type { OptionsTarget } from '../shared/ui/options-link.ts';

export type Accounts = Readonly<Record<Provider, AccountStatus>>;

export interface PopupModel {
  readonly simulatorBuild: boolean;
  readonly accounts: Accounts;
  readonly pairs: readonly PairConfig[];
  readonly sync: SyncState;
  readonly activity: Activity;
  /** Names and colours of each side's calendars, by id (possibly incomplete). */
  readonly calendars: Readonly<Record<Provider, CalendarIndex>>;
  /** "Now", for relative times (a prop, so tests are deterministic). */
  readonly now: number;
}

export interface PopupActions {
  readonly syncNow: () => Promise<unknown>;
  readonly cancelSync: () => Promise<unknown>;
  /** Opens the options page (at a section or a pair); sign-in always happens there. */
  readonly openOptions: (target?: OptionsTarget) => void;
  readonly resolvePause: (pairId: string, decision: 'confirm' | 'keep') => Promise<unknown>;
  readonly undo: (pairId: string, deletionId: string) => Promise<unknown>;
}

export const PROVIDER_OF_SIDE = { google: 'google', outlook: 'microsoft' } as const satisfies Record<'google' | 'outlook', Provider>;
