/**
 * Browser sign-in state shared by the two sign-in simulators: sessions kept in a cookie, and
 * authorize requests parked while the user looks at a sign-in page.
 */
import { randomUUID } from 'node:crypto';
import type { SimRequest } from './http.ts';
import { parseCookies, randomToken } from './web.ts';

export interface BrowserSession {
  /** Signed-in accounts, in sign-in order (Google's `authuser` index is the position here). */
  readonly accounts: string[];
  /** A public id for the session (Entra's `session_state`; each account's `sid` derives from it), never the cookie value. */
  readonly publicId: string;
}

/**
 * Sign-in sessions kept in a browser cookie, as both identity services do: a browser that signed
 * in once presents the cookie and can be answered with `prompt=none`. The cookie holds only a
 * random id; ending sessions on the server makes every outstanding cookie worthless.
 */
export class BrowserSessions {
  private readonly sessions = new Map<string, BrowserSession>();

  /** `secure`: the server is HTTPS, so the cookie can be `Secure; SameSite=None` as the real ones are. */
  constructor(
    private readonly cookieName: string,
    private readonly secure: () => boolean,
  ) {}

  /** The live session the request's cookie names, if any. */
  find(request: SimRequest): { readonly id: string; readonly session: BrowserSession } | undefined {
    const id = parseCookies(request).get(this.cookieName);
    const session = id === undefined ? undefined : this.sessions.get(id);
    return id !== undefined && session ? { id, session } : undefined;
  }

  accountsOf(request: SimRequest): readonly string[] {
    return this.find(request)?.session.accounts ?? [];
  }

  /** Adds `account` to the browser's session (creating one); returns the Set-Cookie header to send when new. */
  signIn(request: SimRequest, account: string): { readonly publicId: string; readonly setCookie?: string } {
    const found = this.find(request);
    if (found) {
      if (!found.session.accounts.includes(account)) found.session.accounts.push(account);
      return { publicId: found.session.publicId };
    }
    const id = randomToken(24);
    const session: BrowserSession = { accounts: [account], publicId: randomUUID() };
    this.sessions.set(id, session);
    return { publicId: session.publicId, setCookie: this.cookie(id, false) };
  }

  /** Ends the session the request's cookie names; returns the Set-Cookie header that clears it. */
  end(request: SimRequest): string {
    const found = this.find(request);
    if (found) this.sessions.delete(found.id);
    return this.cookie('', true);
  }

  endAll(): void {
    this.sessions.clear();
  }

  /** Signs `account` out of every browser (e.g. its sessions were revoked by an administrator). */
  signOutEverywhere(account: string): void {
    for (const [id, session] of this.sessions) {
      const index = session.accounts.indexOf(account);
      if (index >= 0) session.accounts.splice(index, 1);
      if (session.accounts.length === 0) this.sessions.delete(id);
    }
  }

  private cookie(value: string, expire: boolean): string {
    // SameSite=None needs Secure; over plain HTTP Lax still rides along top-level navigations,
    // which is how authorize requests arrive.
    const site = this.secure() ? 'Secure; SameSite=None' : 'SameSite=Lax';
    const expiry = expire ? '; Max-Age=0' : '';
    return `${this.cookieName}=${value}; Path=/; HttpOnly; ${site}${expiry}`;
  }
}

/**
 * Authorize requests waiting for the user to act on a sign-in page. The page posts back only a
 * random id, so nothing the page carries can alter the validated request. Single use.
 */
export class PendingRequests<T> {
  private readonly pending = new Map<string, { readonly value: T; readonly expiresAt: number }>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs = 3600_000,
  ) {}

  add(value: T): string {
    const id = randomToken(18);
    this.pending.set(id, { value, expiresAt: this.now() + this.ttlMs });
    return id;
  }

  take(id: string): T | undefined {
    const entry = this.pending.get(id);
    this.pending.delete(id);
    return entry && entry.expiresAt > this.now() ? entry.value : undefined;
  }
}
