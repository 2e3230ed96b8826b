import crypto from 'node:crypto';

/** A random bearer token; only its hash is stored. */
export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

/** SHA-256, hex. The one-shot crypto.hash: a third of createHash's time, and every device request hashes its token. */
export function hashToken(token: string): string {
  return crypto.hash('sha256', token, 'hex');
}

export function tokenMatches(token: string, storedHash: string): boolean {
  const candidate = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return candidate.length === stored.length && crypto.timingSafeEqual(candidate, stored);
}

export function newPairingCode(): string {
  return String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Letters that read unambiguously on a small screen and when said aloud: no i, l, o. */
const ID_LETTERS = 'abcdefghjkmnpqrstuvwxyz';

/** e.g. `kmr-tav-bez`. */
export function newHumanReadableId(): string {
  const group = () => Array.from({ length: 3 }, () => ID_LETTERS[crypto.randomInt(ID_LETTERS.length)]).join('');
  return `${group()}-${group()}-${group()}`;
}

/** The key a display's image capabilities are signed with (see trmnl/image-capability.ts). */
export function newImageSecret(): string {
  return crypto.randomBytes(32).toString('hex');
}
