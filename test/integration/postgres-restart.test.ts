import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { notePostgresMissing, postgresAvailable, startPostgresCluster, type PostgresCluster } from '../helpers/postgres.ts';
import { callAdmin, startTestServer, tempDataDir, type TestServer } from '../helpers/test-server.ts';
import { pairFrameAcross } from '../helpers/pairing.ts';

notePostgresMissing('PostgreSQL restarted under load');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!postgresAvailable)('two nodes while PostgreSQL restarts under polling load', () => {
  let cluster: PostgresCluster;
  let nodes: TestServer[];
  let token: string;
  let databaseUrl: string;
  const admin = (node: TestServer, method: string, urlPath: string, body?: unknown) => callAdmin(node.urls.http, token, method, urlPath, body);

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    databaseUrl = await cluster.createDatabase();
    const dataDir = tempDataDir();
    nodes = await Promise.all(['node-a', 'node-b'].map((nodeName) => startTestServer({ dataDir, databaseUrl, nodeName })));
  }, 120_000);
  afterAll(async () => {
    for (const node of nodes ?? []) await node.stop();
    cluster?.stop();
  });

  it('answers unchanged polls from memory, refuses writes with a quick 503, then reconnects, re-LISTENs and resyncs by itself', async () => {
    const [a, b] = nodes;
    token = await a.server.core.adminTokens.mint('script');
    const { frame, displayId: id } = await pairFrameAcross(a, (method, urlPath) => admin(b, method, urlPath), 'sim:restart');
    expect((await admin(a, 'PATCH', `/displays/${id}`, { patch: { name: 'Hall' } })).status).toBe(200);
    // A message until a fixed time: with no photos the frame would show "No photos yet", whose state
    // names the next minute's recheck as its next change, so its ETag moves every minute.
    expect((await admin(a, 'POST', `/displays/${id}/message`, { text: 'Before', minutes: 30 })).status).toBe(200);
    const poll = (node: TestServer, etag: string, wait = 0) => fetch(`${node.urls.http}/api/display/state${wait ? `?wait=${wait}` : ''}`, { headers: { ...frame.authHeaders(), 'if-none-match': etag } });
    const etag = await vi.waitFor(async () => {
      const [onA, onB] = await Promise.all(nodes.map((node) => fetch(`${node.urls.http}/api/display/state`, { headers: frame.authHeaders() })));
      expect(onB.headers.get('etag')).toBe(onA.headers.get('etag'));
      return onA.headers.get('etag')!;
    }, { timeout: 10_000, interval: 200 });

    // Load: both nodes polled without pause, with the current ETag, through the whole outage.
    let polling = true;
    const statuses: number[] = [];
    const load = nodes.map(async (node) => {
      while (polling) {
        statuses.push((await poll(node, etag)).status);
        await sleep(20);
      }
    });

    cluster.pause();
    try {
      await sleep(1_500); // the nodes have noticed: their change feeds are reconnecting in vain
      for (const node of nodes) expect((await poll(node, etag)).status).toBe(304);
      const startedAt = Date.now();
      const write = await admin(a, 'POST', `/displays/${id}/message`, { text: 'Lost?', minutes: 5 });
      expect(write.status).toBe(503);
      expect((await write.json()).code).toBe('database_unavailable');
      expect(Date.now() - startedAt).toBeLessThan(5_000);
    } finally {
      cluster.resume();
    }
    await sleep(500);
    polling = false;
    await Promise.all(load);
    expect(statuses.length).toBeGreaterThan(20);
    expect(statuses.filter((status) => status !== 304)).toEqual([]);

    // Back: the first write made once A can write again, possibly before B listens again, reaches B (resync).
    await vi.waitFor(async () => expect((await admin(a, 'POST', `/displays/${id}/message`, { text: 'Back', minutes: 5 })).status).toBe(200), { timeout: 20_000, interval: 200 });
    const afterBack = await vi.waitFor(async () => {
      const res = await poll(b, etag);
      expect(res.status).toBe(200); // B has the "Back" message instead of "Before"
      return res.headers.get('etag')!;
    }, { timeout: 10_000, interval: 200 });

    // Listening again, by themselves: both change feeds have reconnected and run LISTEN, and a change on A wakes a long-poll held on B.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await vi.waitFor(async () => {
        const { rows } = await client.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'inkstand change feed' AND query = 'LISTEN inkstand_changes'");
        expect(rows[0].n).toBe(2);
      }, { timeout: 10_000, interval: 200 });
    } finally {
      await client.end();
    }
    const held = poll(b, afterBack, 20);
    await sleep(300);
    expect((await admin(a, 'POST', `/displays/${id}/message`, { text: 'Dinner', minutes: 5 })).status).toBe(200);
    const woken = await held;
    expect(woken.status).toBe(200);
    expect((await woken.json()).mode).toBe('message');

    // Nothing lost: what was written before the restart is there on both nodes.
    for (const node of nodes) {
      const displays: { id: number; name: string }[] = await (await admin(node, 'GET', '/displays')).json();
      expect(displays.find((d) => d.id === id)?.name).toBe('Hall');
    }
  }, 120_000);
});
