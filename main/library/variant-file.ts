import fs from 'node:fs';
import type { StoreContext } from '../core/app-context.ts';
import { absoluteLibraryPath } from './paths.ts';

export type VariantFile = { status: 'ok'; filePath: string } | { status: 'gone' } | { status: 'missing-file'; relativePath: string };

/** Whether a variant can be shown: it and its photo exist, the photo is not hidden, and the file is on disk. */
export async function checkVariantFile(app: Pick<StoreContext, 'dataDir' | 'photos'>, variantId: number): Promise<VariantFile> {
  const row = await app.photos.variantFile(variantId);
  if (!row || row.hidden) return { status: 'gone' };
  const filePath = absoluteLibraryPath(app.dataDir, row.filePath);
  return fs.existsSync(filePath) ? { status: 'ok', filePath } : { status: 'missing-file', relativePath: row.filePath };
}

/** The variant's absolute file path, or null when it, its photo or its file is gone (or the photo is hidden). */
export async function variantFileIfAvailable(app: Pick<StoreContext, 'dataDir' | 'photos'>, variantId: number): Promise<string | null> {
  const file = await checkVariantFile(app, variantId);
  return file.status === 'ok' ? file.filePath : null;
}
