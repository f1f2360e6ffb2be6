import { describe, expect, it } from 'vitest';
import { mirrorPolicy, projectToMirror } from '../../../src/background/sync/mirror.ts';
import { skipReason } from '../../../src/background/sync/filters.ts';
import { event, pair } from './fixtures.ts';

describe('mirror projection', () => {
  it('copies everything chosen in full mode, but never a conference', () => {
    const source = event({ meetingUrl: 'https://teams.example/j/1', color: '5' });
    const config = pair();
    const mirror = projectToMirror(source, config, mirrorPolicy(config, source, true), 'google');
    expect(mirror).toMatchObject({ title: 'Planning', location: 'Room 1', reminders: [10], meetingUrl: null, color: null });
    expect(mirror.description).toBe('Agenda\n\nJoin: https://teams.example/j/1');
  });

  it('turns an event into a placeholder in busy mode', () => {
    const config = pair({ privacy: 'busy', busyTitle: 'Blocked' });
    const source = event();
    const policy = mirrorPolicy(config, source, true);
    expect(projectToMirror(source, config, policy, 'outlook')).toMatchObject({ title: 'Blocked', description: '', location: '', reminders: [] });
    expect(policy.backward.has('title')).toBe(false);
    expect(policy.backward.has('start')).toBe(true);
  });

  it('keeps title and time only in title mode', () => {
    const config = pair({ privacy: 'title' });
    const source = event();
    expect(projectToMirror(source, config, mirrorPolicy(config, source, true), 'outlook')).toMatchObject({ title: 'Planning', description: '', location: '' });
  });

  it('mirrors private events as busy placeholders even in full mode', () => {
    const config = pair();
    const source = event({ privacy: 'private', title: 'Therapist' });
    const mirror = projectToMirror(source, config, mirrorPolicy(config, source, true), 'outlook');
    expect(mirror.title).toBe('Busy');
    expect(mirror.privacy).toBe('private');
  });

  it('marks mirrors with the configured colour per side', () => {
    const config = pair({ marking: { titlePrefix: '', outlookCategory: 'Personal', googleColor: '8' } });
    const source = event();
    const policy = mirrorPolicy(config, source, true);
    expect(projectToMirror(source, config, policy, 'outlook').color).toBe('Personal');
    expect(projectToMirror(source, config, policy, 'google').color).toBe('8');
  });

  it('makes mirrors of events the user cannot edit one-way', () => {
    const source = event();
    expect(mirrorPolicy(pair(), source, false).backward.size).toBe(0);
  });
});

describe('filters', () => {
  const filters = pair().filters;
  it('skips declined invitations by default, and what the user excluded', () => {
    expect(skipReason(event(), { organizer: false, response: 'declined', attendeeCount: 3, readOnly: false }, filters)).toBe('declined');
    expect(skipReason(event(), undefined, filters)).toBeNull();
    expect(skipReason(event({ freeBusy: 'free' }), undefined, { ...filters, skipFree: true })).toBe('free');
    expect(skipReason(event({ start: { date: '2026-03-02' }, end: { date: '2026-03-03' } }), undefined, { ...filters, skipAllDay: true })).toBe('all-day');
    expect(skipReason(event({ title: 'Lunch' }), undefined, { ...filters, titleExclude: '^lunch$' })).toBe('title-excluded');
    expect(skipReason(event({ privacy: 'confidential' }), undefined, { ...filters, skipPrivate: true })).toBe('private');
    expect(skipReason(event({ tentative: true }), undefined, { ...filters, skipTentative: true })).toBe('tentative');
  });

  it('ignores an invalid title expression rather than skipping everything', () => {
    expect(skipReason(event(), undefined, { ...filters, titleExclude: '([' })).toBeNull();
  });
});
