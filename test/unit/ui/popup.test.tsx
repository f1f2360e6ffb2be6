// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { PopupActions, PopupModel } from '../../../src/popup/model.ts';
import { PopupView } from '../../../src/popup/PopupView.tsx';
import type { Loadable } from '../../../src/shared/ui/hooks.ts';
import { CALENDARS, MINUTE, NO_ACTIVITY, NOW, PAIR, PAIR_2, SIGNED_IN, SIGNED_OUT, account, result, syncState } from './fixtures.ts';
import { button, byTestId, click, mount, queryButton, text } from './render.ts';

function actions() {
  return {
    syncNow: vi.fn<PopupActions['syncNow']>(() => Promise.resolve()),
    cancelSync: vi.fn<PopupActions['cancelSync']>(() => Promise.resolve()),
    openOptions: vi.fn<PopupActions['openOptions']>(),
    resolvePause: vi.fn<PopupActions['resolvePause']>(() => Promise.resolve()),
    undo: vi.fn<PopupActions['undo']>(() => Promise.resolve()),
  };
}

function model(patch: Partial<PopupModel> = {}): Loadable<PopupModel> {
  return {
    state: 'ready',
    value: { simulatorBuild: false, accounts: SIGNED_IN, pairs: [PAIR], sync: syncState({ results: { [PAIR.id]: result() } }), activity: NO_ACTIVITY, calendars: CALENDARS, now: NOW, ...patch },
  };
}

function show(value: Loadable<PopupModel>, act = actions()) {
  return { root: mount(<PopupView model={value} actions={act} />), act };
}

describe('popup: loading, errors, first run', () => {
  it('shows a loading line, then an error as an alert when the background does not answer', () => {
    expect(text(show({ state: 'loading' }).root)).toContain('Loading…');
    const { root } = show({ state: 'error', message: 'The background did not answer. Reload the extension and try again.' });
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('The background did not answer. Reload the extension and try again.');
  });

  it('welcomes a first run with the three steps and leads to the accounts', async () => {
    const { root, act } = show(model({ accounts: SIGNED_OUT, pairs: [], sync: syncState() }));
    expect(root.querySelector('h2')?.textContent).toBe('Welcome to Tandem');
    expect([...root.querySelectorAll('.steps li')].map((li) => li.className)).toEqual(['', '', '']);
    await click(button(root, 'Set up Tandem'));
    expect(act.openOptions).toHaveBeenCalledWith({ section: 'accounts' });
    expect(queryButton(root, 'Sync now')).toBeUndefined();
  });

  it('ticks off connected accounts and continues at the pairs', async () => {
    const { root, act } = show(model({ pairs: [], sync: syncState() }));
    expect(root.querySelectorAll('.steps li.done')).toHaveLength(2);
    expect(text(root)).toContain('Connect your Google account (done)');
    await click(button(root, 'Continue setup'));
    expect(act.openOptions).toHaveBeenCalledWith({ section: 'pairs' });
  });

  it('tags the simulator build and opens the settings from the gear', async () => {
    const { root, act } = show(model({ simulatorBuild: true }));
    expect(text(root.querySelector('header')!)).toContain('simulator build');
    await click(button(root, 'Open settings'));
    expect(act.openOptions).toHaveBeenCalledWith();
  });
});

