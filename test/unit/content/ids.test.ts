import { describe, expect, it } from 'vitest';
import { decodeChip } from '../../../src/content/google/decode.ts';
import { base64Text, canonicalOutlookId, expandCalendarKey, googleEventUrl, googleInstance, shortenCalendarId } from '../../../src/shared/calendar-ids.ts';

const b64 = (text: string): string => Buffer.from(text).toString('base64').replace(/=+$/, '');

describe('Google chip ids (content-dom.md §1.2)', () => {
  it('decodes unpadded base64 of "<event id> <calendar key>" and expands the key', () => {
    expect(decodeChip(b64('evt_abc me@m'), null)).toEqual({ kind: 'event', eventId: 'evt_abc', calendar: 'me@gmail.com' });
    expect(decodeChip(b64('x1 family@g'), null)).toMatchObject({ calendar: 'family@group.calendar.google.com' });
    expect(decodeChip(b64('x2 en.usa#holiday@v'), null)).toMatchObject({ calendar: 'en.usa#holiday@group.v.calendar.google.com' });
    expect(decodeChip(b64('x3 alice@example.com'), null)).toMatchObject({ calendar: 'alice@example.com' });
  });

  it('accepts padded and URL-safe forms, and the ids real calendars contain', () => {
    const padded = Buffer.from('15qmhor3c7v7f60rp0teq0lak3 adam.hurley.private@m').toString('base64');
    expect(decodeChip(padded, null)).toMatchObject({ eventId: '15qmhor3c7v7f60rp0teq0lak3' });
    const urlSafe = Buffer.from('ÿþ_id me@m').toString('base64url');
    expect(decodeChip(urlSafe, null).kind).toBe('unknown'); // non-id characters: not an event we know
    expect(decodeChip('MjAxNF9CSVJUSERBWV8xZWYxY2IxNjhkYmI4ZWIzICNjb250YWN0c0B2', null)).toMatchObject({ eventId: '2014_BIRTHDAY_1ef1cb168dbb8eb3' });
    expect(decodeChip(b64('_6tlnaqrle5p6 me@m'), null)).toMatchObject({ eventId: '_6tlnaqrle5p6' });
  });

  it('falls back to jslog, and fails closed when the two sources disagree', () => {
    expect(decodeChip('!!!not-base64!!!', '35463; 2:["evtjs",null]')).toMatchObject({ kind: 'event', eventId: 'evtjs', calendar: null });
    expect(decodeChip(b64('evt1 me@m'), '35463; 2:["other",null]').kind).toBe('unknown');
    expect(decodeChip(b64('series_20261007T150000Z me@m'), '35463; 2:["series",null]')).toMatchObject({ eventId: 'series_20261007T150000Z' });
  });

  it('never treats tasks, time blocks or markup as events', () => {
    expect(decodeChip('tasks.SzhnUmlaa2lmX3FxREdJOA', null).kind).toBe('task');
    expect(decodeChip('tasks_SzhnUmlaa2lmX3FxREdJOA', null).kind).toBe('task');
    expect(decodeChip(`ttb_${b64('blk me@m')}`, null).kind).toBe('task');
    expect(decodeChip(b64('<img src=x onerror=alert(1)> me@m'), null).kind).toBe('unknown');
    expect(decodeChip('', null).kind).toBe('unknown');
  });
});

describe('recurring instance ids (content-dom.md §1.3)', () => {
  it('splits timed and all-day instances into series and start', () => {
    expect(googleInstance('series_20261007T150000Z')).toEqual({ seriesId: 'series', start: '2026-10-07T15:00:00Z' });
    expect(googleInstance('abc_def_20261009')).toEqual({ seriesId: 'abc_def', start: '2026-10-09' });
    expect(googleInstance('plain')).toBeNull();
    expect(googleInstance('2014_BIRTHDAY_1ef1cb168dbb8eb3')).toBeNull();
  });
});

describe('calendar keys and links', () => {
  it('shortens and expands calendar ids symmetrically', () => {
    for (const id of ['pat@gmail.com', 'x@group.calendar.google.com', 'y@group.v.calendar.google.com', 'alice@example.com']) {
      expect(expandCalendarKey(shortenCalendarId(id))).toBe(id);
    }
  });

  it('links a Google event by its eid, the way Google Calendar decodes chips', () => {
    const url = googleEventUrl('evt1', 'pat@gmail.com');
    const eid = decodeURIComponent(new URL(url!).searchParams.get('eid')!);
    expect(decodeChip(eid, null)).toEqual({ kind: 'event', eventId: 'evt1', calendar: 'pat@gmail.com' });
    expect(googleEventUrl('evt1', 'primary')).toBeNull();
    expect(base64Text('é')).toBe('w6k');
  });
});

describe('Outlook ids (content-dom.md §2.3)', () => {
  it('canonicalises EWS and REST forms to one comparable string, keeping case', () => {
    const ews = 'AAMkADAwATM0/Qx+Ab5=';
    const rest = 'AAMkADAwATM0-Qx_Ab5';
    expect(canonicalOutlookId(ews)).toBe(rest);
    expect(canonicalOutlookId(rest)).toBe(rest);
    expect(canonicalOutlookId('AAMk%2BAb%3D')).toBe('AAMk_Ab');
    expect(canonicalOutlookId('AAMkaBC')).not.toBe(canonicalOutlookId('AAMkabc'));
  });

  it('refuses what is not an id', () => {
    for (const bad of ['', '   ', 'a b', '<img>', '%E0%A4%A', 'x'.repeat(1025)]) expect(canonicalOutlookId(bad)).toBeNull();
  });
});
