import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { TIMESTAMP } from '../column-types.ts';

const nullable = (name: string, type: string, extra: Record<string, unknown> = {}) =>
  new TableColumn({ name, type, isNullable: true, ...extra });

/** Photo classification, variant generation context, art-style overrides and the indexes selection reads. */
export class PhotoLibrary1732400003000 implements MigrationInterface {
  name = 'PhotoLibrary1732400003000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('photos', [
      nullable('quality', 'varchar', { length: '16' }),
      nullable('content_type', 'varchar', { length: '16' }),
      nullable('orientation', 'varchar', { length: '10' }),
      nullable('people_count', 'integer'),
      nullable('description', 'text'),
      nullable('classified_at', TIMESTAMP),
      nullable('classifier', 'varchar', { length: '120' }),
    ]);
    await q.addColumns('variants', [
      nullable('generation_context', 'text'),
      nullable('score', 'real'),
    ]);
    await q.createTable(new Table({
      name: 'art_style_settings',
      columns: [
        { name: 'name', type: 'varchar', length: '64', isPrimary: true },
        { name: 'enabled', type: 'boolean', default: true },
        { name: 'score', type: 'real', isNullable: true },
      ],
    }));
    await q.createIndices('photos', [
      new TableIndex({ name: 'idx_photos_classified', columnNames: ['classified_at'] }),
      new TableIndex({ name: 'idx_photos_hidden', columnNames: ['hidden'] }),
    ]);
    await q.createIndex('variants', new TableIndex({ name: 'idx_variants_photo_style', columnNames: ['photo_id', 'style'] }));
    await q.createIndex('shown_variants', new TableIndex({ name: 'idx_shown_variants_display_id', columnNames: ['display_id', 'id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('shown_variants', 'idx_shown_variants_display_id');
    await q.dropIndex('variants', 'idx_variants_photo_style');
    await q.dropIndex('photos', 'idx_photos_hidden');
    await q.dropIndex('photos', 'idx_photos_classified');
    await q.dropTable('art_style_settings');
    await q.dropColumns('variants', ['generation_context', 'score']);
    await q.dropColumns('photos', ['quality', 'content_type', 'orientation', 'people_count', 'description', 'classified_at', 'classifier']);
  }
}
