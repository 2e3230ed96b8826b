import { beforeAll, describe, expect, it, vi } from 'vitest';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../main/storage/database.ts';
import { ExclusiveRole } from '../../main/storage/exclusive-role.ts';
import { notePostgresMissing, postgresAvailable } from '../helpers/postgres.ts';
import { usePostgresCluster } from '../helpers/test-databases.ts';
import { tempDataDir } from '../helpers/test-server.ts';

notePostgresMissing('the job runner role on PostgreSQL');

const silent = pino({ level: 'silent' });
const KEY = 42;

/** A role whose hooks record whether this node holds it. */
function roleOn(db: DataSource) {
  const state = { running: false, acquired: 0, lost: 0 };
  const role = new ExclusiveRole(db, 'test', KEY, {
    acquired: async () => { state.running = true; state.acquired++; },
    lost: async () => { state.running = false; state.lost++; },
  }, silent, 100);
  return { role, state };
}

describe('an exclusive role on SQLite', () => {
  it('is held at once: one server owns the data file', async () => {
    const db = await openDatabase(tempDataDir());
    const { role, state } = roleOn(db);
    await role.start();
    expect([role.isHeld, state.running]).toEqual([true, true]);
    await role.stop();
    expect(state.lost).toBe(1);
    await db.destroy();
  });
});

describe.skipIf(!postgresAvailable)('an exclusive role on PostgreSQL', () => {
  const cluster = usePostgresCluster();
  let url: string;
  beforeAll(async () => {
    url = await cluster.createDatabase();
  });

  it('is held by one node; when that node loses its database session, another takes over and the first gives it up', async () => {
    const dbA = await openDatabase(tempDataDir(), { databaseUrl: url, nodeName: 'node-a' });
    const dbB = await openDatabase(tempDataDir(), { databaseUrl: url, nodeName: 'node-b' });
    const a = roleOn(dbA);
    const b = roleOn(dbB);
    try {
      await a.role.start();
      await b.role.start();
      expect([a.state.running, b.state.running]).toEqual([true, false]);

      // What the database sees when node A is killed: its sessions end.
      await dbB.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'inkstand node-a' AND datname = current_database()");
      await vi.waitFor(() => expect(b.state.running).toBe(true), { timeout: 5_000 });
      await vi.waitFor(() => expect(a.state.running).toBe(false), { timeout: 5_000 });
      expect([a.state.lost, b.state.acquired]).toEqual([1, 1]);

      // A retakes nothing while B holds the role.
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(a.state.running).toBe(false);

      // B stops cleanly (as on SIGTERM): the lock is released, A takes over.
      await b.role.stop();
      await vi.waitFor(() => expect(a.state.running).toBe(true), { timeout: 5_000 });
    } finally {
      await a.role.stop();
      await b.role.stop();
      await dbA.destroy().catch(() => undefined);
      await dbB.destroy();
    }
  });
});
