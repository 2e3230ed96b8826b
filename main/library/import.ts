import fs from 'node:fs';
import path from 'node:path';
import { PHOTO_STYLE } from '../ai/styles.ts';
import type { StoreContext } from '../core/app-context.ts';
import type { Photo } from '../storage/entities/photo.ts';
import { runImageTask } from '../imaging/pool.ts';
import { FileBatch } from './file-batch.ts';
import { hashFile } from './file-hash.ts';
import { isUniqueViolation } from '../storage/errors.ts';
import { sha256 } from './hash.ts';
import { LIBRARY_DIRS, absoluteLibraryPath, libraryPath } from './paths.ts';
import type { StagedFile } from './stage-photo.ts';

export { PhotoImportError } from './import-error.ts';
/** For the upload route's own size limit (multer `limits.fileSize`). */
export { MAX_IMPORT_BYTES } from './limits.ts';

/**
 * Bytes (an upload through the desktop app's IPC), or a file: then the server never holds the
 * photo, it hashes it a chunk at a time and the image process reads the path. `move`: the file is an
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
  const thumbPath = libraryPath('thumbs', `${contentHash}.webp`);
  const targets = { thumb: absoluteLibraryPath(app.dataDir, thumbPath), variantsDir: absoluteLibraryPath(app.dataDir, LIBRARY_DIRS.variants) };
  const { image, thumb, variant } = await runImageTask('stagePhoto', 'buffer' in source ? source.buffer : source.path, targets);
  const paths = { original: libraryPath('originals', `${contentHash}.${image.ext}`), thumb: thumbPath, variant: libraryPath('variants', variant.fileName) };
  const files = new FileBatch();
  try {
    const original = absoluteLibraryPath(app.dataDir, paths.original);
    if ('buffer' in source) await files.write(original, source.buffer);
    else await files.place(original, source.path, source.move);
    await files.place(thumb.target, thumb.temp, true);
    await files.place(variant.target, variant.temp, true);
    const now = app.now();
    const photo = await app.photos.addImported({
      contentHash, originalName, originalPath: paths.original, thumbPath: paths.thumb,
      width: image.width, height: image.height, format: image.format, importedAt: now,
      favourite: false, hidden: false, dislikes: 0, addedByUser: !options.bySource,
      quality: null, contentType: null, orientation: null, peopleCount: null, description: null, classifiedAt: null, classifier: null,
    }, {
      style: PHOTO_STYLE, filePath: paths.variant, contentHash: variant.hash,
      provider: 'import', createdAt: now, favourite: false, dislikes: 0, generationContext: null, score: null,
    });
    return { photo, duplicate: false };
  } catch (error) {
    // Another process stored the same content first: same content, same file names, so the files are its files now.
    const raced = isUniqueViolation(error) ? await findByHash(app, contentHash) : null;
    if (raced) return { photo: await claimed(app, raced, options), duplicate: true };
    await files.rollback();
    throw error;
  } finally {
    await removeUnplaced([thumb, variant]);
  }
}

/** The image process's temp files not renamed into place (the import failed before): gone with it. */
async function removeUnplaced(staged: StagedFile[]): Promise<void> {
  await Promise.all(staged.map(({ temp }) => fs.promises.rm(temp, { force: true })));
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

/** Keeps the user's file name for display only: no folders, no control characters, bounded length. */
function cleanName(name: string): string {
  const base = [...path.basename(name.replaceAll('\\', '/'))].filter((c) => c >= ' ' && c !== '\u007f').join('').trim();
  return (base || 'photo').slice(0, 255);
}
