import fs from 'node:fs';
import { In } from 'typeorm';
import type { AppContext } from '../core/app-context.ts';
import { PhotoEntity, ShownVariantEntity, VariantEntity } from '../storage/entities/photo.ts';
import { notifyPhotosChanged } from './events.ts';
import { absoluteLibraryPath } from './paths.ts';

/**
 * Removes a photo, its variants and their display history, then their files. The event makes the
 * selector drop them at once and tells the server that a display showing one must move on.
 * Returns false when there was no such photo.
 */
export async function deletePhoto(app: AppContext, photoId: number): Promise<boolean> {
  const photo = await app.db.getRepository(PhotoEntity).findOneBy({ id: photoId });
  if (!photo) return false;
  const variants = await app.db.getRepository(VariantEntity).findBy({ photoId });
  await app.db.transaction(async (manager) => {
    if (variants.length) await manager.getRepository(ShownVariantEntity).delete({ variantId: In(variants.map((v) => v.id)) });
    await manager.getRepository(VariantEntity).delete({ photoId });
    await manager.getRepository(PhotoEntity).delete({ id: photoId });
  });
  notifyPhotosChanged(app);
  const stillUsed = await app.db.getRepository(VariantEntity).findBy({ filePath: In(variants.map((v) => v.filePath)) });
  const used = new Set(stillUsed.map((v) => v.filePath));
  const files = [photo.originalPath, photo.thumbPath, ...variants.map((v) => v.filePath).filter((f) => !used.has(f))];
  await Promise.all(files.map((file) => fs.promises.rm(absoluteLibraryPath(app.dataDir, file), { force: true })));
  return true;
}

export async function setPhotoFavourite(app: AppContext, photoId: number, favourite: boolean): Promise<boolean> {
  return updatePhoto(app, photoId, { favourite });
}

/** A hidden photo stays in the library but none of its variants is drawn. */
export async function setPhotoHidden(app: AppContext, photoId: number, hidden: boolean): Promise<boolean> {
  return updatePhoto(app, photoId, { hidden });
}

/** Each dislike halves the score of every variant of the photo (down to a floor; see scoring.ts). */
export async function dislikePhoto(app: AppContext, photoId: number): Promise<boolean> {
  const result = await app.db.getRepository(PhotoEntity).increment({ id: photoId }, 'dislikes', 1);
  if (!result.affected) return false;
  notifyPhotosChanged(app);
  return true;
}

async function updatePhoto(app: AppContext, photoId: number, change: { favourite?: boolean; hidden?: boolean }): Promise<boolean> {
  const result = await app.db.getRepository(PhotoEntity).update({ id: photoId }, change);
  if (!result.affected) return false;
  notifyPhotosChanged(app);
  return true;
}
