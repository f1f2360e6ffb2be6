/**
 * Messages between the extension's contexts, one union per direction. Every message carries the
 * protocol version; the background's router drops anything that is not exactly one of these
 * shapes (see guards.ts) or that comes from a sender it does not trust.
 */
import type { PairConfig } from '../pair.ts';
import type { AccountStatus, Activity, CalendarSummary, Provider, Settings, SyncState } from './types.ts';

export * from './types.ts';

export const PROTOCOL_VERSION = 1;

type Request<T extends string, P = object> = { readonly v: typeof PROTOCOL_VERSION; readonly type: T } & P;

/** What the popup and the options page may ask the background. */
export type UiToBackground =
  /** Snapshot of the build: version, endpoints, redirect URI. */
  | Request<'status/get'>
  | Request<'settings/get'>
  | Request<'settings/set', { readonly settings: Partial<Settings> }>
  | Request<'accounts/get'>
  /** Interactive sign-in: sent only from a user's click in the options page. */
  | Request<'accounts/signIn', { readonly provider: Provider }>
  | Request<'accounts/signOut', { readonly provider: Provider }>
  | Request<'calendars/list', { readonly provider: Provider }>
  | Request<'pairs/list'>
  /** Creates or replaces the pair with this id. */
  | Request<'pairs/save', { readonly pair: PairConfig }>
  /** Removes a pair; `mirrors` says whether its mirrors are deleted or left in place. */
  | Request<'pairs/remove', { readonly pairId: string; readonly mirrors: 'delete' | 'keep' }>
  /** A paused pair: the user confirms the deletions it would make, or keeps the events. */
  | Request<'pairs/resolvePause', { readonly pairId: string; readonly decision: 'confirm' | 'keep' }>
  /** Runs a sync now (of one pair, or of every pair when pairId is null). */
  | Request<'sync/now', { readonly pairId: string | null }>
  | Request<'sync/cancel'>
  | Request<'sync/state'>
  /** Conflicts the merge resolved and deletions the engine made, newest first. */
  | Request<'activity/get'>
  /** Brings back an event a sync deleted (it is synced again from there). */
  | Request<'activity/undo', { readonly pairId: string; readonly deletionId: string }>
  /** Settings and pairs as JSON (never tokens or account data). */
  | Request<'settings/export'>
  | Request<'settings/import', { readonly json: string }>
  /** The recent log, redacted (no tokens, no event text), for a bug report. */
  | Request<'diagnostics/get'>;

export type UiRequestType = UiToBackground['type'];

/** Reply payload per request type. */
export interface UiToBackgroundReplies {
  'status/get': StatusSnapshot;
  'settings/get': Settings;
  'settings/set': Settings;
  'accounts/get': Readonly<Record<Provider, AccountStatus>>;
  'accounts/signIn': AccountStatus;
  'accounts/signOut': AccountStatus;
  'calendars/list': readonly CalendarSummary[];
  'pairs/list': readonly PairConfig[];
  'pairs/save': PairConfig;
  'pairs/remove': null;
  'pairs/resolvePause': SyncState;
  'sync/now': SyncState;
  'sync/cancel': SyncState;
  'sync/state': SyncState;
  'activity/get': Activity;
  'activity/undo': Activity;
  'settings/export': string;
  'settings/import': { readonly pairs: number };
  'diagnostics/get': string;
}

/** What the background tells the open extension pages, unasked. */
export type BackgroundToUi =
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'sync/changed'; readonly state: SyncState }
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'accounts/changed'; readonly accounts: Readonly<Record<Provider, AccountStatus>> };

export interface StatusSnapshot {
  /** Extension version from the manifest. */
  readonly version: string;
  /** True in the simulator build, which talks to loopback simulators. */
  readonly simulatorBuild: boolean;
  /** The redirect URI to register with Google and Microsoft: https://<extension id>.chromiumapp.org/ */
  readonly redirectUri: string;
  /** Where this build sends API calls (shown so a user can tell a simulator build apart). */
  readonly endpoints: {
    readonly googleApi: string;
    readonly graphApi: string;
  };
}

export type Reply<T extends UiRequestType> = UiToBackgroundReplies[T];

/** Errors travel as data, never as thrown exceptions across the message boundary. */
export type Envelope<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };
