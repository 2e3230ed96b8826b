import type { AppContext } from '../core/app-context.ts';
import { importPhoto, PhotoImportError } from '../library/import.ts';
import { deletePhoto } from '../library/photo-actions.ts';
import { SourceError } from './source-http.ts';

/** One picture a source offers, before its bytes are fetched. */
export interface PictureListing {
  externalId: string;
  /** The source's checksum of the original when it has one: a changed checksum fetches the picture again. */
  checksum?: string | null;
  title?: string | null;
  credit?: string | null;
  licence?: string | null;
  link?: string | null;
  fileName: string;
}

export interface SyncReport {
  added: number;
  removed: number;
  unchanged: number;
  /** Image bytes downloaded: 0 for a re-sync of an unchanged album. */
  bytesFetched: number;
  /** Items that could not be brought in, each with why; the rest of the sync went on. */
  failed: string[];
}

export interface SyncOptions {
  /** An album mirror drops pictures that left the source; a picture of the day keeps its history. */
  removeMissing: boolean;
  fetchOriginal(item: PictureListing): Promise<Buffer>;
  signal?: AbortSignal;
}

/**
 * Brings a picture source's items into the photo library, so they get the selection, scoring and
 * dithering photos get, and remembers per source which photo each item became, with its credit.
 * Only items the library does not have (or whose checksum changed) are downloaded.
 */
export async function syncPictures(app: AppContext, source: string, listing: readonly PictureListing[], options: SyncOptions): Promise<SyncReport> {
  const items = app.pictureSources;
  const known = new Map((await items.itemsOf(source)).map((item) => [item.externalId, item]));
  const report: SyncReport = { added: 0, removed: 0, unchanged: 0, bytesFetched: 0, failed: [] };
  const listed = new Set<string>();
  for (const entry of listing) {
    if (options.signal?.aborted) throw options.signal.reason;
    listed.add(entry.externalId);
    const have = known.get(entry.externalId);
    if (have && (!entry.checksum || entry.checksum === have.checksum)) {
      report.unchanged++;
      continue;
    }
    try {
      const bytes = await options.fetchOriginal(entry);
      report.bytesFetched += bytes.length;
      const { photo } = await importPhoto(app, { buffer: bytes, originalName: entry.fileName }, { bySource: true });
      const row = { source, externalId: entry.externalId, photoId: photo.id, checksum: entry.checksum ?? null, title: entry.title ?? null, credit: entry.credit ?? null, licence: entry.licence ?? null, link: entry.link ?? null, syncedAt: app.now() };
      await items.save(row, have?.id);
      if (have && have.photoId !== photo.id) await removePhotoIfUnused(app, have.photoId);
      report.added++;
    } catch (err) {
      if (!(err instanceof SourceError || err instanceof PhotoImportError)) throw err;
      report.failed.push(`${entry.title ?? entry.externalId}: ${err.message}`);
    }
  }
  if (options.removeMissing) {
    const gone = [...known.values()].filter((item) => !listed.has(item.externalId));
    await items.remove(gone.map((item) => item.id));
    for (const item of gone) await removePhotoIfUnused(app, item.photoId);
    report.removed = gone.length;
  }
  return report;
}

/** A photo goes with its last source item; one another source (or album) also brought, or the user added too, stays. */
async function removePhotoIfUnused(app: AppContext, photoId: number): Promise<void> {
  if ((await app.pictureSources.countFor(photoId)) > 0) return;
  const photo = await app.photos.photoById(photoId);
  if (photo && !photo.addedByUser) await deletePhoto(app, photoId);
}
