import fs from 'node:fs';
import type { StoreContext } from '../core/app-context.ts';
import { absoluteLibraryPath } from './paths.ts';

type Library = Pick<StoreContext, 'photos' | 'dataDir'>;

/**
 * Removes a photo, its variants and their display history, then the files no other variant names.
 * The store's event makes the selector drop them at once and tells the server that a display
 * showing one must move on. Returns false when there was no such photo.
 */
export async function deletePhoto(app: Library, photoId: number): Promise<boolean> {
  const removed = await app.photos.removePhoto(photoId);
  if (!removed) return false;
  const { photo, variants, stillNamed } = removed;
  const files = [photo.originalPath, photo.thumbPath, ...variants.map((v) => v.filePath).filter((f) => !stillNamed.has(f))];
  await Promise.all(files.map((file) => fs.promises.rm(absoluteLibraryPath(app.dataDir, file), { force: true })));
  return true;
}

export async function setPhotoFavourite(app: Library, photoId: number, favourite: boolean): Promise<boolean> {
  return app.photos.markPhoto(photoId, { favourite });
}

/** A hidden photo stays in the library but none of its variants is drawn. */
export async function setPhotoHidden(app: Library, photoId: number, hidden: boolean): Promise<boolean> {
  return app.photos.markPhoto(photoId, { hidden });
}

/** Each dislike halves the score of every variant of the photo (down to a floor; see scoring.ts). */
export async function dislikePhoto(app: Library, photoId: number): Promise<boolean> {
  return app.photos.dislikePhoto(photoId);
}
