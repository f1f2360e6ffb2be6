import { describe, expect, it } from 'vitest';
import { isBackgroundToContent, isContentToBackground, isLookupReply } from '../../../src/shared/messaging/content-guards.ts';
import { CONTENT_PROTOCOL_VERSION as v } from '../../../src/shared/messaging/content-protocol.ts';

const lookup = { v, type: 'badges/lookup', app: 'google', queries: [{ by: 'id', id: 'evt1', calendar: 'pat@gmail.com' }] };
const nudge = { v, type: 'badges/nudge', app: 'outlook', reason: 'chips', calendars: [], ids: ['AAk1'], ageMs: 700 };

describe('content-script protocol guards', () => {
  it('accepts exactly the documented messages', () => {
    expect(isContentToBackground(lookup)).toBe(true);
    expect(isContentToBackground(nudge)).toBe(true);
    expect(isContentToBackground({ ...lookup, queries: [{ by: 'subject', subject: 'Dentist', start: '2026-09-17T16:00', zone: 'Europe/London' }] })).toBe(true);
    expect(isContentToBackground({ ...lookup, queries: [{ by: 'subject', subject: 'Offsite', start: '2026-09-17', zone: 'America/Argentina/Buenos_Aires' }] })).toBe(true);
  });

  it.each([
    ['another version', { ...lookup, v: 2 }],
    ['an extra key', { ...lookup, token: 'x' }],
    ['an unknown type', { ...lookup, type: 'sync/now' }],
    ['an unknown app', { ...lookup, app: 'yahoo' }],
    ['no queries', { ...lookup, queries: [] }],
    ['too many queries', { ...lookup, queries: Array.from({ length: 201 }, () => lookup.queries[0]) }],
    ['a query with an extra key', { ...lookup, queries: [{ by: 'id', id: 'x', calendar: null, write: true }] }],
    ['an empty id', { ...lookup, queries: [{ by: 'id', id: '', calendar: null }] }],
    ['a malformed start', { ...lookup, queries: [{ by: 'subject', subject: 'x', start: 'tomorrow', zone: 'UTC' }] }],
    ['a zone with markup', { ...lookup, queries: [{ by: 'subject', subject: 'x', start: '2026-01-01', zone: '<b>' }] }],
    ['a nudge with a bad reason', { ...nudge, reason: 'delete' }],
    ['a nudge naming too many ids', { ...nudge, ids: Array.from({ length: 51 }, (_, i) => `id${i}`) }],
    ['a nudge with a non-text id', { ...nudge, ids: [{}] }],
    ['a nudge without its age', { v, type: 'badges/nudge', app: 'outlook', reason: 'chips', calendars: [], ids: [] }],
    ['a nudge from the future', { ...nudge, ageMs: -5 }],
    ['a nudge about an old change', { ...nudge, ageMs: 3_600_000 }],
    ['an array', [lookup]],
    ['null', null],
  ])('drops %s', (_name, message) => {
    expect(isContentToBackground(message)).toBe(false);
  });

  it('checks what the background says before the page shows it', () => {
    expect(isBackgroundToContent({ v, type: 'badges/changed', version: 3 })).toBe(true);
    expect(isBackgroundToContent({ v, type: 'badges/changed', version: '3' })).toBe(false);
    const good = { state: 'synced', role: 'source', counterpart: { app: 'outlook', calendar: '', url: null }, syncedAt: 1, source: null, detail: null };
    expect(isLookupReply({ version: 1, views: [good, null] }, 2)).toBe(true);
    expect(isLookupReply({ version: 1, views: [good] }, 2)).toBe(false);
    expect(isLookupReply({ version: 1, views: [{ ...good, state: 'hacked' }] }, 1)).toBe(false);
    expect(isLookupReply({ version: 1, views: [{ ...good, html: '<b>' }] }, 1)).toBe(false);
  });
});
