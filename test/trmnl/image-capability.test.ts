import { describe, expect, it } from 'vitest';
import { newImageSecret } from '../../main/displays/secrets.ts';
import { capabilityMatches, imageCapability, imagePath, parseImageFile } from '../../main/trmnl/image-capability.ts';

describe('image capabilities', () => {
  const secret = newImageSecret();
  const version = '0123456789abcdef';

  it('opens one version of one display, and nothing once the secret changes', () => {
    const capability = imageCapability(secret, version);
    expect(capability).toMatch(/^[0-9a-f]{32}$/);
    expect(capabilityMatches(secret, version, capability)).toBe(true);
    expect(capabilityMatches(secret, 'fedcba9876543210', capability)).toBe(false);
    expect(capabilityMatches(newImageSecret(), version, capability)).toBe(false);
    expect(capabilityMatches(secret, version, capability.slice(0, 31))).toBe(false);
    expect(capabilityMatches(secret, version, 'zz')).toBe(false);
  });

  it('writes and reads the URL path', () => {
    const route = imagePath({ humanId: 'kmr-tav-bez', imageSecret: secret }, version);
    const file = route.split('/').pop()!;
    expect(route).toBe(`/api/images/kmr-tav-bez/${file}`);
    expect(parseImageFile(file)).toEqual({ version, capability: imageCapability(secret, version) });
    for (const junk of [`${version}.png`, `${version}-x.png`, '../secret.png', `${version}-${'0'.repeat(32)}.bmp`]) expect(parseImageFile(junk)).toBeNull();
  });
});
