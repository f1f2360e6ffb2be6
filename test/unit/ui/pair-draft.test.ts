import { describe, expect, it } from 'vitest';
import './i18n-fake.ts';
import { allowedDirections, draftFromPair, draftProblems, newDraft, pairFromDraft, withCalendar, type SideCalendars } from '../../../src/options/pair-draft.ts';
import { googleClientIdProblem, microsoftClientIdProblem, regexProblem, tenantProblem, wholeNumberProblem } from '../../../src/options/validation.ts';
import { adminConsentUrl, GOOGLE_SCOPES, GRAPH_SCOPES } from '../../../src/options/SetupSteps.tsx';
import { GRAPH_SCOPES as REQUESTED_GRAPH_SCOPES } from '../../../src/background/offscreen/protocol.ts';
import { GOOGLE_CALENDAR_SCOPE } from '../../../src/background/auth/google-flow.ts';
import { pairProblems } from '../../../src/shared/pair-validation.ts';
import { GOOGLE_CALENDARS, OUTLOOK_CALENDARS, PAIR } from './fixtures.ts';

const CALENDARS: SideCalendars = { google: GOOGLE_CALENDARS, outlook: OUTLOOK_CALENDARS };

describe('input checks', () => {
  it('knows a Google client id by its suffix, a Microsoft one as a GUID; empty means the default', () => {
    expect(googleClientIdProblem('')).toBeNull();
    expect(googleClientIdProblem('123456789012-abc123def.apps.googleusercontent.com')).toBeNull();
    expect(googleClientIdProblem(' tandem-sim-0000000000.apps.googleusercontent.com ')).toBeNull();
    expect(googleClientIdProblem('123456789012-abc123def')).toMatch(/ends in “\.apps\.googleusercontent\.com”/);
    expect(googleClientIdProblem('3f2c9a7e-1b4d-4c8e-9f60-7a1b2c3d4e5f')).not.toBeNull();
    expect(microsoftClientIdProblem('3F2C9A7E-1b4d-4c8e-9f60-7a1b2c3d4e5f')).toBeNull();
    expect(microsoftClientIdProblem('3f2c9a7e1b4d4c8e9f607a1b2c3d4e5f')).toMatch(/GUID/);
    expect(microsoftClientIdProblem('x.apps.googleusercontent.com')).not.toBeNull();
  });

  it('accepts the tenant names, a tenant id or a domain', () => {
    for (const ok of ['', 'common', 'Organizations', 'consumers', 'contoso.com', 'contoso.onmicrosoft.com', '3f2c9a7e-1b4d-4c8e-9f60-7a1b2c3d4e5f']) expect(tenantProblem(ok)).toBeNull();
    for (const bad of ['contoso', 'https://login.microsoftonline.com/contoso.com', 'a b.com']) expect(tenantProblem(bad)).not.toBeNull();
  });

  it('explains a regular expression that does not compile', () => {
    expect(regexProblem('')).toBeNull();
    expect(regexProblem('^Focus|lunch$')).toBeNull();
    expect(regexProblem('(unclosed')).toMatch(/^This is not a valid regular expression: /);
    expect(regexProblem('x'.repeat(501))).toBe('Keep the expression under 500 characters.');
  });

  it('wants whole numbers in range', () => {
    expect(wholeNumberProblem('5', 1, 60)).toBeNull();
    for (const bad of ['0', '61', '2.5', '-1', 'ten', '']) expect(wholeNumberProblem(bad, 1, 60)).toBe('Enter a whole number from 1 to 60.');
  });

  it('builds the admin consent link for an organisation', () => {
    const url = new URL(adminConsentUrl('3f2c9a7e-1b4d-4c8e-9f60-7a1b2c3d4e5f', 'common', 'https://id.chromiumapp.org/', 'https://login.microsoftonline.com/common'));
    expect(url.origin + url.pathname).toBe('https://login.microsoftonline.com/organizations/adminconsent');
    expect(url.searchParams.get('client_id')).toBe('3f2c9a7e-1b4d-4c8e-9f60-7a1b2c3d4e5f');
    expect(url.searchParams.get('redirect_uri')).toBe('https://id.chromiumapp.org/');
    expect(adminConsentUrl('id', 'contoso.com', 'r', 'https://login.microsoftonline.us/common')).toMatch(/^https:\/\/login\.microsoftonline\.us\/contoso\.com\/adminconsent\?/);
  });
});

