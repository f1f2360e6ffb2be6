/**
 * Proof with the real library: @azure/msal-browser 5.29 (its browser bundle) in Debian Chromium
 * against the Microsoft identity simulator. A tiny test page on its own loopback HTTPS origin runs
 * a PublicClientApplication configured with the simulator's authority metadata and cloud
 * discovery metadata, so MSAL makes no call beyond loopback; the page's origin differs from the
 * simulator's, so the token POSTs are real cross-origin (SPA) redemptions.
 */
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AuthenticationResult, PublicClientApplication } from '@azure/msal-browser';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimClock } from '../sim/core/clock.ts';
import { simulatorCertificate, type TlsMaterial } from '../sim/core/tls.ts';
import { TokenRegistry } from '../sim/core/tokens.ts';
import { MicrosoftIdentitySim } from '../sim/ms-identity/index.ts';
import { launchChromium } from './harness/chromium.ts';

const CLIENT_ID = '3f2c9a7e-1b4d-4c8e-9f60-7a1b2c3d4e5f';
const USER = 'ann@contoso.example';
const SCOPES = ['Calendars.ReadWrite'];
const MSAL_BUNDLE = path.resolve(import.meta.dirname, '../../node_modules/@azure/msal-browser/lib/msal-browser.min.js');

/** What the page reports after handleRedirectPromise(). */
type RedirectOutcome =
  | { readonly ok: true; readonly result: { readonly username: string; readonly idToken: string; readonly nonce: unknown; readonly aud: unknown; readonly accessToken: string } | null }
  | { readonly ok: false; readonly name: string; readonly errorCode: string; readonly interactionRequired: boolean };

interface TestWindow {
  pca: PublicClientApplication;
  redirectOutcome: Promise<RedirectOutcome>;
  stale?: boolean;
}

/** The page's script: build the PCA from the embedded config and settle any redirect response. */
const APP_JS = `
const config = JSON.parse(document.getElementById('config').textContent);
const pca = new msal.PublicClientApplication({
  auth: {
    clientId: config.clientId,
    authority: config.authority,
    knownAuthorities: [config.authorityHost],
    authorityMetadata: config.authorityMetadata,
    cloudDiscoveryMetadata: config.cloudDiscoveryMetadata,
    redirectUri: config.redirectUri,
  },
  cache: { cacheLocation: 'sessionStorage' },
});
window.pca = pca;
window.redirectOutcome = pca.initialize()
  .then(() => pca.handleRedirectPromise({ navigateToLoginRequestUrl: false }))
  .then(
    (r) => ({ ok: true, result: r && { username: r.account.username, idToken: r.idToken, nonce: r.idTokenClaims.nonce, aud: r.idTokenClaims.aud, accessToken: r.accessToken } }),
    (e) => ({ ok: false, name: e.name, errorCode: e.errorCode, interactionRequired: e instanceof msal.InteractionRequiredAuthError }),
  );
`;

