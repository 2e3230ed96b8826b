import type { SecretCipher } from '../settings/secret-cipher.ts';
import type { Electron } from './electron-types.ts';

const PREFIX = 'safe1:';

/**
 * Secrets encrypted by the OS keychain through Electron's safeStorage. Secrets saved before (or by
 * the headless server, or where no keychain is available) keep using the data dir's key file.
 */
export function safeStorageCipher(safeStorage: Electron.SafeStorage, makeFallback: () => SecretCipher): SecretCipher {
  let cached: SecretCipher | null = null;
  // Made on first use: the key file lives in the data dir, which the server creates.
  const fallback = () => (cached ??= makeFallback());
  return {
    encrypt(plain) {
      if (!safeStorage.isEncryptionAvailable()) return fallback().encrypt(plain);
      return PREFIX + safeStorage.encryptString(plain).toString('base64');
    },
    decrypt(stored) {
      if (!stored.startsWith(PREFIX)) return fallback().decrypt(stored);
      return safeStorage.decryptString(Buffer.from(stored.slice(PREFIX.length), 'base64'));
    },
  };
}
