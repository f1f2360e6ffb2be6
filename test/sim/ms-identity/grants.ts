/**
 * Authorization codes and refresh tokens the token endpoint can redeem. Codes are single use and
 * live 10 minutes. Refresh tokens rotate on every use, but the earlier ones stay valid until they
 * expire (Entra does not revoke a refresh token when it is redeemed); SPA refresh tokens carry
 * the expiry of the sign-in that started the chain (auth-and-toolchain.md §2.5).
 */
import { createHash } from 'node:crypto';
import { randomToken } from '../core/web.ts';
import type { ScopeSet } from './scopes.ts';

export interface PkceChallenge {
  readonly value: string;
  readonly method: 'S256' | 'plain';
}

export interface CodeGrant {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly tenant: string;
  readonly scopes: ScopeSet;
  readonly nonce: string | undefined;
  readonly loginHintClaim: boolean;
  readonly challenge: PkceChallenge | undefined;
  readonly upn: string;
  /** The account's session id (the id_token's `sid`). */
  readonly sid: string;
  readonly issuedAt: number;
  /** The user's revocation count when issued (MsDirectory.revocation). */
  readonly revocationCount: number;
  redeemed: boolean;
}

export interface RefreshGrant {
  readonly clientId: string;
  readonly tenant: string;
  readonly scopes: ScopeSet;
  readonly upn: string;
  readonly sid: string;
  readonly loginHintClaim: boolean;
  readonly spa: boolean;
  readonly issuedAt: number;
  readonly revocationCount: number;
  /** When the interactive sign-in that started this chain happened. */
  readonly signedInAt: number;
  /** Fixed end of an SPA chain; Infinity for other platforms (they expire on inactivity). */
  readonly expiresAt: number;
  lastUsedAt: number;
}

export class GrantStore {
  private readonly codes = new Map<string, CodeGrant>();
  private readonly refreshTokens = new Map<string, RefreshGrant>();
  /** Access tokens handed out, by owner: revoking a user must not touch other audiences' tokens of the same name. */
  private readonly accessTokens = new Map<string, string>();

  issueCode(grant: Omit<CodeGrant, 'redeemed'>): string {
    // Entra's codes are long opaque strings; the prefix only helps when reading logs.
    const code = `1.sim-${randomToken(48)}`;
    this.codes.set(code, { ...grant, redeemed: false });
    return code;
  }

  code(code: string): CodeGrant | undefined {
    return this.codes.get(code);
  }

  issueRefreshToken(grant: RefreshGrant): string {
    const token = `1.rt-${randomToken(64)}`;
    this.refreshTokens.set(token, grant);
    return token;
  }

  refreshToken(token: string): RefreshGrant | undefined {
    return this.refreshTokens.get(token);
  }

  recordAccessToken(token: string, upn: string): void {
    this.accessTokens.set(token, upn);
  }

  /** Removes and returns the access tokens issued to `upn`. */
  takeAccessTokens(upn: string): string[] {
    const tokens = [...this.accessTokens].filter(([, owner]) => owner === upn).map(([token]) => token);
    for (const token of tokens) this.accessTokens.delete(token);
    return tokens;
  }

  /** Account that a code or refresh token in a token request belongs to (for the request log). */
  accountOf(form: URLSearchParams): string | undefined {
    return this.codes.get(form.get('code') ?? '')?.upn ?? this.refreshTokens.get(form.get('refresh_token') ?? '')?.upn;
  }
}

/** RFC 7636: S256 compares BASE64URL(SHA256(verifier)) with the challenge. */
export function verifierMatches(challenge: PkceChallenge, verifier: string): boolean {
  if (challenge.method === 'plain') return verifier === challenge.value;
  return createHash('sha256').update(verifier).digest('base64url') === challenge.value;
}

/** The `sid` of one account in one browser session, GUID-shaped like Entra's. */
export function accountSessionId(sessionPublicId: string, upn: string): string {
  const hex = createHash('sha256').update(`${sessionPublicId}:${upn}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
