/** What the options page shows and what it can do: the pure view's props, filled by the container. */
import type { StatusSnapshot } from '../shared/messaging/protocol.ts';
import type { AccountStatus, CalendarSummary, PairResult, Provider, Settings } from '../shared/messaging/types.ts';
import type { PairConfig } from '../shared/pair.ts';
import type { Loadable } from '../shared/ui/hooks.ts';

export type Accounts = Readonly<Record<Provider, AccountStatus>>;

/** A side's calendar list: not asked for (account not connected), on its way, or there. */
export type CalendarList = { readonly state: 'idle' } | Loadable<readonly CalendarSummary[]>;

export interface OptionsModel {
  readonly status: StatusSnapshot;
  readonly settings: Settings;
  readonly accounts: Accounts;
  readonly pairs: readonly PairConfig[];
  /** The latest sync result per pair id. */
  readonly results: Readonly<Record<string, PairResult>>;
  readonly calendars: Readonly<Record<Provider, CalendarList>>;
  /** The client ids this build uses when the user has entered none (may be empty). */
  readonly defaultClientIds: { readonly google: string; readonly microsoft: string };
  readonly now: number;
}

export interface OptionsActions {
  /** Interactive sign-in; resolves when the sign-in window has closed. */
  readonly signIn: (provider: Provider) => Promise<unknown>;
  readonly signOut: (provider: Provider) => Promise<unknown>;
  readonly saveSettings: (patch: Partial<Settings>) => Promise<unknown>;
  readonly reloadCalendars: (provider: Provider) => void;
  readonly savePair: (pair: PairConfig) => Promise<unknown>;
  readonly removePair: (pairId: string, mirrors: 'delete' | 'keep') => Promise<unknown>;
  /** Downloads the settings as a JSON file. */
  readonly exportSettings: () => Promise<unknown>;
  /** Imports a settings file's text; resolves with the number of pairs it held. */
  readonly importSettings: (json: string) => Promise<number>;
  /** Downloads the redacted diagnostics log (.jsonl). */
  readonly downloadDiagnostics: () => Promise<unknown>;
  readonly copyText: (text: string) => Promise<unknown>;
}
