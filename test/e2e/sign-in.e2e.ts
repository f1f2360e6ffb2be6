/**
 * Sign-in end to end, with the real flows and no injected token: the simulator build in Chromium
 * signs in to the simulated Google (implicit flow) and Microsoft identity platform (auth code +
 * PKCE, MSAL in the offscreen document) through chrome.identity.launchWebAuthFlow, renews
 * silently when tokens and refresh tokens expire, turns "sign-in needed" when renewal is
 * impossible, and never lets a content script near a token. Driven from the options page with the
 * UI's own messages.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFSCREEN_TARGET } from '../../src/background/offscreen/protocol.ts';
import { EXTENSION_REDIRECT_URI, startSimulators, type Simulators } from '../sim/index.ts';
import { launchExtension, type ExtensionSession } from './harness/extension.ts';
import { ask } from './harness/messages.ts';
import { evaluateInContentScript } from './harness/content-script.ts';

const GOOGLE_USER = 'robin.diaz@gmail.com';
const MS_USER = 'robin.diaz@contoso.com';
const HOUR = 3_600_000;

describe('sign-in in real Chromium against the simulated identity servers', () => {
  let sims: Simulators;
  let session: ExtensionSession;
  let options: Page;

  beforeAll(async () => {
    sims = await startSimulators({ ports: 'default' });
    sims.googleAuth.addAccount({ email: GOOGLE_USER, name: 'Robin Diaz' });
    sims.msIdentity.addAccount({ upn: MS_USER, name: 'Robin Diaz', kind: 'work' });
    sims.google.addUser(GOOGLE_USER, { name: 'Robin Diaz', timeZone: 'Europe/Madrid' });
    sims.graph.addMailbox(MS_USER, { displayName: 'Robin Diaz', timeZone: 'Romance Standard Time' });
    // The simulated sign-in pages complete at once for this account, as a user clicking through.
    sims.googleAuth.setAutoSignIn(GOOGLE_USER);
    sims.msIdentity.setAutoSignIn(MS_USER);
    session = await launchExtension();
    options = await session.openOptions();
  });

  afterAll(async () => {
    await session?.close();
    await sims?.close();
  });

  const storage = (area: 'local' | 'session'): Promise<Record<string, unknown>> => session.worker.evaluate((a) => chrome.storage[a].get(null), area);
  const offscreenDocuments = (): Promise<number> =>
    session.worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] })).length);
  const calendarsOf = async (provider: 'google' | 'microsoft'): Promise<string[]> => (await ask(options, 'calendars/list', { provider })).map((c) => c.name);

  it('starts signed out', async () => {
    expect(await ask(options, 'accounts/get')).toEqual({
      google: { provider: 'google', state: 'signed-out', address: null, reason: null },
      microsoft: { provider: 'microsoft', state: 'signed-out', address: null, reason: null },
    });
  });

  it('Google: the implicit flow through the simulated sign-in, the address from the Calendar API', async () => {
    expect(await ask(options, 'accounts/signIn', { provider: 'google' })).toEqual({ provider: 'google', state: 'signed-in', address: GOOGLE_USER, reason: null });
    expect(sims.googleAuth.counters).toMatchObject({ authorizeRequests: 1, interactiveSignIns: 1, tokensIssued: 1 });
    const authorize = new URLSearchParams(sims.googleAuth.log.all().find((e) => e.path === '/o/oauth2/v2/auth')?.query);
    expect(Object.fromEntries(authorize)).toMatchObject({
      response_type: 'token',
      scope: 'https://www.googleapis.com/auth/calendar',
      redirect_uri: EXTENSION_REDIRECT_URI,
      prompt: 'select_account',
    });
    expect(authorize.get('state')).toMatch(/^[0-9a-f]{48}$/);
    // The token is in session storage, and Google's Calendar API accepts it.
    const stored = (await storage('session'))['auth/google/token'] as { token: string };
    expect(sims.tokens.check(`Bearer ${stored.token}`, 'google-calendar').ok).toBe(true);
    expect(await calendarsOf('google')).toEqual([GOOGLE_USER]);
  });

  it('Microsoft: auth code + PKCE through the simulated identity platform, with MSAL in the offscreen document', async () => {
    expect(await ask(options, 'accounts/signIn', { provider: 'microsoft' })).toEqual({ provider: 'microsoft', state: 'signed-in', address: MS_USER, reason: null });
    expect(sims.msIdentity.counters).toMatchObject({ interactiveSignIns: 1, codesIssued: 1, tokenRequests: { authorization_code: 1, refresh_token: 0 }, tokenErrors: 0 });
    const authorize = new URLSearchParams(sims.msIdentity.log.all().find((e) => e.path === '/common/oauth2/v2.0/authorize')?.query);
    expect(authorize.get('code_challenge_method')).toBe('S256');
    expect(authorize.get('redirect_uri')).toBe(EXTENSION_REDIRECT_URI);
    expect(authorize.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['Calendars.ReadWrite', 'User.Read', 'MailboxSettings.Read', 'openid', 'offline_access']));
    expect(await offscreenDocuments()).toBe(1);
    expect(await calendarsOf('microsoft')).toEqual(['Calendar']);
    const accounts = await ask(options, 'accounts/get');
    expect([accounts.google.state, accounts.microsoft.state]).toEqual(['signed-in', 'signed-in']);
  });

  it('keeps no token in storage.local; a content script can read neither storage area nor get a token from the MSAL host', async () => {
    const local = await storage('local');
    expect(local['auth/microsoft']).toEqual({ address: MS_USER, homeAccountId: expect.any(String) as string, reason: null });
    expect(local['auth/google']).toEqual({ address: GOOGLE_USER, homeAccountId: null, reason: null });
    for (const value of strings(local)) {
      expect(sims.tokens.check(`Bearer ${value}`, 'google-calendar').ok).toBe(false);
      expect(sims.tokens.check(`Bearer ${value}`, 'microsoft-graph').ok).toBe(false);
    }
    expect(Object.keys(await storage('session'))).toEqual(['auth/google/token']);

    const page = await session.open(sims.web.show({ app: 'google', calendarId: GOOGLE_USER, title: 'Robin (simulated Google Calendar)' }));
    const homeAccountId = (local['auth/microsoft'] as { homeAccountId: string }).homeAccountId;
    const forged = { target: OFFSCREEN_TARGET, v: 1, kind: 'silent', homeAccountId, forceRefresh: false, setup: { clientId: '7c3e6b1f-5d0a-4b8e-9a61-2f4d8c9e0b17', authority: sims.endpoints.msAuthority, redirectUri: EXTENSION_REDIRECT_URI, knownAuthorities: [new URL(sims.endpoints.msAuthority).host] } };
    const seen = await evaluateInContentScript(session, page, `(async () => {
      const out = {};
      for (const area of ['session', 'local']) {
        try { out[area] = { ok: true, value: await chrome.storage[area].get(null) }; }
        catch (e) { out[area] = { ok: false, error: String(e && e.message || e) }; }
      }
      try { out.offscreen = { ok: true, value: (await chrome.runtime.sendMessage(${JSON.stringify(forged)})) ?? null }; }
      catch (e) { out.offscreen = { ok: false, error: String(e && e.message || e) }; }
      return out;
    })()`);
    expect(seen['session']).toEqual({ ok: false, error: expect.stringContaining('Access to storage is not allowed from this context') as string });
    // storage.local is locked to trusted contexts at start-up; were it not, it still holds no token.
    expect(seen['local']).toEqual({ ok: false, error: expect.stringContaining('Access to storage is not allowed from this context') as string });
    expect(JSON.stringify(seen['offscreen'])).not.toContain('accessToken');
    await page.close();
  });

  it('when access tokens expire, renews through the refresh token (Microsoft) and prompt=none (Google)', async () => {
    const ms = structuredClone(sims.msIdentity.counters);
    const google = structuredClone(sims.googleAuth.counters);
    sims.clock.advance(2 * HOUR);
    expect(await calendarsOf('microsoft')).toEqual(['Calendar']);
    expect(await calendarsOf('google')).toEqual([GOOGLE_USER]);
    expect(sims.msIdentity.counters.tokenRequests.refresh_token).toBe(ms.tokenRequests.refresh_token + 1);
    expect(sims.msIdentity.counters.authorizeRequests).toBe(ms.authorizeRequests);
    expect(sims.googleAuth.counters.silentRequests).toBe(google.silentRequests + 1);
    expect(sims.googleAuth.counters.interactiveSignIns).toBe(google.interactiveSignIns);
  });

  it('when the refresh token expires (24 h), renews with prompt=none in a non-interactive web-auth flow', async () => {
    const ms = structuredClone(sims.msIdentity.counters);
    sims.clock.advance(25 * HOUR);
    expect(await calendarsOf('microsoft')).toEqual(['Calendar']);
    expect(sims.msIdentity.counters.silentAuthorizeRequests).toBe(ms.silentAuthorizeRequests + 1);
    expect(sims.msIdentity.counters.tokenRequests.authorization_code).toBe(ms.tokenRequests.authorization_code + 1);
    expect(sims.msIdentity.counters.interactiveSignIns).toBe(ms.interactiveSignIns);
    expect((await ask(options, 'accounts/get')).microsoft.state).toBe('signed-in');
  });

  it('recreates a closed offscreen document; its lost MSAL cache is rebuilt with prompt=none', async () => {
    await session.worker.evaluate(() => chrome.offscreen.closeDocument());
    expect(await offscreenDocuments()).toBe(0);
    const ms = structuredClone(sims.msIdentity.counters);
    sims.clock.advance(2 * HOUR);
    expect(await calendarsOf('microsoft')).toEqual(['Calendar']);
    expect(await offscreenDocuments()).toBe(1);
    expect(sims.msIdentity.counters.silentAuthorizeRequests).toBe(ms.silentAuthorizeRequests + 1);
    expect(sims.msIdentity.counters.interactiveSignIns).toBe(ms.interactiveSignIns);
  });

  it('when renewal is impossible, both accounts turn "sign-in needed" with a reason — and a click signs in again', async () => {
    const interactive = [sims.googleAuth.counters.interactiveSignIns, sims.msIdentity.counters.interactiveSignIns];
    sims.msIdentity.revoke(MS_USER); // tokens, refresh tokens and browser sessions die
    sims.googleAuth.revoke(GOOGLE_USER); // tokens die and the grant is gone (prompt=none: consent_required)
    await expect(calendarsOf('microsoft')).rejects.toThrow();
    await expect(calendarsOf('google')).rejects.toThrow();
    const accounts = await ask(options, 'accounts/get');
    expect(accounts.microsoft).toMatchObject({ state: 'sign-in-needed', address: MS_USER, reason: expect.stringMatching(/Microsoft sign-in has expired/) as string });
    expect(accounts.google).toMatchObject({ state: 'sign-in-needed', address: GOOGLE_USER, reason: expect.stringMatching(/Google sign-in has expired/) as string });
    // The background never opened a sign-in window on its own.
    expect([sims.googleAuth.counters.interactiveSignIns, sims.msIdentity.counters.interactiveSignIns]).toEqual(interactive);

    expect(await ask(options, 'accounts/signIn', { provider: 'microsoft' })).toMatchObject({ state: 'signed-in', address: MS_USER });
    expect(await ask(options, 'accounts/signIn', { provider: 'google' })).toMatchObject({ state: 'signed-in', address: GOOGLE_USER });
    expect(await calendarsOf('microsoft')).toEqual(['Calendar']);
    expect(await calendarsOf('google')).toEqual([GOOGLE_USER]);
  });

  it('signs out: the accounts are forgotten and the Google token leaves session storage', async () => {
    expect(await ask(options, 'accounts/signOut', { provider: 'google' })).toEqual({ provider: 'google', state: 'signed-out', address: null, reason: null });
    expect(await ask(options, 'accounts/signOut', { provider: 'microsoft' })).toEqual({ provider: 'microsoft', state: 'signed-out', address: null, reason: null });
    expect(await storage('session')).toEqual({});
    expect(Object.keys(await storage('local')).filter((k) => k.startsWith('auth/'))).toEqual([]);
    await expect(calendarsOf('microsoft')).rejects.toThrow();
  });

  it('logged no error in any page, the worker or the simulators', () => {
    expect(session.problems).toEqual([]);
    expect([...sims.msIdentity.server.internalErrors, ...sims.googleAuth.server.internalErrors]).toEqual([]);
  });
});

/** Every string anywhere in a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}
