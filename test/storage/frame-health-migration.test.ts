import { afterEach, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../main/storage/database.ts';
import { DisplayEntity } from '../../main/storage/entities/display.ts';
import { columnNames, hasTable, undoThrough } from '../helpers/migrations.ts';
import { tempDataDir } from '../helpers/test-server.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

describe.each(testDatabases('migration FrameHealth1732400021000'))('migration FrameHealth1732400021000 (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);
  let db: DataSource;
  afterEach(() => db?.destroy());

  it('adds the health columns to displays that already exist (notifications on), the telemetry table, and takes them away again', async () => {
    db = await openDatabase(tempDataDir(), { databaseUrl: await freshDatabase() });
    await undoThrough(db, 'FrameHealth1732400021000');
    expect(await columnNames(db, 'displays')).not.toContain('cpu_temperature');
    const row = await db.query('SELECT id FROM displays');
    expect(row).toEqual([]);
    await db.query(`INSERT INTO displays (hardware_id, human_id, name, protocol, status, pairing_code, profile_id, rotation, time_zone, default_mode,
      rotation_interval_s, poll_interval_s, requested_width, requested_height, created_at, image_secret)
      VALUES ('test:old', 'abc-def-ghk', 'Old', 'native', 'approved', '123456', 'inky-impression-7.3', 0, 'UTC', 'photo', 3600, 300, 800, 480, '2026-01-01 00:00:00', 'x')`);

    await db.runMigrations({ transaction: 'each' });
    expect(await columnNames(db, 'displays')).toEqual(expect.arrayContaining(['cpu_temperature', 'uptime_s', 'notify_offline', 'offline_notified_for']));
    expect(await columnNames(db, 'display_telemetry')).toEqual(['id', 'display_id', 'at', 'cpu_temperature', 'rssi', 'battery_voltage']);
    expect(await db.getRepository(DisplayEntity).findOneByOrFail({ hardwareId: 'test:old' })).toMatchObject({ cpuTemperature: null, uptimeS: null, notifyOffline: true, offlineNotifiedFor: null });

    await undoThrough(db, 'FrameHealth1732400021000');
    expect(await columnNames(db, 'displays')).not.toContain('notify_offline');
    expect(await hasTable(db, 'display_telemetry')).toBe(false);
    expect((await db.query('SELECT name FROM displays'))[0].name).toBe('Old');
  });
});
