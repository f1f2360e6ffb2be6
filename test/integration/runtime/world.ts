/**
 * The background runtime in Node: real engine and adapters over HTTP to the simulators, the
 * browser pieces (storage areas, alarms, badge, notifications, broadcasts) as in-memory fakes,
 * and an AuthService that issues simulator tokens (the real sign-in has its own e2e tests).
 */
import type { AccountsSnapshot, AuthService } from '../../../src/background/auth/types.ts';
import { AuthRequiredError } from '../../../src/background/sync/errors.ts';
import { MemoryStore } from '../../../src/background/sync/memory-store.ts';
import type { TokenSource } from '../../../src/background/sync/ports.ts';
import type { PairReport } from '../../../src/background/sync/report.ts';
import { createRuntime, type Runtime } from '../../../src/background/runtime/index.ts';
import type { Badge, Notice } from '../../../src/background/runtime/badge.ts';
import { DiagnosticsLog } from '../../../src/background/runtime/diagnostics.ts';
import type { Provider } from '../../../src/shared/messaging/types.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import type { Simulators } from '../../sim/index.ts';
import { FakeAlarms, FakeArea } from '../../unit/runtime/fakes.ts';

export const GOOGLE_USER = 'ann@example.com';
export const MS_USER = 'ann@contoso.com';

export class FakeAuth implements AuthService {
  private listeners: ((accounts: AccountsSnapshot) => void)[] = [];
  accounts: AccountsSnapshot = {
    google: { provider: 'google', state: 'signed-in', address: GOOGLE_USER, reason: null },
    microsoft: { provider: 'microsoft', state: 'signed-in', address: MS_USER, reason: null },
  };

  constructor(private readonly sims: Simulators) {}

  status(): Promise<AccountsSnapshot> {
    return Promise.resolve(this.accounts);
  }
  signIn(provider: Provider) {
    return Promise.resolve(this.set(provider, 'signed-in', null));
  }
  signOut(provider: Provider) {
    return Promise.resolve(this.set(provider, 'signed-out', null));
  }
  tokenSource(provider: Provider): TokenSource {
    return {
      getToken: () => {
        if (this.accounts[provider].state !== 'signed-in') return Promise.reject(new AuthRequiredError('Sign in again.'));
        return Promise.resolve(provider === 'google' ? this.sims.google.issueToken(GOOGLE_USER, 3_600_000, ['https://www.googleapis.com/auth/calendar']) : this.sims.graph.issueToken(MS_USER));
      },
      invalidate: () => Promise.resolve(),
    };
  }
  onChange(listener: (accounts: AccountsSnapshot) => void): void {
    this.listeners.push(listener);
  }
  /** The silent renewal failed (as the real AuthService reports it). */
  expire(provider: Provider): void {
    this.set(provider, 'sign-in-needed', 'Your Microsoft sign-in expired.');
  }
  private set(provider: Provider, state: 'signed-in' | 'signed-out' | 'sign-in-needed', reason: string | null) {
    const status = { provider, state, address: state === 'signed-out' ? null : this.accounts[provider].address, reason };
    this.accounts = { ...this.accounts, [provider]: status };
    for (const listener of this.listeners) listener(this.accounts);
    return status;
  }
}

export interface RuntimeWorld {
  readonly runtime: Runtime;
  readonly auth: FakeAuth;
  readonly local: FakeArea;
  readonly state: MemoryStore;
  readonly alarms: FakeAlarms;
  readonly badges: Badge[];
  readonly notices: Notice[];
  readonly broadcasts: unknown[];
  /** Every pair report the runtime passed on (to the badge service, in the extension). */
  readonly reports: PairReport[];
  /** A new worker instance on the same storage (the old one was killed). */
  restart(options?: { fetch?: typeof fetch }): RuntimeWorld;
}

export function startRuntime(sims: Simulators, shared?: Pick<RuntimeWorld, 'auth' | 'local' | 'state' | 'alarms'>, options: { fetch?: typeof fetch; instanceId?: string } = {}): RuntimeWorld {
  const auth = shared?.auth ?? new FakeAuth(sims);
  const local = shared?.local ?? new FakeArea();
  const state = shared?.state ?? new MemoryStore();
  const alarms = shared?.alarms ?? new FakeAlarms();
  const badges: Badge[] = [];
  const notices: Notice[] = [];
  const broadcasts: unknown[] = [];
  const reports: PairReport[] = [];
  const diagnostics = new DiagnosticsLog();
  const runtime = createRuntime({
    localArea: local,
    state,
    alarms,
    auth,
    clock: { now: () => sims.clock.now(), sleep: () => Promise.resolve() },
    log: diagnostics.wrap(silentLogger),
    endpoints: { googleApi: sims.endpoints.googleApi, graphApi: sims.endpoints.graphApi },
    status: () => ({ version: 'test', simulatorBuild: true, redirectUri: 'https://x.chromiumapp.org/', endpoints: sims.endpoints }),
    broadcast: (message) => broadcasts.push(message),
    onReport: (report) => (reports.push(report), Promise.resolve()),
    setBadge: (badge) => (badges.push(badge), Promise.resolve()),
    notify: (notice) => (notices.push(notice), Promise.resolve()),
    diagnostics,
    instanceId: options.instanceId ?? `worker-${Math.random()}`,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const world: RuntimeWorld = {
    runtime,
    auth,
    local,
    state,
    alarms,
    badges,
    notices,
    broadcasts,
    reports,
    restart: (restartOptions = {}) => startRuntime(sims, world, restartOptions),
  };
  return world;
}
