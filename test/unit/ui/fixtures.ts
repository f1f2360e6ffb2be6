/** Mock data for the UI's component tests: what the background would answer. */
import type { AccountStatus, Activity, CalendarSummary, PairResult, Provider, SyncState } from '../../../src/shared/messaging/types.ts';
import { withDefaults, type PairConfig } from '../../../src/shared/pair.ts';
import { indexCalendars, type CalendarIndex } from '../../../src/shared/ui/calendar-cache.ts';

export const NOW = Date.parse('2026-12-01T10:00:00Z');
export const MINUTE = 60_000;

export function account(provider: Provider, state: AccountStatus['state'] = 'signed-in', reason: string | null = null): AccountStatus {
  const address = state === 'signed-out' ? null : provider === 'google' ? 'pat.lee@gmail.com' : 'pat.lee@contoso.com';
  return { provider, state, address, reason };
}

export const SIGNED_IN = { google: account('google'), microsoft: account('microsoft') } as const;
export const SIGNED_OUT = { google: account('google', 'signed-out'), microsoft: account('microsoft', 'signed-out') } as const;

export const GOOGLE_CALENDARS: CalendarSummary[] = [
  { id: 'pat.lee@gmail.com', name: 'Pat Lee', color: '#039be5', readOnly: false, primary: true },
  { id: 'family', name: 'Family', color: '#33b679', readOnly: false, primary: false },
  { id: 'holidays', name: 'Holidays in Germany', color: '#0b8043', readOnly: true, primary: false },
];

export const OUTLOOK_CALENDARS: CalendarSummary[] = [
  { id: 'AAMkCal1', name: 'Calendar', color: '#0078d4', readOnly: false, primary: true },
  { id: 'AAMkCal2', name: 'Team holidays', color: '#e3008c', readOnly: true, primary: false },
];

export const CALENDARS: Readonly<Record<Provider, CalendarIndex>> = { google: indexCalendars(GOOGLE_CALENDARS), microsoft: indexCalendars(OUTLOOK_CALENDARS) };

export const PAIR: PairConfig = withDefaults({ id: 'pair-1', googleCalendarId: 'pat.lee@gmail.com', outlookCalendarId: 'AAMkCal1' });
export const PAIR_2: PairConfig = withDefaults({ id: 'pair-2', googleCalendarId: 'family', outlookCalendarId: 'AAMkCal1', direction: 'google-to-outlook' });

const ZERO = { google: 0, outlook: 0 };

export function result(patch: Partial<PairResult> = {}): PairResult {
  return {
    pairId: PAIR.id,
    finishedAt: NOW - 5 * MINUTE,
    ok: true,
    created: { google: 1, outlook: 2 },
    updated: { google: 0, outlook: 1 },
    deleted: ZERO,
    conflicts: 0,
    skipped: 0,
    errors: [],
    paused: null,
    pending: [],
    ...patch,
  };
}

export function syncState(patch: Partial<SyncState> = {}): SyncState {
  return { running: false, progress: null, results: {}, nextRunAt: NOW + 4 * MINUTE, ...patch };
}

export const NO_ACTIVITY: Activity = { conflicts: [], deletions: [] };
