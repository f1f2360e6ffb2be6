/** Small builders of engine state for the badge service's tests. */
import type { CanonicalEvent, Side } from '../../../../src/background/sync/model.ts';
import type { Link } from '../../../../src/background/sync/state.ts';
import { withDefaults, type PairConfig } from '../../../../src/shared/pair.ts';

export const GOOGLE_CAL = 'pat@gmail.com';
export const OUTLOOK_CAL = 'AAMkAGI2calendar';

export function pair(overrides: Partial<PairConfig> = {}): PairConfig {
  return withDefaults({ id: 'p1', googleCalendarId: GOOGLE_CAL, outlookCalendarId: OUTLOOK_CAL, ...overrides });
}

export function canonical(title: string, start: CanonicalEvent['start'] = { instant: '2026-09-17T14:00:00Z', zone: 'Europe/Berlin' }): CanonicalEvent {
  return {
    title,
    description: 'private notes',
    location: '',
    start,
    end: start,
    endUnspecified: false,
    freeBusy: 'busy',
    privacy: 'default',
    tentative: false,
    reminders: [],
    color: null,
    meetingUrl: null,
    recurrence: null,
  };
}

export function link(origin: Side, googleId: string | null, outlookId: string | null, overrides: Partial<Link> = {}, title = 'Dentist'): Link {
  const event = canonical(title);
  const ref = (id: string | null) => (id ? { id, version: 'v1', modifiedAt: '2026-09-01T00:00:00Z' } : null);
  return {
    key: `${origin}:${origin === 'google' ? googleId : outlookId}`,
    kind: 'single',
    origin,
    google: ref(googleId),
    outlook: ref(outlookId),
    snapshots: { google: googleId ? event : null, outlook: outlookId ? event : null },
    syncedAt: 1_000,
    ...overrides,
  };
}
