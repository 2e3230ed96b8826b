import { describe, expect, it, vi } from 'vitest';
import { dataVersionReader } from '../../main/storage/data-version.ts';
import { openDatabase } from '../../main/storage/database.ts';
import type { PostgresDataSource } from '../../main/storage/postgres.ts';
import type { ChangedTables } from '../../main/storage/postgres-change-feed.ts';
import { notePostgresMissing, postgresAvailable } from '../helpers/postgres.ts';
import { usePostgresCluster } from '../helpers/test-databases.ts';
import { tempDataDir } from '../helpers/test-server.ts';

notePostgresMissing('the change feed on PostgreSQL');

const setSetting = (db: { query(sql: string, params: unknown[]): Promise<unknown> }, value: string) =>
  db.query("INSERT INTO settings (key, value) VALUES ('server.name', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [value]);

describe.skipIf(!postgresAvailable)('the data version on PostgreSQL', () => {
  const cluster = usePostgresCluster();

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
      await nodeB.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'inkstand change feed' AND datname = current_database() AND pid <> pg_backend_pid()");
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

  it("moves a table's version only for writes to that table, and not for a displays update of telemetry alone", async () => {
    const url = await cluster.createDatabase();
    const nodeA = await openDatabase(tempDataDir(), { databaseUrl: url, nodeName: 'node-a' });
    const nodeB = await openDatabase(tempDataDir(), { databaseUrl: url, nodeName: 'node-b' });
    try {
      const displays = dataVersionReader(nodeA, ['displays']);
      const settings = dataVersionReader(nodeA, ['settings']);
      /** Writes on B, then a settings write as a marker: once A has seen the marker, it has seen what came before. */
      const afterWriteOnB = async (sql: string) => {
        const before = { displays: displays(), settings: settings() };
        await nodeB.query(sql);
        await setSetting(nodeB, `marker ${Math.random()}`);
        await vi.waitFor(() => expect(settings()).not.toBe(before.settings), { timeout: 1_000, interval: 10 });
        return { displaysMoved: displays() !== before.displays };
      };
      expect(await afterWriteOnB("SELECT 1")).toEqual({ displaysMoved: false });
      expect(await afterWriteOnB(`INSERT INTO displays (protocol, human_id, hardware_id, name, status, pairing_code, profile_id, rotation, time_zone, default_mode, rotation_interval_s,
        poll_interval_s, requested_width, requested_height, created_at, token_hash) VALUES ('native', 'feed-1', 'sim:feed', 'Feed', 'approved', '123456', 'p', 0, 'UTC', 'photos', 60, 60, 800, 480, now(), 'h')`)).toEqual({ displaysMoved: true });
      expect(await afterWriteOnB("UPDATE displays SET last_seen = now(), rssi = -60, battery_voltage = 3.9 WHERE hardware_id = 'sim:feed'")).toEqual({ displaysMoved: false });
      expect(await afterWriteOnB("UPDATE displays SET status = 'revoked', last_seen = now() WHERE hardware_id = 'sim:feed'")).toEqual({ displaysMoved: true });
      expect(await afterWriteOnB("DELETE FROM displays WHERE hardware_id = 'sim:feed'")).toEqual({ displaysMoved: true });
    } finally {
      await nodeA.destroy();
      await nodeB.destroy();
    }
  });

  it('names the display whose rows changed, so a cache follows each display apart from the others', async () => {
    const url = await cluster.createDatabase();
    const nodeA = await openDatabase(tempDataDir(), { databaseUrl: url, nodeName: 'node-a' }) as PostgresDataSource;
    const nodeB = await openDatabase(tempDataDir(), { databaseUrl: url, nodeName: 'node-b' });
    try {
      const insertDisplay = (name: string) => nodeB.query(`INSERT INTO displays (protocol, human_id, hardware_id, name, status, pairing_code, profile_id, rotation, time_zone,
        default_mode, rotation_interval_s, poll_interval_s, requested_width, requested_height, created_at, token_hash) VALUES ('native', $1, $2, $1, 'approved', '123456', 'p', 0,
        'UTC', 'photos', 60, 60, 800, 480, now(), $1) RETURNING id`, [name, `sim:${name}`]);
      const anyDisplays = dataVersionReader(nodeA, ['displays']);
      const start = anyDisplays()!;
      const [[{ id: first }], [{ id: second }]] = [await insertDisplay('first'), await insertDisplay('second')];
      await vi.waitFor(() => expect(anyDisplays()).toBe(start + 2), { timeout: 1_000, interval: 10 });
      const seen: ChangedTables[] = [];
      nodeA.changes.subscribe((changes) => seen.push(changes));
      const wholeDisplays = dataVersionReader(nodeA, ['displays'], { displaysApart: true });
      const versions = () => ({ whole: wholeDisplays(), first: nodeA.changes.displayVersion('displays', first), second: nodeA.changes.displayVersion('displays', second) });
      const before = versions();

      await nodeB.query("UPDATE displays SET message_text = 'hello' WHERE id = $1", [first]);
      await vi.waitFor(() => expect(versions().first).not.toBe(before.first), { timeout: 1_000, interval: 10 });
      expect(versions()).toEqual({ ...before, first: before.first + 1 });
      expect(seen).toEqual([new Map([['displays', new Set([first])]])]);

      await nodeB.query("INSERT INTO overrides (display_id, mode, until, created_at) VALUES ($1, 'sleep', now() + interval '1 hour', now())", [second]);
      await vi.waitFor(() => expect(seen).toHaveLength(2), { timeout: 1_000, interval: 10 });
      expect(seen[1]).toEqual(new Map([['overrides', new Set([second])]]));
      await nodeB.query('DELETE FROM displays WHERE id = $1', [second]);
      await vi.waitFor(() => expect(wholeDisplays()).not.toBe(before.whole), { timeout: 1_000, interval: 10 });
    } finally {
      await nodeA.destroy();
      await nodeB.destroy();
    }
  });
});
