/**
 * Messages between the extension's contexts, one union per direction. Every message carries the
 * protocol version; the background's router drops anything that is not exactly one of these
 * shapes (see guards.ts) or that comes from a sender it does not trust.
 */
export const PROTOCOL_VERSION = 1;

/** What the popup and the options page may ask the background. */
export type UiToBackground = {
  readonly v: typeof PROTOCOL_VERSION;
  /** Snapshot of what the background knows: build, accounts, pairs. */
  readonly type: 'status/get';
};

/** Reply payload per request type. */
export interface UiToBackgroundReplies {
  'status/get': StatusSnapshot;
}

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

export type Reply<T extends UiToBackground['type']> = UiToBackgroundReplies[T];

/** Errors travel as data, never as thrown exceptions across the message boundary. */
export type Envelope<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };
