import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dataVersionReader } from '../../main/storage/data-version.ts';
import { openDatabase } from '../../main/storage/database.ts';
import { notePostgresMissing, postgresAvailable, startPostgresCluster, type PostgresCluster } from '../helpers/postgres.ts';
import { tempDataDir } from '../helpers/test-server.ts';

notePostgresMissing('the change feed on PostgreSQL');

const setSetting = (db: { query(sql: string, params: unknown[]): Promise<unknown> }, value: string) =>
  db.query("INSERT INTO settings (key, value) VALUES ('server.name', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [value]);

describe.skipIf(!postgresAvailable)('the data version on PostgreSQL', () => {
  let cluster: PostgresCluster;
  beforeAll(async () => { cluster = await startPostgresCluster(); }, 120_000);
  afterAll(() => cluster?.stop());

  it("moves when another process commits, not for this process's own writes, and resyncs after losing its connection", async () => {
    const url = await cluster.createDatabase();
    const nodeA = await openDatabase(tempDataDir(), { databaseUrl: url, nodeName: 'node-a' });
    const nodeB = await openDatabase(tempDataDir(), { databaseUrl: url, nodeName: 'node-b' });
    try {
      const version = dataVersionReader(nodeA);
      const start = version();
      await setSetting(nodeA, 'own write');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(version()).toBe(start);

      await setSetting(nodeB, 'written on B');
      await vi.waitFor(() => expect(version()).not.toBe(start), { timeout: 1_000, interval: 10 });

      // The listening session ends (database restart, network): the version cannot be trusted until it listens again.
      const before = version()!;
      await nodeB.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'inkstand change feed' AND pid <> pg_backend_pid()");
      await vi.waitFor(() => expect(version()).not.toBe(version()), { timeout: 2_000 });
      await vi.waitFor(() => expect(version()).toBe(version()), { timeout: 5_000 });
      expect(version()!).toBeGreaterThan(before);
      const settled = version();
      await setSetting(nodeB, 'after the reconnect');
      await vi.waitFor(() => expect(version()).not.toBe(settled), { timeout: 1_000, interval: 10 });
    } finally {
      await nodeA.destroy();
      await nodeB.destroy();
    }
  });
});
