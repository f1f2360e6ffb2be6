/**
 * The AuthService the runtime uses, built from injected dependencies and browser seam, so it runs
 * in Node tests with fakes. Interactive sign-in only through signIn() (a user's click); token
 * sources never show UI.
 */
import type { AccountStatus, Provider } from '../../shared/messaging/types.ts';
import type { TokenSource } from '../sync/ports.ts';
import { AccountStore } from './accounts.ts';
import { Serial, type ProviderContext } from './context.ts';
import { GoogleAuth } from './google.ts';
import { MicrosoftAuth } from './microsoft.ts';
import type { AuthPlatform } from './platform.ts';
import type { AccountsSnapshot, AuthDeps, AuthService } from './types.ts';

export interface AuthOptions {
  /** Google Calendar API base: the address is the primary calendar's id. */
  readonly googleApi: string;
  readonly simulatorBuild: boolean;
}

export function createAuthService(deps: AuthDeps, platform: AuthPlatform, options: AuthOptions): AuthService {
  const accounts = new AccountStore(platform.local);
  const ctx: ProviderContext = { deps, platform, accounts, flows: new Serial() };
  const providers = {
    google: new GoogleAuth(ctx, options.googleApi),
    microsoft: new MicrosoftAuth(ctx, { simulatorBuild: options.simulatorBuild }),
  } as const;
  const sources: Record<Provider, TokenSource> = {
    google: { getToken: () => providers.google.getToken(), invalidate: (token) => providers.google.invalidate(token) },
    microsoft: { getToken: () => providers.microsoft.getToken(), invalidate: (token) => providers.microsoft.invalidate(token) },
  };
  return {
    status: (): Promise<AccountsSnapshot> => accounts.snapshot(),
    signIn: (provider: Provider): Promise<AccountStatus> => providers[provider].signIn(),
    signOut: (provider: Provider): Promise<AccountStatus> => providers[provider].signOut(),
    tokenSource: (provider: Provider): TokenSource => sources[provider],
    onChange: (listener) => accounts.onChange(listener),
  };
}
