import pino from 'pino';
import type { DataSource } from 'typeorm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeOperations } from '../../main/admin/node-operations.ts';
import { NodePresence } from '../../main/nodes/node-presence.ts';
import { NodeStore } from '../../main/nodes/node-store.ts';
import { openDatabase } from '../../main/storage/database.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';
import { tempDataDir } from '../helpers/test-server.ts';

const silent = pino({ level: 'silent' });
const identity = (name: string) => ({ name, address: '192.168.1.20', httpPort: 8000, httpsPort: 8443, version: '0.1.0' });

describe.each(testDatabases('live nodes'))('live nodes (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);
  let db: DataSource;
  let store: NodeStore;
  let clock: Date;
  const now = () => clock;
  const list = () => nodeOperations({ nodes: store, nodeName: 'hall', now })['nodes.list']({});

  beforeEach(async () => {
    db = await openDatabase(tempDataDir(), { databaseUrl: await freshDatabase() });
    store = new NodeStore(db);
    clock = new Date('2026-12-07T09:00:00Z');
  });
  afterEach(() => db.destroy());

  it('lists the node with its heartbeat and role; a silent node shows as gone after 30 s and is pruned after a day', async () => {
    let runsJobs = false;
    const hall = new NodePresence(store, () => runsJobs, silent, now, 60_000);
    await hall.start(identity('hall'));
    expect(await list()).toEqual([{
      name: 'hall', address: '192.168.1.20', httpPort: 8000, httpsPort: 8443, version: '0.1.0',
      startedAt: '2026-12-07T09:00:00.000Z', lastHeartbeatAt: '2026-12-07T09:00:00.000Z', runsJobs: false, alive: true, thisNode: true,
    }]);

    runsJobs = true;
    clock = new Date('2026-12-07T09:00:05Z');
    await hall.beatNow();
    expect(await list()).toMatchObject([{ lastHeartbeatAt: '2026-12-07T09:00:05.000Z', startedAt: '2026-12-07T09:00:00.000Z', runsJobs: true, alive: true }]);

    // Another node that stopped sending heartbeats (killed): gone after 30 s, and no longer the runner.
    await store.heartbeat({ ...identity('attic'), startedAt: clock, heartbeatAt: clock, runsJobs: true });
    clock = new Date('2026-12-07T09:00:40Z');
    await hall.beatNow();
    expect((await list()).map(({ name, alive, runsJobs: runner, thisNode }) => ({ name, alive, runner, thisNode }))).toEqual([
      { name: 'attic', alive: false, runner: false, thisNode: false },
      { name: 'hall', alive: true, runner: true, thisNode: true },
    ]);
    expect(await store.othersAliveSince('hall', new Date('2026-12-07T09:00:10Z'))).toBe(false);
    expect(await store.othersAliveSince('hall', new Date('2026-12-07T09:00:00Z'))).toBe(true);

    clock = new Date('2026-12-08T09:00:06Z');
    await hall.beatNow();
    expect((await list()).map((n) => n.name)).toEqual(['hall']);

    // A clean stop leaves the list at once.
    await hall.stop();
    expect(await list()).toEqual([]);
  });

  it('a heartbeat that cannot be written (database gone) does not throw; the next one tries again', async () => {
    const hall = new NodePresence(store, () => false, silent, now, 60_000);
    await hall.start(identity('hall'));
    await db.destroy();
    clock = new Date('2026-12-07T09:00:05Z');
    await expect(hall.beatNow()).resolves.toBeUndefined();
    await db.initialize();
    clock = new Date('2026-12-07T09:00:10Z');
    await hall.beatNow();
    expect(await list()).toMatchObject([{ name: 'hall', lastHeartbeatAt: '2026-12-07T09:00:10.000Z' }]);
  });
});
