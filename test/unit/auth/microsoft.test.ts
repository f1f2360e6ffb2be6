import { describe, expect, it } from 'vitest';
import { ACCOUNT_KEYS } from '../../../src/background/auth/accounts.ts';
import { authorityFor } from '../../../src/background/auth/microsoft.ts';
import type { OffscreenRequest } from '../../../src/background/offscreen/protocol.ts';
import { AuthRequiredError, NetworkError } from '../../../src/background/sync/errors.ts';
import { ANN_MS, dump, makeWorld, msFailure, REDIRECT, type World } from './fakes.ts';

const CODE_ANSWER = `${REDIRECT}#code=abc&client_info=xyz&state=s1`;

function codeFlow(world: World): void {
  world.flow.answer = () => ({ ok: true, url: CODE_ANSWER });
}

async function signedIn(options: { simulatorBuild?: boolean } = {}): Promise<World> {
  const world = makeWorld(options);
  codeFlow(world);
  await world.auth.signIn('microsoft');
  world.flow.calls.length = 0;
  world.msal.requests.length = 0;
  return world;
}

function ofKind<K extends OffscreenRequest['kind']>(world: World, kind: K): Extract<OffscreenRequest, { kind: K }>[] {
  return world.msal.requests.filter((r): r is Extract<OffscreenRequest, { kind: K }> => r.kind === kind);
}

describe('Microsoft authority', () => {
  it('replaces the build authority\u2019s tenant segment with the configured tenant', () => {
    expect(authorityFor('https://login.microsoftonline.com/common', 'contoso.onmicrosoft.com')).toBe('https://login.microsoftonline.com/contoso.onmicrosoft.com');
    expect(authorityFor('https://127.0.0.1:27804/common', 'organizations')).toBe('https://127.0.0.1:27804/organizations');
    expect(authorityFor('https://login.microsoftonline.us/common/', '')).toBe('https://login.microsoftonline.us/common');
  });
});

describe('Microsoft sign-in (interactive)', () => {
  it('gets the URL from MSAL, runs it in a window and hands the answer back; keeps only the address and account id', async () => {
    const world = makeWorld();
    codeFlow(world);
    const status = await world.auth.signIn('microsoft');
    expect(status).toEqual({ provider: 'microsoft', state: 'signed-in', address: ANN_MS, reason: null });
    expect(world.msal.kinds()).toEqual(['authorize-url', 'redeem']);
    const [prepare] = ofKind(world, 'authorize-url');
    expect(prepare).toMatchObject({ prompt: 'select_account', loginHint: null, setup: { clientId: 'ms-client', authority: 'https://login.example/common', redirectUri: REDIRECT, knownAuthorities: [] } });
    expect(world.flow.calls).toHaveLength(1);
    expect(world.flow.calls[0]?.interactive).toBe(true);
    expect(world.flow.calls[0]?.url.searchParams.get('prompt')).toBe('select_account');
    expect(ofKind(world, 'redeem')[0]?.response).toBe('#code=abc&client_info=xyz&state=s1');
    expect(world.local.data.get(ACCOUNT_KEYS.microsoft)).toEqual({ address: ANN_MS, homeAccountId: 'uid-1.tid-1', reason: null });
    expect(dump(world.local)).not.toContain('ms-token');
    expect(dump(world.session)).not.toContain('ms-token');
  });

  it('uses the tenant setting, and trusts the authority host in the simulator build', async () => {
    const world = makeWorld({ simulatorBuild: true });
    world.clients = { ...world.clients, microsoftTenant: 'contoso.example' };
    codeFlow(world);
    await world.auth.signIn('microsoft');
    expect(ofKind(world, 'authorize-url')[0]?.setup).toMatchObject({ authority: 'https://login.example/contoso.example', knownAuthorities: ['login.example'] });
  });

  it('tells MSAL to drop the interaction when the window is closed, and says so', async () => {
    const world = makeWorld();
    world.flow.answer = () => ({ ok: false, reason: 'cancelled', message: 'The user did not approve access.' });
    await expect(world.auth.signIn('microsoft')).rejects.toThrow(/window was closed/);
    expect(world.msal.kinds()).toEqual(['authorize-url', 'abandon']);
    expect((await world.auth.status()).microsoft.state).toBe('signed-out');
  });

  it('explains the admin-consent case', async () => {
    const world = makeWorld();
    codeFlow(world);
    world.msal.redeem = () => msFailure('failed', 'access_denied', '65001');
    await expect(world.auth.signIn('microsoft')).rejects.toThrow(/administrator to approve Tandem/);
  });

  it('needs a client id', async () => {
    const world = makeWorld();
    world.clients = { ...world.clients, microsoftClientId: '' };
    await expect(world.auth.signIn('microsoft')).rejects.toThrow(/No Microsoft application \(client\) id/);
    expect(world.msal.requests).toEqual([]);
  });

  it('signs out: MSAL forgets the account, the token in memory is dropped', async () => {
    const world = await signedIn();
    expect(await world.auth.signOut('microsoft')).toMatchObject({ state: 'signed-out', address: null });
    expect(ofKind(world, 'forget')[0]?.homeAccountId).toBe('uid-1.tid-1');
    await expect(world.auth.tokenSource('microsoft').getToken({ interactive: false })).rejects.toBeInstanceOf(AuthRequiredError);
  });
});

