import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NodeDto } from '../../contract/admin.ts';
import { notePostgresMissing, postgresAvailable } from '../helpers/postgres.ts';
import { usePostgresCluster } from '../helpers/test-databases.ts';
import { startTestServer, tempDataDir, type TestServer } from '../helpers/test-server.ts';

notePostgresMissing('live nodes and one admin token on PostgreSQL');

describe.skipIf(!postgresAvailable)('live nodes and one admin token on one PostgreSQL database and one data dir', () => {
  const cluster = usePostgresCluster();
  let databaseUrl: string;
  let dataDir: string;
  let a: TestServer;
  let b: TestServer;
  const nodes = async (node: TestServer, token = node.urls.adminToken): Promise<NodeDto[]> => {
    const res = await fetch(`${node.urls.http}/api/admin/nodes`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return res.json();
  };
  const summary = (list: NodeDto[]) => list.map(({ name, alive, runsJobs, thisNode }) => ({ name, alive, runsJobs, thisNode }));

  beforeAll(async () => {
    databaseUrl = await cluster.createDatabase();
    dataDir = tempDataDir();
    [a, b] = await Promise.all(['node-a', 'node-b'].map((nodeName) => startTestServer({ dataDir, databaseUrl, nodeName })));
  }, 120_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
  });

  it('two nodes started together on a new data dir print the same admin token, and it works on both; they serve one certificate', async () => {
    expect(b.urls.adminToken).toBe(a.urls.adminToken);
    const fingerprint = (node: TestServer) => node.server.core.frameProgram.listeners.current?.fingerprint;
    expect(fingerprint(b)).toMatch(/^sha256:/);
    expect(fingerprint(b)).toBe(fingerprint(a));
    expect((await fetch(`${b.urls.http}/api/admin/displays`, { headers: { authorization: `Bearer ${a.urls.adminToken}` } })).status).toBe(200);
    expect((await fetch(`${a.urls.http}/api/admin/displays`, { headers: { authorization: 'Bearer not-the-token' } })).status).toBe(401);
  });

  it('each node lists both, alive, with its address and version; exactly one runs the jobs', async () => {
    const onA = await nodes(a);
    expect(onA.map((n) => n.name)).toEqual(['node-a', 'node-b']);
    expect(onA.every((n) => n.alive && n.address === '127.0.0.1' && n.version === '0.1.0')).toBe(true);
    expect(onA.find((n) => n.name === 'node-b')!.httpPort).toBe(Number(new URL(b.urls.http).port));
    expect(onA.filter((n) => n.runsJobs)).toHaveLength(1);
    const onB = await nodes(b);
    expect(summary(onB)).toEqual(summary(onA).map((n) => ({ ...n, thisNode: n.name === 'node-b' })));
    expect(summary(onA).find((n) => n.thisNode)!.name).toBe('node-a');
  });

  it('a node that stops cleanly leaves the list; started again beside a live node, it prints the cluster’s token again', async () => {
    const runnerWas = (await nodes(a)).find((n) => n.runsJobs)!.name;
    await b.stop();
    expect((await nodes(a)).map((n) => n.name)).toEqual(['node-a']);
    // The job-runner role is free now if B held it: A takes it at its next check and says so in its heartbeat.
    if (runnerWas === 'node-b') await vi.waitFor(async () => expect((await nodes(a))[0].runsJobs).toBe(true), { timeout: 20_000, interval: 500 });
    b = await startTestServer({ dataDir, databaseUrl, nodeName: 'node-b' });
    expect(b.urls.adminToken).toBe(a.urls.adminToken);
    expect(summary(await nodes(b, a.urls.adminToken))).toEqual([
      { name: 'node-a', alive: true, runsJobs: true, thisNode: false },
      { name: 'node-b', alive: true, runsJobs: false, thisNode: true },
    ]);
  });
});
