import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { Core1732400000000 } from '../../main/storage/migrations/1732400000000-core.ts';
import { Jobs1732400001000 } from '../../main/storage/migrations/1732400001000-jobs.ts';
import { WeatherCalendarStats1732400002000 } from '../../main/storage/migrations/1732400002000-weather-calendar-stats.ts';
import { PhotoLibrary1732400003000 } from '../../main/storage/migrations/1732400003000-photo-library.ts';
import { TrmnlDevices1732400012000 } from '../../main/storage/migrations/1732400012000-trmnl-devices.ts';

const BEFORE = [Core1732400000000, Jobs1732400001000, WeatherCalendarStats1732400002000, PhotoLibrary1732400003000];
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function dataSource(file: string, migrations: (new () => object)[]): DataSource {
  return new DataSource({ type: 'better-sqlite3', database: file, migrations: migrations as never, synchronize: false, prepareDatabase: (raw: { pragma(s: string): unknown }) => void raw.pragma('foreign_keys = ON') });
}

const insertDisplay = (db: DataSource, hardwareId: string, humanId: string) => db.query(`INSERT INTO displays (hardware_id, human_id, name, protocol, status, pairing_code, token_hash, profile_id, rotation, time_zone, default_mode, rotation_interval_s, poll_interval_s, requested_width, requested_height, created_at)
  VALUES (?, ?, 'frame', 'trmnl', 'approved', '000000', NULL, 'trmnl-og-1bit', 0, 'UTC', 'photo', 900, 900, 800, 480, '2024-11-01 10:00:00.000')`, [hardwareId, humanId]);

describe('migration 1732400012000-trmnl-devices', () => {
  it('gives every existing display its own image secret and TRMNL defaults, and adds device logs that go with their display', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-migration-'));
    dirs.push(dir);
    const file = path.join(dir, 'db.sqlite');
    const before = dataSource(file, BEFORE);
    await before.initialize();
    await before.runMigrations();
    await insertDisplay(before, 'trmnl:aa:bb:cc:dd:ee:01', 'abc-def-ghk');
    await insertDisplay(before, 'trmnl:aa:bb:cc:dd:ee:02', 'abc-def-ghm');
    await before.destroy();

    const after = dataSource(file, [...BEFORE, TrmnlDevices1732400012000]);
    await after.initialize();
    await after.runMigrations({ transaction: 'each' });
    const rows: { image_secret: string; require_token: number; special_function: string; reset_requested: number }[] =
      await after.query('SELECT image_secret, require_token, special_function, reset_requested FROM displays ORDER BY id');
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.image_secret).toMatch(/^[0-9a-f]{64}$/);
      expect(row).toMatchObject({ require_token: 0, special_function: 'identify', reset_requested: 0 });
    }
    expect(rows[0].image_secret).not.toBe(rows[1].image_secret);

    await after.query(`INSERT INTO display_logs (display_id, received_at, message) VALUES (1, '2024-11-02 10:00:00.000', 'wifi connected')`);
    await after.query('DELETE FROM displays WHERE id = 1');
    expect(await after.query('SELECT COUNT(*) AS n FROM display_logs')).toEqual([{ n: 0 }]);

    await after.undoLastMigration({ transaction: 'each' });
    expect((await after.query('PRAGMA table_info(displays)')).map((c: { name: string }) => c.name)).not.toContain('image_secret');
    expect(await after.query("SELECT name FROM sqlite_master WHERE name = 'display_logs'")).toEqual([]);
    expect(await after.query('SELECT human_id FROM displays')).toEqual([{ human_id: 'abc-def-ghm' }]);
    await after.destroy();
  });
});