describe('popup: a pair and its last sync', () => {
  it('names both calendars with their colours and the direction', () => {
    const { root } = show(model());
    const card = byTestId(root, 'pair-pair-1');
    expect([...card.querySelectorAll('.calendar .name')].map((n) => n.textContent)).toEqual(['Pat Lee', 'Calendar']);
    expect([...card.querySelectorAll<HTMLElement>('.swatch')].map((s) => s.style.background)).toEqual(['#039be5', '#0078d4']);
    expect(card.querySelector('.direction')?.getAttribute('aria-label')).toBe('Syncs both ways');
  });

  it('says when it synced and what changed on each side, and when the next run is', () => {
    const { root } = show(model());
    const card = byTestId(root, 'pair-pair-1');
    expect(text(card)).toContain('Synced 5 minutes ago');
    expect([...card.querySelectorAll('.changes li')].map((li) => li.textContent)).toEqual(['Google Calendar: 1 created', 'Outlook: 2 created, 1 updated']);
    expect(text(root)).toContain('Next sync in 4 minutes');
  });

  it('says "No changes", "Not synced yet", and falls back to ids for unknown calendars', () => {
    const quiet = result({ created: { google: 0, outlook: 0 }, updated: { google: 0, outlook: 0 } });
    const { root } = show(model({ pairs: [PAIR, PAIR_2], sync: syncState({ results: { [PAIR.id]: quiet }, nextRunAt: null }), calendars: { google: {}, microsoft: {} } }));
    expect(text(byTestId(root, 'pair-pair-1'))).toContain('No changes');
    expect(text(byTestId(root, 'pair-pair-2'))).toContain('Not synced yet');
    expect(text(byTestId(root, 'pair-pair-2'))).toContain('family');
    expect(text(byTestId(root, 'pair-pair-2'))).toContain('Outlook calendar');
    expect(byTestId(root, 'pair-pair-2').querySelector('.direction')?.getAttribute('aria-label')).toBe('Google Calendar to Outlook only');
    expect(text(root)).toContain('No sync scheduled');
  });

  it('puts each error in plain words next to the button that fixes it', async () => {
    const errors = [
      { message: 'Outlook: the sign-in expired.', action: 'sign-in' as const },
      { message: 'Google: the service did not answer.', action: 'retry' as const },
      { message: 'Outlook: the calendar no longer exists.', action: 'check-settings' as const },
      { message: 'Google, "Lunch": the event is locked.', action: null },
    ];
    const { root, act } = show(model({ sync: syncState({ results: { [PAIR.id]: result({ ok: false, errors }) } }) }));
    const card = byTestId(root, 'pair-pair-1');
    expect(text(card)).toContain('Last sync 5 minutes ago had problems');
    expect([...card.querySelectorAll('.errors li')].map((li) => li.querySelector('.message')?.textContent ?? li.textContent)).toEqual([...errors.slice(0, 3).map((e) => e.message), '…and 1 more']);
    await click(button(card, 'Sign in'));
    expect(act.openOptions).toHaveBeenLastCalledWith({ section: 'accounts' });
    await click(button(card, 'Check settings'));
    expect(act.openOptions).toHaveBeenLastCalledWith({ pair: 'pair-1' });
    await click(button(card, 'Try again'));
    expect(act.syncNow).toHaveBeenCalledOnce();
  });

  it('never renders event or error text as HTML', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const { root } = show(
      model({
        sync: syncState({ results: { [PAIR.id]: result({ ok: false, errors: [{ message: evil, action: null }] }) } }),
        activity: { conflicts: [{ pairId: PAIR.id, at: NOW, title: evil, field: 'title', winner: 'google', losingValue: evil }], deletions: [] },
      }),
    );
    expect(root.querySelectorAll('img[src="x"]')).toHaveLength(0);
    expect(text(root)).toContain(evil);
  });
});

