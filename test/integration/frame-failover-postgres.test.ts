import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NodeDto } from '../../contract/admin.ts';
import { FrameProgram, freeUdpPort, shownLog } from '../helpers/frame-program.ts';
import { notePostgresMissing, postgresAvailable } from '../helpers/postgres.ts';
import { usePostgresCluster } from '../helpers/test-databases.ts';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process.ts';
import { tempDataDir } from '../helpers/test-server.ts';

notePostgresMissing('frame fail-over between two nodes');

const httpsOf = (serve: ServeProcess) => /^https listening on (\S+)/m.exec(serve.output())![1];

// Two real `inkstand serve` nodes on one PostgreSQL database and one data dir, and the real frame program set up as the installer does it (one --server).
describe.skipIf(!postgresAvailable)('a frame whose node is killed moves to the other node', () => {
  const dataDir = tempDataDir();
  const work = tempDataDir('inkstand-frame-');
  const panelDir = path.join(work, 'panel');
  const cluster = usePostgresCluster();
  let a: ServeProcess;
  let b: ServeProcess;
  let frame: FrameProgram;
  const admin = (node: ServeProcess, method: string, urlPath: string, body?: unknown) => fetch(`${node.http}/api/admin${urlPath}`, {
    method,
    headers: { authorization: `Bearer ${node.adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

  beforeAll(async () => {
    const database = await cluster.createDatabase();
    a = await startServeProcess(dataDir, ['--database', database, '--node-name', 'node-a', '--no-discovery']);
    b = await startServeProcess(dataDir, ['--database', database, '--node-name', 'node-b', '--discovery-port', String(await freeUdpPort())]);
  }, 120_000);
  afterAll(async () => {
    await frame?.stop();
    a?.child.kill('SIGKILL');
    b?.child.kill('SIGTERM');
  });

  it('after kill -9 of its node the frame finds the other by discovery, keeps its token and pin, and shows what is changed there', async () => {
    expect(b.adminToken).toBe(a.adminToken);
    const bDiscoveryPort = /^discovery listening on udp:\/\/\S+:(\d+)/m.exec(b.output())![1];
    frame = new FrameProgram(['--server', httpsOf(a), '--discovery-target', '127.0.0.1', '--discovery-port', bDiscoveryPort,
      '--backend', `file:${panelDir}`, '--hardware-id', 'test:failover', '--state-dir', path.join(work, 'state'), '--log-level', 'debug']);
    const [, humanId] = await frame.waitFor(/^pairing: (\S+) code \d{6}$/m, 30_000);
    const displays: { id: number; humanId: string }[] = await (await admin(b, 'GET', '/displays')).json();
    const id = displays.find((d) => d.humanId === humanId)!.id;
    expect((await admin(b, 'POST', `/displays/${id}/approve`)).status).toBe(200);
    await frame.waitFor(/^showing \S+ \(\w+\)$/m, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 500)); // back in its long-poll on A

    const mark = frame.mark();
    const killedAt = Date.now();
    a.child.kill('SIGKILL');
    await frame.waitFor(new RegExp(`^server \\S+ at ${httpsOf(b).replace(/[.]/g, '\\.')} \\(udp\\)$`, 'm'), 60_000, mark);
    await frame.waitFor(/^the server answers again$/m, 30_000, mark);
    const movedAfterS = (Date.now() - killedAt) / 1000;
    expect(frame.output().slice(mark)).not.toMatch(/pairing|refused this frame's token/);

    expect((await admin(b, 'POST', `/displays/${id}/message`, { text: 'Still here', minutes: 30 })).status).toBe(200);
    const [, version] = await frame.waitFor(/^showing (\S+) \(message\)$/m, 10_000, mark);
    expect(shownLog(panelDir).at(-1)).toEqual([version, 'message']);
    console.info(`frame moved to the other node ${movedAfterS.toFixed(1)} s after kill -9`);
  }, 90_000);

  it('Settings’ node list shows the killed node as gone 30 s after its last heartbeat, and the other as the job runner', async () => {
    await vi.waitFor(async () => {
      const nodes: NodeDto[] = await (await admin(b, 'GET', '/nodes')).json();
      expect(nodes.map(({ name, alive, runsJobs }) => ({ name, alive, runsJobs }))).toEqual([
        { name: 'node-a', alive: false, runsJobs: false },
        { name: 'node-b', alive: true, runsJobs: true },
      ]);
    }, { timeout: 60_000, interval: 1_000 });
  }, 70_000);
});
