import type { StoreContext } from '../core/app-context.ts';
import type { Variant } from '../storage/entities/photo.ts';
import { FileBatch } from './file-batch.ts';
import { contentFileName } from './hash.ts';
import { absoluteLibraryPath, libraryPath } from './paths.ts';

export interface NewVariant {
  photoId: number;
  style: string;
  data: Buffer;
  ext: string;
  provider: string;
  context: Record<string, unknown>;
  score?: number | null;
}

/** Stores a generated variant: file first (atomically, content-named), row last; the file goes again if the row fails. */
export async function addVariant(app: StoreContext, input: NewVariant): Promise<Variant> {
  const { hash, fileName } = contentFileName(input.data, input.ext);
  const filePath = libraryPath('variants', fileName);
  const files = new FileBatch();
  try {
    await files.write(absoluteLibraryPath(app.dataDir, filePath), input.data);
    return await app.photos.addVariant({
      photoId: input.photoId, style: input.style, filePath, contentHash: hash, provider: input.provider,
      createdAt: app.now(), favourite: false, dislikes: 0, generationContext: JSON.stringify(input.context), score: input.score ?? null,
    });
  } catch (error) {
    await files.rollback();
    throw error;
  }
}
