import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { TIMESTAMP, column as col, idColumn as id, nullableColumn as nullable } from '../column-types.ts';

/** Where a mode names an item (a screen, mashup or playlist), its id sits beside the mode. */
const ITEM_COLUMNS: [table: string, column: string, type: string][] = [
  ['displays', 'default_item_id', 'integer'],
  ['weekly_rules', 'item_id', 'integer'],
  ['overrides', 'item_id', 'integer'],
  // Where a display is in its playlist, and since when (a restart keeps the place).
  ['displays', 'playlist_position', 'integer'],
  ['displays', 'playlist_since', TIMESTAMP],
];

/** Screens (plugin instances), mashups, playlists, and the item id beside every chosen mode. */
export class Screens1732400019000 implements MigrationInterface {
  name = 'Screens1732400019000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'screens',
      columns: [
        id,
        col('uuid', 'varchar', { length: '36', isUnique: true }),
        col('name', 'varchar', { length: '100' }),
        nullable('builtin_id', 'varchar', { length: '64' }),
        col('strategy', 'varchar', { length: '10' }),
        col('refresh_minutes', 'integer'),
        col('field_values', 'text'),
        nullable('polling_url', 'text'),
        nullable('data', 'text'),
        nullable('data_fetched_at', TIMESTAMP),
        nullable('last_error', 'text'),
        nullable('last_error_at', TIMESTAMP),
        col('created_at', TIMESTAMP),
      ],
    }));
    await q.createTable(new Table({
      name: 'mashups',
      columns: [id, col('name', 'varchar', { length: '100' }), col('layout', 'varchar', { length: '8' }), col('screen_ids', 'text')],
    }));
    await q.createTable(new Table({
      name: 'playlists',
      columns: [id, col('name', 'varchar', { length: '100' }), col('items', 'text')],
    }));
    for (const [table, column, type] of ITEM_COLUMNS) await q.query(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, column] of ITEM_COLUMNS) await q.query(`ALTER TABLE ${table} DROP COLUMN ${column}`);
    await q.dropTable('playlists');
    await q.dropTable('mashups');
    await q.dropTable('screens');
  }
}
