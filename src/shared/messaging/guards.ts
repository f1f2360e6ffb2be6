/**
 * Exact shape checks for every message the background accepts. A message with an unknown type, a
 * missing or extra key, or a payload of the wrong type is dropped by the router unanswered.
 */
import { hasExactKeys, isRecord, pairProblems } from '../pair-validation.ts';
import { PROTOCOL_VERSION, type BackgroundToUi, type Settings, type UiRequestType, type UiToBackground } from './protocol.ts';

type PayloadCheck = (message: Record<string, unknown>) => boolean;

const isProvider = (value: unknown): boolean => value === 'google' || value === 'microsoft';
const isId = (value: unknown): boolean => typeof value === 'string' && value.length > 0 && value.length <= 512;

const SETTINGS_CHECKS: { readonly [K in keyof Settings]: (value: unknown) => boolean } = {
  googleClientId: (v) => typeof v === 'string' && v.length <= 256,
  microsoftClientId: (v) => typeof v === 'string' && v.length <= 256,
  microsoftTenant: (v) => typeof v === 'string' && v.length <= 256,
  syncIntervalMinutes: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 60,
};

function isSettingsPatch(value: unknown): boolean {
  if (!isRecord(value)) return false;
  return Object.entries(value).every(([key, field]) => key in SETTINGS_CHECKS && SETTINGS_CHECKS[key as keyof Settings](field));
}

/** Payload keys (beyond `v` and `type`) and their checks, per request type. */
const PAYLOADS: { readonly [T in UiRequestType]: readonly [keys: readonly string[], check: PayloadCheck] } = {
  'status/get': [[], () => true],
  'settings/get': [[], () => true],
  'settings/set': [['settings'], (m) => isSettingsPatch(m['settings'])],
  'accounts/get': [[], () => true],
  'accounts/signIn': [['provider'], (m) => isProvider(m['provider'])],
  'accounts/signOut': [['provider'], (m) => isProvider(m['provider'])],
  'calendars/list': [['provider'], (m) => isProvider(m['provider'])],
  'pairs/list': [[], () => true],
  'pairs/save': [['pair'], (m) => pairProblems(m['pair']).length === 0],
  'pairs/remove': [['pairId', 'mirrors'], (m) => isId(m['pairId']) && (m['mirrors'] === 'delete' || m['mirrors'] === 'keep')],
  'pairs/resolvePause': [['pairId', 'decision'], (m) => isId(m['pairId']) && (m['decision'] === 'confirm' || m['decision'] === 'keep')],
  'sync/now': [['pairId'], (m) => m['pairId'] === null || isId(m['pairId'])],
  'sync/cancel': [[], () => true],
  'sync/state': [[], () => true],
  'activity/get': [[], () => true],
  'activity/undo': [['pairId', 'deletionId'], (m) => isId(m['pairId']) && isId(m['deletionId'])],
  'settings/export': [[], () => true],
  'settings/import': [['json'], (m) => typeof m['json'] === 'string' && m['json'].length <= 1_000_000],
  'diagnostics/get': [[], () => true],
};

/** Accepts exactly the documented UI request shapes; anything else is dropped by the router. */
export function isUiToBackground(value: unknown): value is UiToBackground {
  if (!isRecord(value) || value['v'] !== PROTOCOL_VERSION) return false;
  const type = value['type'];
  if (typeof type !== 'string' || !Object.hasOwn(PAYLOADS, type)) return false;
  const [keys, check] = PAYLOADS[type as UiRequestType];
  return hasExactKeys(value, ['v', 'type', ...keys]) && check(value);
}

/** Pages check what the background broadcasts before rendering it. */
export function isBackgroundToUi(value: unknown): value is BackgroundToUi {
  if (!isRecord(value) || value['v'] !== PROTOCOL_VERSION) return false;
  if (value['type'] === 'sync/changed') return hasExactKeys(value, ['v', 'type', 'state']) && isRecord(value['state']);
  if (value['type'] === 'accounts/changed') return hasExactKeys(value, ['v', 'type', 'accounts']) && isRecord(value['accounts']);
  return false;
}
