import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities/index.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { openPostgres } from './postgres.ts';

export const DATABASE_FILE = 'inkstand.sqlite';

export interface DatabaseOptions {
  /** `postgres://user:password@host:port/db`: that database instead of the SQLite file (no file is written then). */
  databaseUrl?: string;
  /** This node's name, shown on its database connections. */
  nodeName?: string;
  sqliteBinding?: string;
}

/**
 * Opens the database, PostgreSQL when a URL is given, else SQLite in the data dir, and brings its
 * schema up to date.
 * WAL lets the CLI and a running server use the same file; the busy timeout makes a writer wait
 * for the other process instead of failing.
 */
export async function openDatabase(dataDir: string, options: DatabaseOptions = {}): Promise<DataSource> {
  fs.mkdirSync(dataDir, { recursive: true });
  if (options.databaseUrl) return openPostgres(options.databaseUrl, { nodeName: options.nodeName });
  const db = new DataSource({
    type: 'better-sqlite3',
    database: path.join(dataDir, DATABASE_FILE),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    enableWAL: true,
    timeout: 10_000,
    // TypeORM keeps prepared statements first-in-first-out, 100 by default: fewer than one state
    // recompute cycles through, so hot statements were prepared again and again on the event loop.
    statementCacheSize: 500,
    // The Electron main process started from a checkout gets better-sqlite3 built for Electron (bin/electron.mjs).
    nativeBinding: options.sqliteBinding,
    prepareDatabase: (raw: { pragma(sql: string): unknown }) => {
      raw.pragma('foreign_keys = ON');
      raw.pragma('synchronous = NORMAL');
    },
  });
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
  return db;
}
