import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { TIMESTAMP, column as col, idColumn as id, nullableColumn as nullable } from '../column-types.ts';


/** Displays, schedules, overrides, photos, variants, frames, settings and custom panel profiles. */
export class Core1732400000000 implements MigrationInterface {
  name = 'Core1732400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'settings',
      columns: [col('key', 'varchar', { length: '128', isPrimary: true }), col('value', 'text')],
    }));
    await q.createTable(new Table({
      name: 'panel_profiles',
      columns: [col('id', 'varchar', { length: '64', isPrimary: true }), col('definition', 'text')],
    }));
    await q.createTable(new Table({
      name: 'displays',
      columns: [
        id,
        col('hardware_id', 'varchar', { length: '128', isUnique: true }),
        col('human_id', 'varchar', { length: '16', isUnique: true }),
        col('name', 'varchar', { length: '100' }),
        col('protocol', 'varchar', { length: '10' }),
        col('status', 'varchar', { length: '10' }),
        col('pairing_code', 'varchar', { length: '6' }),
        nullable('token_hash', 'varchar', { length: '64', isUnique: true }),
        col('profile_id', 'varchar', { length: '64' }),
        col('rotation', 'integer'),
        col('time_zone', 'varchar', { length: '64' }),
        col('default_mode', 'varchar', { length: '16' }),
        col('rotation_interval_s', 'integer'),
        col('poll_interval_s', 'integer'),
        nullable('quiet_start', 'varchar', { length: '5' }),
        nullable('quiet_end', 'varchar', { length: '5' }),
        nullable('button_map', 'text'),
        nullable('frame_settings', 'text'),
        nullable('message_text', 'text'),
        nullable('current_variant_id', 'integer'),
        nullable('current_since', TIMESTAMP),
        nullable('last_seen', TIMESTAMP),
        nullable('battery_voltage', 'real'),
        nullable('rssi', 'integer'),
        nullable('firmware', 'varchar', { length: '64' }),
        col('requested_width', 'integer'),
        col('requested_height', 'integer'),
        col('created_at', TIMESTAMP),
        nullable('approved_at', TIMESTAMP),
      ],
    }));
    await q.createTable(new Table({
      name: 'weekly_rules',
      columns: [
        id,
        col('display_id', 'integer'),
        col('weekday', 'integer'),
        col('start_minute', 'integer'),
        col('end_minute', 'integer'),
        col('mode', 'varchar', { length: '16' }),
      ],
      foreignKeys: [{ columnNames: ['display_id'], referencedTableName: 'displays', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      indices: [new TableIndex({ name: 'idx_weekly_rules_display', columnNames: ['display_id'] })],
    }));
    await q.createTable(new Table({
      name: 'overrides',
      columns: [
        col('display_id', 'integer', { isPrimary: true }),
        col('mode', 'varchar', { length: '16' }),
        col('until', TIMESTAMP),
        col('created_at', TIMESTAMP),
      ],
      foreignKeys: [{ columnNames: ['display_id'], referencedTableName: 'displays', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
    }));
    await q.createTable(new Table({
      name: 'photos',
      columns: [
        id,
        col('content_hash', 'varchar', { length: '64', isUnique: true }),
        col('original_name', 'varchar', { length: '255' }),
        col('original_path', 'varchar', { length: '255' }),
        col('thumb_path', 'varchar', { length: '255' }),
        col('width', 'integer'),
        col('height', 'integer'),
        col('format', 'varchar', { length: '16' }),
        col('imported_at', TIMESTAMP),
        col('favourite', 'boolean', { default: false }),
        col('hidden', 'boolean', { default: false }),
        col('dislikes', 'integer', { default: 0 }),
      ],
    }));
    await q.createTable(new Table({
      name: 'variants',
      columns: [
        id,
        col('photo_id', 'integer'),
        col('style', 'varchar', { length: '64' }),
        col('file_path', 'varchar', { length: '255' }),
        col('content_hash', 'varchar', { length: '64' }),
        col('provider', 'varchar', { length: '32' }),
        col('created_at', TIMESTAMP),
        col('favourite', 'boolean', { default: false }),
        col('dislikes', 'integer', { default: 0 }),
      ],
      foreignKeys: [{ columnNames: ['photo_id'], referencedTableName: 'photos', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      indices: [new TableIndex({ name: 'idx_variants_photo', columnNames: ['photo_id'] })],
    }));
    await q.createTable(new Table({
      name: 'shown_variants',
      columns: [id, col('display_id', 'integer'), col('variant_id', 'integer'), col('shown_at', TIMESTAMP)],
      foreignKeys: [
        { columnNames: ['display_id'], referencedTableName: 'displays', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        { columnNames: ['variant_id'], referencedTableName: 'variants', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
      ],
      indices: [new TableIndex({ name: 'idx_shown_variants_display', columnNames: ['display_id', 'shown_at'] })],
    }));
    await q.createTable(new Table({
      name: 'frames',
      columns: [
        id,
        col('render_key', 'varchar', { length: '64', isUnique: true }),
        col('version', 'varchar', { length: '32' }),
        col('file_path', 'varchar', { length: '255' }),
        col('source_kind', 'varchar', { length: '16' }),
        col('source_ref', 'varchar', { length: '255' }),
        col('produced_at', TIMESTAMP),
      ],
      indices: [new TableIndex({ name: 'idx_frames_version', columnNames: ['version'] })],
    }));
    await q.createTable(new Table({
      name: 'display_frames',
      columns: [
        col('display_id', 'integer', { isPrimary: true }),
        col('frame_id', 'integer'),
        col('mode', 'varchar', { length: '16' }),
        col('assigned_at', TIMESTAMP),
      ],
      foreignKeys: [
        { columnNames: ['display_id'], referencedTableName: 'displays', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        { columnNames: ['frame_id'], referencedTableName: 'frames', referencedColumnNames: ['id'] },
      ],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['display_frames', 'frames', 'shown_variants', 'variants', 'photos', 'overrides', 'weekly_rules', 'displays', 'panel_profiles', 'settings']) {
      await q.dropTable(table);
    }
  }
}
