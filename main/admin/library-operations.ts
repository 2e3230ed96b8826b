import fs from 'node:fs';
import { In } from 'typeorm';
import { z } from 'zod';
import { listStyles, StyleError, updateStyle } from '../ai/styles.ts';
import type { Core } from '../create-core.ts';
import { runImageTask } from '../imaging/pool.ts';
import { markFavourite } from '../library/feedback.ts';
import { PhotoImportError } from '../library/import-error.ts';
import { absoluteLibraryPath } from '../library/paths.ts';
import { deletePhoto, setPhotoFavourite, setPhotoHidden } from '../library/photo-actions.ts';
import { PhotoEntity, VariantEntity, type Photo, type Variant } from '../storage/entities/photo.ts';
import type { AdminApi, AdminResult, ImageDto, PhotoDto, StyleDto, VariantDto } from '../../contract/admin.ts';
import { NotFoundError, ValidationError } from './errors.ts';

const id = z.coerce.number().int().positive();
/** HTTP query strings carry booleans as text. */
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
const photoFilter = z.object({
  quality: z.string().max(32).optional(),
  contentType: z.string().max(32).optional(),
  style: z.string().max(64).optional(),
  favourite: flag.optional(),
  includeHidden: flag.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
const VARIANT_THUMB_SIDE = 320;

type LibraryOperations = Pick<AdminApi,
  'photos.list' | 'photos.upload' | 'photos.update' | 'photos.delete' | 'photos.thumbnail' |
  'variants.list' | 'variants.thumbnail' | 'variants.update' | 'styles.list' | 'styles.update'>;

/** The photo library, its variants and art styles, for the Photos view. */
export function libraryOperations(core: Core): LibraryOperations {
  const app = core.app;
  const photos = core.db.getRepository(PhotoEntity);
  const variants = core.db.getRepository(VariantEntity);

  const findPhoto = async (raw: unknown): Promise<Photo> => {
    const photoId = id.parse(raw);
    const photo = await photos.findOneBy({ id: photoId });
    if (!photo) throw new NotFoundError(`no photo with id ${photoId}`);
    return photo;
  };
  const findVariant = async (raw: unknown): Promise<Variant> => {
    const variantId = id.parse(raw);
    const variant = await variants.findOneBy({ id: variantId });
    if (!variant) throw new NotFoundError(`no variant with id ${variantId}`);
    return variant;
  };
  const photoDtos = (rows: Photo[]): Promise<PhotoDto[]> => photoDtosOf(core, rows);
  const photoDto = (photoId: number): Promise<PhotoDto> => photoDtoOf(core, photoId);

  return {
    async 'photos.list'(args) {
      const filter = photoFilter.parse(args ?? {});
      const query = photos.createQueryBuilder('p').orderBy('p.importedAt', 'DESC').addOrderBy('p.id', 'DESC');
      if (!filter.includeHidden) query.andWhere('p.hidden = :hidden', { hidden: false });
      if (filter.favourite) query.andWhere('p.favourite = :favourite', { favourite: true });
      if (filter.quality) query.andWhere('p.quality = :quality', { quality: filter.quality });
      if (filter.contentType) query.andWhere('p.contentType = :contentType', { contentType: filter.contentType });
      if (filter.style) {
        query.andWhere(`EXISTS (SELECT 1 FROM variants v WHERE v.photo_id = p.id AND v.style = :style)`, { style: filter.style });
      }
      const [rows, total] = await query.take(filter.limit).skip(filter.offset).getManyAndCount();
      return { photos: await photoDtos(rows), total };
    },
    async 'photos.upload'({ name, data }) {
      const args = z.object({ name: z.string().min(1).max(255), data: z.instanceof(Uint8Array) }).parse({ name, data });
      return uploadPhoto(core, args.name, { buffer: Buffer.from(args.data.buffer, args.data.byteOffset, args.data.byteLength) });
    },
    async 'photos.update'({ id: raw, favourite, hidden }) {
      const photo = await findPhoto(raw);
      const change = z.object({ favourite: flag.optional(), hidden: flag.optional() }).parse({ favourite, hidden });
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
      return (await variants.find({ where: { photoId: photo.id }, order: { id: 'ASC' } })).map(toVariantDto);
    },
    async 'variants.thumbnail'({ id: raw }) {
      const variant = await findVariant(raw);
      const thumb = await runImageTask('webpThumbnail', absoluteLibraryPath(app.dataDir, variant.filePath), VARIANT_THUMB_SIDE, 75);
      return imageDto('image/webp', thumb);
    },
    async 'variants.update'({ id: raw, favourite }) {
      const variant = await findVariant(raw);
      await markFavourite(app, variant.id, flag.parse(favourite));
      return toVariantDto(await variants.findOneByOrFail({ id: variant.id }));
    },
    async 'styles.list'() {
      return (await listStyles(app)).map(toStyleDto);
    },
    async 'styles.update'({ name, enabled, score }) {
      const change = z.object({ enabled: flag.optional(), score: z.coerce.number().nullable().optional() }).parse({ enabled, score });
      try {
        await updateStyle(app, z.string().parse(name), change);
      } catch (err) {
        if (err instanceof StyleError) throw new ValidationError(err.message);
        throw err;
      }
      return (await listStyles(app)).map(toStyleDto);
    },
  };
}

/**
 * photos.upload for the HTTP route, which streams the upload to a temp file first: the file is
 * moved into the library, and the server never holds the photo's bytes.
 */
export function uploadPhotoFile(core: Core, name: string, file: string): Promise<AdminResult<'photos.upload'>> {
  return uploadPhoto(core, z.string().min(1).max(255).parse(name), { path: file, move: true });
}

async function uploadPhoto(core: Core, name: string, source: { buffer: Buffer } | { path: string; move: boolean }): Promise<AdminResult<'photos.upload'>> {
  try {
    // libvips is loaded by the image processes only; the import code with the first upload, not at start.
    const { importPhoto } = await import('../library/import.ts');
    const { photo, duplicate } = await importPhoto(core.app, { ...source, originalName: name });
    return { photo: await photoDtoOf(core, photo.id), duplicate };
  } catch (err) {
    if (err instanceof PhotoImportError) throw new ValidationError(`${name}: ${err.message}`);
    throw err;
  }
}

async function photoDtosOf(core: Core, rows: Photo[]): Promise<PhotoDto[]> {
  const styleRows = rows.length ? await core.db.getRepository(VariantEntity).find({ select: { photoId: true, style: true }, where: { photoId: In(rows.map((p) => p.id)) } }) : [];
  const styles = new Map<number, string[]>();
  for (const row of styleRows) styles.set(row.photoId, [...(styles.get(row.photoId) ?? []), row.style]);
  return rows.map((photo) => toPhotoDto(photo, styles.get(photo.id) ?? []));
}

async function photoDtoOf(core: Core, photoId: number): Promise<PhotoDto> {
  return (await photoDtosOf(core, [await core.db.getRepository(PhotoEntity).findOneByOrFail({ id: photoId })]))[0];
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

function imageDto(mime: string, data: Buffer): ImageDto {
  return { mime, dataBase64: data.toString('base64') };
}
