/**
 * The runner's configuration from the environment — the public contract documented in the README.
 * Every problem is reported with the variable's name and what it should contain.
 */
import { digestHex } from '../background/sync/digest.ts';
import { withDefaults, type Direction, type PairConfig, type PrivacyMode } from '../background/sync/pair.ts';

export interface RunnerConfig {
  readonly googleApi: string;
  readonly graphApi: string;
  readonly googleToken: string;
  readonly msToken: string;
  readonly pairs: readonly PairConfig[];
  readonly stateDir: string;
}

export class ConfigError extends Error {}

const DIRECTIONS: readonly Direction[] = ['both', 'google-to-outlook', 'outlook-to-google'];
const PRIVACY: readonly PrivacyMode[] = ['full', 'busy', 'title'];

export function readConfig(env: NodeJS.ProcessEnv): RunnerConfig {
  return {
    googleApi: url(env, 'TANDEM_GOOGLE_API', 'https://www.googleapis.com/calendar/v3'),
    graphApi: url(env, 'TANDEM_GRAPH_API', 'https://graph.microsoft.com/v1.0'),
    googleToken: required(env, 'TANDEM_GOOGLE_TOKEN', 'a Google access token with the calendar scope'),
    msToken: required(env, 'TANDEM_MS_TOKEN', 'a Microsoft Graph access token with Calendars.ReadWrite'),
    pairs: parsePairs(required(env, 'TANDEM_PAIRS', 'a JSON array of pairs, e.g. [{"google":"primary","outlook":"<calendar id>"}]')),
    stateDir: env['TANDEM_STATE_DIR']?.trim() || '.tandem-state',
  };
}

export function parsePairs(text: string): PairConfig[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`TANDEM_PAIRS is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(value) || value.length === 0) throw new ConfigError('TANDEM_PAIRS must be a non-empty JSON array of pairs.');
  return value.map((item, index) => parsePair(item, index));
}

function parsePair(item: unknown, index: number): PairConfig {
  const where = `TANDEM_PAIRS[${index}]`;
  if (typeof item !== 'object' || item === null) throw new ConfigError(`${where} must be an object.`);
  const raw = item as Record<string, unknown>;
  const google = text(raw['google'], `${where}.google`);
  const outlook = text(raw['outlook'], `${where}.outlook`);
  const direction = raw['direction'] ?? 'both';
  if (!DIRECTIONS.includes(direction as Direction)) throw new ConfigError(`${where}.direction must be one of ${DIRECTIONS.join(', ')}.`);
  const privacy = raw['privacy'] ?? 'full';
  if (!PRIVACY.includes(privacy as PrivacyMode)) throw new ConfigError(`${where}.privacy must be one of ${PRIVACY.join(', ')}.`);
  return withDefaults({
    id: digestHex(`${google}|${outlook}`, 16),
    googleCalendarId: google,
    outlookCalendarId: outlook,
    direction: direction as Direction,
    privacy: privacy as PrivacyMode,
    pastDays: days(raw['pastDays'], 30, `${where}.pastDays`),
    futureDays: days(raw['futureDays'], 365, `${where}.futureDays`),
  });
}

function days(value: unknown, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 3650) throw new ConfigError(`${name} must be a whole number of days between 0 and 3650.`);
  return value;
}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || !value.trim()) throw new ConfigError(`${name} is required (a calendar id).`);
  return value;
}

function required(env: NodeJS.ProcessEnv, name: string, what: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(`${name} is not set: it must hold ${what}.`);
  return value;
}

function url(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name]?.trim();
  if (!value) return fallback;
  try {
    const parsed = new URL(value);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL, got "${value}".`);
  }
  return value.replace(/\/+$/, '');
}
