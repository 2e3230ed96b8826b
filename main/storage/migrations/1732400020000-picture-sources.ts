import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { TIMESTAMP, column as col, idColumn as id, nullableColumn as nullable } from '../column-types.ts';

/**
 * Where library photos came from when a picture source brought them (an Immich album or person,
 * NASA APOD, Wikimedia's picture of the day, a comic, an image URL): one row per item of a source,
 * with its credit and licence, so a re-sync knows what it has and a caption can name the author.
 */
export class PictureSources1732400020000 implements MigrationInterface {
  name = 'PictureSources1732400020000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'picture_source_items',
      columns: [
        id,
        col('source', 'varchar', { length: '200' }),
        col('external_id', 'varchar', { length: '255' }),
        col('photo_id', 'integer'),
        nullable('checksum', 'varchar', { length: '128' }),
        nullable('title', 'text'),
        nullable('credit', 'text'),
        nullable('licence', 'varchar', { length: '200' }),
        nullable('link', 'text'),
        col('synced_at', TIMESTAMP),
      ],
      foreignKeys: [{ columnNames: ['photo_id'], referencedTableName: 'photos', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      indices: [
        new TableIndex({ name: 'idx_picture_source_items_item', columnNames: ['source', 'external_id'], isUnique: true }),
        new TableIndex({ name: 'idx_picture_source_items_photo', columnNames: ['photo_id'] }),
      ],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('picture_source_items');
  }
}
