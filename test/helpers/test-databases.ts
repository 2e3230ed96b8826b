import { afterAll, beforeAll } from 'vitest';
import { notePostgresMissing, postgresAvailable, startPostgresCluster, type PostgresCluster } from './postgres.ts';

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
 * Call inside the suite's describe, before its own hooks: for PostgreSQL, starts a throwaway cluster
 * with an empty database before the suite's hooks run and stops it after theirs. The settings are
 * ready in the suite's beforeAll.
 */
export function useTestDatabase(database: TestDatabase): () => DatabaseSettings {
  let cluster: PostgresCluster | null = null;
  let settings: DatabaseSettings | null = database === 'sqlite' ? { cliArgs: [] } : null;
  if (database === 'postgres') {
    beforeAll(async () => {
      cluster = await startPostgresCluster();
      const databaseUrl = await cluster.createDatabase();
      settings = { databaseUrl, cliArgs: ['--database', databaseUrl] };
    }, 120_000);
    afterAll(() => cluster?.stop());
  }
  return () => {
    if (!settings) throw new Error('the test database is not ready yet: read its settings in beforeAll or later');
    return settings;
  };
}
