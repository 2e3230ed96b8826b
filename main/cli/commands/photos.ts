import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../core/app-context.ts';
import { absoluteLibraryPath } from '../../library/paths.ts';
import { printListing } from '../output.ts';

/** `inkstand photos import DIR`: one line per image file, a summary; returns the exit status (1 if any file was refused). */
export async function photosImportCommand(app: AppContext, dir: string, out: NodeJS.WritableStream): Promise<number> {
  const root = path.resolve(dir);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    out.write(`not a folder: ${root}\n`);
    return 1;
  }
  const { importFolder } = await import('../../library/import-folder.ts'); // libvips loads with the first import
  const result = await importFolder(app, root, (item) => {
    const file = path.relative(root, item.file);
    if (item.status === 'failed') out.write(`refused    ${file}: ${item.reason}\n`);
    else out.write(`${item.status.padEnd(10)} ${file} (photo ${item.photoId})\n`);
  });
  const skipped = result.skipped ? `, ${result.skipped} other file(s) skipped` : '';
  out.write(`${result.imported} imported, ${result.duplicates} already in the library, ${result.failed.length} refused${skipped}\n`);
  return result.failed.length ? 1 : 0;
}

/** `inkstand photos [--json]`: every photo with its classification. */
export async function photosListCommand(app: AppContext, options: { json?: boolean }, out: NodeJS.WritableStream): Promise<void> {
  const photos = await app.photos.allPhotos();
  const counts = await app.photos.variantCounts();
  const rows = photos.map((p) => ({
    id: p.id,
    name: p.originalName,
    format: p.format,
    width: p.width,
    height: p.height,
    importedAt: p.importedAt.toISOString(),
    favourite: p.favourite,
    hidden: p.hidden,
    dislikes: p.dislikes,
    quality: p.quality,
    contentType: p.contentType,
    orientation: p.orientation,
    peopleCount: p.peopleCount,
    description: p.description,
    classifiedAt: p.classifiedAt?.toISOString() ?? null,
    classifier: p.classifier,
    variants: counts.get(p.id) ?? 0,
    original: absoluteLibraryPath(app.dataDir, p.originalPath),
  }));
  const table = rows.map((r) => ({ ...r, size: `${r.width}×${r.height}`, favourite: r.favourite ? 'yes' : '', hidden: r.hidden ? 'yes' : '' }));
  printListing(options.json ? rows : table, Boolean(options.json), ['id', 'name', 'size', 'quality', 'contentType', 'orientation', 'peopleCount', 'favourite', 'hidden', 'variants', 'description'], out);
}
