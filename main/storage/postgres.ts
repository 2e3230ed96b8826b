import { randomUUID } from 'node:crypto';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities/index.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { TIMESTAMP } from './column-types.ts';
import { PostgresChangeFeed, WRITER_SETTING } from './postgres-change-feed.ts';
import { PostgresKeyLocks } from './postgres-key-locks.ts';

/** Any fixed number, shared by every node: whoever holds this advisory lock runs the migrations. */
const MIGRATION_LOCK_KEY = 1_732_400_023;

export interface PostgresOptions {
  /** Shown in `pg_stat_activity.application_name`, so an operator can tell the nodes' connections apart. */
  nodeName?: string;
}

/** Rejects anything but a `postgres://` URL with a message that says what is expected. */
export function checkDatabaseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`--database takes a URL such as postgres://user:password@host:5432/inkstand, not "${url}"`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`--database supports PostgreSQL only (postgres://user:password@host:5432/inkstand), not "${parsed.protocol}//"`);
  }
  if (parsed.pathname.length <= 1) throw new Error('--database needs a database name at the end of the URL (postgres://…/inkstand)');
  return parsed;
}

/** A PostgreSQL data source with the feed of other processes' commits and the cluster's key locks, closed with it. */
export class PostgresDataSource extends DataSource {
  constructor(options: DataSourceOptions, readonly changes: PostgresChangeFeed, readonly keyLocks: PostgresKeyLocks) {
    super(options);
  }

  override async destroy(): Promise<void> {
    await this.changes.stop();
    await this.keyLocks.close();
    await super.destroy();
  }
}

/**
 * Opens a PostgreSQL database with the same entities and migrations as SQLite. Several nodes may
 * start together on one empty database: each waits for a session-level advisory lock, and only
 * the first finds migrations to run.
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<PostgresDataSource> {
  checkDatabaseUrl(url);
  const writerId = randomUUID();
  const applicationName = `inkstand ${options.nodeName ?? ''}`.trim();
  const db = new PostgresDataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    applicationName,
    // A database that stops answering fails a request within seconds (a clear error) instead of hanging it.
    connectTimeoutMS: 10_000,
    extra: { max: 10, query_timeout: 30_000, options: `-c ${WRITER_SETTING}=${writerId}` },
  }, new PostgresChangeFeed(url, writerId), new PostgresKeyLocks(url, `${applicationName} locks`));
  // The entities' `datetime` columns: the driver already converts such values like timestamps,
  // it only needs to accept the name (which the domain below gives PostgreSQL).
  db.driver.supportedDataTypes.push(TIMESTAMP as never);
  await db.initialize();
  try {
    await migrateUnderLock(db);
    await db.changes.start();
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return db;
}

async function migrateUnderLock(db: DataSource): Promise<void> {
  const runner = db.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await runner.query(`DO $$ BEGIN CREATE DOMAIN ${TIMESTAMP} AS timestamptz; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
      await db.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
