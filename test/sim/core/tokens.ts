/**
 * Access tokens shared between the sign-in simulators (which issue them) and the API simulators
 * (which accept them). A token is an opaque random string bound to one account, one audience and
 * an expiry on the simulator clock; revoking or expiring it turns the API's answer into a 401.
 */
import { randomBytes } from 'node:crypto';
import type { SimClock } from './clock.ts';

export type Audience = 'google-calendar' | 'microsoft-graph';

export interface TokenGrant {
  readonly token: string;
  readonly account: string;
  readonly audience: Audience;
  readonly scopes: readonly string[];
  readonly expiresAt: number;
}

export type TokenCheck =
  | { readonly ok: true; readonly grant: TokenGrant }
  | { readonly ok: false; readonly reason: 'missing' | 'unknown' | 'expired' | 'wrong-audience' };

export class TokenRegistry {
  private readonly grants = new Map<string, TokenGrant>();

  constructor(private readonly clock: SimClock) {}

  issue(account: string, audience: Audience, scopes: readonly string[], lifetimeMs = 3600_000): TokenGrant {
    const prefix = audience === 'google-calendar' ? 'ya29.sim-' : 'eyJ0eXAi.sim-';
    const grant: TokenGrant = {
      token: prefix + randomBytes(24).toString('base64url'),
      account,
      audience,
      scopes: [...scopes],
      expiresAt: this.clock.now() + lifetimeMs,
    };
    this.grants.set(grant.token, grant);
    return grant;
  }

  /** Validates an `Authorization` header value ("Bearer …"). */
  check(authorization: string | undefined, audience: Audience): TokenCheck {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return { ok: false, reason: 'missing' };
    const grant = this.grants.get(match[1]!);
    if (!grant) return { ok: false, reason: 'unknown' };
    if (grant.audience !== audience) return { ok: false, reason: 'wrong-audience' };
    if (grant.expiresAt <= this.clock.now()) return { ok: false, reason: 'expired' };
    return { ok: true, grant };
  }

  /** Revokes every token of an account (sign-out, password change). */
  revokeAccount(account: string): void {
    for (const [token, grant] of this.grants) if (grant.account === account) this.grants.delete(token);
  }

  revoke(token: string): void {
    this.grants.delete(token);
  }
}
