import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PHOTO_STYLE } from '../ai/styles.ts';
import type { StoreContext } from '../core/app-context.ts';
import type { Photo } from '../storage/entities/photo.ts';
import { runImageTask } from '../imaging/pool.ts';
import { MAX_IMPORT_BYTES } from './limits.ts';
import { FileBatch } from './file-batch.ts';
import { isUniqueViolation } from '../storage/errors.ts';
import { contentFileName, sha256 } from './hash.ts';
import { PhotoImportError } from './import-error.ts';
import { absoluteLibraryPath, libraryPath } from './paths.ts';

export { PhotoImportError } from './import-error.ts';
/** For the upload route's own size limit (multer `limits.fileSize`). */
export { MAX_IMPORT_BYTES } from './limits.ts';

/**
 * Bytes (an upload through the desktop app's IPC), or a file: then the server never holds the
 * photo, it streams it to hash it and the image process reads the path. `move`: the file is an
 * upload's temp file in the data dir, moved into the library rather than copied (and removed by
 * the caller if the import fails).
 */
export type ImportSource = { buffer: Buffer; originalName: string } | { path: string; originalName?: string; move?: boolean };

/** Imports of the same content in this process wait for each other instead of racing for the same file names. */
const inFlight = new Map<string, Promise<unknown>>();

export interface ImportOptions {
  /** A picture source brings it (not the user): the source may remove it again when it drops the item. */
  bySource?: boolean;
}

export interface ImportResult {
  photo: Photo;
  /** The same content was already in the library; nothing new was stored. */
  duplicate: boolean;
}

/**
 * Adds one photo: original kept as uploaded, EXIF-oriented thumbnail and plain "photo" variant made
 * (decoded in an image process, so the server never maps libvips).
 * Refused images throw PhotoImportError and leave nothing behind: files are written first
 * (atomically) and removed again if the database insert, which comes last, fails.
 */
export async function importPhoto(app: StoreContext, source: ImportSource, options: ImportOptions = {}): Promise<ImportResult> {
  const originalName = cleanName(source.originalName ?? ('path' in source ? path.basename(source.path) : 'photo'));
  // A duplicate is known by its bytes alone: it is never decoded again.
  const contentHash = 'buffer' in source ? sha256(source.buffer) : await hashFile(source.path);
  while (inFlight.has(contentHash)) await inFlight.get(contentHash)!.catch(() => {});
  const existing = await findByHash(app, contentHash);
  if (existing) return { photo: await claimed(app, existing, options), duplicate: true };
  const work = store(app, source, contentHash, originalName, options);
  inFlight.set(contentHash, work);
  try {
    return await work;
  } finally {
    inFlight.delete(contentHash);
  }
}

async function store(app: StoreContext, source: ImportSource, contentHash: string, originalName: string, options: ImportOptions): Promise<ImportResult> {
  const { image, display, thumb } = await runImageTask('preparePhoto', 'buffer' in source ? source.buffer : source.path);
  const variantFile = contentFileName(display.data, display.ext);
  const paths = {
    original: libraryPath('originals', `${contentHash}.${image.ext}`),
    thumb: libraryPath('thumbs', `${contentHash}.webp`),
    variant: libraryPath('variants', variantFile.fileName),
  };
  const files = new FileBatch();
  try {
    const original = absoluteLibraryPath(app.dataDir, paths.original);
    if ('buffer' in source) await files.write(original, source.buffer);
    else await files.place(original, source.path, source.move);
    await files.write(absoluteLibraryPath(app.dataDir, paths.thumb), thumb);
    await files.write(absoluteLibraryPath(app.dataDir, paths.variant), display.data);
    const now = app.now();
    const photo = await app.photos.addImported({
      contentHash, originalName, originalPath: paths.original, thumbPath: paths.thumb,
      width: image.width, height: image.height, format: image.format, importedAt: now,
      favourite: false, hidden: false, dislikes: 0, addedByUser: !options.bySource,
      quality: null, contentType: null, orientation: null, peopleCount: null, description: null, classifiedAt: null, classifier: null,
    }, {
      style: PHOTO_STYLE, filePath: paths.variant, contentHash: variantFile.hash,
      provider: 'import', createdAt: now, favourite: false, dislikes: 0, generationContext: null, score: null,
    });
    return { photo, duplicate: false };
  } catch (error) {
    // Another process stored the same content first: same content, same file names, so the files are its files now.
    const raced = isUniqueViolation(error) ? await findByHash(app, contentHash) : null;
    if (raced) return { photo: await claimed(app, raced, options), duplicate: true };
    await files.rollback();
    throw error;
  }
}

/** The user adding bytes a picture source brought makes the photo theirs too: the source dropping it no longer removes it. */
async function claimed(app: StoreContext, photo: Photo, options: ImportOptions): Promise<Photo> {
  if (options.bySource || photo.addedByUser) return photo;
  await app.photos.markAddedByUser(photo.id);
  return { ...photo, addedByUser: true };
}

function findByHash(app: StoreContext, contentHash: string): Promise<Photo | null> {
  return app.photos.byContentHash(contentHash);
}

/** The SHA-256 of a file, streamed; files over the byte limit are refused before reading. */
async function hashFile(file: string): Promise<string> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch {
    throw new PhotoImportError('the file cannot be read (missing or no permission)');
  }
  if (!stat.isFile()) throw new PhotoImportError('not a file');
  if (stat.size > MAX_IMPORT_BYTES) {
    throw new PhotoImportError(`the file is ${(stat.size / 1048576).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB`);
  }
  const hash = crypto.createHash('sha256');
  try {
    await pipeline(fs.createReadStream(file, { highWaterMark: 1 << 20 }), hash);
  } catch {
    throw new PhotoImportError('the file cannot be read (missing or no permission)');
  }
  return hash.digest('hex');
}

/** Keeps the user's file name for display only: no folders, no control characters, bounded length. */
function cleanName(name: string): string {
  const base = [...path.basename(name.replaceAll('\\', '/'))].filter((c) => c >= ' ' && c !== '\u007f').join('').trim();
  return (base || 'photo').slice(0, 255);
}
