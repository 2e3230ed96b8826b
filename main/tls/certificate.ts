import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFileOnceSync, writeFileAtomicSync } from '../core/atomic-file.ts';

export interface ServerCertificate {
  key: string;
  cert: string;
  /** `sha256:<hex>` of the DER certificate; devices pin it at discovery. */
  fingerprint: string;
}

const CERT_FILE = 'tls-cert.pem';
const KEY_FILE = 'tls-key.pem';

/** How long a node waits for another node's first certificate before it writes its own pair over a half-written one. */
const PEER_WRITE_WAIT_MS = 30_000;

/**
 * Loads the server's self-signed certificate from the data dir, making one on first start. Nodes
 * sharing one data dir must end up with one certificate (frames pin it), so when several start
 * together on a new data dir the first to claim the key file writes the pair and the others read it.
 */
export async function loadOrCreateCertificate(dataDir: string, peerWaitMs = PEER_WRITE_WAIT_MS): Promise<ServerCertificate> {
  const certPath = path.join(dataDir, CERT_FILE);
  const keyPath = path.join(dataDir, KEY_FILE);
  const stored = readStored(certPath, keyPath);
  if (stored) return stored;
  const generated = await generateCertificate();
  if (createFileOnceSync(keyPath, generated.key, 0o600)) {
    writeFileAtomicSync(certPath, generated.cert);
    return generated;
  }
  const deadline = Date.now() + peerWaitMs;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const written = readStored(certPath, keyPath);
    if (written) return written;
  }
  // A key with no certificate after all that time: a start that died half-way; this one's pair replaces it.
  writeFileAtomicSync(keyPath, generated.key, 0o600);
  writeFileAtomicSync(certPath, generated.cert);
  return generated;
}

function readStored(certPath: string, keyPath: string): ServerCertificate | null {
  if (!fs.existsSync(certPath) || !fs.existsSync(keyPath)) return null;
  const cert = fs.readFileSync(certPath, 'utf8');
  return { cert, key: fs.readFileSync(keyPath, 'utf8'), fingerprint: certificateFingerprint(cert) };
}

async function generateCertificate(): Promise<ServerCertificate> {
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
