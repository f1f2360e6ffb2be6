/**
 * The simulator's stand-ins for the calendar web apps: fixtures served per host, and live pages of
 * simulator calendars that a test edits "as the user".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulators, type Simulators } from '../../sim/index.ts';

const GOOGLE_USER = 'pat.lee@gmail.com';
const MS_USER = 'pat.lee@contoso.com';

describe('web app stand-ins', () => {
  let sims: Simulators;
  let outlookCalendar: string;

  beforeAll(async () => {
    sims = await startSimulators({ ports: 'random' });
    sims.google.addUser(GOOGLE_USER, { timeZone: 'Europe/Berlin' });
    outlookCalendar = sims.graph.addMailbox(MS_USER, { timeZone: 'W. Europe Standard Time' }).defaultCalendarId;
  });

  afterAll(() => sims.close());

  it('serves each fixture only from the host of its app, and nothing else', async () => {
    const ok = await fetch(sims.web.fixtureUrl('gcal-week-timed'));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('data-eventchip');
    expect((await fetch(sims.web.fixtureUrl('owa-month', 'outlook.cloud.microsoft'))).status).toBe(200);
    expect((await fetch(`${sims.web.url}/_host/calendar.google.com/fixture/rerender.js`)).headers.get('content-type')).toMatch(/javascript/);
    for (const url of [
      sims.web.fixtureUrl('owa-month', 'calendar.google.com'),
      sims.web.fixtureUrl('gcal-month', 'evil.example'),
      `${sims.web.url}/_host/calendar.google.com/fixture/..%2F..%2Fpackage`,
      `${sims.web.url}/_host/calendar.google.com/fixture/gcal-nothing`,
    ]) {
      expect((await fetch(url)).status).toBe(404);
    }
  });

  it('renders a Google calendar as chips whose ids decode to the events, and edits it as the user', async () => {
    const created = sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { summary: '<b>Dentist</b>', start: { dateTime: '2026-12-03T09:00:00Z' }, end: { dateTime: '2026-12-03T10:00:00Z' } });
    const url = sims.web.showLive({ app: 'google', calendarId: GOOGLE_USER, title: 'Pat' });
    const page = await (await fetch(url)).text();
    const raw = Buffer.from(`${created.id} pat.lee@m`).toString('base64').replace(/=+$/, '');
    expect(page).toContain(`data-eventid="${raw}"`);
    expect(page).toContain('&lt;b&gt;Dentist&lt;/b&gt;');
    expect(page).not.toContain('<b>Dentist');
    const patch = await fetch(`${url}/items/${created.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Dentist (moved)' }) });
    expect(patch.status).toBe(200);
    expect(sims.google.getEvent(GOOGLE_USER, created.id!)?.summary).toBe('Dentist (moved)');
    const items = (await (await fetch(`${url}/items`)).json()) as { html: string };
    expect(items.html).toContain('Dentist (moved)');
  });

  it('renders an Outlook calendar as tiles with immutable ids and English labels, and edits it as the user', async () => {
    const url = sims.web.showLive({ app: 'outlook', calendarId: outlookCalendar, title: 'Pat', owner: MS_USER }, 'outlook.cloud.microsoft');
    expect(url).toContain('/_host/outlook.cloud.microsoft/live/');
    const post = await fetch(`${url}/items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Board', start: '2026-12-04T14:00:00Z', end: '2026-12-04T15:00:00Z' }) });
    const { id } = (await post.json()) as { id: string };
    const page = await (await fetch(url)).text();
    expect(page).toContain(`data-calitemid="${id}"`);
    expect(page).toContain('aria-label="Board, 2:00 PM to 3:00 PM, Friday, December 4, 2026, Busy"');
    await fetch(`${url}/items/${encodeURIComponent(id)}`, { method: 'DELETE' });
    expect(sims.graph.listStoredEvents(outlookCalendar).filter((e) => !e.isCancelled)).toHaveLength(0);
  });
});
