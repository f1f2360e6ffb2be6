/**
 * Lets Node's fetch (this process only) trust the simulators' self-signed certificate, instead of
 * switching TLS verification off globally with NODE_TLS_REJECT_UNAUTHORIZED=0. One secure context
 * is built once and shared by every connection (passing `ca` instead makes undici re-parse the
 * ~140 root certificates on each handshake).
 */
import { createSecureContext, rootCertificates } from 'node:tls';
import { Agent, setGlobalDispatcher } from 'undici';
import type { TlsMaterial } from './tls.ts';

export function trustSimulatorCertificate(tls: TlsMaterial): void {
  const secureContext = createSecureContext({ ca: [...rootCertificates, tls.cert] });
  setGlobalDispatcher(new Agent({ connect: { secureContext } }));
}
