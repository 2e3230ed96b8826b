import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { AppContext } from '../../main/core/app-context.ts';
import { importPhoto } from '../../main/library/import.ts';
import type { Photo } from '../../main/storage/entities/photo.ts';
import { FIXTURES } from '../library/test-app.ts';

const SOURCES = ['beach.jpg', 'redchain.jpg', 'roundship.jpg'];

/** Imports `count` distinct photos made from the small fixtures (hue-shifted copies beyond the first three). */
export async function importSamples(app: AppContext, count: number): Promise<Photo[]> {
  const photos: Photo[] = [];
  for (let i = 0; i < count; i++) {
    const source = fs.readFileSync(path.join(FIXTURES, SOURCES[i % SOURCES.length]));
    const buffer = i < SOURCES.length ? source : await sharp(source).modulate({ hue: 25 * i }).jpeg().toBuffer();
    photos.push((await importPhoto(app, { buffer, originalName: `sample-${i}.jpg` })).photo);
  }
  return photos;
}

/** Every string the job logged and answered, to check a secret never appears in them. */
export function everything(...values: unknown[]): string {
  return JSON.stringify(values);
}
