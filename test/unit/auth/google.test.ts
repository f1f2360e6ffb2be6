import { describe, expect, it } from 'vitest';
import { ACCOUNT_KEYS } from '../../../src/background/auth/accounts.ts';
import { GOOGLE_TOKEN_KEY } from '../../../src/background/auth/google.ts';
import { GOOGLE_CALENDAR_SCOPE } from '../../../src/background/auth/google-flow.ts';
import { AuthRequiredError, NetworkError } from '../../../src/background/sync/errors.ts';
import { ANN_GOOGLE, dump, GOOGLE_API, googleAnswer, makeWorld, type World } from './fakes.ts';

const HOUR = 3600_000;
const token = (world: World, n: number) => world.flow.answer = (call) => googleAnswer(call, { access_token: `ya29.t${n}`, token_type: 'Bearer', expires_in: '3599', scope: GOOGLE_CALENDAR_SCOPE });

async function signedIn(): Promise<World> {
  const world = makeWorld();
  token(world, 1);
  await world.auth.signIn('google');
  world.flow.calls.length = 0;
  return world;
}

describe('Google sign-in (interactive)', () => {
  it('runs the implicit flow in a window, learns the address from the Calendar API and keeps the token in session storage only', async () => {
    const world = makeWorld();
    token(world, 1);
    const status = await world.auth.signIn('google');
    expect(status).toEqual({ provider: 'google', state: 'signed-in', address: ANN_GOOGLE, reason: null });
    const [call] = world.flow.calls;
    expect(call?.interactive).toBe(true);
    expect(call?.url.searchParams.get('prompt')).toBe('select_account');
    expect(call?.url.searchParams.has('login_hint')).toBe(false);
    expect(world.fetched).toEqual([`${GOOGLE_API}/calendars/primary`]);
    expect(world.session.data.get(GOOGLE_TOKEN_KEY)).toMatchObject({ token: 'ya29.t1', expiresAt: world.clock.now() + 3599_000 });
    expect(world.local.data.get(ACCOUNT_KEYS.google)).toEqual({ address: ANN_GOOGLE, homeAccountId: null, reason: null });
    expect(dump(world.local)).not.toContain('ya29');
    expect(world.changes.at(-1)?.google.state).toBe('signed-in');
  });

  it('signs in again with the known address as login hint', async () => {
    const world = await signedIn();
    token(world, 2);
    await world.auth.signIn('google');
    expect(world.flow.calls[0]?.url.searchParams.get('login_hint')).toBe(ANN_GOOGLE);
    expect(world.flow.calls[0]?.url.searchParams.has('prompt')).toBe(false);
  });

  it('rejects an answer with someone else\u2019s state and stays signed out', async () => {
    const world = makeWorld();
    world.flow.answer = (call) => googleAnswer(call, { access_token: 'ya29.forged', expires_in: '3599' }, 'forged-state');
    await expect(world.auth.signIn('google')).rejects.toThrow(/could not be trusted/);
    expect((await world.auth.status()).google.state).toBe('signed-out');
    expect(world.session.data.size).toBe(0);
  });

  it.each([
    ['access_denied', /cancelled, or access to your calendar was not allowed/],
    ['consent_required', /allow calendar access/],
  ])('turns error=%s into a plain message', async (error, message) => {
    const world = makeWorld();
    world.flow.answer = (call) => googleAnswer(call, { error });
    await expect(world.auth.signIn('google')).rejects.toThrow(message);
  });

  it('says so when the user closes the window, or no client id is set', async () => {
    const world = makeWorld();
    world.flow.answer = () => ({ ok: false, reason: 'cancelled', message: 'The user did not approve access.' });
    await expect(world.auth.signIn('google')).rejects.toThrow(/window was closed/);
    world.clients = { ...world.clients, googleClientId: '' };
    await expect(world.auth.signIn('google')).rejects.toThrow(/No Google client id/);
  });

  it('refuses a token without the calendar scope', async () => {
    const world = makeWorld();
    world.flow.answer = (call) => googleAnswer(call, { access_token: 'ya29.x', expires_in: '3599', scope: 'email' });
    await expect(world.auth.signIn('google')).rejects.toThrow(/needs access to your Google Calendar/);
  });

  it('signs out: the token and the account are forgotten', async () => {
    const world = await signedIn();
    expect(await world.auth.signOut('google')).toEqual({ provider: 'google', state: 'signed-out', address: null, reason: null });
    expect(world.session.data.size).toBe(0);
    expect(world.local.data.has(ACCOUNT_KEYS.google)).toBe(false);
    await expect(world.auth.tokenSource('google').getToken({ interactive: false })).rejects.toBeInstanceOf(AuthRequiredError);
  });
});

