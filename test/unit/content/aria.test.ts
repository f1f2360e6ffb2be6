import { describe, expect, it } from 'vitest';
import { clock, dateOf, parseItemLabel, parsePeekTime } from '../../../src/content/outlook/aria.ts';

describe('Outlook label fallback (content-dom.md §2.4)', () => {
  it('reads subject and start from the observed label shapes', () => {
    expect(parseItemLabel('Dentist, 4:00 PM to 4:30 PM, Thursday, September 17, 2026, By X, Busy', 'Dentist\n4:00 PM to 4:30 PM', null)).toEqual({
      subject: 'Dentist',
      start: '2026-09-17T16:00',
    });
    expect(parseItemLabel('Meeting icon, Sync, 10:00 to 11:00, Monday, September 28, 2026, By Example, Busy', null, null)).toEqual({ subject: 'Sync', start: '2026-09-28T10:00' });
    expect(parseItemLabel('Late review, 21:15 to 22:00, Wednesday, September 30, 2026, Busy', 'Late review\n21:15 to 22:00', null)).toEqual({ subject: 'Late review', start: '2026-09-30T21:15' });
    expect(parseItemLabel('Company holiday, All day event, Tuesday, September 29, 2026, Free', null, null)).toEqual({ subject: 'Company holiday', start: '2026-09-29' });
    expect(parseItemLabel('Offsite, All-day event, Tuesday, September 29, 2026', null, null)).toEqual({ subject: 'Offsite', start: '2026-09-29' });
    expect(parseItemLabel('Weekly 1:1, 3:00 PM to 3:30 PM, Wednesday, September 30, 2026, Recurring event, Busy', null, null)).toEqual({ subject: 'Weekly 1:1', start: '2026-09-30T15:00' });
  });

  it('keeps commas in subjects when the title isolates them', () => {
    const label = 'Planning, Q4, 1:05 PM to 2:15 PM, Tuesday, September 29, 2026, Room 102, By Example, Tentative';
    expect(parseItemLabel(label, 'Planning, Q4\n1:05 PM to 2:15 PM\nRoom 102', null)).toEqual({ subject: 'Planning, Q4', start: '2026-09-29T13:05' });
    expect(parseItemLabel(label, null, null)).toEqual({ subject: 'Planning, Q4', start: '2026-09-29T13:05' });
  });

  it('takes the day from the cell or group for labels without a date', () => {
    expect(parseItemLabel('Dateless card, 18:00 to 19:00, Busy', 'Dateless card\n18:00 to 19:00', '2026-10-26')).toEqual({ subject: 'Dateless card', start: '2026-10-26T18:00' });
    expect(parseItemLabel('1:1 with Sam, 2:00 PM', null, '2026-09-17')).toEqual({ subject: '1:1 with Sam', start: '2026-09-17T14:00' });
    expect(parseItemLabel('1:1 with Sam, 2:00 PM', null, null)).toBeNull();
  });

  it('fails closed on every disagreement and on cancelled items', () => {
    expect(parseItemLabel('Canceled: Old, 11:00 AM to 12:00 PM, Monday, September 28, 2026', null, null)).toBeNull();
    expect(parseItemLabel('Wrong, 9:00 AM to 10:00 AM, Friday, September 30, 2026', null, null)).toBeNull();
    expect(parseItemLabel('Title, 9:00 AM to 10:00 AM, Thursday, October 1, 2026', 'Title\n9:30 AM to 10:00 AM', null)).toBeNull();
    expect(parseItemLabel('Other, 9:00 AM to 10:00 AM, Thursday, October 1, 2026', 'Title\n9:00 AM to 10:00 AM', null)).toBeNull();
    expect(parseItemLabel('New event', null, '2026-10-01')).toBeNull();
    expect(parseItemLabel('Go to next week', null, null)).toBeNull();
    expect(parseItemLabel('定例会議、10:00 から 11:00、2026年9月28日 月曜日', null, null)).toBeNull();
  });

  it('parses clocks and dates strictly', () => {
    expect(clock('12:00 AM')).toBe('00:00');
    expect(clock('12:30 PM')).toBe('12:30');
    expect(clock('4:05pm')).toBe('16:05');
    expect(clock('24:00')).toBeNull();
    expect(clock('13:00 PM')).toBeNull();
    expect(dateOf('Saturday, February 29, 2025')).toBeNull();
    expect(dateOf('Sunday, October 25, 2026')).toBe('2026-10-25');
  });

  it('reads the peek card time in US order, checked against its weekday', () => {
    expect(parsePeekTime('Thu 9/17/2026 4:00 PM - 4:30 PM')).toBe('2026-09-17T16:00');
    expect(parsePeekTime('Thu 9/17/2026')).toBe('2026-09-17');
    expect(parsePeekTime('Thu 17/9/2026 4:00 PM - 4:30 PM')).toBeNull();
    expect(parsePeekTime('Fri 9/17/2026 4:00 PM')).toBeNull();
  });
});
