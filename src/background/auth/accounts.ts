/**
 * Who is signed in, per provider, kept in chrome.storage.local under `auth/<provider>`: the
 * address, MSAL's account id and, when silent renewal failed, the plain-words reason. Never a
 * token. Listeners hear every change of state, address or reason.
 */
import type { AccountStatus, Provider } from '../../shared/messaging/types.ts';
import { hasExactKeys, isRecord } from '../../shared/pair-validation.ts';
import type { AccountsSnapshot } from './types.ts';
import type { StorageAreaLike } from './platform.ts';

export const ACCOUNT_KEYS: Readonly<Record<Provider, string>> = { google: 'auth/google', microsoft: 'auth/microsoft' };

export interface StoredAccount {
  readonly address: string;
  /** MSAL's homeAccountId (Microsoft only). */
  readonly homeAccountId: string | null;
  /** Why a sign-in is needed, or null while silent renewal works. */
  readonly reason: string | null;
}

const PROVIDERS: readonly Provider[] = ['google', 'microsoft'];

function isStoredAccount(value: unknown): value is StoredAccount {
  return (
    isRecord(value) &&
    hasExactKeys(value, ['address', 'homeAccountId', 'reason']) &&
    typeof value['address'] === 'string' &&
    (value['homeAccountId'] === null || typeof value['homeAccountId'] === 'string') &&
    (value['reason'] === null || typeof value['reason'] === 'string')
  );
}

export function statusOf(provider: Provider, account: StoredAccount | null): AccountStatus {
  if (!account) return { provider, state: 'signed-out', address: null, reason: null };
  return { provider, state: account.reason === null ? 'signed-in' : 'sign-in-needed', address: account.address, reason: account.reason };
}

export class AccountStore {
  private loaded: Promise<Record<Provider, StoredAccount | null>> | null = null;
  private readonly listeners: ((accounts: AccountsSnapshot) => void)[] = [];

  constructor(private readonly local: StorageAreaLike) {}

  async get(provider: Provider): Promise<StoredAccount | null> {
    return (await this.all())[provider];
  }

  async snapshot(): Promise<AccountsSnapshot> {
    const all = await this.all();
    return { google: statusOf('google', all.google), microsoft: statusOf('microsoft', all.microsoft) };
  }

  async status(provider: Provider): Promise<AccountStatus> {
    return statusOf(provider, await this.get(provider));
  }

  signedIn(provider: Provider, address: string, homeAccountId: string | null = null): Promise<AccountStatus> {
    return this.put(provider, { address, homeAccountId, reason: null });
  }

  /** Silent renewal failed: keep who it was (the login hint for the next sign-in), say why. */
  async needsSignIn(provider: Provider, reason: string): Promise<AccountStatus> {
    const current = await this.get(provider);
    if (!current) return statusOf(provider, null);
    return this.put(provider, { ...current, reason });
  }

  signedOut(provider: Provider): Promise<AccountStatus> {
    return this.put(provider, null);
  }

  onChange(listener: (accounts: AccountsSnapshot) => void): void {
    this.listeners.push(listener);
  }

  private all(): Promise<Record<Provider, StoredAccount | null>> {
    this.loaded ??= this.local.get(PROVIDERS.map((p) => ACCOUNT_KEYS[p])).then((stored) => {
      const read = (p: Provider): StoredAccount | null => {
        const value = stored[ACCOUNT_KEYS[p]];
        return isStoredAccount(value) ? value : null;
      };
      return { google: read('google'), microsoft: read('microsoft') };
    });
    this.loaded.catch(() => (this.loaded = null));
    return this.loaded;
  }

  private async put(provider: Provider, account: StoredAccount | null): Promise<AccountStatus> {
    const all = await this.all();
    const before = all[provider];
    if (account) await this.local.set({ [ACCOUNT_KEYS[provider]]: account });
    else await this.local.remove([ACCOUNT_KEYS[provider]]);
    all[provider] = account;
    if (JSON.stringify(before) !== JSON.stringify(account)) {
      const snapshot = await this.snapshot();
      for (const listener of this.listeners) {
        try {
          listener(snapshot);
        } catch {
          // A listener's failure is its own; the others still hear of the change.
        }
      }
    }
    return statusOf(provider, account);
  }
}