describe('popup: Sync now and its progress', () => {
  it('starts a sync, and shows a failure to start in place', async () => {
    const act = actions();
    act.syncNow.mockRejectedValueOnce(new Error('The background did not answer.'));
    const { root } = show(model(), act);
    await click(button(root, 'Sync now'));
    expect(act.syncNow).toHaveBeenCalledOnce();
    expect(root.querySelector('.sync-panel [role="alert"]')?.textContent).toBe('The background did not answer.');
  });

  it('shows the writing phase with a determinate bar, and cancels', async () => {
    const sync = syncState({ running: true, progress: { pairId: PAIR.id, phase: 'writing-outlook', done: 12, total: 40 }, results: { [PAIR.id]: result() } });
    const { root, act } = show(model({ sync }));
    expect(root.querySelector('.phase')?.textContent).toBe('Writing to Outlook');
    const bar = root.querySelector('[role="progressbar"]')!;
    expect([bar.getAttribute('aria-valuenow'), bar.getAttribute('aria-valuemax'), bar.getAttribute('aria-valuetext')]).toEqual(['12', '40', '12 of 40']);
    expect((bar.firstElementChild as HTMLElement).style.width).toBe('30%');
    expect(text(byTestId(root, 'pair-pair-1'))).toContain('Syncing now…');
    expect(queryButton(root, 'Sync now')).toBeUndefined();
    await click(button(root, 'Cancel'));
    expect(act.cancelSync).toHaveBeenCalledOnce();
  });

  it('shows reading and starting phases with an indeterminate bar', () => {
    const reading = show(model({ sync: syncState({ running: true, progress: { pairId: PAIR.id, phase: 'reading-google', done: 120, total: 120 } }) })).root;
    expect(reading.querySelector('.phase')?.textContent).toBe('Reading Google Calendar…');
    expect(reading.querySelector('.progress.indeterminate')).not.toBeNull();
    expect(reading.querySelector('[role="progressbar"]')?.hasAttribute('aria-valuenow')).toBe(false);
    expect(text(reading)).toContain('120 events read');
    const starting = show(model({ sync: syncState({ running: true, progress: null }) })).root;
    expect(starting.querySelector('.phase')?.textContent).toBe('Starting the sync…');
  });

  it('names the pair being synced when there are several', () => {
    const sync = syncState({ running: true, progress: { pairId: PAIR_2.id, phase: 'planning', done: 0, total: 0 } });
    const { root } = show(model({ pairs: [PAIR, PAIR_2], sync }));
    expect(root.querySelector('.pair-now')?.textContent).toBe('Family → Calendar');
    expect(root.querySelector('.phase')?.textContent).toBe('Comparing the calendars…');
  });
});

describe('popup: attention items', () => {
  it('asks to sign in again with the reason, from the options page', async () => {
    const accounts = { google: account('google'), microsoft: account('microsoft', 'sign-in-needed', 'Microsoft asked you to sign in again (your password changed).') };
    const { root, act } = show(model({ accounts }));
    const item = byTestId(root, 'sign-in-microsoft');
    expect(item.querySelector('h3')?.textContent).toBe('Sign in to Microsoft again');
    expect(text(item)).toContain('your password changed');
    await click(button(item, 'Sign in'));
    expect(act.openOptions).toHaveBeenCalledWith({ section: 'accounts' });
  });

  it('flags a signed-out account the pairs need', () => {
    const { root } = show(model({ accounts: { google: account('google', 'signed-out'), microsoft: account('microsoft') } }));
    expect(text(byTestId(root, 'sign-in-google'))).toContain('Google is not connected');
    expect(queryButton(byTestId(root, 'sign-in-google'), 'Connect')).toBeDefined();
  });

  it('shows what a paused pair would delete, and confirms or keeps', async () => {
    const pending = Array.from({ length: 7 }, (_, i) => ({ side: 'outlook' as const, title: `Standup ${i + 1}`, start: '2026-12-0' + String(i + 1) }));
    const paused = result({ ok: false, paused: 'This run would delete 7 of 9 synced events.', pending });
    const { root, act } = show(model({ sync: syncState({ results: { [PAIR.id]: paused } }) }));
    const item = byTestId(root, 'paused-pair-1');
    expect(item.querySelector('h3')?.textContent).toBe('Paused: Pat Lee ⇄ Calendar');
    expect(text(item)).toContain('This run would delete 7 of 9 synced events.');
    expect(text(item)).toContain('Going on deletes these 7 events:');
    const rows = [...item.querySelectorAll('.pending li')].map((li) => text(li));
    expect(rows).toHaveLength(6);
    expect(rows[0]).toBe('Standup 1 in Outlook, Dec 1, 2026');
    expect(rows[5]).toBe('…and 2 more');
    expect(text(byTestId(root, 'pair-pair-1'))).toContain('Paused — waiting for your decision');
    await click(button(item, 'Delete them'));
    expect(act.resolvePause).toHaveBeenLastCalledWith('pair-1', 'confirm');
    await click(button(item, 'Keep them'));
    expect(act.resolvePause).toHaveBeenLastCalledWith('pair-1', 'keep');
  });

  it('disables the answers while the pair resumes, and shows a failure in place', async () => {
    const act = actions();
    let fail: (error: Error) => void = () => undefined;
    act.resolvePause.mockReturnValueOnce(new Promise((_, reject) => (fail = reject)));
    const paused = result({ paused: 'The Outlook calendar suddenly reads empty.', pending: [] });
    const { root } = show(model({ sync: syncState({ results: { [PAIR.id]: paused } }) }), act);
    const item = byTestId(root, 'paused-pair-1');
    await click(button(item, 'Keep them'));
    expect(button(item, 'Delete them').disabled).toBe(true);
    expect(text(item)).toContain('Working on it…');
    fail(new Error('Outlook did not answer.'));
    await click(item); // let the rejection settle
    expect(item.querySelector('[role="alert"]')?.textContent).toBe('Outlook did not answer.');
    expect(button(item, 'Delete them').disabled).toBe(false);
  });
});

