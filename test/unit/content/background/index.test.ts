import { describe, expect, it } from 'vitest';
import { BadgeIndex, type PairInput } from '../../../../src/background/badges/badge-index.ts';
import { EMPTY_MEMORY } from '../../../../src/background/badges/memory.ts';
import { toView } from '../../../../src/background/badges/views.ts';
import type { PairResult } from '../../../../src/shared/messaging/types.ts';
import type { BadgeQuery } from '../../../../src/shared/messaging/content-protocol.ts';
import { canonical, GOOGLE_CAL, link, OUTLOOK_CAL, pair } from './builders.ts';

const NOW = Date.UTC(2026, 8, 17, 12);
const byId = (id: string): BadgeQuery => ({ by: 'id', id, calendar: null });

function input(overrides: Partial<PairInput> = {}): PairInput {
  return { pair: pair(), links: [], occurrences: {}, conflicts: [], paused: false, result: undefined, memory: EMPTY_MEMORY, ...overrides };
}

function lookup(index: BadgeIndex, side: 'google' | 'outlook', query: BadgeQuery) {
  const match = index.find(side, query);
  return match ? toView(match, 'outlook.office.com', false) : null;
}

describe('the badge index', () => {
  it('a synced event: "synced to" on its own side, "copy of" on the other, each linking to the counterpart', () => {
    const index = new BadgeIndex([input({ links: [link('google', 'g1', 'AAk+o1=')] })], NOW);
    expect(lookup(index, 'google', byId('g1'))).toEqual({
      state: 'synced',
      role: 'source',
      counterpart: { app: 'outlook', calendar: '', url: 'https://outlook.office.com/calendar/item/AAk%2Bo1%3D' },
      syncedAt: 1_000,
      source: { zone: 'Europe/Berlin', start: '2026-09-17T14:00:00Z' },
      detail: null,
    });
    const mirror = lookup(index, 'outlook', byId('AAk_o1'))!;
    expect(mirror.role).toBe('mirror');
    expect(mirror.counterpart).toEqual({ app: 'google', calendar: GOOGLE_CAL, url: expect.stringMatching(/^https:\/\/calendar\.google\.com\/calendar\/event\?eid=/) as unknown });
    expect(lookup(index, 'outlook', byId('AAk%2Bo1%3D'))?.role).toBe('mirror');
    expect(lookup(index, 'google', byId('unknown'))).toBeNull();
    expect(lookup(index, 'outlook', byId('g1'))).toBeNull();
  });

  it('never sends event text: only state, link, time and a sentence', () => {
    const index = new BadgeIndex([input({ links: [link('google', 'g1', 'o1')] })], NOW);
    expect(JSON.stringify(lookup(index, 'google', byId('g1')))).not.toMatch(/Dentist|private notes/);
  });

  it('pending while the copy is not written; paused and signed-out pairs say so on every badge', () => {
    const pending = new BadgeIndex([input({ links: [link('google', 'g1', null)] })], NOW);
    expect(lookup(pending, 'google', byId('g1'))).toMatchObject({ state: 'pending', counterpart: { url: null } });
    const paused = new BadgeIndex([input({ links: [link('google', 'g1', 'o1')], paused: true })], NOW);
    expect(lookup(paused, 'outlook', byId('o1'))).toMatchObject({ state: 'pending', detail: expect.stringContaining('paused') as unknown });
    const result = { ok: false, errors: [{ message: 'Outlook: "Secret title": token expired', action: 'sign-in' }] } as unknown as PairResult;
    const signedOut = new BadgeIndex([input({ links: [link('google', 'g1', 'o1')], result })], NOW);
    const view = lookup(signedOut, 'google', byId('g1'));
    expect(view).toMatchObject({ state: 'error', detail: 'Sync is stopped: sign in again in Tandem.' });
    expect(JSON.stringify(view)).not.toContain('Secret title');
  });

  it('a recent conflict shows on both sides, naming the field and the winner; an old one does not', () => {
    const conflict = { at: NOW - 60_000, link: 'google:g1', title: 'Dentist', field: 'location' as const, winner: 'outlook' as const, losingValue: 'Room 1' };
    const index = new BadgeIndex([input({ links: [link('google', 'g1', 'o1')], conflicts: [conflict] })], NOW);
    expect(lookup(index, 'google', byId('g1'))).toMatchObject({ state: 'conflict', detail: 'Both calendars changed the location; the change made in Outlook was kept.' });
    expect(lookup(index, 'outlook', byId('o1'))?.state).toBe('conflict');
    const old = new BadgeIndex([input({ links: [link('google', 'g1', 'o1')], conflicts: [{ ...conflict, at: NOW - 2 * 86_400_000 }] })], NOW);
    expect(lookup(old, 'google', byId('g1'))?.state).toBe('synced');
  });

  it('excluded and failed items from the reports; a link wins over an old exclusion, an error over a link', () => {
    const memory = { excluded: [['google', 'g9', 'private'], ['google', 'g1', 'free']] as const, errors: [['outlook', 'o1']] as const };
    const index = new BadgeIndex([input({ links: [link('google', 'g1', 'o1')], memory: { excluded: [...memory.excluded], errors: [...memory.errors] } })], NOW);
    expect(lookup(index, 'google', byId('g9'))).toMatchObject({ state: 'excluded', role: null, detail: 'The pair skips private events.', counterpart: { app: 'outlook', url: null } });
    expect(lookup(index, 'google', byId('g1'))?.state).toBe('synced');
    expect(lookup(index, 'outlook', byId('o1'))?.state).toBe('error');
  });

  it('Google instances: the instance link first, else the series, with the instance start in the series zone', () => {
    const series = link('google', 'rec1', 'oSeries', { kind: 'series' });
    const exception = link('google', 'rec1_20261008T120000Z', 'oExc', { key: 'google:rec1|2026-10-08T12:00:00Z', kind: 'occurrence', syncedAt: 2_000 });
    const index = new BadgeIndex([input({ links: [series, exception] })], NOW);
    expect(lookup(index, 'google', byId('rec1_20261008T120000Z'))).toMatchObject({ syncedAt: 2_000 });
    expect(lookup(index, 'google', byId('rec1_20261015T120000Z'))).toMatchObject({ state: 'synced', source: { zone: 'Europe/Berlin', start: '2026-10-15T12:00:00Z' } });
    expect(lookup(index, 'google', byId('rec1_20261016'))).toMatchObject({ state: 'synced', source: null });
    expect(lookup(index, 'google', byId('other_20261015T120000Z'))).toBeNull();
  });

  it('Outlook occurrences through the occurrence index to their series', () => {
    const series = link('outlook', 'gSeries', 'AAkSeries', { kind: 'series' });
    const index = new BadgeIndex([input({ links: [series], occurrences: { 'AAkOcc+1': ['AAkSeries', '2026-10-08T12:00:00.000Z'] } })], NOW);
    expect(lookup(index, 'outlook', byId('AAkOcc_1'))).toMatchObject({ role: 'source', source: { start: '2026-10-08T12:00:00.000Z' } });
  });

  it('matches Outlook items by subject and wall-clock start in the page zone, failing closed on ties', () => {
    const a = link('google', 'g1', 'o1', { key: 'google:g1' });
    const allDay = { ...link('outlook', 'g2', 'o2'), snapshots: { google: null, outlook: canonical('Offsite', { date: '2026-09-18' }) } };
    const twinA = { ...link('outlook', 'g3', 'o3'), snapshots: { google: null, outlook: canonical('Standup', { instant: '2026-09-17T07:00:00Z', zone: 'UTC' }) } };
    const twinB = { ...link('outlook', 'g4', 'o4'), snapshots: { google: null, outlook: canonical('standup', { instant: '2026-09-17T07:00:00Z', zone: 'UTC' }) } };
    const index = new BadgeIndex([input({ links: [a, allDay, twinA, twinB] })], NOW);
    const subject = (s: string, start: string, zone = 'Europe/London'): BadgeQuery => ({ by: 'subject', subject: s, start, zone });
    expect(lookup(index, 'outlook', subject('Dentist', '2026-09-17T15:00'))?.role).toBe('mirror');
    expect(lookup(index, 'outlook', subject('  dentist ', '2026-09-17T15:00'))?.role).toBe('mirror');
    expect(lookup(index, 'outlook', subject('Dentist', '2026-09-17T16:00', 'Europe/Berlin'))?.role).toBe('mirror');
    expect(lookup(index, 'outlook', subject('Dentist', '2026-09-17T14:00'))).toBeNull();
    expect(lookup(index, 'outlook', subject('Offsite', '2026-09-18'))?.role).toBe('source');
    expect(lookup(index, 'outlook', subject('Standup', '2026-09-17T08:00'))).toBeNull();
    expect(lookup(index, 'outlook', subject('Dentist', '2026-09-17T15:00', 'Not/AZone'))).toBeNull();
    expect(lookup(index, 'google', subject('Dentist', '2026-09-17T15:00'))).toBeNull();
  });

  it('keys from event data cannot reach object prototypes', () => {
    const index = new BadgeIndex([input({ links: [link('google', 'g1', 'o1')] })], NOW);
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(lookup(index, 'google', byId(id))).toBeNull();
      expect(lookup(index, 'outlook', byId(id))).toBeNull();
    }
  });

  it('an event in two pairs shows the state that needs attention', () => {
    const p2 = pair({ id: 'p2', outlookCalendarId: 'AAMkOther' });
    const index = new BadgeIndex([input({ links: [link('google', 'g1', 'o1')] }), input({ pair: p2, links: [link('google', 'g1', null)] })], NOW);
    expect(lookup(index, 'google', byId('g1'))?.state).toBe('pending');
    expect(OUTLOOK_CAL).toBeTruthy();
  });
});
