// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { outlookSurface } from '../../../src/content/outlook/surface.ts';
import type { FoundItem } from '../../../src/content/surface.ts';
import { loadFixture } from './dom.ts';

function items(fixture: string): FoundItem[] {
  loadFixture(fixture);
  return [...outlookSurface(document, () => location.pathname, () => 'Europe/London').find(document)];
}

const described = (found: FoundItem[]): string[] => found.map((item) => (item.query.by === 'id' ? `id:${item.query.id}` : `label:${item.query.subject}@${item.query.start}`));

describe('Outlook on the web fixtures (content-dom.md §5)', () => {
  it('work week: tiles by id (all-day header included) on their button; toolbar, headers and ribbon never match', () => {
    const found = items('owa-workweek');
    expect(described(found)).toEqual([
      'id:AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AallDayPTO01',
      'id:AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AallDayConf02',
      'id:AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AdentistTile03',
      'id:AAMkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgBGAAADn_Qx-Ab5kk2QeW8jmGlUlQcA',
      'id:AAMkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgBGAAADn-Qx_Ab5kk2QeW8jmGlUlQcB',
      'id:AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A_encodedTile06',
      'label:Planning, Q4@2026-09-29T13:05',
    ]);
    for (const item of found) expect(item.target.getAttribute('role')).toBe('button');
  });

  it('month: cards by id, and the day of an id-less card from its cell', () => {
    expect(described(items('owa-month'))).toEqual([
      'id:AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AmonthCard01',
      'id:AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AmonthCard02',
      'id:AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AmonthCard03',
      'label:Dateless card@2026-10-26T18:00',
    ]);
  });

  it('label variants: icon prefix, all-day, comma subjects, recurring, 24-hour; cancelled and contradictory labels dropped', () => {
    expect(described(items('owa-aria-variants'))).toEqual([
      'label:Sync with Ana@2026-09-28T10:00',
      'label:Company holiday@2026-09-29',
      'label:Planning, Q4@2026-09-29T13:05',
      'label:Weekly 1:1@2026-09-30T15:00',
      'label:Late review@2026-09-30T21:15',
    ]);
  });

  it('a non-English page turns the label fallback off (ids still work)', () => {
    expect(described(items('owa-aria-variants-ja'))).toEqual(['id:AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AjapaneseTile1']);
  });

  it('the peek card is badged inline in its heading, by subject and start', () => {
    const peek = items('owa-peek').find((item) => item.element.matches('[data-app-section="CalendarItemPeek"]'))!;
    expect(peek.query).toEqual({ by: 'subject', subject: 'Dentist', start: '2026-09-17T16:00', zone: 'Europe/London' });
    expect(peek.placement).toBe('inline');
    expect(peek.fingerprint).toBeNull();
  });

  it('agenda: options with and without an id wrapper', () => {
    expect(described(items('owa-agenda'))).toEqual([
      'id:AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AdentistTile03',
      'label:1:1 with Sam@2026-09-17T14:00',
      'label:Retro@2026-09-18T11:00',
    ]);
  });

  it('a page of chrome only has no items', () => {
    expect(items('owa-chrome-only')).toEqual([]);
  });
});
