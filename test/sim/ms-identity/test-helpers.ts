/** Helpers for the Microsoft identity simulator's tests: start it, run the code flow over HTTPS. */
import { createHash, randomBytes } from 'node:crypto';
import { SimClock } from '../core/clock.ts';
import { simulatorCertificate } from '../core/tls.ts';
import { TokenRegistry } from '../core/tokens.ts';
import { trustSimulatorCertificate } from '../core/trust.ts';
import { Browser, type BrowserResponse } from '../google-auth/test-helpers.ts';
import { MicrosoftIdentitySim } from './index.ts';

export { Browser, pendingIdOf, type BrowserResponse } from '../google-auth/test-helpers.ts';

export const SPA_CLIENT = '11111111-2222-4333-8444-555555555555';
export const WEB_CLIENT = '66666666-7777-4888-9999-000000000000';
export const DESKTOP_CLIENT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
export const REDIRECT_URI = 'https://nlbikdfbadfllbfnnjfbffaihjhkbomc.chromiumapp.org/';
export const ORIGIN = 'chrome-extension://nlbikdfbadfllbfnnjfbffaihjhkbomc';
export const OTHER_TENANT = '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
export const SCOPE = 'Calendars.ReadWrite openid profile offline_access';
export const WORK = 'ann@contoso.example';
export const PERSONAL = 'pat@outlook.example';

export interface MsFixture {
  readonly sim: MicrosoftIdentitySim;
  readonly clock: SimClock;
  readonly tokens: TokenRegistry;
  readonly url: string;
}

export async function startMsIdentity(options: { spaRefreshTokenLifetimeMs?: number } = {}): Promise<MsFixture> {
  trustSimulatorCertificate(await simulatorCertificate());
  const clock = new SimClock();
  clock.freeze();
  const tokens = new TokenRegistry(clock);
  const sim = new MicrosoftIdentitySim({ clock, tokens, ...options });
  sim.registerClient({ clientId: SPA_CLIENT, name: 'Tandem', platform: 'spa', redirectUris: [REDIRECT_URI] });
  sim.registerClient({ clientId: WEB_CLIENT, name: 'Web app', platform: 'web', redirectUris: ['https://web.example/callback'], clientSecret: 's3cret' });
  sim.registerClient({ clientId: DESKTOP_CLIENT, name: 'Desktop', platform: 'mobile-desktop', redirectUris: ['http://localhost'] });
  sim.addAccount({ upn: WORK, name: 'Ann Contoso' });
  sim.addAccount({ upn: PERSONAL, name: 'Pat Personal', kind: 'personal' });
  sim.addAccount({ upn: 'olga@fabrikam.example', name: 'Olga Fabrikam', tenantId: OTHER_TENANT });
  const url = await sim.listen();
  return { sim, clock, tokens, url };
}

export interface Pkce {
  readonly verifier: string;
  readonly challenge: string;
}

export function pkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(base: string, params: Record<string, string>, tenant = 'common'): string {
  const query = new URLSearchParams({
    client_id: SPA_CLIENT,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    response_mode: 'fragment',
    scope: SCOPE,
    state: 'st-1',
    nonce: 'n-1',
    code_challenge_method: 'S256',
    client_info: '1',
    'x-client-SKU': 'msal.js.browser',
    'x-client-VER': '5.29.0',
    ...params,
  });
  for (const [name, value] of Object.entries(params)) if (value === '') query.delete(name);
  return `${base}/${tenant}/oauth2/v2.0/authorize?${query.toString()}`;
}

export async function postToken(base: string, form: Record<string, string>, options: { origin?: string | null; tenant?: string; query?: string } = {}): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' };
  const origin = options.origin === undefined ? ORIGIN : options.origin;
  if (origin !== null) headers['origin'] = origin;
  const res = await fetch(`${base}/${options.tenant ?? 'common'}/oauth2/v2.0/token${options.query ?? ''}`, { method: 'POST', headers, body: new URLSearchParams(form) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

/** Interactive sign-in with auto sign-in set; returns the redirect and the PKCE pair used. */
export async function authorizeCode(f: MsFixture, browser: Browser, upn: string, params: Record<string, string> = {}, tenant = 'common'): Promise<{ res: BrowserResponse; pkce: Pkce }> {
  const pair = pkce();
  f.sim.setAutoSignIn(upn);
  const res = await browser.get(authorizeUrl(f.url, { code_challenge: pair.challenge, ...params }, tenant));
  f.sim.setAutoSignIn(null);
  return { res, pkce: pair };
}

export function redeemForm(code: string, verifier: string, extra: Record<string, string> = {}): Record<string, string> {
  return { client_id: SPA_CLIENT, grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier, scope: SCOPE, client_info: '1', ...extra };
}

/** Full sign-in → token response (SPA client, from the extension origin). */
export async function signIn(f: MsFixture, upn = WORK): Promise<Record<string, unknown>> {
  const { res, pkce: pair } = await authorizeCode(f, new Browser(), upn);
  const token = await postToken(f.url, redeemForm(res.fragment.get('code')!, pair.verifier));
  if (token.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(token.body)}`);
  return token.body;
}

export function jwtClaims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** The AADSTS number of an error response or redirect description. */
export function aadsts(description: unknown): number {
  const match = /^AADSTS(\d+):/.exec(String(description));
  return match ? Number(match[1]) : NaN;
}