describe('Google token source (silent)', () => {
  it('hands out the stored token until 5 minutes before expiry, then renews with prompt=none, never interactively', async () => {
    const world = await signedIn();
    const source = world.auth.tokenSource('google');
    expect(await source.getToken({ interactive: false })).toBe('ya29.t1');
    world.clock.time += HOUR - 6 * 60_000;
    expect(await source.getToken({ interactive: false })).toBe('ya29.t1');
    expect(world.flow.calls).toEqual([]);
    world.clock.time += 2 * 60_000; // 4 minutes left
    token(world, 2);
    expect(await source.getToken({ interactive: false })).toBe('ya29.t2');
    expect(world.flow.calls).toHaveLength(1);
    const [call] = world.flow.calls;
    expect(call?.interactive).toBe(false);
    expect(call?.url.searchParams.get('prompt')).toBe('none');
    expect(call?.url.searchParams.get('login_hint')).toBe(ANN_GOOGLE);
    expect(dump(world.local)).not.toContain('ya29');
  });

  it('invalidate() after a 401 forces a renewal; a stale token passed later changes nothing', async () => {
    const world = await signedIn();
    const source = world.auth.tokenSource('google');
    token(world, 2);
    await source.invalidate('ya29.t1');
    expect(await source.getToken({ interactive: false })).toBe('ya29.t2');
    await source.invalidate('ya29.t1');
    expect(await source.getToken({ interactive: false })).toBe('ya29.t2');
    expect(world.flow.calls).toHaveLength(1);
  });

  it('renews once for concurrent callers', async () => {
    const world = await signedIn();
    const source = world.auth.tokenSource('google');
    await source.invalidate('ya29.t1');
    token(world, 2);
    const tokens = await Promise.all([1, 2, 3].map(() => source.getToken({ interactive: false })));
    expect(tokens).toEqual(['ya29.t2', 'ya29.t2', 'ya29.t2']);
    expect(world.flow.calls).toHaveLength(1);
  });

  it.each(['interaction_required', 'consent_required'])('silent error=%s: sign-in-needed with a reason, AuthRequiredError, no further attempts', async (error) => {
    const world = await signedIn();
    const source = world.auth.tokenSource('google');
    await source.invalidate('ya29.t1');
    world.flow.answer = (call) => googleAnswer(call, { error, error_subtype: 'access_denied' });
    await expect(source.getToken({ interactive: false })).rejects.toBeInstanceOf(AuthRequiredError);
    const status = (await world.auth.status()).google;
    expect(status).toMatchObject({ state: 'sign-in-needed', address: ANN_GOOGLE });
    expect(status.reason).toMatch(/Google sign-in has expired/);
    expect(world.changes.at(-1)?.google.state).toBe('sign-in-needed');
    await expect(source.getToken({ interactive: false })).rejects.toBeInstanceOf(AuthRequiredError);
    expect(world.flow.calls.every((c) => !c.interactive)).toBe(true);
    expect(world.flow.calls).toHaveLength(1);
  });

  it('a silent flow Chrome would have to show becomes sign-in-needed too', async () => {
    const world = await signedIn();
    await world.auth.tokenSource('google').invalidate('ya29.t1');
    world.flow.answer = () => ({ ok: false, reason: 'interaction-required', message: 'User interaction required.' });
    await expect(world.auth.tokenSource('google').getToken({ interactive: false })).rejects.toBeInstanceOf(AuthRequiredError);
    expect((await world.auth.status()).google.state).toBe('sign-in-needed');
  });

  it('an unreachable sign-in page is a network error: the account stays signed in', async () => {
    const world = await signedIn();
    await world.auth.tokenSource('google').invalidate('ya29.t1');
    world.flow.answer = () => ({ ok: false, reason: 'unreachable', message: 'Authorization page could not be loaded.' });
    await expect(world.auth.tokenSource('google').getToken({ interactive: false })).rejects.toBeInstanceOf(NetworkError);
    expect((await world.auth.status()).google.state).toBe('signed-in');
  });

  it('an interactive sign-in after sign-in-needed makes the account signed in again', async () => {
    const world = await signedIn();
    await world.auth.tokenSource('google').invalidate('ya29.t1');
    world.flow.answer = (call) => googleAnswer(call, { error: 'interaction_required' });
    await expect(world.auth.tokenSource('google').getToken({ interactive: false })).rejects.toThrow();
    token(world, 3);
    expect(await world.auth.signIn('google')).toMatchObject({ state: 'signed-in', reason: null });
    expect(await world.auth.tokenSource('google').getToken({ interactive: false })).toBe('ya29.t3');
  });
});

describe('Google getAuthToken fast path', () => {
  const chrome = (get: () => Promise<string>) => {
    const removed: string[] = [];
    return { removed, identity: { get, remove: (t: string) => (removed.push(t), Promise.resolve()) } };
  };

  it('is used when the browser gives a token for the same account; invalidate() clears it from Chrome\u2019s cache', async () => {
    const fast = chrome(() => Promise.resolve('chrome-token'));
    const world = makeWorld({ chromeIdentity: fast.identity });
    token(world, 1);
    await world.auth.signIn('google');
    await world.auth.tokenSource('google').invalidate('ya29.t1');
    world.flow.calls.length = 0;
    expect(await world.auth.tokenSource('google').getToken({ interactive: false })).toBe('chrome-token');
    expect(world.flow.calls).toEqual([]);
    await world.auth.tokenSource('google').invalidate('chrome-token');
    expect(fast.removed).toEqual(['chrome-token']);
  });

  it('falls back to the web-auth flow where it fails (Chromium: "The user is not signed in.") and is not asked again', async () => {
    let asked = 0;
    const fast = chrome(() => (asked++, Promise.reject(new Error('The user is not signed in.'))));
    const world = makeWorld({ chromeIdentity: fast.identity });
    token(world, 1);
    await world.auth.signIn('google');
    const source = world.auth.tokenSource('google');
    for (const n of [2, 3]) {
      await source.invalidate(`ya29.t${n - 1}`);
      token(world, n);
      expect(await source.getToken({ interactive: false })).toBe(`ya29.t${n}`);
    }
    expect(asked).toBe(1);
  });

  it('is not used when Chrome\u2019s Google account is someone else', async () => {
    const fast = chrome(() => Promise.resolve('other-token'));
    const world = makeWorld({ chromeIdentity: fast.identity });
    token(world, 1);
    await world.auth.signIn('google');
    world.calendarOwner = (t) => (t === 'other-token' ? 'bob@gmail.example' : ANN_GOOGLE);
    await world.auth.tokenSource('google').invalidate('ya29.t1');
    token(world, 2);
    expect(await world.auth.tokenSource('google').getToken({ interactive: false })).toBe('ya29.t2');
  });
});
