/** What the background answers to each UI request. */
import type { AuthService } from '../auth/types.ts';
import type { CalendarSummary, Provider, StatusSnapshot } from '../../shared/messaging/protocol.ts';
import type { EngineDeps } from '../sync/context.ts';
import type { UiHandlers } from '../router.ts';
import type { KeyValueStore } from '../sync/ports.ts';
import { loadActivity } from './activity.ts';
import type { DiagnosticsLog } from './diagnostics.ts';
import type { PairActions } from './pair-actions.ts';
import { exportSettings, parseSettingsFile } from './settings-file.ts';
import type { SettingsStore } from './settings.ts';
import type { SyncService } from './sync-service.ts';

export interface HandlerDeps {
  readonly status: () => StatusSnapshot;
  readonly settings: SettingsStore;
  readonly auth: AuthService;
  readonly engine: () => EngineDeps;
  readonly sync: SyncService;
  readonly pairs: PairActions;
  /** Re-arms the alarm after the interval changed. */
  readonly rescheduled: () => Promise<void>;
  readonly local: KeyValueStore;
  readonly state: KeyValueStore;
  readonly diagnostics: DiagnosticsLog;
}

export function createHandlers(deps: HandlerDeps): UiHandlers {
  const { settings, auth, sync, pairs } = deps;
  return {
    'status/get': () => Promise.resolve(deps.status()),
    'settings/get': () => settings.settings(),
    'settings/set': async ({ settings: patch }) => {
      const next = await settings.update(patch);
      if (patch.syncIntervalMinutes !== undefined) await deps.rescheduled();
      return next;
    },
    'accounts/get': () => auth.status(),
    'accounts/signIn': ({ provider }) => auth.signIn(provider),
    'accounts/signOut': ({ provider }) => auth.signOut(provider),
    // Never cached: the answer also tells the options page whether the account still works.
    'calendars/list': ({ provider }) => listCalendars(deps, provider),
    'pairs/list': () => settings.pairs(),
    'pairs/save': ({ pair }) => pairs.save(pair),
    'pairs/remove': async ({ pairId, mirrors }) => {
      await pairs.remove(pairId, mirrors);
      return null;
    },
    'pairs/resolvePause': async ({ pairId, decision }) => {
      await pairs.resolvePause(pairId, decision);
      return sync.state();
    },
    'sync/now': async ({ pairId }) => {
      // Answer at once with "running"; progress and the result follow as broadcasts.
      void sync.run('user', pairId);
      return sync.state();
    },
    'sync/cancel': () => {
      sync.cancel();
      return sync.state();
    },
    'sync/state': () => sync.state(),
    'activity/get': async () => loadActivity(deps.state, deps.local, await settings.pairs()),
    'activity/undo': async ({ pairId, deletionId }) => {
      await pairs.undo(pairId, deletionId);
      return loadActivity(deps.state, deps.local, await settings.pairs());
    },
    'settings/export': async () => exportSettings(await settings.settings(), await settings.pairs()),
    'settings/import': async ({ json }) => {
      const parsed = parseSettingsFile(json);
      if (parsed instanceof Error) throw parsed;
      await settings.update(parsed.settings);
      for (const pair of parsed.pairs) await settings.save(pair);
      await deps.rescheduled();
      return { pairs: parsed.pairs.length };
    },
    'diagnostics/get': async () => deps.diagnostics.export({ ...deps.status(), exportedAt: new Date().toISOString(), pairs: (await settings.pairs()).length, accounts: Object.values(await auth.status()).map((a) => ({ provider: a.provider, state: a.state })) }),
  };
}

async function listCalendars(deps: HandlerDeps, provider: Provider): Promise<CalendarSummary[]> {
  const engine = deps.engine();
  const adapter = provider === 'google' ? engine.google : engine.outlook;
  const calendars = await adapter.listCalendars(AbortSignal.timeout(30_000));
  return calendars.map(({ id, name, color, readOnly, primary }) => ({ id, name, color, readOnly, primary }));
}
