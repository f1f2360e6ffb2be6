/**
 * A self-signed certificate for 127.0.0.1 and localhost, made once per process at start-up (no
 * file in the repository, nothing to expire between runs). Chromium accepts it with
 * --ignore-certificate-errors; Node clients trust it through `trustSimulatorCertificate`.
 */
import { generate } from 'selfsigned';

export interface TlsMaterial {
  readonly key: string;
  readonly cert: string;
}

let pending: Promise<TlsMaterial> | undefined;

export function simulatorCertificate(): Promise<TlsMaterial> {
  pending ??= generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - 24 * 3600_000),
    notAfterDate: new Date(Date.now() + 30 * 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
    ],
  }).then((pems) => ({ key: pems.private, cert: pems.cert }));
  return pending;
}
