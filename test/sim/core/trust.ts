/**
 * Lets Node's fetch (this process only) trust the simulators' self-signed certificate, instead of
 * switching TLS verification off globally with NODE_TLS_REJECT_UNAUTHORIZED=0.
 */
import { rootCertificates } from 'node:tls';
import { Agent, setGlobalDispatcher } from 'undici';
import type { TlsMaterial } from './tls.ts';

export function trustSimulatorCertificate(tls: TlsMaterial): void {
  setGlobalDispatcher(new Agent({ connect: { ca: [...rootCertificates, tls.cert] } }));
}