describe('popup: activity', () => {
  it('lists conflicts with the side that won and the value that lost', () => {
    const conflicts = [{ pairId: PAIR.id, at: NOW - 2 * MINUTE, title: 'Team sync', field: 'location', winner: 'outlook' as const, losingValue: 'Room 4' }];
    const { root } = show(model({ activity: { conflicts, deletions: [] } }));
    const section = root.querySelector('[aria-labelledby="conflicts-title"]')!;
    expect(section.querySelector('h2')?.textContent).toBe('Conflicts resolved');
    expect(text(section)).toContain('Team sync');
    expect(text(section)).toContain('2 minutes ago');
    expect(text(section)).toContain('Both sides changed the location; Outlook’s later change was kept.');
    expect(text(section)).toContain('Google Calendar had: Room 4');
  });

  it('lists recent deletions with undo, and marks undone ones', async () => {
    const deletions = [
      { pairId: PAIR.id, id: 'd1', at: NOW - 60 * MINUTE, side: 'outlook' as const, title: 'Dentist', start: '2026-12-03T08:30:00Z', why: 'its source was deleted', undone: false },
      { pairId: PAIR.id, id: 'd2', at: NOW - 90 * MINUTE, side: 'google' as const, title: 'Gym', start: '2026-12-04', why: 'its source was deleted', undone: true },
    ];
    const { root, act } = show(model({ activity: { conflicts: [], deletions } }));
    const first = byTestId(root, 'deletion-d1');
    expect(text(first)).toContain('Dentist');
    expect(text(first)).toContain('1 hour ago');
    expect(text(first)).toContain('· deleted from Outlook 1 hour ago');
    expect(text(first)).toContain('Reason: its source was deleted');
    await click(button(first, 'Undo the deletion of Dentist'));
    expect(act.undo).toHaveBeenCalledWith('pair-1', 'd1');
    const second = byTestId(root, 'deletion-d2');
    expect(text(second)).toContain('Restored');
    expect(queryButton(second, 'Undo the deletion of Gym')).toBeUndefined();
  });

  it('groups one run’s deletions for one reason, each still undoable', async () => {
    const at = NOW - 3 * MINUTE;
    const deletions = Array.from({ length: 12 }, (_, i) => ({ pairId: PAIR.id, id: `g${i}`, at, side: 'google' as const, title: `Focus ${i + 1}`, start: '2026-12-10', why: 'its mirror was deleted', undone: false }));
    const { root, act } = show(model({ activity: { conflicts: [], deletions } }));
    const group = byTestId(root, 'deletion-group-g0');
    expect(text(group)).toContain('12 events deleted from Google Calendar');
    expect(text(group)).toContain('3 minutes ago');
    expect(text(group)).toContain('Reason: its mirror was deleted');
    expect(group.querySelector('details')?.open).toBe(false);
    expect(group.querySelectorAll('details li')).toHaveLength(12);
    await click(button(group, 'Undo the deletion of Focus 7'));
    expect(act.undo).toHaveBeenCalledWith('pair-1', 'g6');
  });

  it('shows an undo that failed in place', async () => {
    const act = actions();
    act.undo.mockRejectedValueOnce(new Error('That deletion is no longer in the history.'));
    const deletions = [{ pairId: PAIR.id, id: 'd1', at: NOW, side: 'google' as const, title: 'Dentist', start: '2026-12-03', why: '', undone: false }];
    const { root } = show(model({ activity: { conflicts: [], deletions } }), act);
    await click(button(root, 'Undo the deletion of Dentist'));
    expect(byTestId(root, 'deletion-d1').querySelector('[role="alert"]')?.textContent).toBe('That deletion is no longer in the history.');
  });
});
