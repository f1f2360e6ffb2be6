/**
 * Settings and pairs, kept in chrome.storage.local (never tokens). Reads fill in defaults, so a
 * setting added in a later version needs no migration.
 */
import type { ClientConfig } from '../auth/types.ts';
import { DEFAULT_CLIENT_IDS } from '../../shared/endpoints.ts';
import type { Settings } from '../../shared/messaging/types.ts';
import { withDefaults, type PairConfig } from '../../shared/pair.ts';
import { pairProblems } from '../../shared/pair-validation.ts';
import type { KeyValueStore } from '../sync/ports.ts';

export const SETTINGS_KEY = 'config/settings';
export const PAIRS_KEY = 'config/pairs';

export const DEFAULT_SETTINGS: Settings = {
  googleClientId: '',
  microsoftClientId: '',
  microsoftTenant: 'common',
  syncIntervalMinutes: 5,
};

export class SettingsStore {
  constructor(private readonly store: KeyValueStore) {}

  async settings(): Promise<Settings> {
    const saved = (await this.store.get([SETTINGS_KEY]))[SETTINGS_KEY];
    return { ...DEFAULT_SETTINGS, ...(typeof saved === 'object' && saved !== null ? (saved as Partial<Settings>) : {}) };
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    const next = { ...(await this.settings()), ...trimmed(patch) };
    if (next.microsoftTenant === '') next.microsoftTenant = 'common';
    if (!/^[A-Za-z0-9.-]{1,200}$/.test(next.microsoftTenant)) throw new Error('The Microsoft tenant must be "common", "organizations", "consumers", a tenant id or a domain.');
    await this.store.set({ [SETTINGS_KEY]: next });
    return next;
  }

  /** The client registration in effect: the user's ids, else the build's defaults. */
  async clients(): Promise<ClientConfig> {
    const settings = await this.settings();
    return {
      googleClientId: settings.googleClientId || DEFAULT_CLIENT_IDS.google,
      microsoftClientId: settings.microsoftClientId || DEFAULT_CLIENT_IDS.microsoft,
      microsoftTenant: settings.microsoftTenant || 'common',
    };
  }

  async pairs(): Promise<PairConfig[]> {
    const saved = (await this.store.get([PAIRS_KEY]))[PAIRS_KEY];
    if (!Array.isArray(saved)) return [];
    // A pair saved by an older version gets the defaults of fields added since.
    return saved.map((pair: PairConfig) => withDefaults(pair)).filter((pair) => pairProblems(pair).length === 0);
  }

  async save(pair: PairConfig): Promise<PairConfig> {
    const pairs = await this.pairs();
    const clash = pairs.find((p) => p.id !== pair.id && p.googleCalendarId === pair.googleCalendarId && p.outlookCalendarId === pair.outlookCalendarId);
    if (clash) throw new Error('These two calendars are already paired.');
    const index = pairs.findIndex((p) => p.id === pair.id);
    if (index >= 0) pairs[index] = pair;
    else pairs.push(pair);
    await this.store.set({ [PAIRS_KEY]: pairs });
    return pair;
  }

  async removePair(pairId: string): Promise<PairConfig | null> {
    const pairs = await this.pairs();
    const removed = pairs.find((p) => p.id === pairId) ?? null;
    await this.store.set({ [PAIRS_KEY]: pairs.filter((p) => p.id !== pairId) });
    return removed;
  }
}

function trimmed(patch: Partial<Settings>): Partial<Settings> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) out[key] = typeof value === 'string' ? value.trim() : value;
  return out;
}
