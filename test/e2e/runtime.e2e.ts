/**
 * The extension end to end with the real flows: sign in to both providers through the simulated
 * identity servers, pair two calendars through the runtime's messages, sync in the background,
 * edit on both sides, sync again — then a service worker killed mid-sync, and tokens that can no
 * longer be renewed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDefaults } from '../../src/shared/pair.ts';
import { startSimulators, type Simulators } from '../sim/index.ts';
import { launchExtension, type ExtensionSession } from './harness/extension.ts';
import { ask, waitForSync } from './harness/messages.ts';
import { stopServiceWorker } from './harness/worker.ts';

const GOOGLE_USER = 'pat.lee@gmail.com';
const MS_USER = 'pat.lee@contoso.com';

function gEvent(summary: string, day: string, from = '09:00', to = '10:00') {
  return { summary, start: { dateTime: `${day}T${from}:00`, timeZone: 'Europe/Berlin' }, end: { dateTime: `${day}T${to}:00`, timeZone: 'Europe/Berlin' } };
}

describe('extension runtime in real Chromium', () => {
  let sims: Simulators;
  let session: ExtensionSession;
  let options: Page;
  let outlookCalendar: string;
  const pairId = 'e2e-pair';

  beforeAll(async () => {
    sims = await startSimulators({ ports: 'default' });
    sims.googleAuth.addAccount({ email: GOOGLE_USER, name: 'Pat Lee' });
    sims.msIdentity.addAccount({ upn: MS_USER, name: 'Pat Lee', kind: 'work' });
    sims.google.addUser(GOOGLE_USER, { name: 'Pat Lee', timeZone: 'Europe/Berlin' });
    outlookCalendar = sims.graph.addMailbox(MS_USER, { displayName: 'Pat Lee', timeZone: 'W. Europe Standard Time' }).defaultCalendarId;
    // The user signs in (the simulated sign-in pages complete at once for this account).
    sims.googleAuth.setAutoSignIn(GOOGLE_USER);
    sims.msIdentity.setAutoSignIn(MS_USER);
    session = await launchExtension();
    options = await session.openOptions();
  });

  afterAll(async () => {
    await session.close();
    await sims.close();
  });

  it('signs in to Google and Microsoft with the real flows', async () => {
    expect((await ask(options, 'accounts/signIn', { provider: 'google' })).address).toBe(GOOGLE_USER);
    expect((await ask(options, 'accounts/signIn', { provider: 'microsoft' })).address).toBe(MS_USER);
    const accounts = await ask(options, 'accounts/get');
    expect(accounts.google.state).toBe('signed-in');
    expect(accounts.microsoft.state).toBe('signed-in');
    // The sign-in servers saw the implicit flow and the PKCE code redemption.
    expect(sims.googleAuth.counters.authorizeRequests).toBeGreaterThan(0);
    expect(sims.msIdentity.counters.tokenRequests.authorization_code).toBeGreaterThan(0);
  });

  it('pairs two calendars and keeps them in sync both ways', async () => {
    sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gEvent('Dentist', '2026-12-03'));
    sims.graph.userCreateEvent(MS_USER, outlookCalendar, { subject: 'Board meeting', start: { dateTime: '2026-12-04T14:00:00', timeZone: 'W. Europe Standard Time' }, end: { dateTime: '2026-12-04T15:00:00', timeZone: 'W. Europe Standard Time' } });
    const calendars = await ask(options, 'calendars/list', { provider: 'microsoft' });
    expect(calendars.map((c) => c.id)).toContain(outlookCalendar);
    await ask(options, 'pairs/save', { pair: withDefaults({ id: pairId, googleCalendarId: GOOGLE_USER, outlookCalendarId: outlookCalendar }) });
    const first = await waitForSync(options, (s) => s.results[pairId] !== undefined);
    expect(first.results[pairId]).toMatchObject({ ok: true, created: { google: 1, outlook: 1 } });
    expect(first.nextRunAt).toBeGreaterThan(Date.now());

    const dentist = sims.google.listStoredEvents(GOOGLE_USER).find((e) => e.summary === 'Dentist');
    sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, dentist!.id!, { location: 'Main Street 5' });
    const board = sims.graph.listStoredEvents(outlookCalendar).find((e) => e.subject === 'Board meeting');
    sims.graph.userUpdateEvent(board!.id!, { subject: 'Board meeting (moved)' });
    await ask(options, 'sync/now', { pairId: null });
    const second = await waitForSync(options, (s) => (s.results[pairId]?.finishedAt ?? 0) > (first.results[pairId]?.finishedAt ?? 0));
    expect(second.results[pairId]).toMatchObject({ ok: true, updated: { google: 1, outlook: 1 } });
    expect(sims.graph.listStoredEvents(outlookCalendar).find((e) => e.subject === 'Dentist')?.location?.displayName).toBe('Main Street 5');
    expect(sims.google.listStoredEvents(GOOGLE_USER).map((e) => e.summary)).toContain('Board meeting (moved)');
    expect(sims.google.counters.invitationsSent + sims.graph.counters.invitationsSent).toBe(0);
  });

  it('finishes a sync whose service worker was killed mid-run, with no duplicate', async () => {
    for (let day = 1; day <= 20; day++) sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gEvent(`Standup ${day}`, `2026-12-${String(day).padStart(2, '0')}`, '08:00', '08:15'));
    // Outlook stops answering writes: the run hangs mid-way with some work done.
    const release = sims.graph.faults.inject({ match: { method: 'POST', path: /\$batch$/ }, action: { kind: 'hang' }, times: Infinity });
    await ask(options, 'sync/now', { pairId: null });
    await expect.poll(() => sims.graph.log.count((e) => e.path.endsWith('$batch')) > 0, { timeout: 30_000 }).toBe(true);
    await stopServiceWorker(session);
    release();
    // The next wake (this page's message) finds the dead run's lease and schedules the retry
    // just after it lapses; the alarm then finishes the work.
    const state = await waitForSync(options, (s) => (s.results[pairId]?.created.outlook ?? 0) > 0 && Object.values(s.results).every((r) => r.ok), 90_000);
    expect(state.results[pairId]?.ok).toBe(true);
    const subjects = sims.graph.listStoredEvents(outlookCalendar).map((e) => e.subject ?? '');
    for (let day = 1; day <= 20; day++) expect(subjects.filter((s) => s === `Standup ${day}`)).toHaveLength(1);
  });

  it('shows "sign-in needed" when renewal is impossible, and loses nothing', async () => {
    const before = sims.graph.listStoredEvents(outlookCalendar).length;
    sims.msIdentity.endAllSessions();
    sims.msIdentity.revoke(MS_USER);
    // Hours pass: the access token expires and the refresh token was revoked.
    sims.clock.advance(3 * 3_600_000);
    await ask(options, 'sync/now', { pairId: null });
    const state = await waitForSync(options, (s) => s.results[pairId]?.ok === false);
    expect(state.results[pairId]?.errors[0]?.action).toBe('sign-in');
    expect((await ask(options, 'accounts/get')).microsoft.state).toBe('sign-in-needed');
    expect(sims.graph.listStoredEvents(outlookCalendar)).toHaveLength(before);
    expect(sims.google.listStoredEvents(GOOGLE_USER).filter((e) => e.status !== 'cancelled').length).toBeGreaterThan(20);
  });
});
