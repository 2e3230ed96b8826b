import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { expect } from 'vitest';

/** Share of pixels allowed to differ (glyph rasterizing may round differently on another CPU). */
export const GOLDEN_TOLERANCE = 0.001;

const pixels = async (png: Buffer) => sharp(png).raw().toBuffer({ resolveWithObject: true });

/**
 * The drawing matches the golden image in `file` but for `tolerance` of its pixels. With
 * UPDATE_GOLDEN set, or when there is none yet, the drawing becomes the golden image (a new one
 * fails the run once: look at it, then run again). A mismatch leaves the drawing in the temp folder.
 */
export async function expectGolden(png: Buffer, file: string, tolerance = GOLDEN_TOLERANCE): Promise<void> {
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, png);
    if (!process.env.UPDATE_GOLDEN) throw new Error(`wrote a new golden image ${file}: look at it, then run again`);
    return;
  }
  const [actual, golden] = await Promise.all([pixels(png), pixels(await sharp(file).toBuffer())]);
  expect(actual.info).toMatchObject({ width: golden.info.width, height: golden.info.height, channels: golden.info.channels });
  let differing = 0;
  for (let i = 0; i < actual.data.length; i++) if (actual.data[i] !== golden.data[i]) differing++;
  const share = differing / actual.data.length;
  const name = path.basename(file, '.png');
  if (share > tolerance) writeFileSync(path.join(os.tmpdir(), `${name}.actual.png`), png);
  expect(share, `differs from ${file}; the drawing is in ${os.tmpdir()}`).toBeLessThanOrEqual(tolerance);
}
