import { describe, expect, it } from 'vitest';
import { badgeText } from '../../../src/content/badge-text.ts';
import type { BadgeView } from '../../../src/shared/messaging/content-protocol.ts';

const base: BadgeView = {
  state: 'synced',
  role: 'source',
  counterpart: { app: 'google', calendar: 'pat@gmail.com', url: 'https://calendar.google.com/calendar/event?eid=x' },
  syncedAt: Date.UTC(2026, 8, 17, 13, 5),
  source: { zone: 'America/New_York', start: '2026-09-17T13:00:00Z' },
  detail: null,
};

describe('badge text', () => {
  it('names the counterpart, the last sync, and the source time next to the local one', () => {
    const text = badgeText(base, 'Europe/Berlin', 'en-US');
    expect(text.mark).toBe('⇄');
    expect(text.label).toBe('Tandem: synced to Google Calendar (pat@gmail.com)');
    expect(text.tooltip.split('\n')).toEqual([
      'Tandem: synced to Google Calendar (pat@gmail.com)',
      'Last synced Sep 17, 2026, 3:05 PM',
      'Scheduled for 9:00 AM America/New_York · 3:00 PM your time',
      'Click to open it in Google Calendar.',
    ]);
  });

  it('says what a mirror, a pending change, a conflict, an exclusion and an error mean', () => {
    expect(badgeText({ ...base, role: 'mirror' }, 'UTC', 'en-US').label).toBe('Tandem: copy of an event in Google Calendar (pat@gmail.com)');
    expect(badgeText({ ...base, state: 'pending', detail: 'Your change is waiting to sync.' }, 'UTC', 'en-US').tooltip).toContain('Your change is waiting to sync.');
    expect(badgeText({ ...base, state: 'conflict', detail: 'Both calendars changed the title.' }, 'UTC', 'en-US').mark).toBe('!');
    const excluded = badgeText({ ...base, state: 'excluded', role: null, syncedAt: null, source: null, counterpart: { app: 'outlook', calendar: '', url: null }, detail: 'The pair skips private events.' }, 'UTC', 'en-US');
    expect(excluded.tooltip).toBe('Tandem: not synced to Outlook (excluded by a filter)\nThe pair skips private events.');
    expect(badgeText({ ...base, state: 'error' }, 'UTC', 'en-US').mark).toBe('×');
  });

  it('marks the source zone as the local one, and leaves out a zone it cannot read', () => {
    expect(badgeText(base, 'America/New_York', 'en-US').tooltip).toContain('Scheduled for 9:00 AM America/New_York (your time zone)');
    expect(badgeText({ ...base, source: { zone: 'Not/AZone', start: base.source!.start } }, 'UTC', 'en-US').tooltip).not.toContain('Scheduled');
  });
});
