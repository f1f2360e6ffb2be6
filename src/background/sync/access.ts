/**
 * Whether each calendar of a pair may be written to. Looked up in the calendar lists at most once
 * a day (a quiet sync should cost one request per side), unless the caller already knows.
 */
import type { EngineDeps } from './context.ts';
import { both } from './both.ts';
import type { Side } from './model.ts';
import type { PairConfig } from './pair.ts';
import type { PairMeta } from './state.ts';

const DAY = 86_400_000;

export async function calendarAccess(
  deps: EngineDeps,
  pair: PairConfig,
  meta: PairMeta,
  known: Partial<Record<Side, boolean>> | undefined,
  signal: AbortSignal,
): Promise<NonNullable<PairMeta['access']>> {
  const now = deps.clock.now();
  if (known?.google !== undefined && known.outlook !== undefined) return { google: known.google, outlook: known.outlook, checkedAt: now };
  if (meta.access && now - meta.access.checkedAt < DAY) return meta.access;
  const [google, outlook] = await both(deps.google.listCalendars(signal), deps.outlook.listCalendars(signal));
  const readOnly = (list: typeof google, id: string): boolean => {
    const found = list.find((c) => c.id === id || (id === 'primary' && c.primary));
    if (!found) throw new Error(`Calendar "${id}" is not in the account's calendar list. Was it removed or unshared?`);
    return found.readOnly;
  };
  return { google: readOnly(google, pair.googleCalendarId), outlook: readOnly(outlook, pair.outlookCalendarId), checkedAt: now };
}
