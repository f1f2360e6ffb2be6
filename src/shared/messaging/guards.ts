import { PROTOCOL_VERSION, type UiToBackground } from './protocol.ts';

const UI_TYPES: ReadonlySet<string> = new Set<UiToBackground['type']>(['status/get']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Accepts exactly the documented UI request shapes; anything else is dropped by the router. */
export function isUiToBackground(value: unknown): value is UiToBackground {
  if (!isRecord(value) || value['v'] !== PROTOCOL_VERSION) return false;
  const type = value['type'];
  if (typeof type !== 'string' || !UI_TYPES.has(type)) return false;
  // No request type carries a payload yet: reject unexpected keys so shapes stay exact.
  return Object.keys(value).every((key) => key === 'v' || key === 'type');
}
