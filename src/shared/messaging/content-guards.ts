/**
 * Exact shape checks for the content-script protocol, both ways. The background drops any content
 * message that is not exactly one of these shapes; the content script checks what the background
 * answers before it draws anything from it.
 */
import { hasExactKeys, isRecord } from '../pair-validation.ts';
import {
  CONTENT_PROTOCOL_VERSION,
  MAX_LOOKUP,
  MAX_NUDGE_AGE_MS,
  MAX_NUDGE_CALENDARS,
  MAX_NUDGE_IDS,
  type BackgroundToContent,
  type BadgeQuery,
  type BadgeView,
  type ContentReplies,
  type ContentToBackground,
} from './content-protocol.ts';

const isApp = (value: unknown): boolean => value === 'google' || value === 'outlook';
const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length > 0 && value.length <= max;
const WALL_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?$/;
const ZONE = /^[A-Za-z0-9_+\-/]{1,64}$/;

function isQuery(value: unknown): value is BadgeQuery {
  if (!isRecord(value)) return false;
  if (value['by'] === 'id') {
    return hasExactKeys(value, ['by', 'id', 'calendar']) && isText(value['id'], 1024) && (value['calendar'] === null || isText(value['calendar'], 512));
  }
  if (value['by'] === 'subject') {
    return (
      hasExactKeys(value, ['by', 'subject', 'start', 'zone']) &&
      isText(value['subject'], 1024) &&
      typeof value['start'] === 'string' &&
      WALL_TIME.test(value['start']) &&
      typeof value['zone'] === 'string' &&
      ZONE.test(value['zone'])
    );
  }
  return false;
}

function isTextList(value: unknown, maxItems: number, maxLength: number): boolean {
  return Array.isArray(value) && value.length <= maxItems && value.every((item) => isText(item, maxLength));
}

/** Accepts exactly the documented content-script messages. */
export function isContentToBackground(value: unknown): value is ContentToBackground {
  if (!isRecord(value) || value['v'] !== CONTENT_PROTOCOL_VERSION || !isApp(value['app'])) return false;
  if (value['type'] === 'badges/lookup') {
    const queries = value['queries'];
    return hasExactKeys(value, ['v', 'type', 'app', 'queries']) && Array.isArray(queries) && queries.length > 0 && queries.length <= MAX_LOOKUP && queries.every(isQuery);
  }
  if (value['type'] === 'badges/nudge') {
    return (
      hasExactKeys(value, ['v', 'type', 'app', 'reason', 'calendars', 'ids', 'ageMs']) &&
      Number.isSafeInteger(value['ageMs']) &&
      (value['ageMs'] as number) >= 0 &&
      (value['ageMs'] as number) <= MAX_NUDGE_AGE_MS &&
      (value['reason'] === 'chips' || value['reason'] === 'save') &&
      isTextList(value['calendars'], MAX_NUDGE_CALENDARS, 512) &&
      isTextList(value['ids'], MAX_NUDGE_IDS, 1024)
    );
  }
  return false;
}

export function isBackgroundToContent(value: unknown): value is BackgroundToContent {
  return isRecord(value) && value['v'] === CONTENT_PROTOCOL_VERSION && value['type'] === 'badges/changed' && hasExactKeys(value, ['v', 'type', 'version']) && Number.isSafeInteger(value['version']);
}

const STATES = ['synced', 'pending', 'conflict', 'excluded', 'error'];

function isView(value: unknown): value is BadgeView {
  if (!isRecord(value) || !hasExactKeys(value, ['state', 'role', 'counterpart', 'syncedAt', 'source', 'detail'])) return false;
  const { counterpart, source } = value;
  return (
    STATES.includes(value['state'] as string) &&
    (value['role'] === 'source' || value['role'] === 'mirror' || value['role'] === null) &&
    isRecord(counterpart) &&
    isApp(counterpart['app']) &&
    typeof counterpart['calendar'] === 'string' &&
    (counterpart['url'] === null || typeof counterpart['url'] === 'string') &&
    (value['syncedAt'] === null || typeof value['syncedAt'] === 'number') &&
    (source === null || (isRecord(source) && typeof source['zone'] === 'string' && typeof source['start'] === 'string')) &&
    (value['detail'] === null || typeof value['detail'] === 'string')
  );
}

/** The content script's check of a lookup answer: one view (or null) per query it asked. */
export function isLookupReply(value: unknown, queries: number): value is ContentReplies['badges/lookup'] {
  if (!isRecord(value) || !Number.isSafeInteger(value['version'])) return false;
  const views = value['views'];
  return Array.isArray(views) && views.length === queries && views.every((view) => view === null || isView(view));
}
