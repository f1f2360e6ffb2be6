/**
 * Settings export and import: the options page's "save / load settings" as a JSON file. Holds
 * settings and pairs only — never tokens, never account addresses, never sync state.
 */
import type { Settings } from '../../shared/messaging/types.ts';
import type { PairConfig } from '../../shared/pair.ts';
import { isRecord, pairProblems } from '../../shared/pair-validation.ts';
import { isUiToBackground } from '../../shared/messaging/guards.ts';
import { PROTOCOL_VERSION } from '../../shared/messaging/protocol.ts';

export const FORMAT = 'tandem-settings';
export const FORMAT_VERSION = 1;

export interface SettingsFile {
  readonly format: typeof FORMAT;
  readonly version: typeof FORMAT_VERSION;
  readonly settings: Settings;
  readonly pairs: readonly PairConfig[];
}

export function exportSettings(settings: Settings, pairs: readonly PairConfig[]): string {
  const file: SettingsFile = { format: FORMAT, version: FORMAT_VERSION, settings, pairs };
  return JSON.stringify(file, null, 2);
}

/** The file's settings and pairs, or an Error saying in plain words what is wrong with it. */
export function parseSettingsFile(json: string): { settings: Partial<Settings>; pairs: PairConfig[] } | Error {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return new Error('This file is not JSON. Choose a file saved by Tandem’s "Export settings".');
  }
  if (!isRecord(value) || value['format'] !== FORMAT) return new Error('This file is not a Tandem settings file.');
  if (value['version'] !== FORMAT_VERSION) return new Error(`This settings file has version ${String(value['version'])}; this Tandem reads version ${FORMAT_VERSION}.`);
  // The same checks as a settings/set message from the options page.
  const settings = value['settings'];
  if (!isUiToBackground({ v: PROTOCOL_VERSION, type: 'settings/set', settings })) return new Error('The settings in this file are not valid.');
  const pairs = value['pairs'];
  if (!Array.isArray(pairs)) return new Error('The file has no list of pairs.');
  for (const [index, pair] of pairs.entries()) {
    const problems = pairProblems(pair);
    if (problems.length > 0) return new Error(`Pair ${index + 1} in the file is not valid: ${problems.join('; ')}.`);
  }
  const ids = new Set(pairs.map((p: PairConfig) => p.id));
  if (ids.size !== pairs.length) return new Error('The file lists the same pair twice.');
  return { settings: settings as Partial<Settings>, pairs: pairs as PairConfig[] };
}
