/**
 * The toolbar badge says the state at a glance: nothing when all is well, "…" while syncing, "!"
 * when the user must act (sign in, or answer a paused pair), a count of pairs with errors
 * otherwise. Its tooltip says the same in words.
 */
import type { AccountsSnapshot } from '../auth/types.ts';
import type { SyncState } from '../../shared/messaging/types.ts';

export interface Badge {
  readonly text: string;
  readonly color: string;
  readonly title: string;
}

const COLORS = { ok: '#2e7d32', busy: '#1565c0', attention: '#c62828', warning: '#ef6c00' } as const;

export function badgeFor(accounts: AccountsSnapshot, sync: SyncState): Badge {
  const signIn = Object.values(accounts).filter((a) => a.state === 'sign-in-needed');
  const results = Object.values(sync.results);
  const paused = results.filter((r) => r.paused !== null);
  const failing = results.filter((r) => !r.ok && r.paused === null);
  const attention = signIn.length + paused.length;
  if (attention > 0) {
    const lines = [...signIn.map((a) => `Sign-in needed: ${a.provider === 'google' ? 'Google' : 'Microsoft'}`), ...paused.map(() => 'A pair is paused: confirm or keep its deletions')];
    return { text: attention > 1 ? String(attention) : '!', color: COLORS.attention, title: `Tandem — ${lines.join('; ')}` };
  }
  if (sync.running) return { text: '…', color: COLORS.busy, title: 'Tandem — syncing' };
  if (failing.length > 0) return { text: String(failing.length), color: COLORS.warning, title: `Tandem — ${failing.length === 1 ? 'a pair' : `${failing.length} pairs`} had errors in the last sync` };
  return { text: '', color: COLORS.ok, title: 'Tandem — all calendars in sync' };
}

export interface Notice {
  readonly id: string;
  readonly title: string;
  readonly message: string;
}

/** Notifications for states that just began (not repeated while they last). */
export function newNotices(before: { accounts: AccountsSnapshot; sync: SyncState }, after: { accounts: AccountsSnapshot; sync: SyncState }): Notice[] {
  const notices: Notice[] = [];
  for (const account of Object.values(after.accounts)) {
    const was = before.accounts[account.provider].state;
    if (account.state === 'sign-in-needed' && was !== 'sign-in-needed') {
      const name = account.provider === 'google' ? 'Google' : 'Microsoft';
      notices.push({ id: `sign-in-${account.provider}`, title: `Tandem: sign in to ${name} again`, message: `${account.reason ?? 'The sign-in expired.'} Click to open Tandem and sign in; syncing waits until then.` });
    }
  }
  for (const result of Object.values(after.sync.results)) {
    if (result.paused !== null && (before.sync.results[result.pairId]?.paused ?? null) === null) {
      notices.push({ id: `paused-${result.pairId}`, title: 'Tandem paused a pair', message: result.paused });
    }
  }
  return notices;
}
