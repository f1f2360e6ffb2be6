import type { CanonicalEvent } from '../../../src/background/sync/model.ts';
import { withDefaults, type PairConfig } from '../../../src/background/sync/pair.ts';

export function event(overrides: Partial<CanonicalEvent> = {}): CanonicalEvent {
  return {
    title: 'Planning',
    description: 'Agenda',
    location: 'Room 1',
    start: { instant: '2026-03-02T09:00:00Z', zone: 'Europe/Berlin' },
    end: { instant: '2026-03-02T10:00:00Z', zone: 'Europe/Berlin' },
    endUnspecified: false,
    freeBusy: 'busy',
    privacy: 'default',
    tentative: false,
    reminders: [10],
    color: null,
    meetingUrl: null,
    recurrence: null,
    ...overrides,
  };
}

export function pair(overrides: Partial<PairConfig> = {}): PairConfig {
  return withDefaults({ id: 'p1', googleCalendarId: 'g', outlookCalendarId: 'o', ...overrides });
}
