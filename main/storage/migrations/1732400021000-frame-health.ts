import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { TIMESTAMP, column as col, idColumn as id, nullableColumn as nullable } from '../column-types.ts';

const DISPLAY_COLUMNS: [string, string][] = [
  ['cpu_temperature', 'real'],
  ['uptime_s', 'integer'],
  ['notify_offline', 'boolean NOT NULL DEFAULT true'],
  ['offline_notified_for', TIMESTAMP],
];

/**
 * What a frame reports beyond battery and signal (CPU temperature, uptime), a few days of it for the
 * display's card (one sample per display every ten minutes), and the offline notification: whether
 * the user wants one, and for which silence (the last-seen time it started at) it was sent.
 */
export class FrameHealth1732400021000 implements MigrationInterface {
  name = 'FrameHealth1732400021000';

  async up(q: QueryRunner): Promise<void> {
    for (const [name, type] of DISPLAY_COLUMNS) await q.query(`ALTER TABLE displays ADD COLUMN ${name} ${type}`);
    await q.createTable(new Table({
      name: 'display_telemetry',
      columns: [
        id,
        col('display_id', 'integer'),
        col('at', TIMESTAMP),
        nullable('cpu_temperature', 'real'),
        nullable('rssi', 'integer'),
        nullable('battery_voltage', 'real'),
      ],
      foreignKeys: [{ columnNames: ['display_id'], referencedTableName: 'displays', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      indices: [new TableIndex({ name: 'idx_display_telemetry_display_at', columnNames: ['display_id', 'at'] })],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('display_telemetry');
    for (const [name] of DISPLAY_COLUMNS) await q.query(`ALTER TABLE displays DROP COLUMN ${name}`);
  }
}
