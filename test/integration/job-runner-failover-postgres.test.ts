import fs from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ExecutionDto } from '../../contract/dtos.ts';
import { startFakeOpenMeteo, type FakeOpenMeteo } from '../fakes/open-meteo-server.ts';
import { notePostgresMissing, postgresAvailable } from '../helpers/postgres.ts';
import { usePostgresCluster } from '../helpers/test-databases.ts';
import { runCli, startServeProcess, type ServeProcess } from '../helpers/serve-process.ts';
import { callAdmin, tempDataDir } from '../helpers/test-server.ts';

notePostgresMissing('job runner fail-over on PostgreSQL');

/** Every 4 s: a seconds field, which node-cron and the job settings accept, so the test needs no minutes. */
const EVERY_FOUR_SECONDS = '*/4 * * * * *';

describe.skipIf(!postgresAvailable)('the job runner of two `serve` processes on one PostgreSQL', () => {
  const cluster = usePostgresCluster();
  let weather: FakeOpenMeteo;
  let databaseUrl: string;
  let dataDir: string;
  let token: string;
  let client: pg.Client;
  const nodes: ServeProcess[] = [];
  const admin = async (node: ServeProcess, method: string, urlPath: string, body?: unknown) => {
    const res = await callAdmin(node.http, token, method, urlPath, body);
    expect(res.status, `${method} ${urlPath}`).toBe(200);
    return res.json();
  };
  const executions = (node: ServeProcess): Promise<ExecutionDto[]> => admin(node, 'GET', '/executions?name=get_weather');

  beforeAll(async () => {
    databaseUrl = await cluster.createDatabase();
    dataDir = tempDataDir();
    weather = await startFakeOpenMeteo();
    nodes.push(...await Promise.all(['node-a', 'node-b'].map((name) => startServeProcess(dataDir, ['--database', databaseUrl, '--node-name', name]))));
    const minted = await runCli(['admin-token', '--data-dir', dataDir, '--database', databaseUrl]);
    expect(minted.code, minted.stderr).toBe(0);
    token = minted.stdout.trim();
    client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
  }, 180_000);

  afterAll(async () => {
    for (const node of nodes) node.child.kill('SIGKILL');
    await client?.end();
    await weather?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs a job once per due time; after kill -9 of the runner the other node interrupts its execution at once and runs the next due time', async () => {
    // The node holding the job runner's advisory lock (the migrations' lock is long released); the
    // run's other suites hold locks in their own databases on the same cluster.
    const holder = await vi.waitFor(async () => {
      const { rows } = await client.query(`SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
      expect(rows).toHaveLength(1);
      return rows[0].name as string;
    }, { timeout: 10_000, interval: 200 });
    const other = nodes[holder === 'inkstand node-a' ? 1 : 0];
    for (const [key, value] of [['weather.base_url', weather.url], ['weather.latitude', '52.52'], ['weather.longitude', '13.41'], ['weather.location_name', 'Berlin']]) {
      await admin(other, 'PUT', `/settings/${key}`, { value });
    }
    // The forecast service hangs: the first execution is still running when its node is killed.
    weather.mode = 'hang';
    // Scheduled through the node that does not run jobs: the runner picks the new schedule up from the database.
    await admin(other, 'PATCH', '/jobs/get_weather', { patch: { cron: EVERY_FOUR_SECONDS, enabled: true, params: { timeout_s: 120 } } });

    const stuck = await vi.waitFor(async () => {
      const running = (await executions(other)).find((e) => e.status === 'running');
      expect(running).toBeDefined();
      return running!;
    }, { timeout: 60_000, interval: 250 });
    const runner = nodes.find((node) => node.child.pid === stuck.owner?.pid)!;
    const survivor = other;
    expect(runner, 'the node holding the runner role runs the execution').toBe(nodes.find((node) => node !== other));

    runner.child.kill('SIGKILL');
    const killedAt = Date.now();
    // The killed node's request stays unanswered; the survivor's next runs (every 4 s, possibly
    // before the takeover is seen here) must not hang for their 120 s too.
    weather.mode = 'ok';
    const interrupted = await vi.waitFor(async () => {
      const row = (await executions(survivor)).find((e) => e.id === stuck.id)!;
      expect(row.status).toBe('interrupted');
      return row;
    }, { timeout: 60_000, interval: 250 });
    const takeoverS = (Date.now() - killedAt) / 1000;
    expect(interrupted.error).toMatch(/job runner on node-[ab] .* stopped before it finished/);
    expect(takeoverS).toBeLessThan(60);

    await vi.waitFor(async () => {
      const done = (await executions(survivor)).filter((e) => e.id > stuck.id && e.status === 'success');
      expect(done.length).toBeGreaterThanOrEqual(2);
      for (const execution of done) expect(execution.owner?.pid).toBe(survivor.child.pid);
    }, { timeout: 60_000, interval: 250 });
    await admin(survivor, 'PATCH', '/jobs/get_weather', { patch: { enabled: false } });
    await vi.waitFor(async () => expect((await executions(survivor)).filter((e) => e.status === 'running' || e.status === 'queued')).toEqual([]), { timeout: 30_000, interval: 250 });

    const { rows } = await client.query<{ due_at: Date; n: string }>(
      "SELECT e.due_at, count(*) AS n FROM job_executions e JOIN jobs j ON j.id = e.job_id WHERE j.name = 'get_weather' AND e.trigger = 'schedule' GROUP BY e.due_at",
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((row) => row.due_at === null || Number(row.n) !== 1)).toEqual([]);
    console.log(`job runner takeover after kill -9: the killed runner's execution was interrupted after ${takeoverS.toFixed(1)} s`);
  }, 240_000);
});
