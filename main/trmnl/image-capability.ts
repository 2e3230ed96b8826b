import crypto from 'node:crypto';

const CAPABILITY_HEX = 32;
const IMAGE_FILE = /^([0-9a-f]{16})-([0-9a-f]{32})\.png$/;

/**
 * TRMNL clients fetch their picture with a bare GET (no headers), so the URL itself is the
 * credential: it carries an HMAC of the frame version under the display's own secret. Only the
 * server can make one, a URL opens only that display's picture, and a new secret (revoke,
 * re-pairing, removal) makes every older URL stop working.
 */
export function imageCapability(secret: string, version: string): string {
  return crypto.createHmac('sha256', secret).update(`frame:${version}`).digest('hex').slice(0, CAPABILITY_HEX);
}

export function capabilityMatches(secret: string, version: string, presented: string): boolean {
  const expected = Buffer.from(imageCapability(secret, version), 'hex');
  const given = Buffer.from(presented, 'hex');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** `/api/images/<human id>/<version>-<capability>.png` */
export function imagePath(display: { humanId: string; imageSecret: string }, version: string): string {
  return `/api/images/${display.humanId}/${version}-${imageCapability(display.imageSecret, version)}.png`;
}

export function parseImageFile(file: string): { version: string; capability: string } | null {
  const match = IMAGE_FILE.exec(file);
  return match ? { version: match[1], capability: match[2] } : null;
}
