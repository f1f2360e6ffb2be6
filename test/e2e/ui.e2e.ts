/**
 * The popup and the options page in real Chromium, against the simulators, driven only through
 * what a user sees: first-run setup to a working pair (sign-in through the simulated identity
 * servers), "Sync now" with its progress, a conflict, a paused bulk deletion confirmed and another
 * kept, undo, removing pairs both ways, sign-in needed, and a keyboard-only walk through the
 * options page. Every screen is saved to artifacts/screenshots/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulators, type Simulators } from '../sim/index.ts';
import { launchExtension, type ExtensionSession } from './harness/extension.ts';
import { snap } from './harness/screens.ts';
import { followToOptions, openPopup } from './harness/ui.ts';

const GOOGLE_USER = 'sam.okafor@gmail.com';
const MS_USER = 'sam.okafor@fabrikam.com';
const DAY = 86_400_000;

function day(offset: number): string {
  return new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
}

function gEvent(summary: string, offset: number, from = '09:00', to = '10:00') {
  return { summary, start: { dateTime: `${day(offset)}T${from}:00`, timeZone: 'Europe/Berlin' }, end: { dateTime: `${day(offset)}T${to}:00`, timeZone: 'Europe/Berlin' } };
}

function oEvent(subject: string, offset: number, from = '14:00', to = '15:00') {
  const zone = 'W. Europe Standard Time';
  return { subject, start: { dateTime: `${day(offset)}T${from}:00`, timeZone: zone }, end: { dateTime: `${day(offset)}T${to}:00`, timeZone: zone } };
}

describe('the popup and the options page in real Chromium', () => {
  let sims: Simulators;
  let session: ExtensionSession;
  let outlookCalendar: string;
  let outlookFamily: string;
  let googleFamily: string;

  beforeAll(async () => {
    sims = await startSimulators({ ports: 'default' });
    sims.googleAuth.addAccount({ email: GOOGLE_USER, name: 'Sam Okafor' });
    sims.msIdentity.addAccount({ upn: MS_USER, name: 'Sam Okafor', kind: 'work' });
    sims.google.addUser(GOOGLE_USER, { name: 'Sam Okafor', timeZone: 'Europe/Berlin' });
    googleFamily = sims.google.addCalendar(GOOGLE_USER, { summary: 'Family', colorId: '10' });
    const mailbox = sims.graph.addMailbox(MS_USER, { displayName: 'Sam Okafor', timeZone: 'W. Europe Standard Time' });
    outlookCalendar = mailbox.defaultCalendarId;
    outlookFamily = sims.graph.addCalendar(MS_USER, { name: 'Family (work)', hexColor: '#8764b8' });
    sims.graph.addCalendar(MS_USER, { name: 'Company holidays', canEdit: false, hexColor: '#e3008c' });
    sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gEvent('Dentist', 2));
    sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gEvent('Guitar lesson', 3, '18:00', '19:00'));
    sims.graph.userCreateEvent(MS_USER, outlookCalendar, oEvent('Quarterly review', 4));
    sims.google.userCreateEvent(GOOGLE_USER, googleFamily, gEvent('School play', 5, '16:00', '17:30'));
    // The user signs in: the simulated sign-in pages complete at once for these accounts.
    sims.googleAuth.setAutoSignIn(GOOGLE_USER);
    sims.msIdentity.setAutoSignIn(MS_USER);
    session = await launchExtension();
  });

  afterAll(async () => {
    await session?.close();
    await sims?.close();
  });

  it('first run: the popup leads to setup, where both sign-ins and one pair make Tandem work', async () => {
    const popup = await openPopup(session);
    await expect.poll(() => popup.getByRole('heading', { name: 'Welcome to Tandem' }).isVisible()).toBe(true);
    await snap(popup, 'popup-first-run');
    const options = await followToOptions(session, () => popup.getByRole('button', { name: 'Set up Tandem' }).click());
    expect(new URL(options.url()).hash).toBe('#accounts');
    await snap(options, 'options-first-run');

    await options.getByRole('button', { name: 'Connect Google Calendar' }).click();
    await expect.poll(() => options.getByTestId('account-google').textContent()).toContain(`Signed in as ${GOOGLE_USER}`);
    await options.getByRole('button', { name: 'Connect Microsoft Outlook' }).click();
    await expect.poll(() => options.getByTestId('account-microsoft').textContent(), { timeout: 30_000 }).toContain(`Signed in as ${MS_USER}`);
    await expect.poll(() => options.getByTestId('calendars-microsoft').textContent()).toContain('Company holidays');
    expect(await options.getByTestId('calendars-microsoft').textContent()).toContain('read-only · source only');
    await options.getByTestId('account-google').locator('summary').click();
    await options.evaluate(() => window.scrollTo(0, 0));
    await snap(options, 'options-accounts', { fullPage: false });
    await snap(options, 'options-accounts-connected');
    await options.getByTestId('account-google').locator('summary').click();

    await options.getByRole('button', { name: 'Add a pair' }).click();
    const editor = options.getByTestId('pair-editor');
    expect(await editor.getByLabel('Google calendar', { exact: true }).inputValue()).toBe(GOOGLE_USER);
    expect(await editor.getByLabel('Outlook calendar', { exact: true }).inputValue()).toBe(outlookCalendar);
    await snap(options, 'options-pair-editor');
    await editor.getByRole('button', { name: 'Create pair' }).click();
    const row = options.locator('[data-testid^="pair-row-"]');
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.locator('.pair-summary').textContent(), { timeout: 30_000 }).toMatch(/Synced just now$/);
    await snap(options, 'options-paired');

    const after = await openPopup(session);
    const card = after.locator('.pair');
    await expect.poll(() => card.textContent()).toContain('Synced just now');
    expect(await card.textContent()).toContain('Outlook: 2 created');
    expect(await card.textContent()).toContain('Google Calendar: 1 created');
    await snap(after, 'popup-synced');
    expect(sims.graph.listStoredEvents(outlookCalendar).map((e) => e.subject)).toEqual(expect.arrayContaining(['Dentist', 'Guitar lesson']));
    expect(sims.google.listStoredEvents(GOOGLE_USER).map((e) => e.summary)).toContain('Quarterly review');
    await after.close();
    await options.close();
    await popup.close().catch(() => undefined);
  });

  it('"Sync now" shows the run’s progress, also in a popup reopened mid-run, and can cancel', async () => {
    for (let i = 0; i < 250; i++) sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gEvent(`Focus block ${i + 1}`, 10 + (i % 60), '07:00', '07:30'));
    // Outlook answers slowly: the writing phase lasts long enough to watch.
    const slow = sims.graph.faults.inject({ match: { method: 'POST', path: /\$batch$/ }, action: { kind: 'delay', ms: 1200 }, times: Infinity });
    const popup = await openPopup(session);
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => popup.locator('.sync-panel .phase').textContent(), { timeout: 20_000 }).toBe('Writing to Outlook');
    expect(await popup.getByRole('progressbar').getAttribute('aria-valuemax')).toBe('250');
    await snap(popup, 'popup-syncing');
    await popup.close();

    const reopened = await openPopup(session);
    expect(await reopened.getByRole('progressbar').isVisible()).toBe(true);
    expect(await reopened.locator('.sync-panel .phase').textContent()).toMatch(/Writing to Outlook|Saving…|Comparing|Reading/);
    await expect.poll(() => reopened.getByRole('button', { name: 'Sync now' }).isVisible(), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => reopened.locator('.pair').textContent()).toContain('Outlook: 250 created');

    for (let i = 0; i < 150; i++) sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gEvent(`Reading hour ${i + 1}`, 80 + (i % 50), '20:00', '21:00'));
    await reopened.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => reopened.getByRole('button', { name: 'Cancel' }).isVisible()).toBe(true);
    await reopened.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => reopened.getByRole('button', { name: 'Sync now' }).isVisible(), { timeout: 30_000 }).toBe(true);
    await snap(reopened, 'popup-cancelled');
    slow();
    await reopened.getByRole('button', { name: 'Sync now' }).click();
    // A cancelled run leaves the previous result in place: wait for this run's writes and its end.
    const readingHours = () => sims.graph.listStoredEvents(outlookCalendar).filter((e) => e.subject?.startsWith('Reading hour')).length;
    await expect.poll(readingHours, { timeout: 60_000 }).toBe(150);
    await expect.poll(() => reopened.getByRole('button', { name: 'Sync now' }).isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await reopened.locator('.pair .state').textContent()).toBe('✓ Synced just now');
    await reopened.close();
  });

  it('shows a conflict the merge resolved: which side won and the value that lost', async () => {
    const google = sims.google.listStoredEvents(GOOGLE_USER).find((e) => e.summary === 'Guitar lesson')!;
    sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, google.id!, { location: 'Music school, room 2' });
    sims.clock.advance(60_000);
    const outlook = sims.graph.listStoredEvents(outlookCalendar).find((e) => e.subject === 'Guitar lesson')!;
    sims.graph.userUpdateEvent(outlook.id!, { location: { displayName: 'Online' } });
    const popup = await openPopup(session);
    await popup.getByRole('button', { name: 'Sync now' }).click();
    const conflicts = popup.locator('section[aria-labelledby="conflicts-title"]');
    await expect.poll(() => conflicts.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await conflicts.textContent()).toContain('Guitar lesson');
    expect(await conflicts.textContent()).toContain('Both sides changed the location; Outlook’s later change was kept.');
    expect(await conflicts.locator('q.losing').textContent()).toBe('Music school, room 2');
    await snap(popup, 'popup-conflict');
    await popup.close();
  });

  it('pauses a bulk deletion: one is confirmed, another kept; a deletion is undone', async () => {
    const popup = await openPopup(session);
    const deleteInOutlook = (prefix: string, count: number): void => {
      const doomed = sims.graph.listStoredEvents(outlookCalendar).filter((e) => e.subject?.startsWith(prefix)).slice(0, count);
      for (const event of doomed) sims.graph.userDeleteEvent(event.id!);
    };
    const googleCount = (prefix: string): number => sims.google.listStoredEvents(GOOGLE_USER).filter((e) => e.status !== 'cancelled' && e.summary?.startsWith(prefix)).length;

    deleteInOutlook('Focus block', 60);
    await popup.getByRole('button', { name: 'Sync now' }).click();
    const paused = popup.locator('[data-testid^="paused-"]');
    await expect.poll(() => paused.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await paused.textContent()).toContain('Going on deletes these 60 events:');
    expect(await paused.locator('.pending li').count()).toBe(6);
    await snap(popup, 'popup-paused');
    await paused.getByRole('button', { name: 'Delete them' }).click();
    await expect.poll(() => paused.count(), { timeout: 30_000 }).toBe(0);
    expect(googleCount('Focus block')).toBe(190);
    const deletions = popup.locator('section[aria-labelledby="deletions-title"]');
    await expect.poll(() => deletions.isVisible(), { timeout: 10_000 }).toBe(true);
    await snap(popup, 'popup-deletions');

    const group = deletions.locator('.deletion-group').first();
    expect(await group.textContent()).toContain('60 events deleted from Google Calendar');
    await group.locator('summary').click();
    await snap(popup, 'popup-deletions-expanded');
    const first = group.locator('details li').first();
    const title = (await first.locator('.title').textContent())!;
    await first.getByRole('button', { name: `Undo the deletion of ${title}` }).click();
    await expect.poll(() => first.textContent(), { timeout: 30_000 }).toContain('Restored');
    expect(googleCount('Focus block')).toBe(191);

    deleteInOutlook('Reading hour', 40);
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => paused.isVisible(), { timeout: 30_000 }).toBe(true);
    await paused.getByRole('button', { name: 'Keep them' }).click();
    await expect.poll(() => paused.count(), { timeout: 30_000 }).toBe(0);
    expect(googleCount('Reading hour')).toBe(150);
    // "Keep" brings back what was deleted: the copies in Outlook are made again.
    await expect.poll(() => sims.graph.listStoredEvents(outlookCalendar).filter((e) => e.subject?.startsWith('Reading hour')).length, { timeout: 30_000 }).toBe(150);
    await expect.poll(() => popup.locator('.pair .state').textContent(), { timeout: 30_000 }).toBe('✓ Synced just now');
    await popup.close();
  });

  it('removes a pair leaving its copies, and another deleting them', async () => {
    const options = await session.openOptions();
    await options.getByRole('button', { name: 'Add a pair' }).click();
    const editor = options.getByTestId('pair-editor');
    await editor.getByLabel('Google calendar', { exact: true }).selectOption(googleFamily);
    await editor.getByLabel('Outlook calendar', { exact: true }).selectOption(outlookFamily);
    await editor.getByLabel('Title prefix').fill('[Family] ');
    await editor.getByRole('button', { name: 'Create pair' }).click();
    const rows = options.locator('[data-testid^="pair-row-"]');
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => sims.graph.listStoredEvents(outlookFamily).map((e) => e.subject), { timeout: 30_000 }).toEqual(['[Family] School play']);

    await rows.nth(1).getByRole('button', { name: /^Remove / }).click();
    const dialog = options.getByTestId('remove-dialog');
    await dialog.getByLabel('Leave the copies').check();
    await snap(options, 'options-remove-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: 'Remove pair' }).click();
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(1);
    expect(sims.graph.listStoredEvents(outlookFamily).map((e) => e.subject)).toEqual(['[Family] School play']);

    const mirrorsBefore = sims.graph.listStoredEvents(outlookCalendar).length;
    expect(mirrorsBefore).toBeGreaterThan(300);
    await rows.first().getByRole('button', { name: /^Remove / }).click();
    await dialog.getByLabel('Delete the copies').check();
    await dialog.getByRole('button', { name: 'Remove pair' }).click();
    await expect.poll(() => rows.count(), { timeout: 120_000 }).toBe(0);
    // Only Outlook's own event is left in Outlook, and only Google's own in Google.
    expect(sims.graph.listStoredEvents(outlookCalendar).map((e) => e.subject)).toEqual(['Quarterly review']);
    expect(sims.google.listStoredEvents(GOOGLE_USER).filter((e) => e.status !== 'cancelled').map((e) => e.summary)).not.toContain('Quarterly review');
    await snap(options, 'options-no-pairs');
    await options.close();
  });

  it('says when a sign-in is needed, and the popup leads to the options page to renew it', async () => {
    const options = await session.openOptions();
    await options.getByRole('button', { name: 'Add a pair' }).click();
    await options.getByTestId('pair-editor').getByRole('button', { name: 'Create pair' }).click();
    await expect.poll(() => options.locator('.pair-summary').textContent(), { timeout: 60_000 }).toMatch(/Synced just now$/);
    await options.close();
    sims.msIdentity.endAllSessions();
    sims.msIdentity.revoke(MS_USER);
    sims.clock.advance(3 * 3_600_000);
    const popup = await openPopup(session);
    await popup.getByRole('button', { name: 'Sync now' }).click();
    const signIn = popup.getByTestId('sign-in-microsoft');
    await expect.poll(() => signIn.isVisible(), { timeout: 30_000 }).toBe(true);
    await snap(popup, 'popup-sign-in-needed');
    const renew = await followToOptions(session, () => signIn.getByRole('button', { name: 'Sign in' }).click());
    expect(new URL(renew.url()).hash).toBe('#accounts');
    const card = renew.getByTestId('account-microsoft');
    await expect.poll(() => card.textContent()).toContain('Sign-in needed');
    await snap(renew, 'options-sign-in-needed');
    await card.getByRole('button', { name: 'Sign in again' }).click();
    await expect.poll(() => card.textContent(), { timeout: 30_000 }).toContain(`Signed in as ${MS_USER}`);
    await renew.close();
  });

  it('walks the whole options page with the keyboard alone', async () => {
    const options = await session.openOptions();
    await options.locator('#pairs').waitFor();
    const stops = await tabThrough(options, 80);
    // Every stop has a name a screen reader can say, and a focus ring a sighted user can see.
    expect(stops.filter((s) => !s.name)).toEqual([]);
    expect(stops.filter((s) => !s.ring)).toEqual([]);
    expect(stops[0]?.name).toBe('Skip to the settings');
    const names = stops.map((s) => s.name);
    for (const name of ['Accounts', 'Pairs', 'Disconnect', 'App registration', 'Edit ', 'Remove ', 'Add a pair', 'Sync every (minutes)', 'Save schedule', 'Export settings', 'Import settings…', 'Download diagnostics']) {
      expect(names.some((n) => n.startsWith(name)), `${name} in ${names.join(' | ')}`).toBe(true);
    }

    // Open a pair's editor, change a field and save — keys only.
    await options.locator('body').focus();
    const edit = options.getByRole('button', { name: /^Edit / });
    await edit.focus();
    await options.keyboard.press('Enter');
    await options.keyboard.press('Tab');
    await options.keyboard.press('Tab');
    await snap(options, 'options-keyboard-editor');
    await options.getByLabel('Days back').focus();
    await options.keyboard.press('Control+A');
    await options.keyboard.type('7');
    await options.keyboard.press('Enter');
    await expect.poll(() => options.locator('.pair-summary').textContent()).toContain('7 days back');

    // The remove dialog traps focus, and Escape returns it to the button that opened it.
    const remove = options.getByRole('button', { name: /^Remove / });
    await remove.focus();
    await options.keyboard.press('Enter');
    await expect.poll(() => options.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    for (let i = 0; i < 6; i++) {
      await options.keyboard.press('Tab');
      expect(await options.evaluate(() => document.activeElement?.closest('dialog') !== null || document.activeElement === document.body)).toBe(true);
    }
    await options.keyboard.press('Escape');
    await expect.poll(() => options.getByTestId('remove-dialog').count()).toBe(0);
    expect(await remove.evaluate((el) => el === document.activeElement)).toBe(true);
    await options.close();
  });

  it('produced no console error in any page or the worker', () => {
    expect(session.problems).toEqual([]);
  });
});

interface Stop {
  readonly name: string;
  readonly ring: boolean;
}

/** Presses Tab from the top of the page and records, per stop, its accessible name and focus ring. */
async function tabThrough(page: Page, max: number): Promise<Stop[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const stops: Stop[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const labelled = el.getAttribute('aria-labelledby');
      const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? '';
      const name = (el.getAttribute('aria-label') ?? (labelled ? document.getElementById(labelled)?.textContent : null) ?? (label || el.textContent) ?? '').trim();
      // The ring is on the element, or on its label for a visually hidden file input.
      const target = el.matches('.visually-hidden') ? (el.closest('label') ?? el) : el;
      const style = getComputedStyle(target);
      const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      return { name, ring, tag: el.tagName };
    });
    if (!stop) break;
    stops.push({ name: stop.name, ring: stop.ring });
  }
  return stops;
}
