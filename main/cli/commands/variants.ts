import fs from 'node:fs';
import type { AppContext } from '../../core/app-context.ts';
import { absoluteLibraryPath } from '../../library/paths.ts';
import { SelectionIndex } from '../../library/selection-index.ts';
import { printListing } from '../output.ts';

/**
 * `inkstand variants [--json]`: every variant with its style, source photo, current selection
 * score (0 = never drawn: hidden photo, switched-off style) and file.
 */
export async function variantsListCommand(app: AppContext, options: { json?: boolean }, out: NodeJS.WritableStream): Promise<void> {
  const [variants, photos, index] = await Promise.all([
    app.photos.allVariants(),
    app.photos.allPhotos(),
    SelectionIndex.build(app, app.now().getTime()),
  ]);
  const names = new Map(photos.map((p) => [p.id, p.originalName]));
  const rows = variants.map((v) => {
    const file = absoluteLibraryPath(app.dataDir, v.filePath);
    return {
      id: v.id,
      photoId: v.photoId,
      photoName: names.get(v.photoId) ?? null,
      style: v.style,
      provider: v.provider,
      score: Math.round((index.scoreOf(v.id) ?? 0) * 1000) / 1000,
      favourite: v.favourite,
      dislikes: v.dislikes,
      createdAt: v.createdAt.toISOString(),
      file,
      fileExists: fs.existsSync(file),
      generationContext: v.generationContext ? JSON.parse(v.generationContext) : null,
    };
  });
  const table = rows.map((r) => ({ ...r, photo: `${r.photoId} ${r.photoName ?? ''}`.trim(), file: r.fileExists ? r.file : `${r.file} (missing)` }));
  printListing(options.json ? rows : table, Boolean(options.json), ['id', 'photo', 'style', 'provider', 'score', 'file'], out);
}
