import fs from 'node:fs';
import type { StoreContext } from '../core/app-context.ts';
import type { Photo } from '../storage/entities/photo.ts';
import { PHOTO_STYLE } from '../ai/styles.ts';
import { absoluteLibraryPath } from './paths.ts';

/** The bytes AI work starts from: the plain variant (EXIF-oriented, at most 2560 px), or the original if that is gone. */
export async function readSourceImage(app: Pick<StoreContext, 'dataDir' | 'photos'>, photo: Photo): Promise<Buffer> {
  const plain = await app.photos.firstVariantIn(photo.id, PHOTO_STYLE);
  if (plain) {
    const file = absoluteLibraryPath(app.dataDir, plain.filePath);
    if (fs.existsSync(file)) return fs.promises.readFile(file);
  }
  return fs.promises.readFile(absoluteLibraryPath(app.dataDir, photo.originalPath));
}
