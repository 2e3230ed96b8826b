import { describe, expect, it } from 'vitest';
import { hashToken, newHumanReadableId, newPairingCode, newToken, tokenMatches } from '../../main/displays/secrets.ts';

describe('display secrets', () => {
  it('makes human-readable ids of three groups of three letters without i, l, o', () => {
    for (let i = 0; i < 200; i++) expect(newHumanReadableId()).toMatch(/^[a-hjkmnp-z]{3}-[a-hjkmnp-z]{3}-[a-hjkmnp-z]{3}$/);
  });

  it('makes 6-digit pairing codes', () => {
    for (let i = 0; i < 200; i++) expect(newPairingCode()).toMatch(/^\d{6}$/);
  });

  it('stores only a hash and compares tokens against it', () => {
    const token = newToken();
    const hash = hashToken(token);
    expect(hash).not.toContain(token);
    expect(tokenMatches(token, hash)).toBe(true);
    expect(tokenMatches(token + 'x', hash)).toBe(false);
    expect(newToken()).not.toBe(token);
  });
});
