/** Fakes for sign-in's browser seam: web-auth flow, storage areas, MSAL offscreen host, fetch. */
import type { AuthPlatform, ChromeIdentityTokens, WebAuthOutcome } from '../../../src/background/auth/platform.ts';
import { createAuthService } from '../../../src/background/auth/service.ts';
import type { AccountsSnapshot, AuthDeps, AuthService, ClientConfig } from '../../../src/background/auth/types.ts';
import { isOffscreenRequest, type MsalGrant, type OffscreenReply, type OffscreenRequest } from '../../../src/background/offscreen/protocol.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { FakeArea, FakeClock } from '../runtime/fakes.ts';

export const REDIRECT = 'https://nlbikdfbadfllbfnnjfbffaihjhkbomc.chromiumapp.org/';
export const GOOGLE_AUTH = 'https://accounts.example/o/oauth2/v2/auth';
export const GOOGLE_API = 'https://calendar.example/calendar/v3';
export const MS_AUTHORITY = 'https://login.example/common';
export const ANN_GOOGLE = 'ann@gmail.example';
export const ANN_MS = 'ann@contoso.example';

export interface FlowCall {
  readonly url: URL;
  readonly interactive: boolean;
}

/** A web-auth flow whose answer each test scripts; every call is recorded. */
export class FakeWebAuth {
  readonly calls: FlowCall[] = [];
  answer: (call: FlowCall) => WebAuthOutcome = () => ({ ok: false, reason: 'failed', message: 'no answer scripted' });

  readonly run = (url: string, interactive: boolean): Promise<WebAuthOutcome> => {
    const call = { url: new URL(url), interactive };
    this.calls.push(call);
    return Promise.resolve(this.answer(call));
  };
}

/** Google's redirect for a request: a token (echoing the request's state) or an error. */
export function googleAnswer(call: FlowCall, fragment: Record<string, string>, state = call.url.searchParams.get('state') ?? ''): WebAuthOutcome {
  return { ok: true, url: `${REDIRECT}#${new URLSearchParams({ ...fragment, state }).toString()}` };
}

/** Stands in for the MSAL offscreen document: records requests, answers as scripted. */
export class FakeMsal {
  readonly requests: OffscreenRequest[] = [];
  tokens = 0;
  username = ANN_MS;
  homeAccountId = 'uid-1.tid-1';
  /** Lifetime of the tokens it hands out. */
  lifetimeMs = 3600_000;
  silent: (request: Extract<OffscreenRequest, { kind: 'silent' }>) => OffscreenReply = () => this.grant();
  redeem: (request: Extract<OffscreenRequest, { kind: 'redeem' }>) => OffscreenReply = () => this.grant();

  constructor(private readonly clock: FakeClock) {}

  readonly handle = (message: unknown): Promise<unknown> => {
    if (!isOffscreenRequest(message)) return Promise.resolve(undefined);
    this.requests.push(message);
    switch (message.kind) {
      case 'authorize-url': {
        const url = new URL(`${message.setup.authority}/oauth2/v2.0/authorize`);
        url.searchParams.set('redirect_uri', message.setup.redirectUri);
        if (message.prompt) url.searchParams.set('prompt', message.prompt);
        if (message.loginHint) url.searchParams.set('login_hint', message.loginHint);
        return Promise.resolve({ ok: true, kind: 'url', url: url.toString() });
      }
      case 'redeem':
        return Promise.resolve(this.redeem(message));
      case 'silent':
        return Promise.resolve(this.silent(message));
      case 'abandon':
      case 'forget':
        return Promise.resolve({ ok: true, kind: 'done' });
    }
  };

  kinds(): string[] {
    return this.requests.map((r) => r.kind);
  }

  grant(overrides: Partial<MsalGrant> = {}): OffscreenReply {
    this.tokens += 1;
    return {
      ok: true,
      kind: 'grant',
      grant: { accessToken: `ms-token-${this.tokens}`, expiresOn: this.clock.now() + this.lifetimeMs, homeAccountId: this.homeAccountId, username: this.username, ...overrides },
    };
  }
}

export function msFailure(kind: 'interaction-required' | 'network' | 'no-account' | 'failed', errorCode: string, errorNo = ''): OffscreenReply {
  return { ok: false, kind, errorCode, errorNo, message: `${errorCode} happened` };
}

export interface World {
  readonly auth: AuthService;
  readonly clock: FakeClock;
  readonly flow: FakeWebAuth;
  readonly msal: FakeMsal;
  readonly session: FakeArea;
  readonly local: FakeArea;
  readonly fetched: string[];
  readonly changes: AccountsSnapshot[];
  clients: ClientConfig;
  /** The address the fake Calendar API reports for the token it is shown. */
  calendarOwner: (token: string) => string | null;
}

export function makeWorld(options: { chromeIdentity?: ChromeIdentityTokens; simulatorBuild?: boolean } = {}): World {
  const clock = new FakeClock();
  const flow = new FakeWebAuth();
  const msal = new FakeMsal(clock);
  const session = new FakeArea();
  const local = new FakeArea();
  const fetched: string[] = [];
  const changes: AccountsSnapshot[] = [];
  let counter = 0;
  const world = {
    clock,
    flow,
    msal,
    session,
    local,
    fetched,
    changes,
    clients: { googleClientId: 'google-client', microsoftClientId: 'ms-client', microsoftTenant: 'common' },
    calendarOwner: (): string | null => ANN_GOOGLE,
  } as Omit<World, 'auth'> & { auth?: AuthService };
  const fakeFetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    fetched.push(input instanceof Request ? input.url : input.toString());
    const token = new Headers(init?.headers).get('authorization')?.replace(/^Bearer /, '') ?? '';
    const owner = world.calendarOwner(token);
    return Promise.resolve(owner ? Response.json({ kind: 'calendar#calendar', id: owner }) : new Response('{}', { status: 401 }));
  };
  const platform: AuthPlatform = {
    webAuthFlow: flow.run,
    chromeIdentity: options.chromeIdentity ?? null,
    session,
    local,
    offscreen: (request) => msal.handle(request),
    fetch: fakeFetch,
    random: () => `state-${++counter}`,
  };
  const deps: AuthDeps = {
    clients: () => Promise.resolve(world.clients),
    endpoints: { googleAuth: GOOGLE_AUTH, msAuthority: MS_AUTHORITY },
    redirectUri: REDIRECT,
    clock,
    log: silentLogger,
  };
  const auth = createAuthService(deps, platform, { googleApi: GOOGLE_API, simulatorBuild: options.simulatorBuild ?? false });
  auth.onChange((snapshot) => changes.push(snapshot));
  return Object.assign(world, { auth });
}

/** Every value stored in an area, as one string (to look for tokens). */
export function dump(area: FakeArea): string {
  return JSON.stringify([...area.data.entries()]);
}
