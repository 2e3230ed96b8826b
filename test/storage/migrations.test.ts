import { afterEach, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../main/storage/database.ts';
import { MIGRATIONS } from '../../main/storage/migrations/index.ts';
import { tempDataDir } from '../helpers/test-server.ts';

const tables = async (db: DataSource) =>
  ((await db.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('sqlite_sequence', 'migrations') ORDER BY name")) as { name: string }[]).map((r) => r.name);

describe('migrations on a fresh database', () => {
  let db: DataSource;
  afterEach(() => db?.destroy());

  it('run in order at open, in WAL mode, and a second open runs none', async () => {
    const dir = tempDataDir();
    db = await openDatabase(dir);
    expect(await tables(db)).toEqual(expect.arrayContaining(['displays', 'weekly_rules', 'overrides', 'photos', 'variants', 'shown_variants', 'frames', 'display_frames', 'settings', 'panel_profiles', 'jobs', 'job_executions', 'job_execution_logs', 'weather_current', 'weather_days', 'calendars', 'calendar_occurrences', 'stats_samples', 'art_style_settings', 'display_logs']));
    expect((await db.query('PRAGMA journal_mode'))[0].journal_mode).toBe('wal');
    expect((await db.query('SELECT COUNT(*) AS n FROM migrations'))[0].n).toBe(MIGRATIONS.length);
    await db.destroy();
    db = await openDatabase(dir);
    expect(await db.showMigrations()).toBe(false);
  });

  it('each migration reverts cleanly and applies again', async () => {
    db = await openDatabase(tempDataDir());
    const full = await tables(db);
    for (let i = 0; i < MIGRATIONS.length; i++) await db.undoLastMigration({ transaction: 'each' });
    expect(await tables(db)).toEqual([]);
    await db.runMigrations({ transaction: 'each' });
    expect(await tables(db)).toEqual(full);
  });
});
