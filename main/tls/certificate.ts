import { fork } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createFileOnceSync, writeFileAtomicSync } from '../core/atomic-file.ts';
import { childEntry } from '../core/child-entry.ts';
import type { GeneratedCertificate } from './generate-certificate.ts';

export interface ServerCertificate {
  key: string;
  cert: string;
  /** `sha256:<hex>` of the DER certificate; devices pin it at discovery. */
  fingerprint: string;
}

/** The pair's files in the data dir. */
export const CERT_FILE = 'tls-cert.pem';
export const KEY_FILE = 'tls-key.pem';
const CERTIFICATE_PROCESS_ENTRY = childEntry('certificate-process.mjs', import.meta.url);

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
  const generated = await generateInChildProcess().then((pair) => ({ ...pair, fingerprint: certificateFingerprint(pair.cert) }));
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

/**
 * Makes the pair in a process of its own that exits: the certificate library and its ASN.1 stack,
 * needed once in a server's life, would otherwise stay on the server's heap (3 MB).
 */
function generateInChildProcess(): Promise<GeneratedCertificate> {
  return new Promise((resolve, reject) => {
    const child = fork(CERTIFICATE_PROCESS_ENTRY, [], { execArgv: [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    let pair: GeneratedCertificate | null = null;
    child.once('message', (message) => (pair = message as GeneratedCertificate));
    child.once('error', reject);
    child.once('exit', (code, signal) => (pair ? resolve(pair) : reject(new Error(`the certificate process ended (${signal ?? `code ${code}`}) without a certificate`))));
  });
}

export function certificateFingerprint(pem: string): string {
  return 'sha256:' + crypto.createHash('sha256').update(new crypto.X509Certificate(pem).raw).digest('hex');
}