describe('MSAL 5.29 in Chromium against the Microsoft identity simulator', () => {
  let clock: SimClock;
  let tokens: TokenRegistry;
  let sim: MicrosoftIdentitySim;
  let web: https.Server;
  let webOrigin: string;
  let context: BrowserContext;
  let page: Page;
  const requested: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const tls = await simulatorCertificate();
    clock = new SimClock();
    tokens = new TokenRegistry(clock);
    sim = new MicrosoftIdentitySim({ clock, tokens, tls });
    await sim.listen();
    web = await startTestPageServer(tls, () => pageHtml(sim, webOrigin));
    webOrigin = `https://127.0.0.1:${(web.address() as AddressInfo).port}`;
    sim.registerClient({ clientId: CLIENT_ID, name: 'Tandem e2e', platform: 'spa', redirectUris: [`${webOrigin}/`] });
    sim.addAccount({ upn: USER, name: 'Ann Contoso' });
    context = await launchChromium();
    context.on('request', (request) => requested.push(request.url()));
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${webOrigin}/`);
    expect(await outcome(page)).toEqual({ ok: true, result: null });
  });

  afterAll(async () => {
    await context?.close();
    await new Promise<void>((resolve) => (web ? web.close(() => resolve()) : resolve()));
    await sim?.close();
  });

  it('loginRedirect → handleRedirectPromise returns the account and an id_token whose nonce MSAL checked', async () => {
    sim.setAutoSignIn(USER);
    const result = await redirectAndSettle(page, () => void (window as unknown as TestWindow).pca.loginRedirect({ scopes: ['Calendars.ReadWrite'] }));
    sim.setAutoSignIn(null);
    expect(result.ok).toBe(true);
    const signedIn = result.ok ? result.result : null;
    expect(signedIn?.username).toBe(USER);
    expect(signedIn?.aud).toBe(CLIENT_ID);
    const authorize = sim.log.all().find((e) => e.path === '/common/oauth2/v2.0/authorize');
    expect(signedIn?.nonce).toBe(new URLSearchParams(authorize?.query).get('nonce'));
    expect(signedIn?.idToken.split('.')).toHaveLength(3);
    expect(tokens.check(`Bearer ${signedIn?.accessToken ?? ''}`, 'microsoft-graph').ok).toBe(true);
    expect(sim.counters.tokenRequests.authorization_code).toBe(1);
  });

  it('acquireTokenSilent is served from the cache', async () => {
    const mark = sim.log.mark();
    const result = await silent(page, false);
    expect(result.fromCache).toBe(true);
    expect(sim.log.since(mark)).toEqual([]);
  });

  it('acquireTokenSilent({ forceRefresh: true }) redeems the refresh token', async () => {
    const mark = sim.log.mark();
    const result = await silent(page, true);
    expect(result.fromCache).toBe(false);
    expect(sim.counters.tokenRequests.refresh_token).toBe(1);
    expect(sim.log.since(mark).filter((e) => e.method === 'POST')).toMatchObject([{ path: '/common/oauth2/v2.0/token', status: 200, account: USER }]);
    expect(tokens.check(`Bearer ${result.accessToken}`, 'microsoft-graph').ok).toBe(true);
  });

  it('a prompt=none redirect renews from the session cookie the browser kept', async () => {
    const signInsBefore = sim.counters.interactiveSignIns;
    const result = await redirectAndSettle(page, () => {
      const pca = (window as unknown as TestWindow).pca;
      void pca.acquireTokenRedirect({ scopes: ['Calendars.ReadWrite'], account: pca.getAllAccounts()[0]!, prompt: 'none' });
    });
    expect(result).toMatchObject({ ok: true, result: { username: USER } });
    expect(sim.counters.interactiveSignIns).toBe(signInsBefore);
    expect(sim.counters.silentAuthorizeRequests).toBe(1);
  });

  it('after endAllSessions() and a cache clear, a prompt=none redirect yields InteractionRequiredAuthError', async () => {
    sim.endAllSessions();
    await page.evaluate(() => (window as unknown as TestWindow).pca.clearCache());
    const result = await redirectAndSettle(page, (loginHint: string) => {
      void (window as unknown as TestWindow).pca.acquireTokenRedirect({ scopes: ['Calendars.ReadWrite'], loginHint, prompt: 'none' });
    }, USER);
    // Entra answers a silent request without a session with login_required (AADSTS50058), one of
    // the codes MSAL raises as InteractionRequiredAuthError.
    expect(result).toEqual({ ok: false, name: 'InteractionRequiredAuthError', errorCode: 'login_required', interactionRequired: true });
  });

  it('never left loopback, and the page threw nothing', () => {
    const http = requested.filter((url) => url.startsWith('http'));
    expect(http.length).toBeGreaterThan(0);
    expect(http.filter((url) => new URL(url).hostname !== '127.0.0.1')).toEqual([]);
    expect(http.some((url) => url.includes('/discovery/instance') || url.includes('openid-configuration'))).toBe(false);
    expect(pageErrors).toEqual([]);
    expect(sim.server.internalErrors).toEqual([]);
  });

  async function silent(target: Page, forceRefresh: boolean): Promise<Pick<AuthenticationResult, 'fromCache' | 'accessToken'>> {
    return target.evaluate(async ({ scopes, force }) => {
      const pca = (window as unknown as TestWindow).pca;
      const r = await pca.acquireTokenSilent({ scopes, account: pca.getAllAccounts()[0]!, forceRefresh: force });
      return { fromCache: r.fromCache, accessToken: r.accessToken };
    }, { scopes: SCOPES, force: forceRefresh });
  }
});

/** Starts a redirect in the page and waits for the page it lands on to settle handleRedirectPromise(). */
async function redirectAndSettle(page: Page, start: (arg: string) => void, arg = ''): Promise<RedirectOutcome> {
  await page.evaluate(() => {
    (window as unknown as TestWindow).stale = true;
  });
  await page.evaluate(start, arg).catch(() => undefined); // the navigation may tear the context down first
  for (let attempt = 0; attempt < 150; attempt++) {
    const settled = await outcome(page, true).catch(() => undefined);
    if (settled) return settled;
    await sleep(100);
  }
  throw new Error('The redirect never came back to the test page');
}

function outcome(page: Page, freshPageOnly = false): Promise<RedirectOutcome | undefined> {
  return page.evaluate((fresh) => {
    const w = window as unknown as TestWindow;
    return fresh && w.stale ? undefined : w.redirectOutcome;
  }, freshPageOnly);
}

function pageHtml(sim: MicrosoftIdentitySim, origin: string): string {
  const config = {
    clientId: CLIENT_ID,
    authority: sim.authority,
    authorityHost: new URL(sim.url).host,
    redirectUri: `${origin}/`,
    ...sim.msalMetadata(),
  };
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>MSAL test page</title></head>' +
    `<body><main><h1>MSAL test page</h1></main><script id="config" type="application/json">${json}</script>` +
    '<script src="/msal-browser.js"></script><script src="/app.js"></script></body></html>'
  );
}

/** The test page's own origin: its page, MSAL's browser bundle and the page script. */
async function startTestPageServer(tls: TlsMaterial, html: () => string): Promise<https.Server> {
  const bundle = readFileSync(MSAL_BUNDLE);
  const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const pathname = new URL(req.url ?? '/', 'https://127.0.0.1').pathname;
    if (pathname === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html());
    else if (pathname === '/msal-browser.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    else if (pathname === '/app.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(APP_JS);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
