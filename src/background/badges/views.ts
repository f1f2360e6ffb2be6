/**
 * From an index entry to what the badge shows. Only what the badge needs leaves the background:
 * state, role, the counterpart's calendar and link, the last sync, the source's zone and start,
 * and a sentence — never event text, never anything of another event.
 */
import { googleEventUrl, outlookEventUrl } from '../../shared/calendar-ids.ts';
import type { BadgeView } from '../../shared/messaging/content-protocol.ts';
import type { PairConfig } from '../../shared/pair.ts';
import type { Side } from '../sync/model.ts';
import type { Match } from './badge-index.ts';
import { calendarOf } from './entries.ts';

export function toView(match: Match, outlookHost: string, changePending: boolean): BadgeView {
  const { entry } = match;
  const counterpart = entry.counterpart;
  const url = counterpart.id === null ? null : counterpart.side === 'google' ? googleEventUrl(counterpart.id, counterpart.calendarId) : outlookEventUrl(counterpart.id, outlookHost);
  const pending = changePending && entry.state !== 'error';
  return {
    state: pending ? 'pending' : entry.state,
    role: entry.role,
    counterpart: { app: counterpart.side, calendar: calendarLabel(counterpart.side, counterpart.calendarId), url },
    syncedAt: entry.syncedAt,
    source: sourceOf(match),
    detail: pending ? 'Your change is waiting to sync.' : entry.detail,
  };
}

/** A change seen on the page for an id Tandem has not linked yet: it is on its way. */
export function pendingView(pair: PairConfig, side: Side): BadgeView {
  const other: Side = side === 'google' ? 'outlook' : 'google';
  return {
    state: 'pending',
    role: null,
    counterpart: { app: other, calendar: calendarLabel(other, calendarOf(pair, other)), url: null },
    syncedAt: null,
    source: null,
    detail: 'Your change is waiting to sync.',
  };
}

/** Google calendar ids are addresses users recognise; Outlook's are opaque and not shown. */
function calendarLabel(side: Side, calendarId: string): string {
  if (side === 'outlook') return '';
  return calendarId === 'primary' ? 'primary calendar' : calendarId;
}

function sourceOf(match: Match): BadgeView['source'] {
  const source = match.entry.source;
  if (!source) return null;
  if (match.instanceStart === null) return source;
  // An instance wearing its series' badge: its own start, in the series' zone (all-day: none).
  return match.instanceStart.includes('T') ? { zone: source.zone, start: match.instanceStart } : null;
}
