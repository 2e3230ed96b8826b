import { EntitySchema } from 'typeorm';
import { TIMESTAMP } from '../column-types.ts';

export interface Photo {
  id: number;
  contentHash: string;
  originalName: string;
  /** Relative to the data dir. */
  originalPath: string;
  thumbPath: string;
  width: number;
  height: number;
  format: string;
  importedAt: Date;
  favourite: boolean;
  hidden: boolean;
  dislikes: number;
}

export const PhotoEntity = new EntitySchema<Photo>({
  name: 'Photo',
  tableName: 'photos',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    contentHash: { name: 'content_hash', type: 'varchar', length: 64, unique: true },
    originalName: { name: 'original_name', type: 'varchar', length: 255 },
    originalPath: { name: 'original_path', type: 'varchar', length: 255 },
    thumbPath: { name: 'thumb_path', type: 'varchar', length: 255 },
    width: { type: 'integer' },
    height: { type: 'integer' },
    format: { type: 'varchar', length: 16 },
    importedAt: { name: 'imported_at', type: TIMESTAMP },
    favourite: { type: 'boolean', default: false },
    hidden: { type: 'boolean', default: false },
    dislikes: { type: 'integer', default: 0 },
  },
});

/** What a display can show in photo mode: the plain photo (style "photo") or an art variant of it. */
export interface Variant {
  id: number;
  photoId: number;
  style: string;
  /** Relative to the data dir. */
  filePath: string;
  contentHash: string;
  provider: string;
  createdAt: Date;
  favourite: boolean;
  dislikes: number;
}

export const VariantEntity = new EntitySchema<Variant>({
  name: 'Variant',
  tableName: 'variants',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    photoId: { name: 'photo_id', type: 'integer' },
    style: { type: 'varchar', length: 64 },
    filePath: { name: 'file_path', type: 'varchar', length: 255 },
    contentHash: { name: 'content_hash', type: 'varchar', length: 64 },
    provider: { type: 'varchar', length: 32 },
    createdAt: { name: 'created_at', type: TIMESTAMP },
    favourite: { type: 'boolean', default: false },
    dislikes: { type: 'integer', default: 0 },
  },
  indices: [{ name: 'idx_variants_photo', columns: ['photoId'] }],
});

/** Which variant a display showed when: "previous" and the no-repeat window read it. */
export interface ShownVariant {
  id: number;
  displayId: number;
  variantId: number;
  shownAt: Date;
}

export const ShownVariantEntity = new EntitySchema<ShownVariant>({
  name: 'ShownVariant',
  tableName: 'shown_variants',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    displayId: { name: 'display_id', type: 'integer' },
    variantId: { name: 'variant_id', type: 'integer' },
    shownAt: { name: 'shown_at', type: TIMESTAMP },
  },
  indices: [{ name: 'idx_shown_variants_display', columns: ['displayId', 'shownAt'] }],
});
