import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { findBuiltinProfile } from '../../main/imaging/builtin-profiles.ts';
import { drawMarkupHere } from '../../main/markup/draw.ts';
import { fixture } from './support/boxes.ts';

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
];
/** Share of pixels allowed to differ (glyph rasterizing may round differently on another CPU). */
const TOLERANCE = 0.001;

const pixels = async (png: Buffer) => sharp(png).raw().toBuffer({ resolveWithObject: true });

describe('golden panel images', () => {
  it.each(CASES)('%s on %s', async (name, profileId) => {
    const { png } = await drawMarkupHere(fixture(`${name}.html`), { profile: findBuiltinProfile(profileId)! });
    const file = path.join(GOLDEN_DIR, `${name}--${profileId}.png`);
    if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(file, png);
      if (!process.env.UPDATE_GOLDEN) throw new Error(`wrote a new golden image ${file}: look at it, then run again`);
      return;
    }
    const [actual, golden] = await Promise.all([pixels(png), pixels(await sharp(file).toBuffer())]);
    expect(actual.info).toMatchObject({ width: golden.info.width, height: golden.info.height, channels: golden.info.channels });
    let differing = 0;
    for (let i = 0; i < actual.data.length; i++) if (actual.data[i] !== golden.data[i]) differing++;
    const share = differing / actual.data.length;
    if (share > TOLERANCE) writeFileSync(path.join(os.tmpdir(), `${name}--${profileId}.actual.png`), png);
    expect(share, `differs from ${file}; the drawing is in ${os.tmpdir()}`).toBeLessThanOrEqual(TOLERANCE);
  });
});
