import fs from 'node:fs';
import { z } from 'zod';
import { listStyles } from '../ai/styles.ts';
import type { StoreContext } from '../core/app-context.ts';
import { parseInput, ValidationError } from '../core/errors.ts';
import { runImageTask } from '../imaging/pool.ts';
import { markFavourite } from '../library/feedback.ts';
import { PhotoImportError } from '../library/import-error.ts';
import { absoluteLibraryPath } from '../library/paths.ts';
import { deletePhoto, setPhotoFavourite, setPhotoHidden } from '../library/photo-actions.ts';
import type { Photo, Variant } from '../storage/entities/photo.ts';
import type { AdminApi, AdminResult, PhotoDto, StyleDto, VariantDto } from '../../contract/admin.ts';
import { recordIdSchema } from '../../contract/display-schemas.ts';
import { imageDto } from './image-dto.ts';
import { flagSchema as flag, photoChangeSchema } from '../../contract/library-schemas.ts';

const VARIANT_THUMB_SIDE = 320;

type LibraryOperations = Pick<AdminApi,
  'photos.list' | 'photos.upload' | 'photos.update' | 'photos.delete' | 'photos.thumbnail' |
  'variants.list' | 'variants.thumbnail' | 'variants.update' | 'styles.list' | 'styles.update'>;

/** The photo library, its variants and art styles, for the Photos view; `library` is what the library's own functions take. */
export function libraryOperations(deps: { library: StoreContext }): LibraryOperations {
  const app = deps.library;
  const { photos } = app;
  const findPhoto = (raw: unknown): Promise<Photo> => photos.getPhoto(parseInput(recordIdSchema, raw, 'id'));
  const findVariant = (raw: unknown): Promise<Variant> => photos.getVariant(parseInput(recordIdSchema, raw, 'id'));
  const photoDtos = (rows: Photo[]): Promise<PhotoDto[]> => photoDtosOf(app, rows);
  const photoDto = (photoId: number): Promise<PhotoDto> => photoDtoOf(app, photoId);

  return {
    async 'photos.list'(args) {
      const page = await photos.list(args);
      return { photos: await photoDtos(page.photos), total: page.total };
    },
    async 'photos.upload'({ name, data }) {
      const args = parseInput(z.object({ name: z.string().min(1).max(255), data: z.instanceof(Uint8Array) }), { name, data });
      return uploadPhoto(app, args.name, { buffer: Buffer.from(args.data.buffer, args.data.byteOffset, args.data.byteLength) });
    },
    async 'photos.update'({ id: raw, favourite, hidden }) {
      const photo = await findPhoto(raw);
      const change = parseInput(photoChangeSchema, { favourite, hidden });
      if (change.favourite !== undefined) await setPhotoFavourite(app, photo.id, change.favourite);
      if (change.hidden !== undefined) await setPhotoHidden(app, photo.id, change.hidden);
      return photoDto(photo.id);
    },
    async 'photos.delete'({ id: raw }) {
      const photo = await findPhoto(raw);
      await deletePhoto(app, photo.id);
      return { deleted: true };
    },
    async 'photos.thumbnail'({ id: raw }) {
      const photo = await findPhoto(raw);
      return imageDto('image/webp', await fs.promises.readFile(absoluteLibraryPath(app.dataDir, photo.thumbPath)));
    },
    async 'variants.list'({ photoId }) {
      const photo = await findPhoto(photoId);
      return (await photos.variantsOf(photo.id)).map(toVariantDto);
    },
    async 'variants.thumbnail'({ id: raw }) {
      const variant = await findVariant(raw);
      const thumb = await runImageTask('webpThumbnail', absoluteLibraryPath(app.dataDir, variant.filePath), VARIANT_THUMB_SIDE, 75);
      return imageDto('image/webp', thumb);
    },
    async 'variants.update'({ id: raw, favourite }) {
      const variant = await findVariant(raw);
      await markFavourite(app, variant.id, parseInput(flag, favourite, 'favourite'));
      return toVariantDto(await photos.getVariant(variant.id));
    },
    async 'styles.list'() {
      return (await listStyles(app)).map(toStyleDto);
    },
    async 'styles.update'({ name, enabled, score }) {
      await app.artStyles.set(parseInput(z.string(), name, 'name'), { enabled, score });
      return (await listStyles(app)).map(toStyleDto);
    },
  };
}

/**
 * photos.upload for the HTTP route, which streams the upload to a temp file first: the file is
 * moved into the library, and the server never holds the photo's bytes.
 */
export function uploadPhotoFile(library: StoreContext, name: string, file: string): Promise<AdminResult<'photos.upload'>> {
  return uploadPhoto(library, parseInput(z.string().min(1).max(255), name, 'name'), { path: file, move: true });
}

async function uploadPhoto(library: StoreContext, name: string, source: { buffer: Buffer } | { path: string; move: boolean }): Promise<AdminResult<'photos.upload'>> {
  try {
    // libvips is loaded by the image processes only; the import code with the first upload, not at start.
    const { importPhoto } = await import('../library/import.ts');
    const { photo, duplicate } = await importPhoto(library, { ...source, originalName: name });
    return { photo: await photoDtoOf(library, photo.id), duplicate };
  } catch (err) {
    if (err instanceof PhotoImportError) throw new ValidationError(`${name}: ${err.message}`);
    throw err;
  }
}

async function photoDtosOf(library: StoreContext, rows: Photo[]): Promise<PhotoDto[]> {
  const styles = await library.photos.stylesOf(rows.map((p) => p.id));
  return rows.map((photo) => toPhotoDto(photo, styles.get(photo.id) ?? []));
}

async function photoDtoOf(library: StoreContext, photoId: number): Promise<PhotoDto> {
  return (await photoDtosOf(library, [await library.photos.getPhoto(photoId)]))[0];
}

function toPhotoDto(p: Photo, styles: string[]): PhotoDto {
  return {
    id: p.id, originalName: p.originalName, width: p.width, height: p.height, format: p.format,
    importedAt: p.importedAt.toISOString(), favourite: Boolean(p.favourite), hidden: Boolean(p.hidden), dislikes: p.dislikes,
    quality: p.quality, contentType: p.contentType, orientation: p.orientation, peopleCount: p.peopleCount,
    description: p.description, classifiedAt: p.classifiedAt?.toISOString() ?? null, styles,
  };
}

function toVariantDto(v: Variant): VariantDto {
  return {
    id: v.id, photoId: v.photoId, style: v.style, provider: v.provider, createdAt: v.createdAt.toISOString(),
    favourite: Boolean(v.favourite), dislikes: v.dislikes, score: v.score,
  };
}

function toStyleDto(s: Awaited<ReturnType<typeof listStyles>>[number]): StyleDto {
  return {
    name: s.name, label: s.label, description: s.description, contentTypes: s.contentTypes,
    enabled: s.enabled, score: s.score, catalogueScore: s.catalogueScore,
  };
}
