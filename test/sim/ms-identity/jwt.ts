/**
 * id_tokens are real JWTs: RS256 over a key pair made once per process at start-up (like the TLS
 * certificate), published at the jwks_uri, so clients that verify signatures can.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  /** The public key as a JWK ({kty, n, e, kid, use}). */
  readonly jwk: Readonly<Record<string, string>>;
}

let processKey: SigningKey | undefined;

export function simulatorSigningKey(): SigningKey {
  if (!processKey) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = randomBytes(20).toString('base64url');
    const { n, e } = publicKey.export({ format: 'jwk' });
    processKey = { kid, privateKey, jwk: { kty: 'RSA', use: 'sig', kid, n: n ?? '', e: e ?? '' } };
  }
  return processKey;
}

export function signJwt(key: SigningKey, claims: Readonly<Record<string, unknown>>): string {
  const header = { typ: 'JWT', alg: 'RS256', kid: key.kid };
  const signingInput = `${base64url(header)}.${base64url(claims)}`;
  const signature = sign('sha256', Buffer.from(signingInput), key.privateKey).toString('base64url');
  return `${signingInput}.${signature}`;
}

/** A pairwise subject, as Entra issues it: stable per user and app, different across apps. */
export function pairwiseSubject(oid: string, clientId: string): string {
  return createHash('sha256').update(`${oid}:${clientId}`).digest('base64url').slice(0, 43);
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
