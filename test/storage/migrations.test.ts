import { afterEach, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../main/storage/database.ts';
import { MIGRATIONS } from '../../main/storage/migrations/index.ts';
import { notePostgresMissing, postgresAvailable } from '../helpers/postgres.ts';
import { usePostgresCluster } from '../helpers/test-databases.ts';
import { tempDataDir } from '../helpers/test-server.ts';

const TABLES_SQL = {
  sqlite: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('sqlite_sequence', 'migrations') ORDER BY name",
  postgres: "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> 'migrations' ORDER BY table_name",
};
const tables = async (db: DataSource) =>
  ((await db.query(TABLES_SQL[db.options.type === 'postgres' ? 'postgres' : 'sqlite'])) as { name: string }[]).map((r) => r.name);

notePostgresMissing('migrations on PostgreSQL');

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
});

/** Every migration's `down` undoes its `up`, on each database the app can open. */
function revertsCleanly(open: () => Promise<DataSource>) {
  let db: DataSource;
  afterEach(() => db?.destroy());

  it('each migration reverts cleanly and applies again', async () => {
    db = await open();
    const full = await tables(db);
    for (let i = 0; i < MIGRATIONS.length; i++) await db.undoLastMigration({ transaction: 'each' });
    expect(await tables(db)).toEqual([]);
    await db.runMigrations({ transaction: 'each' });
    expect(await tables(db)).toEqual(full);
  });
}

describe('migrations down and up on SQLite', () => revertsCleanly(() => openDatabase(tempDataDir())));

describe.skipIf(!postgresAvailable)('migrations down and up on PostgreSQL', () => {
  const cluster = usePostgresCluster();
  revertsCleanly(async () => openDatabase(tempDataDir(), { databaseUrl: await cluster.createDatabase() }));
});
