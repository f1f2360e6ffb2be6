import { describe, expect, it } from 'vitest';
import { ACCOUNT_KEYS, AccountStore } from '../../../src/background/auth/accounts.ts';
import type { AccountsSnapshot } from '../../../src/background/auth/types.ts';
import { FakeArea } from '../runtime/fakes.ts';

describe('account store', () => {
  it('keeps address, account id and reason under auth/ keys, and survives a worker restart', async () => {
    const local = new FakeArea();
    const first = new AccountStore(local);
    await first.signedIn('microsoft', 'ann@contoso.example', 'uid.tid');
    await first.needsSignIn('microsoft', 'Your Microsoft sign-in has expired.');
    expect([...local.data.keys()]).toEqual([ACCOUNT_KEYS.microsoft]);
    const second = new AccountStore(local);
    expect(await second.snapshot()).toEqual({
      google: { provider: 'google', state: 'signed-out', address: null, reason: null },
      microsoft: { provider: 'microsoft', state: 'sign-in-needed', address: 'ann@contoso.example', reason: 'Your Microsoft sign-in has expired.' },
    });
  });

  it('tells listeners of every change, once, and not of non-changes; a throwing listener does not stop the others', async () => {
    const store = new AccountStore(new FakeArea());
    const heard: AccountsSnapshot[] = [];
    store.onChange(() => {
      throw new Error('boom');
    });
    store.onChange((s) => heard.push(s));
    await store.signedIn('google', 'ann@gmail.example');
    await store.signedIn('google', 'ann@gmail.example');
    await store.needsSignIn('google', 'expired');
    await store.signedOut('google');
    expect(heard.map((s) => s.google.state)).toEqual(['signed-in', 'sign-in-needed', 'signed-out']);
  });

  it('ignores stored data of the wrong shape, and marking a signed-out account changes nothing', async () => {
    const local = new FakeArea();
    await local.set({ [ACCOUNT_KEYS.google]: { address: 'x', token: 'leaked?' } });
    const store = new AccountStore(local);
    expect((await store.status('google')).state).toBe('signed-out');
    expect(await store.needsSignIn('microsoft', 'expired')).toMatchObject({ state: 'signed-out' });
  });
});
