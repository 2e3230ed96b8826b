import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileKeyCipher } from '../../main/settings/secret-cipher.ts';
import { loadOrCreateCertificate } from '../../main/tls/certificate.ts';
import { tempDataDir } from '../helpers/test-server.ts';

// Nodes of a cluster share one data dir; started together on a new one they must end up with one certificate and one secret key.
describe('first start of several nodes on one shared data dir', () => {
  it('gives every node the same certificate, whole on disk', async () => {
    const dataDir = tempDataDir();
    const certificates = await Promise.all([1, 2, 3].map(() => loadOrCreateCertificate(dataDir)));
    expect(new Set(certificates.map((c) => c.fingerprint)).size).toBe(1);
    const onDisk = await loadOrCreateCertificate(dataDir);
    expect(onDisk).toEqual(certificates[0]);
    expect(new crypto.X509Certificate(onDisk.cert).checkPrivateKey(crypto.createPrivateKey(onDisk.key))).toBe(true);
    expect(fs.readdirSync(dataDir).sort()).toEqual(['tls-cert.pem', 'tls-key.pem']);
  });

  it('replaces a key left without its certificate (a first start that died half-way) once no node finishes it', async () => {
    const dataDir = tempDataDir();
    fs.writeFileSync(path.join(dataDir, 'tls-key.pem'), 'half of a start');
    const certificate = await loadOrCreateCertificate(dataDir, 200);
    expect(fs.readFileSync(path.join(dataDir, 'tls-key.pem'), 'utf8')).toBe(certificate.key);
    expect(await loadOrCreateCertificate(dataDir)).toEqual(certificate);
  });

  it('gives every node the same secret key: what one encrypts, the others decrypt', () => {
    const dataDir = tempDataDir();
    const [first, second] = [fileKeyCipher(dataDir), fileKeyCipher(dataDir)];
    expect(second.decrypt(first.encrypt('sk-shared'))).toBe('sk-shared');
    expect(fs.statSync(path.join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
  });
});
