import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { newImageSecret } from '../../displays/secrets.ts';
import { TIMESTAMP, column as col, idColumn as id, nullableColumn as nullable } from '../column-types.ts';

const DISPLAY_COLUMNS: [string, string][] = [
  ['require_token', 'boolean NOT NULL DEFAULT false'],
  ['image_secret', 'varchar(64)'],
  ['special_function', "varchar(16) NOT NULL DEFAULT 'identify'"],
  ['reset_requested', 'boolean NOT NULL DEFAULT false'],
];

/**
 * What TRMNL devices need beyond the native protocol: MAC-only or token authentication, a secret per
 * display that signs its image URLs (filled here for every existing display), the double-press
 * function, a requested credentials reset, and the devices' own logs.
 */
export class TrmnlDevices1732400012000 implements MigrationInterface {
  name = 'TrmnlDevices1732400012000';

  async up(q: QueryRunner): Promise<void> {
    for (const [name, type] of DISPLAY_COLUMNS) await q.query(`ALTER TABLE displays ADD COLUMN ${name} ${type}`);
    const rows: { id: number }[] = await q.query('SELECT id FROM displays');
    for (const row of rows) {
      // The driver writes the placeholders its database wants (`?` in SQLite, `$1` in PostgreSQL).
      const [sql, params] = q.connection.driver.escapeQueryWithParameters('UPDATE displays SET image_secret = :secret WHERE id = :id', { secret: newImageSecret(), id: row.id });
      await q.query(sql, params);
    }
    await q.createTable(new Table({
      name: 'display_logs',
      columns: [
        id,
        col('display_id', 'integer'),
        col('received_at', TIMESTAMP),
        nullable('logged_at', TIMESTAMP),
        col('message', 'text'),
        nullable('source', 'varchar', { length: '200' }),
        nullable('details', 'text'),
      ],
      foreignKeys: [{ columnNames: ['display_id'], referencedTableName: 'displays', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      indices: [new TableIndex({ name: 'idx_display_logs_display', columnNames: ['display_id', 'id'] })],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('display_logs');
    for (const [name] of DISPLAY_COLUMNS) await q.query(`ALTER TABLE displays DROP COLUMN ${name}`);
  }
}
