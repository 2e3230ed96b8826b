import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

/** Real photographs carried by the repo (MIT, Pimoroni's inky examples; see LICENSE.md there). */
export const SAMPLE_PHOTOS_DIR = path.resolve(import.meta.dirname, '../fixtures/photos');

/** A folder of small real photos (scaled down from the samples so tests stay quick). */
export async function smallPhotoFolder(dir: string, count = 3): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const sources = fs.readdirSync(SAMPLE_PHOTOS_DIR).filter((f) => f.endsWith('.jpg')).slice(0, count);
  const written: string[] = [];
  for (const name of sources) {
    const target = path.join(dir, name);
    await sharp(path.join(SAMPLE_PHOTOS_DIR, name)).resize(640).jpeg({ quality: 85 }).toFile(target);
    written.push(target);
  }
  return written;
}
