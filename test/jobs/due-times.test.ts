import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { JobService } from '../../main/jobs/job-service.ts';
import { ExecutionEntity } from '../../main/storage/entities/job.ts';
import { createTestApp, sleep, waitFor, type TestApp } from './test-app.ts';
import { TEST_KINDS, addJob } from './test-kinds.ts';
import { describeEachDatabaseAtOnce, useTestDatabase } from '../helpers/test-databases.ts';

describeEachDatabaseAtOnce('scheduled executions across nodes', (database) => {
  const settings = useTestDatabase(database);
  const apps: TestApp[] = [];
  const services: JobService[] = [];
  let dataDir: string;

  afterEach(async () => {
    for (const service of services.splice(0)) await service.stop();
    for (const app of apps.splice(0)) await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    // The next test starts from empty tables.
    if (database === 'postgres') await emptyJobTables(settings().databaseUrl!);
  });

  /** A server process on the shared data dir with its own connection, job service and node name. */
  async function node(nodeName: string): Promise<{ app: TestApp; jobs: JobService }> {
    const app = await createTestApp({ dataDir, databaseUrl: settings().databaseUrl });
    const jobs = new JobService(app.app, TEST_KINDS, { pollMs: 50, heartbeatMs: 100, nodeName });
    apps.push(app);
    services.push(jobs);
    return { app, jobs };
  }

  it('two job runners firing the same cron ticks queue one execution per due time', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-due-'));
    const a = await node('node-a');
    const b = await node('node-b');
    await addJob(a.app.app, { name: 'every_second', kind: 'test_sleep', cron: '* * * * * *', params: { ms: 10, label: 'tick' } });
    // Both believe they run jobs (as two nodes may for a moment during a takeover).
    await Promise.all([a.jobs.start(), b.jobs.start()]);
    await sleep(3_500);
    await Promise.all([a.jobs.stop(), b.jobs.stop()]);

    const rows = await a.app.app.db.getRepository(ExecutionEntity).find({ where: { trigger: 'schedule' } });
    const dueTimes = rows.map((row) => row.dueAt!.toISOString());
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(new Set(dueTimes).size).toBe(rows.length);
    for (const dueAt of dueTimes) expect(new Date(dueAt).getMilliseconds()).toBe(0);
    expect(rows.filter((row) => row.status === 'running')).toEqual([]);
  });

  it('the node that takes the runner role over marks what the previous runner left running interrupted at once, not after the lease', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-due-'));
    const b = await node('node-b');
    await addJob(b.app.app, { name: 'long', kind: 'test_sleep', params: { ms: 60_000 } });
    const job = (await b.app.app.jobStore.byName('long'))!;
    const now = new Date();
    // What node-a's runner was doing when it was killed: its heartbeat is fresh, well inside the 2-minute lease.
    const left = await b.app.app.db.getRepository(ExecutionEntity).insert({
      jobId: job.id, params: '{}', status: 'running', trigger: 'schedule', queuedAt: now, startedAt: now, heartbeatAt: now, ownerHost: 'machine-a', ownerPid: 4242, runnerNode: 'node-a',
    });
    await addJob(b.app.app, { name: 'next', kind: 'test_sleep', params: { ms: 10 } });
    const waiting = await b.jobs.runNow('next');

    await b.jobs.start();
    const interrupted = await b.jobs.execution(left.identifiers[0].id as number);
    expect(interrupted?.status).toBe('interrupted');
    expect(interrupted?.error).toMatch(/job runner on node-a \(pid 4242\) stopped/);
    // Nothing stays blocked behind the dead runner's execution: the queued one runs.
    await waitFor(async () => (await b.jobs.execution(waiting.id))?.status === 'success', 10_000, 'the queued execution to run');
  });
});

async function emptyJobTables(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('TRUNCATE job_execution_logs, job_executions, jobs RESTART IDENTITY CASCADE');
  } finally {
    await client.end();
  }
}
