import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../main/storage/database.ts';
import { notePostgresMissing, postgresAvailable } from '../helpers/postgres.ts';
import { usePostgresCluster } from '../helpers/test-databases.ts';
import { runCli, startServeProcess, type ServeProcess } from '../helpers/serve-process.ts';
import { tempDataDir } from '../helpers/test-server.ts';
import { SimulatedFrame } from '../sim/frame.ts';

notePostgresMissing('inkstand serve --database');

describe.skipIf(!postgresAvailable)('inkstand serve and the CLI on PostgreSQL', () => {
  const dataDir = tempDataDir();
  const cluster = usePostgresCluster();
  let databaseUrl: string;
  let serve: ServeProcess;

  beforeAll(async () => {
    databaseUrl = await cluster.createDatabase();
    serve = await startServeProcess(dataDir, ['--no-discovery', '--database', databaseUrl, '--node-name', 'node-a']);
  }, 120_000);
  afterAll(async () => {
    if (serve) {
      const exited = new Promise((resolve) => serve.child.on('exit', resolve));
      serve.child.kill('SIGTERM');
      await exited;
    }
  });

  it('comes up naming its node and database, and writes no SQLite file', () => {
    expect(serve.output()).toMatch(/^node: node-a, database: PostgreSQL$/m);
    expect(fs.existsSync(path.join(dataDir, DATABASE_FILE))).toBe(false);
  });

  it('pairs a frame over HTTP, serves its picture, and the CLI with --database or DATABASE_URL lists it', async () => {
    const frame = new SimulatedFrame('sim:pg-1', 800, 480);
    expect(await frame.bootstrap(`${serve.http}/api/display/bootstrap`)).toBe(202);
    const admin = (method: string, urlPath: string) => fetch(`${serve.http}/api/admin${urlPath}`, { method, headers: { authorization: `Bearer ${serve.adminToken}` } });
    const displays: { id: number; hardwareId: string }[] = await (await admin('GET', '/displays')).json();
    const id = displays.find((d) => d.hardwareId === 'sim:pg-1')!.id;
    expect((await admin('POST', `/displays/${id}/approve`)).status).toBe(200);
    await frame.waitForApproval();
    const { status, state } = await frame.poll();
    expect(status).toBe(200);
    expect(state!.display_id).toBe(frame.humanId);
    const image = await frame.fetchImage();
    expect([image.width, image.height]).toEqual([800, 480]);

    const byFlag = await runCli(['displays', '--json', '--data-dir', dataDir, '--database', databaseUrl]);
    expect(byFlag.stderr).toBe('');
    expect(JSON.parse(byFlag.stdout)).toEqual([expect.objectContaining({ humanId: frame.humanId, status: 'approved' })]);
    const byEnv = await runCli(['displays', '--json', '--data-dir', dataDir], { ...process.env, DATABASE_URL: databaseUrl });
    expect(JSON.parse(byEnv.stdout)).toEqual([expect.objectContaining({ humanId: frame.humanId })]);
    expect(fs.existsSync(path.join(dataDir, DATABASE_FILE))).toBe(false);

    // A long-poll held on the server wakes when the CLI (another process) changes what it shows.
    const held = frame.poll({ wait: 20 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sentAt = Date.now();
    expect((await runCli(['displays', 'message', frame.humanId!, 'Back at 5', '--data-dir', dataDir, '--database', databaseUrl])).code).toBe(0);
    const woken = await held;
    expect(woken.status).toBe(200);
    expect(Date.now() - sentAt).toBeLessThan(10_000);

    // A revocation by the CLI is refused at the server's next request.
    expect((await runCli(['displays', 'revoke', frame.humanId!, '--data-dir', dataDir, '--database', databaseUrl])).code).toBe(0);
    const res = await fetch(`${serve.http}/api/display/state`, { headers: frame.authHeaders() });
    expect(res.status).toBe(401);
  });

  it('lists the jobs the running node schedules', async () => {
    const jobs = await runCli(['jobs', '--json', '--data-dir', dataDir, '--database', databaseUrl]);
    expect(jobs.stderr).toBe('');
    expect(JSON.parse(jobs.stdout).length).toBeGreaterThan(0);
  });

  it('lists the running node, as Settings → Nodes does', async () => {
    const json = await runCli(['nodes', '--json', '--data-dir', dataDir, '--database', databaseUrl]);
    expect(json.stderr).toBe('');
    const port = Number(new URL(serve.http).port);
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ name: 'node-a', httpPort: port, alive: true, runsJobs: true })]);
    expect(JSON.parse(json.stdout)[0]).not.toHaveProperty('thisNode');
    const table = await runCli(['nodes', '--data-dir', dataDir, '--database', databaseUrl]);
    expect(table.stdout.split('\n')[0]).toMatch(/^name\s+address\s+httpPort\s+httpsPort\s+version\s+lastHeartbeatAt\s+runsJobs\s+alive$/);
    expect(table.stdout.split('\n')[1]).toMatch(new RegExp(`^node-a\\s+\\S+\\s+${port}\\s+\\d+\\s+\\S+\\s+\\S+\\s+true\\s+true$`));
  });

  it('refuses a URL that is not PostgreSQL with a message, before opening anything', async () => {
    const result = await runCli(['displays', '--data-dir', tempDataDir(), '--database', 'mysql://root@127.0.0.1/inkstand']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--database supports PostgreSQL only');
  });
});