describe('Microsoft token source (silent)', () => {
  it('serves the token from memory, asks MSAL (cache, refresh token) 5 minutes before expiry', async () => {
    const world = await signedIn();
    const source = world.auth.tokenSource('microsoft');
    expect(await source.getToken({ interactive: false })).toBe('ms-token-1');
    expect(world.msal.requests).toEqual([]);
    world.clock.time += 56 * 60_000;
    expect(await source.getToken({ interactive: false })).toBe('ms-token-2');
    expect(ofKind(world, 'silent')).toMatchObject([{ homeAccountId: 'uid-1.tid-1', forceRefresh: false }]);
    expect(world.flow.calls).toEqual([]);
  });

  it('invalidate() after a 401 makes MSAL skip its cached access token', async () => {
    const world = await signedIn();
    const source = world.auth.tokenSource('microsoft');
    await source.invalidate('ms-token-1');
    expect(await source.getToken({ interactive: false })).toBe('ms-token-2');
    expect(ofKind(world, 'silent')).toMatchObject([{ forceRefresh: true }]);
    expect(await source.getToken({ interactive: false })).toBe('ms-token-2');
    expect(ofKind(world, 'silent')).toHaveLength(1);
  });

  it.each([
    ['the refresh token expired', msFailure('interaction-required', 'invalid_grant', '700084')],
    ['the offscreen document was recreated (empty cache)', msFailure('no-account', 'no_account_error')],
  ])('renews with prompt=none in a non-interactive flow when %s', async (_case, failure) => {
    const world = await signedIn();
    world.msal.silent = () => failure;
    codeFlow(world);
    await world.auth.tokenSource('microsoft').invalidate('ms-token-1');
    expect(await world.auth.tokenSource('microsoft').getToken({ interactive: false })).toBe('ms-token-2');
    expect(world.msal.kinds()).toEqual(['silent', 'authorize-url', 'redeem']);
    expect(ofKind(world, 'authorize-url')[0]).toMatchObject({ prompt: 'none', loginHint: ANN_MS, homeAccountId: 'uid-1.tid-1' });
    expect(world.flow.calls.map((c) => c.interactive)).toEqual([false]);
    expect((await world.auth.status()).microsoft.state).toBe('signed-in');
  });

  it('when prompt=none fails too: sign-in-needed with a reason, AuthRequiredError, never a window', async () => {
    const world = await signedIn();
    world.msal.silent = () => msFailure('interaction-required', 'invalid_grant', '50173');
    world.msal.redeem = () => msFailure('interaction-required', 'login_required', '50058');
    codeFlow(world);
    const source = world.auth.tokenSource('microsoft');
    await source.invalidate('ms-token-1');
    await expect(source.getToken({ interactive: false })).rejects.toBeInstanceOf(AuthRequiredError);
    const status = (await world.auth.status()).microsoft;
    expect(status).toMatchObject({ state: 'sign-in-needed', address: ANN_MS });
    expect(status.reason).toMatch(/Microsoft sign-in has expired/);
    expect(world.changes.at(-1)?.microsoft.state).toBe('sign-in-needed');
    await expect(source.getToken({ interactive: false })).rejects.toBeInstanceOf(AuthRequiredError);
    expect(world.flow.calls.map((c) => c.interactive)).toEqual([false]);
  });

  it('a silent web-auth flow that would need the user: MSAL drops the interaction, the account needs sign-in', async () => {
    const world = await signedIn();
    world.msal.silent = () => msFailure('interaction-required', 'invalid_grant');
    world.flow.answer = () => ({ ok: false, reason: 'interaction-required', message: 'User interaction required.' });
    await world.auth.tokenSource('microsoft').invalidate('ms-token-1');
    await expect(world.auth.tokenSource('microsoft').getToken({ interactive: false })).rejects.toBeInstanceOf(AuthRequiredError);
    expect(world.msal.kinds()).toEqual(['silent', 'authorize-url', 'abandon']);
  });

  it('a network failure is transient: NetworkError, the account stays signed in', async () => {
    const world = await signedIn();
    world.msal.silent = () => msFailure('network', 'no_network_connectivity');
    await world.auth.tokenSource('microsoft').invalidate('ms-token-1');
    await expect(world.auth.tokenSource('microsoft').getToken({ interactive: false })).rejects.toBeInstanceOf(NetworkError);
    expect((await world.auth.status()).microsoft.state).toBe('signed-in');
    expect(world.flow.calls).toEqual([]);
  });

  it('refuses a silent answer for another account', async () => {
    const world = await signedIn();
    world.msal.silent = () => world.msal.grant({ username: 'bob@contoso.example' });
    world.msal.redeem = () => world.msal.grant({ username: 'bob@contoso.example' });
    codeFlow(world);
    await world.auth.tokenSource('microsoft').invalidate('ms-token-1');
    await expect(world.auth.tokenSource('microsoft').getToken({ interactive: false })).rejects.toBeInstanceOf(AuthRequiredError);
  });

  it('one renewal for concurrent callers', async () => {
    const world = await signedIn();
    await world.auth.tokenSource('microsoft').invalidate('ms-token-1');
    const tokens = await Promise.all([1, 2, 3].map(() => world.auth.tokenSource('microsoft').getToken({ interactive: false })));
    expect(new Set(tokens)).toEqual(new Set(['ms-token-2']));
    expect(ofKind(world, 'silent')).toHaveLength(1);
  });
});
