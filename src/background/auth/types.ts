/**
 * The contract between the background runtime and sign-in. The runtime asks for accounts' states,
 * starts an interactive sign-in only on a user's click, and hands each provider adapter a
 * TokenSource that never shows UI.
 */
import type { AccountStatus, Provider } from '../../shared/messaging/types.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Clock, TokenSource } from '../sync/ports.ts';

export type AccountsSnapshot = Readonly<Record<Provider, AccountStatus>>;

export interface AuthService {
  status(): Promise<AccountsSnapshot>;
  /** Interactive sign-in (a web-auth window). Only ever called for a user's click. */
  signIn(provider: Provider): Promise<AccountStatus>;
  /** Forgets the account and its tokens on this device. */
  signOut(provider: Provider): Promise<AccountStatus>;
  /**
   * Silent tokens for the sync: cache, then refresh token, then `prompt=none`. When all fail the
   * account becomes `sign-in-needed` (listeners are told) and getToken rejects with
   * AuthRequiredError.
   */
  tokenSource(provider: Provider): TokenSource;
  /** Called whenever any account's state or address changes. */
  onChange(listener: (accounts: AccountsSnapshot) => void): void;
}

/** The client registration in effect (the user's ids, else the build's defaults). */
export interface ClientConfig {
  readonly googleClientId: string;
  readonly microsoftClientId: string;
  /** `common`, `organizations`, `consumers`, a tenant id or a verified domain. */
  readonly microsoftTenant: string;
}

export interface AuthDeps {
  readonly clients: () => Promise<ClientConfig>;
  /** Google's authorize URL (implicit flow) and the Microsoft authority with its `common` tenant segment. */
  readonly endpoints: { readonly googleAuth: string; readonly msAuthority: string };
  /** https://<extension id>.chromiumapp.org/ */
  readonly redirectUri: string;
  readonly clock: Clock;
  readonly log: Logger;
}
