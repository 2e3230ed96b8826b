import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { Core1732400000000 } from '../../main/storage/migrations/1732400000000-core.ts';
import { PhotoLibrary1732400003000 } from '../../main/storage/migrations/1732400003000-photo-library.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function dataSource(file: string, migrations: (new () => object)[]): DataSource {
  return new DataSource({ type: 'better-sqlite3', database: file, migrations: migrations as never, synchronize: false, prepareDatabase: (raw: { pragma(s: string): unknown }) => void raw.pragma('foreign_keys = ON') });
}

describe('migration 1732400003000-photo-library', () => {
  it('adds the classification and generation columns and keeps existing photos, variants and history', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-migration-'));
    dirs.push(dir);
    const file = path.join(dir, 'db.sqlite');
    const before = dataSource(file, [Core1732400000000]);
    await before.initialize();
    await before.runMigrations();
    await before.query(`INSERT INTO displays (hardware_id, human_id, name, protocol, status, pairing_code, profile_id, rotation, time_zone, default_mode, rotation_interval_s, poll_interval_s, requested_width, requested_height, created_at)
      VALUES ('hw', 'abc-def-ghk', 'frame', 'native', 'approved', '000000', 'spectra6-13.3', 0, 'UTC', 'photo', 900, 60, 1600, 1200, '2024-11-01 10:00:00.000')`);
    await before.query(`INSERT INTO photos (content_hash, original_name, original_path, thumb_path, width, height, format, imported_at) VALUES ('h1', 'a.jpg', 'o', 't', 800, 600, 'jpeg', '2024-11-01 10:00:00.000')`);
    await before.query(`INSERT INTO variants (photo_id, style, file_path, content_hash, provider, created_at) VALUES (1, 'photo', 'v', 'vh', 'import', '2024-11-01 10:00:00.000')`);
    await before.query(`INSERT INTO shown_variants (display_id, variant_id, shown_at) VALUES (1, 1, '2024-11-01 11:00:00.000')`);
    await before.destroy();

    const after = dataSource(file, [Core1732400000000, PhotoLibrary1732400003000]);
    await after.initialize();
    await after.runMigrations({ transaction: 'each' });
    expect(await after.query('SELECT original_name, quality, content_type, classified_at FROM photos')).toEqual([{ original_name: 'a.jpg', quality: null, content_type: null, classified_at: null }]);
    expect(await after.query('SELECT style, generation_context, score FROM variants')).toEqual([{ style: 'photo', generation_context: null, score: null }]);
    expect(await after.query('SELECT COUNT(*) AS n FROM shown_variants')).toEqual([{ n: 1 }]);
    expect(await after.query("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'idx_%' ORDER BY name")).toEqual(expect.arrayContaining([
      { name: 'idx_photos_classified' }, { name: 'idx_photos_hidden' }, { name: 'idx_shown_variants_display_id' }, { name: 'idx_variants_photo_style' },
    ]));

    await after.undoLastMigration({ transaction: 'each' });
    expect((await after.query('PRAGMA table_info(photos)')).map((c: { name: string }) => c.name)).not.toContain('quality');
    expect(await after.query('SELECT COUNT(*) AS n FROM variants')).toEqual([{ n: 1 }]);
    await after.destroy();
  });
});
