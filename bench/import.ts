import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { importFolder } from '../main/library/import-folder.ts';
import { createTestApp } from '../test/library/test-app.ts';
import type { Report } from './report.ts';

const PHOTOS = 200;
const WIDTH = 4000;
const HEIGHT = 3000;
const SAMPLE = path.resolve(import.meta.dirname, '../test/fixtures/library/beach.jpg');

/** Import throughput (originals kept, thumbnail and plain variant made, rows stored) for 200 generated 12-megapixel JPEGs. */
export async function runImportBench(report: Report): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-import-bench-'));
  const t = await createTestApp();
  try {
    const bytes = await generatePhotos(dir);
    const start = performance.now();
    const result = await importFolder(t.app, dir);
    const seconds = (performance.now() - start) / 1000;
    if (result.imported !== PHOTOS) throw new Error(`imported ${result.imported} of ${PHOTOS}: ${JSON.stringify(result.failed.slice(0, 3))}`);
    report('import: 12 MP JPEGs with thumbnails', PHOTOS / seconds, 'photos/s');
    report('import: input read', bytes / 1048576 / seconds, 'MB/s');
  } finally {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Photo-like 12 MP JPEGs: a real photo enlarged, with sensor-like noise, encoded once; each file
 * gets its own JPEG comment segment, so each is new to the library and costs a full decode.
 */
async function generatePhotos(dir: string): Promise<number> {
  const noise = await sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 24 } } }).png().toBuffer();
  const jpeg = await sharp(SAMPLE).resize(WIDTH, HEIGHT, { fit: 'cover' }).composite([{ input: noise, blend: 'soft-light' }]).jpeg({ quality: 90 }).toBuffer();
  for (let i = 0; i < PHOTOS; i++) fs.writeFileSync(path.join(dir, `IMG_${String(i).padStart(4, '0')}.jpg`), withComment(jpeg, `bench photo ${i}`));
  return jpeg.length * PHOTOS;
}

/** Inserts a COM segment right after the SOI marker. */
export function withComment(jpeg: Buffer, text: string): Buffer {
  const body = Buffer.from(text, 'latin1');
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), segment, body, jpeg.subarray(2)]);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runImportBench((name, value, unit) => console.log(`${name.padEnd(50)} ${value.toFixed(2).padStart(10)} ${unit}`));
}
