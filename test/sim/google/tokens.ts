/**
 * Page and sync tokens: opaque to clients (base64url JSON with an HMAC), so a client can neither
 * read meaning into them nor forge or edit one; an edited token is a 400 (calendar-apis.md §1.11
 * item 2: the token is `(calendarId, seq, paramsHash)`).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** A position in a sorted listing: the sort key of the last row served. */
export type SortKey = ReadonlyArray<number | string>;

export interface SyncTokenState {
  readonly kind: 'sync';
  readonly calendarId: string;
  readonly seq: number;
  readonly epoch: number;
  readonly issuedAt: number;
  readonly fingerprint: string;
}

export interface PageTokenState {
  readonly kind: 'page';
  readonly calendarId: string;
  /** Hash of the query the token belongs to: another query cannot use it. */
  readonly queryHash: string;
  readonly after: SortKey;
  /** The calendar's change seq when the listing began: the last page's nextSyncToken. */
  readonly snapshot: number;
  readonly epoch: number;
  /** Incremental listings: the seq of the sync token they started from. */
  readonly fromSeq?: number;
}

type TokenState = SyncTokenState | PageTokenState;

export function signToken(state: TokenState, secret: Buffer): string {
  const payload = Buffer.from(JSON.stringify(state)).toString('base64url');
  return `${payload}.${mac(payload, secret)}`;
}

export function readToken<K extends TokenState['kind']>(token: string, kind: K, secret: Buffer): Extract<TokenState, { kind: K }> | undefined {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(mac(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const state = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenState;
    return state.kind === kind ? (state as Extract<TokenState, { kind: K }>) : undefined;
  } catch {
    return undefined;
  }
}

function mac(payload: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(payload).digest('base64url').slice(0, 22);
}

/** Hash of a query's parameters, minus the ones that move between pages. */
export function queryHash(params: URLSearchParams, ignore: readonly string[] = ['pageToken', 'syncToken']): string {
  const entries = [...params.entries()].filter(([k]) => !ignore.includes(k)).sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(entries)).digest('base64url').slice(0, 16);
}

export function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}
