import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { JobService } from '../../main/jobs/job-service.ts';
import { createTestApp, waitFor, type TestApp } from './test-app.ts';
import { TEST_KINDS } from './test-kinds.ts';
import { describeEachDatabaseAtOnce, useFreshDatabases } from '../helpers/test-databases.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
describeEachDatabaseAtOnce('jobs across processes', (database) => {
  const freshDatabase = useFreshDatabases(database);

  const children: ChildProcess[] = [];
  let testApp: TestApp;
  let service: JobService | null = null;

  /** Starts the job in a separate Node process on the same data dir (and database) and resolves with its execution id. */
  function runInChild(dataDir: string, job: string, params: Record<string, unknown>, databaseUrl?: string): Promise<{ child: ChildProcess; executionId: number; output: () => string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'fixtures', 'run-job.ts'), dataDir, job, JSON.stringify(params), ...(databaseUrl ? [databaseUrl] : [])], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => { stdout += chunk; });
    child.stderr!.on('data', (chunk) => { stderr += chunk; });
    return new Promise((resolve, reject) => {
      child.stdout!.on('data', () => {
        const match = /queued (\d+)/.exec(stdout);
        if (match) resolve({ child, executionId: Number(match[1]), output: () => stdout });
      });
      child.on('exit', (code) => reject(new Error(`child exited (${code}) before queueing: ${stderr}`)));
    });
  }

  function exited(child: ChildProcess): Promise<void> {
    return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
  }

  afterEach(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(children.map(exited));
    children.length = 0;
    await service?.stop();
    service = null;
    await testApp?.close();
  });

  async function statusOf(id: number): Promise<string | undefined> {
    return (await service!.execution(id))?.status;
  }

  describe('across processes sharing the data dir', () => {
    it('a killed process leaves its execution interrupted after restart, and the next run works', async () => {
      const databaseUrl = await freshDatabase();
      testApp = await createTestApp({ databaseUrl });
      const { child, executionId } = await runInChild(testApp.dataDir, 'test_sleep', { ms: 60_000 }, databaseUrl);
      service = new JobService(testApp.app, TEST_KINDS, { pollMs: 50 });
      await waitFor(async () => (await statusOf(executionId)) === 'running', 15_000, 'the child to start the job');
      const owner = (await service.execution(executionId))!.owner;
      expect(owner?.pid).toBe(child.pid);
      child.kill('SIGKILL');
      await exited(child);

      await service.start(); // the restart
      await waitFor(async () => (await statusOf(executionId)) === 'interrupted', 5_000, 'the execution to be marked interrupted');
      expect((await service.execution(executionId))!.error).toMatch(new RegExp(`pid ${child.pid}`));

      const next = await service.runNow('test_sleep', { ms: 10 });
      expect(next.id).not.toBe(executionId);
      await waitFor(async () => (await statusOf(next.id)) === 'success', 5_000, 'the next run');
    });

    it('a job queued in one process waits while another process runs a job', async () => {
      const databaseUrl = await freshDatabase();
      testApp = await createTestApp({ databaseUrl });
      const { child, executionId, output } = await runInChild(testApp.dataDir, 'test_sleep', { ms: 1_500 }, databaseUrl);
      service = new JobService(testApp.app, TEST_KINDS, { pollMs: 50 });
      await waitFor(async () => (await statusOf(executionId)) === 'running', 15_000, 'the child to start the job');
      await service.start();
      const mine = await service.runNow('test_progress', { steps: 1 });
      await waitFor(async () => (await statusOf(mine.id)) === 'success', 10_000, 'the second job');
      const theirs = (await service.execution(executionId))!;
      const ours = (await service.execution(mine.id))!;
      expect(theirs.status).toBe('success');
      expect(Date.parse(ours.startedAt!)).toBeGreaterThanOrEqual(Date.parse(theirs.finishedAt!));
      await exited(child);
      expect(output()).toContain('finished success');
    });

    it('a second process asking for a job that is already running joins that execution', async () => {
      const databaseUrl = await freshDatabase();
      testApp = await createTestApp({ databaseUrl });
      service = new JobService(testApp.app, TEST_KINDS, { pollMs: 50 });
      await service.start();
      const releaseFile = path.join(testApp.dataDir, 'release');
      const running = await service.runNow('test_sleep', { ms: 60_000, release_file: releaseFile });
      await waitFor(async () => (await statusOf(running.id)) === 'running');
      const { child, executionId, output } = await runInChild(testApp.dataDir, 'test_sleep', { ms: 5 }, databaseUrl);
      expect(executionId).toBe(running.id);
      fs.writeFileSync(releaseFile, '');
      await exited(child);
      expect(output()).toContain('finished success');
      expect((await service.execution(running.id))!.params).toMatchObject({ ms: 60_000, release_file: releaseFile });
    });
  });
});
