import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { findBuiltinProfile } from '../../main/imaging/builtin-profiles.ts';
import { drawMarkupHere } from '../../main/markup/draw.ts';
import { fixture } from './support/boxes.ts';
import { expectGolden } from './support/golden.ts';

/**
 * Golden panel images, looked at when they were made: a change to the drawing shows up here.
 * `UPDATE_GOLDEN=1 npx vitest run test/markup/golden.test.ts` writes them anew (look at them before committing).
 */
const GOLDEN_DIR = fileURLToPath(new URL('../fixtures/markup/golden/', import.meta.url));
const FIXTURES = ['todo-columns', 'weather-grid', 'departures-table', 'mashup-2x2', 'mashup-1Lx1R', 'richtext-limiter', 'overflow-more', 'dark-greys', 'list-limit', 'icons-svg'];
const CASES = [
  ...FIXTURES.map((name) => [name, 'trmnl-og-4grey'] as const),
  ...['weather-grid', 'mashup-2x2', 'overflow-more'].map((name) => [name, 'spectra6-13.3'] as const),
  ['dark-greys', 'trmnl-og-1bit'] as const,
  ['overflow-groups', 'trmnl-og-4grey'] as const,
  ['outlines', 'trmnl-og-1bit'] as const,
  ['outlines', 'trmnl-og-4grey'] as const,
];

describe('golden panel images', () => {
  it.each(CASES)('%s on %s', async (name, profileId) => {
    const { png } = await drawMarkupHere(fixture(`${name}.html`), { profile: findBuiltinProfile(profileId)! });
    await expectGolden(png, `${GOLDEN_DIR}${name}--${profileId}.png`);
  });
});
