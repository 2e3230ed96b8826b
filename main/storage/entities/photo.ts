import { EntitySchema } from 'typeorm';
import type { ContentType, QualityBucket } from '../../../contract/dtos.ts';
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
  /** Classification (null until the classify job has seen the photo). */
  quality: QualityBucket | null;
  contentType: ContentType | null;
  orientation: Orientation | null;
  peopleCount: number | null;
  description: string | null;
  classifiedAt: Date | null;
  /** Which provider (and model) classified it, e.g. `builtin` or `openai:gpt-4o-mini`. */
  classifier: string | null;
  /** The user added these bytes (upload, folder import), not only a picture source: a source that drops its item leaves the photo. */
  addedByUser: boolean;
}

export { CONTENT_TYPES, QUALITY_BUCKETS, type ContentType, type QualityBucket } from '../../../contract/dtos.ts';


export const ORIENTATIONS = ['landscape', 'portrait', 'square'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

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
    quality: { type: 'varchar', length: 16, nullable: true },
    contentType: { name: 'content_type', type: 'varchar', length: 16, nullable: true },
    orientation: { type: 'varchar', length: 10, nullable: true },
    peopleCount: { name: 'people_count', type: 'integer', nullable: true },
    description: { type: 'text', nullable: true },
    classifiedAt: { name: 'classified_at', type: TIMESTAMP, nullable: true },
    classifier: { type: 'varchar', length: 120, nullable: true },
    addedByUser: { name: 'added_by_user', type: 'boolean', default: true },
  },
  indices: [
    { name: 'idx_photos_classified', columns: ['classifiedAt'] },
    { name: 'idx_photos_hidden', columns: ['hidden'] },
  ],
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
  /** JSON: how it was made (provider, model, prompt, parameters); null for the plain photo. */
  generationContext: string | null;
  /** The maker's own 0..1 rating of the result where it gives one; null = no opinion (neutral). */
  score: number | null;
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
    generationContext: { name: 'generation_context', type: 'text', nullable: true },
    score: { type: 'real', nullable: true },
  },
  indices: [
    { name: 'idx_variants_photo', columns: ['photoId'] },
    { name: 'idx_variants_photo_style', columns: ['photoId', 'style'] },
  ],
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
  indices: [
    { name: 'idx_shown_variants_display', columns: ['displayId', 'shownAt'] },
    { name: 'idx_shown_variants_display_id', columns: ['displayId', 'id'] },
  ],
});
