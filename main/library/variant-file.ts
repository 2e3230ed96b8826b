import fs from 'node:fs';
import type { StoreContext } from '../core/app-context.ts';
import { PhotoEntity, VariantEntity } from '../storage/entities/photo.ts';
import { absoluteLibraryPath } from './paths.ts';

export type VariantFile = { status: 'ok'; filePath: string } | { status: 'gone' } | { status: 'missing-file'; relativePath: string };

/** Whether a variant can be shown: it and its photo exist, the photo is not hidden, and the file is on disk. */
export async function checkVariantFile(app: StoreContext, variantId: number): Promise<VariantFile> {
  const row = await app.db.getRepository(VariantEntity).createQueryBuilder('v')
    .innerJoin(PhotoEntity.options.name, 'p', 'p.id = v.photoId')
    .select('v.filePath', 'file_path')
    .addSelect('p.hidden', 'hidden')
    .where('v.id = :variantId', { variantId })
    .getRawOne<{ file_path: string; hidden: number | boolean }>();
  if (!row || row.hidden === true || row.hidden === 1) return { status: 'gone' };
  const filePath = absoluteLibraryPath(app.dataDir, row.file_path);
  return fs.existsSync(filePath) ? { status: 'ok', filePath } : { status: 'missing-file', relativePath: row.file_path };
}

/** The variant's absolute file path, or null when it, its photo or its file is gone (or the photo is hidden). */
export async function variantFileIfAvailable(app: StoreContext, variantId: number): Promise<string | null> {
  const file = await checkVariantFile(app, variantId);
  return file.status === 'ok' ? file.filePath : null;
}
