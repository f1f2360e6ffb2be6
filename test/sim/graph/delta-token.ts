/**
 * Delta state tokens. Like Graph's, they are opaque and self-contained: everything a round needs
 * (mailbox, calendar, window, change sequences, position) travels in the `$skiptoken` /
 * `$deltatoken` of the links, so links copied verbatim keep working (M-DELTA). The generation
 * numbers let the simulator expire them (syncStateNotFound) or force a tenant-wide resync.
 */
export interface RoundPosition {
  readonly mailbox: string;
  readonly calendarId: string;
  readonly fromMs: number;
  readonly toMs: number;
  /** The client's state: -1 for an initial round, else the change sequence it has seen. */
  readonly baseSeq: number;
  /** The change sequence the round reports up to. */
  readonly snapSeq: number;
  /** The base of the round before this one (for replaying its changes). */
  readonly previousSeq: number;
  readonly offset: number;
  readonly generation: number;
  readonly tenantGeneration: number;
}

const FIELDS = ['mailbox', 'calendarId', 'fromMs', 'toMs', 'baseSeq', 'snapSeq', 'previousSeq', 'offset', 'generation', 'tenantGeneration'] as const;

export function encodeToken(position: RoundPosition): string {
  return Buffer.from(JSON.stringify(FIELDS.map((field) => position[field])), 'utf8').toString('base64url');
}

/** Undefined when the token was not made by this simulator. */
export function decodeToken(token: string): RoundPosition | undefined {
  try {
    const values = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(values) || values.length !== FIELDS.length) return undefined;
    const [mailbox, calendarId, ...numbers] = values as unknown[];
    if (typeof mailbox !== 'string' || typeof calendarId !== 'string' || !numbers.every(Number.isSafeInteger)) return undefined;
    const [fromMs, toMs, baseSeq, snapSeq, previousSeq, offset, generation, tenantGeneration] = numbers as number[];
    return { mailbox, calendarId, fromMs: fromMs!, toMs: toMs!, baseSeq: baseSeq!, snapSeq: snapSeq!, previousSeq: previousSeq!, offset: offset!, generation: generation!, tenantGeneration: tenantGeneration! };
  } catch {
    return undefined;
  }
}
