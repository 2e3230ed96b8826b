import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomicSync } from '../core/atomic-file.ts';

export interface ServerCertificate {
  key: string;
  cert: string;
  /** `sha256:<hex>` of the DER certificate; devices pin it at discovery. */
  fingerprint: string;
}

const CERT_FILE = 'tls-cert.pem';
const KEY_FILE = 'tls-key.pem';

/** Loads the server's self-signed certificate from the data dir, making one on first start. */
export async function loadOrCreateCertificate(dataDir: string): Promise<ServerCertificate> {
  const certPath = path.join(dataDir, CERT_FILE);
  const keyPath = path.join(dataDir, KEY_FILE);
  if (fs.existsSync(certPath) && fs.existsSync(keyPath)) {
    const cert = fs.readFileSync(certPath, 'utf8');
    return { cert, key: fs.readFileSync(keyPath, 'utf8'), fingerprint: certificateFingerprint(cert) };
  }
  // Loaded only on first start: the certificate library and its ASN.1 stack are not needed again.
  const { default: selfsigned } = await import('selfsigned');
  const generated = await selfsigned.generate([{ name: 'commonName', value: `inkstand-${os.hostname()}` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 20 * 365 * 24 * 3600 * 1000),
    extensions: [
      { name: 'subjectAltName', altNames: lanNames() },
      { name: 'extKeyUsage', serverAuth: true },
    ],
  });
  writeFileAtomicSync(keyPath, generated.private, 0o600);
  writeFileAtomicSync(certPath, generated.cert);
  return { cert: generated.cert, key: generated.private, fingerprint: certificateFingerprint(generated.cert) };
}

export function certificateFingerprint(pem: string): string {
  return 'sha256:' + crypto.createHash('sha256').update(new crypto.X509Certificate(pem).raw).digest('hex');
}

function lanNames(): { type: 2 | 7; value?: string; ip?: string }[] {
  const names: { type: 2 | 7; value?: string; ip?: string }[] = [
    { type: 2, value: os.hostname() },
    { type: 2, value: `${os.hostname()}.local` },
    { type: 2, value: 'localhost' },
  ];
  for (const list of Object.values(os.networkInterfaces())) {
    for (const entry of list ?? []) if (!entry.internal || entry.address === '127.0.0.1') names.push({ type: 7, ip: entry.address.split('%')[0] });
  }
  return names;
}