describe('pair drafts', () => {
  it('round-trips a pair through the draft unchanged', () => {
    const pair = { ...PAIR, filters: { ...PAIR.filters, titleExclude: '^Focus' }, marking: { titlePrefix: '[W] ', outlookCategory: 'From Google', googleColor: '7' } };
    expect(pairFromDraft(draftFromPair(pair), CALENDARS, [])).toEqual({ pair });
  });

  it('starts a new pair on each side’s main writable calendar, with the defaults', () => {
    const draft = newDraft('new-1', CALENDARS);
    expect([draft.googleCalendarId, draft.outlookCalendarId, draft.direction, draft.pastDays, draft.futureDays]).toEqual(['pat.lee@gmail.com', 'AAMkCal1', 'both', '30', '365']);
    const outcome = pairFromDraft(draft, CALENDARS, []);
    expect('pair' in outcome && pairProblems(outcome.pair)).toEqual([]);
  });

  it('lets a read-only calendar only be a source, switching the direction for the user', () => {
    const draft = newDraft('n', CALENDARS);
    expect(allowedDirections({ googleCalendarId: 'holidays', outlookCalendarId: 'AAMkCal1' }, CALENDARS)).toEqual(['google-to-outlook']);
    expect(withCalendar(draft, { googleCalendarId: 'holidays' }, CALENDARS).direction).toBe('google-to-outlook');
    expect(withCalendar(draft, { outlookCalendarId: 'AAMkCal2' }, CALENDARS).direction).toBe('outlook-to-google');
    const both = { ...draft, googleCalendarId: 'holidays', outlookCalendarId: 'AAMkCal2' };
    expect(draftProblems(both, CALENDARS, []).direction).toMatch(/^Both calendars are read-only/);
    expect(draftProblems({ ...draft, googleCalendarId: 'holidays' }, CALENDARS, []).direction).toMatch(/choose “Google Calendar to Outlook only”/);
  });

  it('refuses the same two calendars twice, and reports every bad field', () => {
    const draft = { ...newDraft('n', CALENDARS), pastDays: '-3', futureDays: '99999', privacy: 'busy' as const, busyTitle: ' ', titlePrefix: 'x'.repeat(41) };
    const problems = draftProblems({ ...draft, filters: { ...draft.filters, titleExclude: '[' } }, CALENDARS, [PAIR]);
    expect(Object.keys(problems).sort()).toEqual(['busyTitle', 'futureDays', 'outlookCalendarId', 'pastDays', 'titleExclude', 'titlePrefix']);
    expect(problems.outlookCalendarId).toBe('These two calendars are already paired.');
    expect(draftProblems(draftFromPair(PAIR), CALENDARS, [PAIR])).toEqual({});
  });

  it('asks for both calendars', () => {
    const problems = draftProblems({ ...newDraft('n', { google: [], outlook: [] }) }, CALENDARS, []);
    expect(problems).toEqual({ googleCalendarId: 'Choose a Google calendar.', outlookCalendarId: 'Choose an Outlook calendar.' });
  });
});

describe('setup steps', () => {
  it('name exactly the scopes sign-in asks for', () => {
    expect([...GRAPH_SCOPES].sort()).toEqual([...REQUESTED_GRAPH_SCOPES].sort());
    expect(GOOGLE_SCOPES).toEqual([GOOGLE_CALENDAR_SCOPE]);
  });
});
