import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { TIMESTAMP } from '../column-types.ts';

const PHOTO_COLUMNS: [string, string][] = [
  ['quality', 'varchar(16)'],
  ['content_type', 'varchar(16)'],
  ['orientation', 'varchar(10)'],
  ['people_count', 'integer'],
  ['description', 'text'],
  ['classified_at', TIMESTAMP],
  ['classifier', 'varchar(120)'],
];
const VARIANT_COLUMNS: [string, string][] = [
  ['generation_context', 'text'],
  ['score', 'real'],
];

/**
 * Photo classification, variant generation context, art-style overrides and the indexes selection
 * reads. Columns are added and dropped with plain ALTER TABLE (same SQL in SQLite and PostgreSQL):
 * TypeORM's SQLite addColumn rebuilds the table, and dropping `photos` while foreign keys are
 * enforced (as during a revert) would cascade into variants and display history.
 */
export class PhotoLibrary1732400003000 implements MigrationInterface {
  name = 'PhotoLibrary1732400003000';

  async up(q: QueryRunner): Promise<void> {
    for (const [name, type] of PHOTO_COLUMNS) await q.query(`ALTER TABLE photos ADD COLUMN ${name} ${type}`);
    for (const [name, type] of VARIANT_COLUMNS) await q.query(`ALTER TABLE variants ADD COLUMN ${name} ${type}`);
    await q.createTable(new Table({
      name: 'art_style_settings',
      columns: [
        { name: 'name', type: 'varchar', length: '64', isPrimary: true },
        { name: 'enabled', type: 'boolean', default: true },
        { name: 'score', type: 'real', isNullable: true },
      ],
    }));
    await q.createIndex('photos', new TableIndex({ name: 'idx_photos_classified', columnNames: ['classified_at'] }));
    await q.createIndex('photos', new TableIndex({ name: 'idx_photos_hidden', columnNames: ['hidden'] }));
    await q.createIndex('variants', new TableIndex({ name: 'idx_variants_photo_style', columnNames: ['photo_id', 'style'] }));
    await q.createIndex('shown_variants', new TableIndex({ name: 'idx_shown_variants_display_id', columnNames: ['display_id', 'id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of ['idx_shown_variants_display_id', 'idx_variants_photo_style', 'idx_photos_hidden', 'idx_photos_classified']) {
      await q.query(`DROP INDEX ${index}`);
    }
    await q.dropTable('art_style_settings');
    for (const [name] of VARIANT_COLUMNS) await q.query(`ALTER TABLE variants DROP COLUMN ${name}`);
    for (const [name] of PHOTO_COLUMNS) await q.query(`ALTER TABLE photos DROP COLUMN ${name}`);
  }
}
