/** What both providers' sign-in share: the injected dependencies, the account store, one flow at a time. */
import type { AccountStore } from './accounts.ts';
import type { AuthPlatform } from './platform.ts';
import type { AuthDeps } from './types.ts';

/** A token with less than this left is renewed before it is handed out. */
export const RENEW_BEFORE_MS = 5 * 60_000;

export interface ProviderContext {
  readonly deps: AuthDeps;
  readonly platform: AuthPlatform;
  readonly accounts: AccountStore;
  /** Chrome runs one web-auth flow at a time, and MSAL one interaction: every flow goes through here. */
  readonly flows: Serial;
}

/** Runs tasks one after another. */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
