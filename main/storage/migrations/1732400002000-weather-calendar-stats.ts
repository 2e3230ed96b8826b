import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { TIMESTAMP, column as col, idColumn as id, nullableColumn as nullable } from '../column-types.ts';


/** Stored weather per location, calendars with their expanded occurrences, and per-minute system stats. */
export class WeatherCalendarStats1732400002000 implements MigrationInterface {
  name = 'WeatherCalendarStats1732400002000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'weather_current',
      columns: [
        id,
        col('location_key', 'varchar', { length: '32', isUnique: true }),
        col('location_name', 'varchar', { length: '100' }),
        col('latitude', 'real'),
        col('longitude', 'real'),
        nullable('time_zone', 'varchar', { length: '64' }),
        col('provider', 'varchar', { length: '32' }),
        col('fetched_at', TIMESTAMP),
        nullable('observed_at', TIMESTAMP),
        nullable('temperature_c', 'real'),
        nullable('weather_code', 'integer'),
        nullable('wind_speed_kmh', 'real'),
        nullable('wind_direction_deg', 'real'),
        nullable('humidity_pct', 'real'),
        nullable('is_day', 'boolean'),
      ],
    }));
    await q.createTable(new Table({
      name: 'weather_days',
      columns: [
        id,
        col('location_key', 'varchar', { length: '32' }),
        col('date', 'varchar', { length: '10' }),
        col('weather_code', 'integer'),
        col('min_c', 'real'),
        col('max_c', 'real'),
        nullable('precipitation_probability_pct', 'real'),
        nullable('wind_speed_max_kmh', 'real'),
        nullable('wind_direction_deg', 'real'),
        nullable('sunrise', 'varchar', { length: '32' }),
        nullable('sunset', 'varchar', { length: '32' }),
      ],
      indices: [new TableIndex({ name: 'uq_weather_days_location_date', columnNames: ['location_key', 'date'], isUnique: true })],
    }));
    await q.createTable(new Table({
      name: 'calendars',
      columns: [
        id,
        col('name', 'varchar', { length: '100', isUnique: true }),
        col('url', 'varchar', { length: '2000' }),
        col('color', 'varchar', { length: '9' }),
        col('enabled', 'boolean'),
        col('created_at', TIMESTAMP),
        nullable('last_fetched_at', TIMESTAMP),
        nullable('last_error', 'text'),
      ],
    }));
    await q.createTable(new Table({
      name: 'calendar_occurrences',
      columns: [
        id,
        col('calendar_id', 'integer'),
        col('uid', 'varchar', { length: '255' }),
        nullable('recurrence_id', 'varchar', { length: '40' }),
        col('start_at', TIMESTAMP),
        col('end_at', TIMESTAMP),
        col('all_day', 'boolean'),
        col('summary', 'text'),
        nullable('location', 'text'),
        nullable('source_time_zone', 'varchar', { length: '64' }),
      ],
      foreignKeys: [{ columnNames: ['calendar_id'], referencedTableName: 'calendars', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      indices: [
        new TableIndex({ name: 'idx_calendar_occurrences_calendar', columnNames: ['calendar_id'] }),
        new TableIndex({ name: 'idx_calendar_occurrences_start', columnNames: ['start_at'] }),
      ],
    }));
    await q.createTable(new Table({
      name: 'stats_samples',
      columns: [
        id,
        col('sampled_at', TIMESTAMP, { isUnique: true }),
        col('cpu_pct', 'real'),
        col('mem_used_pct', 'real'),
        col('mem_used_bytes', 'double precision'),
        col('mem_total_bytes', 'double precision'),
        nullable('swap_used_pct', 'real'),
        col('disk_used_pct', 'real'),
        col('disk_used_bytes', 'double precision'),
        col('disk_total_bytes', 'double precision'),
        col('net_rx_bytes_per_s', 'double precision'),
        col('net_tx_bytes_per_s', 'double precision'),
      ],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['stats_samples', 'calendar_occurrences', 'calendars', 'weather_days', 'weather_current']) await q.dropTable(table);
  }
}
