import type { DataSource } from 'typeorm';
import { PhotoEntity, VariantEntity, type ContentType, type Photo, type QualityBucket, type Variant } from '../storage/entities/photo.ts';

/** One drawable variant with what its score is made of (raw columns: booleans may be 0/1, times text). */
export interface CandidateRow {
  id: number;
  style: string;
  created_at: string | Date;
  favourite: number | boolean;
  dislikes: number;
  score: number | null;
  quality: QualityBucket | null;
  content_type: ContentType | null;
  photo_favourite: number | boolean;
  photo_dislikes: number;
}

export type NewPhoto = Omit<Photo, 'id'>;
export type NewVariant = Omit<Variant, 'id'>;

/** The photo store's longer queries; only the store calls these. */
export function selectionCandidates(db: DataSource): Promise<CandidateRow[]> {
  return db.getRepository(VariantEntity).createQueryBuilder('v')
    .innerJoin(PhotoEntity.options.name, 'p', 'p.id = v.photoId')
    .select('v.id', 'id')
    .addSelect('v.style', 'style')
    .addSelect('v.createdAt', 'created_at')
    .addSelect('v.favourite', 'favourite')
    .addSelect('v.dislikes', 'dislikes')
    .addSelect('v.score', 'score')
    .addSelect('p.quality', 'quality')
    .addSelect('p.contentType', 'content_type')
    .addSelect('p.favourite', 'photo_favourite')
    .addSelect('p.dislikes', 'photo_dislikes')
    .where('p.hidden = :hidden', { hidden: false })
    .getRawMany<CandidateRow>();
}

/** A variant's file and whether its photo is hidden; null when the variant or its photo is gone. */
export async function variantFileRow(db: DataSource, variantId: number): Promise<{ filePath: string; hidden: boolean } | null> {
  const row = await db.getRepository(VariantEntity).createQueryBuilder('v')
    .innerJoin(PhotoEntity.options.name, 'p', 'p.id = v.photoId')
    .select('v.filePath', 'file_path')
    .addSelect('p.hidden', 'hidden')
    .where('v.id = :variantId', { variantId })
    .getRawOne<{ file_path: string; hidden: number | boolean }>();
  return row ? { filePath: row.file_path, hidden: row.hidden === true || row.hidden === 1 } : null;
}

/** An imported photo and its plain variant, in one transaction. */
export function insertImported(db: DataSource, photo: NewPhoto, plain: Omit<NewVariant, 'photoId'>): Promise<Photo> {
  return db.transaction(async (manager) => {
    const saved = await manager.getRepository(PhotoEntity).save(photo);
    await manager.getRepository(VariantEntity).insert({ ...plain, photoId: saved.id });
    return saved;
  });
}
