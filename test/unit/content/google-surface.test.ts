// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { googleSurface } from '../../../src/content/google/surface.ts';
import type { FoundItem } from '../../../src/content/surface.ts';
import { loadFixture } from './dom.ts';

function items(fixture: string): FoundItem[] {
  loadFixture(fixture);
  return [...googleSurface(document, () => location.pathname).find(document)];
}

const ids = (found: FoundItem[]): string[] => found.map((item) => (item.query.by === 'id' ? item.query.id : ''));

describe('Google Calendar fixtures (content-dom.md §5)', () => {
  it('week view: every chip in the main grid, once, badged on the chip, jslog fallback, disagreement dropped', () => {
    const found = items('gcal-week-timed');
    expect(ids(found)).toEqual(['evt01standup', 'evt02dentist', 'evt03review', 'evt04lunch', 'evt05flight', 'evt06gym', 'evt07planning', 'evt08jslog', 'evt10weekend']);
    for (const item of found) {
      expect(item.target).toBe(item.element);
      expect(item.placement).toBe('corner');
    }
    expect(found[0]!.query).toEqual({ by: 'id', id: 'evt01standup', calendar: 'me@gmail.com' });
    expect(found.find((i) => i.changeId === 'evt08jslog')?.calendar).toBeNull();
  });

  it('all-day and month chips: badged on their stacked-layout button; mini calendar and "+3 more" ignored', () => {
    const allDay = items('gcal-allday-stacked');
    expect(ids(allDay)).toEqual(['allday01pto', 'allday02conf', 'allday03bday', 'evt01standup']);
    expect(allDay[0]!.target.getAttribute('data-stacked-layout-chip')).toBe('true');
    const month = items('gcal-month');
    expect(ids(month).sort()).toEqual(['m01', 'm02', 'm03allday', 'm04past', 'm05', 'm06']);
    for (const item of month) expect(item.target.matches('[role="button"][data-stacked-layout-chip]')).toBe(true);
  });

  it('recurring instances, birthdays and Gmail-made ids keep their own ids (the background falls back to the series)', () => {
    expect(ids(items('gcal-recurring')).sort()).toEqual(
      ['2014_BIRTHDAY_1ef1cb168dbb8eb3', '_6tlnaqrle5p6cpb4dhmj4phpehmj8p9', 'series01_20261007T150000Z', 'series01_20261008T150000Z', 'series02_20261009'].sort(),
    );
  });

  it('several calendars: each chip names its calendar, expanded', () => {
    const calendars = items('gcal-calendars').map((item) => item.calendar);
    expect(calendars.sort()).toEqual(['alice@example.com', 'en.usa#holiday@group.v.calendar.google.com', 'family@group.calendar.google.com', 'me@gmail.com']);
  });

  it('tasks and time blocks are never looked up', () => {
    expect(ids(items('gcal-tasks'))).toEqual(['taskcontrast01']);
  });

  it('schedule view chips have no day column and are still found', () => {
    expect(ids(items('gcal-schedule'))).toEqual(['sch01', 'sch02', 'sch03']);
  });

  it('the event dialog is badged inline in its heading and never counts as an edit', () => {
    const found = items('gcal-detail-dialog');
    const dialog = found.find((item) => item.element.id === 'xDetDlg')!;
    expect(dialog.query).toEqual({ by: 'id', id: 'evt02dentist', calendar: 'me@gmail.com' });
    expect(dialog.placement).toBe('inline');
    expect(dialog.target.getAttribute('role')).toBe('heading');
    expect(dialog.fingerprint).toBeNull();
  });

  it('hostile titles are ordinary chips; a markup id is not an event', () => {
    expect(ids(items('gcal-hostile')).sort()).toEqual(['__proto__', 'constructor', 'host01img', 'host02script', 'host03long', 'host04rtl', 'host05emoji', 'host08quote'].sort());
  });

  it('a view is the URL (editing pages included in their view) and the view key', () => {
    loadFixture('gcal-week-timed');
    const surface = googleSurface(document, () => location.pathname);
    const week = surface.view();
    history.pushState(null, '', '/calendar/u/0/r/eventedit/ZXZ0');
    expect(surface.view()).toBe(surface.view());
    history.pushState(null, '', '/calendar/u/0/r/week/2026/6/22');
    expect(surface.view()).not.toBe(week);
  });
});
