import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createFileOnceSync } from '../core/atomic-file.ts';

/** Encrypts secrets (API keys) at rest. The desktop app passes one backed by Electron's safeStorage. */
export interface SecretCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

const KEY_FILE = 'secret.key';

/**
 * Headless encryption: AES-256-GCM with a random key kept in the data dir, readable only by its
 * owner, so a copied database alone does not give away the keys.
 */
export function fileKeyCipher(dataDir: string): SecretCipher {
  const keyPath = path.join(dataDir, KEY_FILE);
  let key: Buffer;
  try {
    key = fs.readFileSync(keyPath);
  } catch (err) {
    // Only a missing file means "no key yet"; an unreadable one must not be replaced (the stored secrets would be lost).
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    // Nodes sharing the data dir may start together: the first key written is everybody's.
    const fresh = crypto.randomBytes(32);
    key = createFileOnceSync(keyPath, fresh, 0o600) ? fresh : fs.readFileSync(keyPath);
  }
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
    },
    decrypt(stored) {
      const [version, iv, tag, body] = stored.split(':');
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('stored secret is not in a known format');
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}

