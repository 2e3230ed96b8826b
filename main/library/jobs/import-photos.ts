import path from 'node:path';
import { z } from 'zod';
import type { JobKind } from '../../jobs/types.ts';

const params = z.object({
  /** Folder to import; default: the watched folder (`photos.watch_folder`). */
  folder: z.string().trim().optional(),
});
export type ImportPhotosParams = z.infer<typeof params>;

/** `import_photos`: imports every image in a folder (recursively); duplicates are skipped, bad files logged. */
export const importPhotosJob: JobKind<ImportPhotosParams> = {
  kind: 'import_photos',
  description: 'Import the photos of a folder (default: the watched folder); duplicates are skipped',
  params,
  defaultJob: { name: 'import_photos', cron: null, enabled: true, requiresSettings: ['photos.watch_folder'] },
  async run({ params, app, log, signal }) {
    const folder = params.folder || (await app.settings.get('photos.watch_folder'));
    if (!folder) return { status: 'skipped', summary: 'no folder given and no watched folder set (photos.watch_folder)' };
    const dir = path.resolve(folder);
    log.info(`importing from ${dir}`);
    const { importFolder } = await import('../import-folder.ts'); // loads libvips only when photos are imported
    const result = await importFolder(app, dir, (item) => {
      if (item.status === 'failed') log.warn(`${path.relative(dir, item.file)}: ${item.reason}`);
      else if (item.status === 'imported') log.info(`${path.relative(dir, item.file)}: imported as photo ${item.photoId}`);
    }, signal);
    return { summary: `${result.imported} imported, ${result.duplicates} already in the library, ${result.failed.length} refused` };
  },
};
