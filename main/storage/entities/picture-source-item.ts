import { EntitySchema } from 'typeorm';
import { TIMESTAMP } from '../column-types.ts';

/** One item a picture source brought into the library (see migration 1732400020000). */
export interface PictureSourceItem {
  id: number;
  /** The source's key, e.g. `immich:album:<id>`, `apod`, `wikimedia-potd`, `xkcd`, `url:<hash>`. */
  source: string;
  /** The item's id at the source (an asset id, a date, a comic number). */
  externalId: string;
  photoId: number;
  /** The source's own checksum of the original, when it gives one (Immich's SHA-1). */
  checksum: string | null;
  title: string | null;
  /** Author or copyright line, as the source gives it. */
  credit: string | null;
  licence: string | null;
  link: string | null;
  syncedAt: Date;
}

export const PictureSourceItemEntity = new EntitySchema<PictureSourceItem>({
  name: 'PictureSourceItem',
  tableName: 'picture_source_items',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    source: { type: 'varchar', length: 200 },
    externalId: { name: 'external_id', type: 'varchar', length: 255 },
    photoId: { name: 'photo_id', type: 'integer' },
    checksum: { type: 'varchar', length: 128, nullable: true },
    title: { type: 'text', nullable: true },
    credit: { type: 'text', nullable: true },
    licence: { type: 'varchar', length: 200, nullable: true },
    link: { type: 'text', nullable: true },
    syncedAt: { name: 'synced_at', type: TIMESTAMP },
  },
  indices: [
    { name: 'idx_picture_source_items_item', columns: ['source', 'externalId'], unique: true },
    { name: 'idx_picture_source_items_photo', columns: ['photoId'] },
  ],
});
