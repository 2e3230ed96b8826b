import fs from 'node:fs';
import path from 'node:path';
import type { TestContext } from '../helpers/test-context.ts';
import { PhotoEntity, VariantEntity, type ContentType, type QualityBucket } from '../../main/storage/entities/photo.ts';

export interface VariantSpec {
  style?: string;
  quality?: QualityBucket | null;
  contentType?: ContentType | null;
  favourite?: boolean;
  photoFavourite?: boolean;
  dislikes?: number;
  hidden?: boolean;
  createdAt?: Date;
  /** Leave the variant's file off the disk. */
  noFile?: boolean;
}

/** One photo and one variant per spec, straight into the database with a stand-in file: no image work. */
export async function seedVariants(app: TestContext, specs: VariantSpec[]): Promise<number[]> {
  const ids: number[] = [];
  const dir = path.join(app.dataDir, 'photos', 'variants');
  fs.mkdirSync(dir, { recursive: true });
  for (const [i, spec] of specs.entries()) {
    const created = spec.createdAt ?? app.now();
    const hash = `${Date.now()}-${i}-${Math.random()}`.padEnd(64, '0').slice(0, 64);
    const photo = await app.db.getRepository(PhotoEntity).save({
      contentHash: hash, originalName: `p${i}.jpg`, originalPath: `photos/originals/${i}.jpg`, thumbPath: `photos/thumbs/${i}.webp`,
      width: 800, height: 600, format: 'jpeg', importedAt: created, favourite: spec.photoFavourite ?? false, hidden: spec.hidden ?? false,
      dislikes: 0, quality: spec.quality === undefined ? 'GOOD' : spec.quality, contentType: spec.contentType ?? 'Landscape',
      orientation: 'landscape', peopleCount: null, description: null, classifiedAt: null, classifier: null,
    });
    const filePath = path.join('photos', 'variants', `${hash}.png`);
    if (!spec.noFile) fs.writeFileSync(path.join(app.dataDir, filePath), 'x');
    const variant = await app.db.getRepository(VariantEntity).save({
      photoId: photo.id, style: spec.style ?? 'photo', filePath, contentHash: hash, provider: 'test', createdAt: created,
      favourite: spec.favourite ?? false, dislikes: spec.dislikes ?? 0, generationContext: null, score: null,
    });
    ids.push(variant.id);
  }
  app.events.emit('photos-changed', {});
  return ids;
}

export { seededRandom } from '../../main/core/seeded-random.ts';
