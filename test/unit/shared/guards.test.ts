import { describe, expect, it } from 'vitest';
import { isBackgroundToUi, isUiToBackground } from '../../../src/shared/messaging/guards.ts';
import { PROTOCOL_VERSION } from '../../../src/shared/messaging/protocol.ts';
import { withDefaults } from '../../../src/shared/pair.ts';
import { parsePair, pairProblems } from '../../../src/shared/pair-validation.ts';

const v = PROTOCOL_VERSION;
const pair = withDefaults({ id: 'p1', googleCalendarId: 'ann@example.com', outlookCalendarId: 'AAMk=' });

describe('UI request guard', () => {
  it.each([
    { v, type: 'status/get' },
    { v, type: 'settings/set', settings: { syncIntervalMinutes: 15, googleClientId: 'abc.apps.googleusercontent.com' } },
    { v, type: 'accounts/signIn', provider: 'microsoft' },
    { v, type: 'calendars/list', provider: 'google' },
    { v, type: 'pairs/save', pair },
    { v, type: 'pairs/remove', pairId: 'p1', mirrors: 'keep' },
    { v, type: 'pairs/resolvePause', pairId: 'p1', decision: 'confirm' },
    { v, type: 'sync/now', pairId: null },
    { v, type: 'sync/now', pairId: 'p1' },
  ])('accepts $type', (message) => {
    expect(isUiToBackground(message)).toBe(true);
  });

  it.each([
    ['a wrong version', { v: 2, type: 'status/get' }],
    ['an unknown type', { v, type: 'tokens/get' }],
    ['an inherited property name as type', { v, type: 'toString' }],
    ['an extra key', { v, type: 'status/get', extra: 1 }],
    ['a missing payload', { v, type: 'accounts/signIn' }],
    ['an unknown provider', { v, type: 'accounts/signIn', provider: 'yahoo' }],
    ['an unknown setting', { v, type: 'settings/set', settings: { token: 'x' } }],
    ['an interval out of range', { v, type: 'settings/set', settings: { syncIntervalMinutes: 0 } }],
    ['a fractional interval', { v, type: 'settings/set', settings: { syncIntervalMinutes: 2.5 } }],
    ['an invalid pair', { v, type: 'pairs/save', pair: { ...pair, direction: 'sideways' } }],
    ['a removal without choice', { v, type: 'pairs/remove', pairId: 'p1', mirrors: 'maybe' }],
    ['an empty pair id', { v, type: 'sync/now', pairId: '' }],
    ['an array', [v, 'status/get']],
    ['null', null],
  ])('rejects %s', (_name, message) => {
    expect(isUiToBackground(message)).toBe(false);
  });
});

describe('background broadcast guard', () => {
  it('accepts a sync update and rejects anything else', () => {
    expect(isBackgroundToUi({ v, type: 'sync/changed', state: { running: false } })).toBe(true);
    expect(isBackgroundToUi({ v, type: 'sync/changed' })).toBe(false);
    expect(isBackgroundToUi({ v, type: 'token', token: 'x' })).toBe(false);
  });
});

describe('pair validation', () => {
  it('accepts the defaults and lists every problem of a bad pair', () => {
    expect(pairProblems(pair)).toEqual([]);
    const bad = { ...pair, pastDays: -1, futureDays: 1.5, fields: ['attendees'], filters: { ...pair.filters, titleExclude: '(' }, marking: { ...pair.marking, googleColor: '12' } };
    const problems = pairProblems(bad);
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/pastDays[\s\S]*futureDays[\s\S]*fields[\s\S]*titleExclude[\s\S]*googleColor/);
  });

  it('returns an Error naming the problems', () => {
    const result = parsePair({ ...pair, id: '' });
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toContain('id must be a non-empty string');
    expect(parsePair(pair)).toBe(pair);
  });

  it('refuses missing and extra keys', () => {
    const { busyTitle: _dropped, ...missing } = pair;
    expect(pairProblems(missing)).not.toEqual([]);
    expect(pairProblems({ ...pair, attendees: [] })).not.toEqual([]);
  });
});
