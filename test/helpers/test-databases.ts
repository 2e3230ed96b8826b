import { afterAll, beforeAll, describe, inject } from 'vitest';
import { createDatabaseOn, dropDatabase, notePostgresMissing, postgresAvailable, startPostgresCluster, type PostgresCluster } from './postgres.ts';

export type TestDatabase = 'sqlite' | 'postgres';

export interface DatabaseSettings {
  /** For `startTestServer`: undefined means the SQLite file in the data dir. */
  databaseUrl?: string;
  /** The same for a CLI run beside the server. */
  cliArgs: string[];
}

/** What a suite that runs on both databases runs on: SQLite always, PostgreSQL where its binaries are installed (CI has them). */
export function testDatabases(suite: string): TestDatabase[] {
  notePostgresMissing(`${suite} on PostgreSQL`);
  return postgresAvailable ? ['sqlite', 'postgres'] : ['sqlite'];
}

/**
 * `describe.each(testDatabases(name))` for a suite whose time goes on waiting (for child processes,
 * long-polls, retry delays) rather than on this process's CPU: the databases' suites run side by
 * side, each one's tests still one after another, in order.
 */
export function describeEachDatabaseAtOnce(name: string, suite: (database: TestDatabase) => void): void {
  describe.concurrent.each(testDatabases(name))(`${name} (%s)`, (database) => {
    describe.sequential('in order', () => suite(database));
  });
}

/**
 * Call inside the suite's describe, before its own hooks: for PostgreSQL, makes a database of the
 * suite's own on the run's cluster (postgres-global-setup.ts) before the suite's hooks run, and
 * drops it after theirs. The settings are ready in the suite's beforeAll.
 */
export function useTestDatabase(database: TestDatabase): () => DatabaseSettings {
  let settings: DatabaseSettings | null = database === 'sqlite' ? { cliArgs: [] } : null;
  if (database === 'postgres') {
    let release: () => Promise<void> | void = () => {};
    beforeAll(async () => {
      const { databaseUrl, drop } = await postgresTestDatabase();
      release = drop;
      settings = { databaseUrl, cliArgs: ['--database', databaseUrl] };
    }, 120_000);
    afterAll(() => release());
  }
  return () => {
    if (!settings) throw new Error('the test database is not ready yet: read its settings in beforeAll or later');
    return settings;
  };
}

/**
 * For a suite that opens a fresh database in every test: call inside its describe. The function it
 * returns gives the URL to open, undefined for SQLite (whose file is in the test's fresh data dir).
 * The PostgreSQL databases are dropped after the suite.
 */
export function useFreshDatabases(database: TestDatabase): () => Promise<string | undefined> {
  const drops: (() => Promise<void> | void)[] = [];
  if (database === 'postgres') {
    afterAll(async () => {
      for (const drop of drops.splice(0)) await drop();
    });
  }
  return async () => {
    if (database === 'sqlite') return undefined;
    const { databaseUrl, drop } = await postgresTestDatabase();
    drops.push(drop);
    return databaseUrl;
  };
}

/**
 * A PostgreSQL database of its own with the migrations run, on the run's cluster (a copy of its
 * migrated template), or on a cluster of its own when the run has none (a config without the
 * global setup).
 */
export async function postgresTestDatabase(): Promise<{ databaseUrl: string; drop(): Promise<void> | void }> {
  const cluster = inject('postgres');
  if (cluster) {
    const databaseUrl = await createDatabaseOn(cluster.port, { template: cluster.migratedTemplate });
    return { databaseUrl, drop: () => dropDatabase(databaseUrl) };
  }
  const own: PostgresCluster = await startPostgresCluster();
  return { databaseUrl: await own.createDatabase(), drop: () => own.stop() };
}

/**
 * For a PostgreSQL-only suite that makes empty databases (to run the migrations on them itself):
 * the run's cluster, or one of its own when the run has none. Call inside its describe; the
 * databases are dropped after it. Its tests share the cluster with other suites running at the same
 * time, so what they do to sessions stays within their own database.
 */
export function usePostgresCluster(): { createDatabase(): Promise<string> } {
  let port = 0;
  let own: PostgresCluster | null = null;
  const made: string[] = [];
  beforeAll(async () => {
    const shared = inject('postgres');
    if (!shared) own = await startPostgresCluster();
    port = shared?.port ?? own!.port;
  }, 120_000);
  afterAll(async () => {
    if (own) return own.stop();
    for (const url of made.splice(0)) await dropDatabase(url);
  });
  return {
    async createDatabase() {
      const url = await createDatabaseOn(port);
      made.push(url);
      return url;
    },
  };
}
