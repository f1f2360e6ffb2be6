/**
 * SHA-256 digests for deterministic identifiers: Google event ids of mirrors (hex is a subset of
 * Google's base32hex alphabet) and Graph transactionIds, both derived from the source event so a
 * retried create finds the first one instead of duplicating it.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function digestHex(text: string, length = 64): string {
  return bytesToHex(sha256(utf8ToBytes(text))).slice(0, length);
}
