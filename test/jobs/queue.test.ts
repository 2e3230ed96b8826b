import { afterEach, describe, expect, it, vi } from 'vitest';
import { JobService } from '../../main/jobs/job-service.ts';
import { ExecutionEntity, JobEntity } from '../../main/storage/entities/job.ts';
import { createTestApp, sleep, waitFor, type TestApp } from './test-app.ts';
import { TEST_KINDS, addJob, timeline } from './test-kinds.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

describe.each(testDatabases('the job queue'))('the job queue (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);

  let testApp: TestApp;
  let service: JobService;

  async function setup(options: ConstructorParameters<typeof JobService>[2] = {}) {
    testApp = await createTestApp({ databaseUrl: await freshDatabase() });
    service = new JobService(testApp.app, TEST_KINDS, { pollMs: 50, heartbeatMs: 100, ...options });
    return testApp.app;
  }

  async function finished(id: number) {
    return waitFor(async () => {
      const execution = await service.execution(id);
      return execution && !['queued', 'running'].includes(execution.status) ? execution : undefined;
    }, 10_000, `execution ${id} to finish`);
  }

  afterEach(async () => {
    await service?.stop();
    await testApp?.close();
    timeline.length = 0;
  });

  describe('single runner', () => {
    it('never overlaps two due jobs and a manual run', async () => {
      const app = await setup();
      await addJob(app, { name: 'due_a', kind: 'test_sleep', cron: '* * * * * *', params: { ms: 150, label: 'due_a' } });
      await addJob(app, { name: 'due_b', kind: 'test_sleep', cron: '* * * * * *', params: { ms: 150, label: 'due_b' } });
      await service.start();
      const manual = await service.runNow('test_sleep', { ms: 150, label: 'manual' });
      await sleep(2_500);
      await service.stop();
      await finished(manual.id);

      const labels = new Set(timeline.map((t) => t.job));
      expect(labels).toEqual(new Set(['due_a', 'due_b', 'manual']));
      const sorted = [...timeline].sort((a, b) => a.start - b.start);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i].start).toBeGreaterThanOrEqual(sorted[i - 1].end);

      const rows = await app.db.getRepository(ExecutionEntity).find({ where: { status: 'success' }, order: { startedAt: 'ASC' } });
      expect(rows.length).toBeGreaterThanOrEqual(3);
      for (let i = 1; i < rows.length; i++) expect(rows[i].startedAt!.getTime()).toBeGreaterThanOrEqual(rows[i - 1].finishedAt!.getTime());
    });

    it('does not queue a job twice: a second request gets the queued or running execution', async () => {
      await setup();
      await service.start();
      const first = await service.enqueue('test_sleep', { ms: 400 });
      const second = await service.enqueue('test_sleep', { ms: 5 });
      expect(first.coalesced).toBe(false);
      expect(second.coalesced).toBe(true);
      expect(second.execution.id).toBe(first.execution.id);
      await waitFor(async () => (await service.execution(first.execution.id))?.status === 'running');
      expect((await service.runNow('test_sleep')).id).toBe(first.execution.id);
      expect((await finished(first.execution.id)).params).toEqual({ ms: 400, label: 'sleep' });
      const next = await service.runNow('test_sleep', { ms: 5 });
      expect(next.id).not.toBe(first.execution.id);
    });

    it('runs queued executions one after another in order', async () => {
      await setup();
      await service.start();
      const a = await service.runNow('test_sleep', { ms: 100, label: 'a' });
      const b = await service.runNow('test_progress', { steps: 2 });
      const c = await service.runNow('test_fail');
      const [ra, rb, rc] = [await finished(a.id), await finished(b.id), await finished(c.id)];
      expect([ra.status, rb.status, rc.status]).toEqual(['success', 'success', 'error']);
      expect(Date.parse(rb.startedAt!)).toBeGreaterThanOrEqual(Date.parse(ra.finishedAt!));
      expect(Date.parse(rc.startedAt!)).toBeGreaterThanOrEqual(Date.parse(rb.finishedAt!));
      expect(rc.error).toBe('the disk is full');
      expect(rb.progress).toEqual({ done: 2, total: 2 });
    });
  });

  describe('params', () => {
    it('refuses a wrong type or an unknown field before any execution exists, naming the field', async () => {
      const app = await setup();
      await service.start();
      await expect(service.runNow('test_sleep', { ms: 'soon' })).rejects.toThrow(/field "ms"/);
      await expect(service.runNow('test_sleep', { mss: 10 })).rejects.toThrow(/unknown field "mss"/);
      await expect(service.runNow('test_sleep', { ms: -1 })).rejects.toThrow(/field "ms"/);
      await expect(service.update('test_sleep', { params: { ms: 'x' } })).rejects.toThrow(/field "ms"/);
      expect(await app.db.getRepository(ExecutionEntity).count()).toBe(0);
    });

    it('validates cron, time zone and patch fields on update', async () => {
      await setup();
      await expect(service.update('test_sleep', { cron: '61 * * * *' })).rejects.toThrow(/cron: .*61/);
      await expect(service.update('test_sleep', { timeZone: 'Mars/Olympus' })).rejects.toThrow(/timeZone/);
      await expect(service.update('test_sleep', { colour: 'red' })).rejects.toThrow(/colour/);
      await expect(service.update('nope', { enabled: false })).rejects.toThrow(/no job named "nope"/);
      const updated = await service.update('test_sleep', { cron: '30 2 * * *', timeZone: 'Europe/Berlin', params: { ms: 5 } });
      expect(updated).toMatchObject({ cron: '30 2 * * *', timeZone: 'Europe/Berlin', params: { ms: 5 }, enabled: true });
      expect(updated.nextRunAt).toMatch(/T(00|01):30:00.000Z$/);
    });
  });

  describe('logs and events', () => {
    it('writes each log line as it happens and pushes it to subscribers', async () => {
      const app = await setup();
      const pushed: string[] = [];
      const statuses: string[] = [];
      app.events.on('job-log', (line) => pushed.push(line.message));
      app.events.on('execution-changed', (change) => statuses.push(change.status));
      await service.start();
      const execution = await service.runNow('test_progress', { steps: 3, step_ms: 300 });
      const firstLine = await waitFor(async () => (await service.logs(execution.id)).find((l) => l.message === 'step 1'), 5_000, 'step 1');
      expect(firstLine.seq).toBe(1);
      expect((await service.execution(execution.id))?.status).toBe('running');
      expect((await service.logs(execution.id, 1)).map((l) => l.message)).not.toContain('step 1');
      await finished(execution.id);
      const lines = await service.logs(execution.id);
      expect(lines.map((l) => l.message)).toEqual(['step 1', 'step 2', 'step 3', 'success: 3 steps']);
      expect(lines.map((l) => l.seq)).toEqual([1, 2, 3, 4]);
      expect(pushed).toEqual(lines.map((l) => l.message));
      // On PostgreSQL the runner, on a connection of its own, may claim the execution before the queueing call has read it back.
      if (database === 'sqlite') expect(statuses[0]).toBe('queued');
      expect(statuses).toContain('running');
      // The outcome's event follows its row by a moment (the announcement looks up the job's name): wait for it.
      await vi.waitFor(() => expect(statuses.at(-1)).toBe('success'));
    });

    it('records the outcome only after a heartbeat still in flight as the job returns, so the outcome is announced last', async () => {
      const app = await setup();
      const queue = service['queue'];
      const calls: string[] = [];
      const heartbeat = queue.heartbeat.bind(queue);
      queue.heartbeat = async (...args) => {
        const ours = await heartbeat(...args);
        await sleep(100); // a slow database: the job has returned by now
        calls.push('heartbeat');
        return ours;
      };
      const finish = queue.finish.bind(queue);
      queue.finish = (...args) => {
        calls.push('finish');
        return finish(...args);
      };
      const statuses: string[] = [];
      app.events.on('execution-changed', (change) => statuses.push(change.status));
      await service.start();
      const execution = await service.runNow('test_progress', { steps: 1, step_ms: 0 }); // its progress is its last act
      await finished(execution.id);
      expect(calls).toEqual(['heartbeat', 'finish']);
      expect(statuses.at(-1)).toBe('success');
    });
  });

  describe('stop', () => {
    it('aborts the running job; one that honours its signal ends interrupted', async () => {
      await setup();
      await service.start();
      const execution = await service.runNow('test_sleep', { ms: 60_000 });
      await waitFor(async () => (await service.execution(execution.id))?.status === 'running');
      await service.stop();
      expect(await service.execution(execution.id)).toMatchObject({ status: 'interrupted', error: expect.stringMatching(/shutting down/) });
    });

    it('marks a job that ignores its signal interrupted after the grace period', async () => {
      await setup({ stopGraceMs: 200 });
      await service.start();
      const execution = await service.runNow('test_stubborn', { ms: 1_500 });
      await waitFor(async () => (await service.execution(execution.id))?.status === 'running');
      const began = Date.now();
      await service.stop();
      expect(Date.now() - began).toBeLessThan(1_000);
      expect(await service.execution(execution.id)).toMatchObject({ status: 'interrupted', error: expect.stringMatching(/still running/) });
      await sleep(1_600);
      expect((await service.execution(execution.id))?.status).toBe('interrupted');
    });
  });

  describe('executions left running by another machine', () => {
    it('block the runner while their lease is fresh and become interrupted once it runs out', async () => {
      let now = new Date('2025-06-01T12:00:00Z');
      testApp = await createTestApp({ databaseUrl: await freshDatabase(), now: () => now });
      service = new JobService(testApp.app, TEST_KINDS, { pollMs: 50, leaseMs: 60_000 });
      const app = testApp.app;
      await service.list();
      const job = await app.db.getRepository(JobEntity).findOneByOrFail({ name: 'test_stubborn' });
      const inserted = await app.db.getRepository(ExecutionEntity).insert({
        jobId: job.id, params: '{}', status: 'running', trigger: 'schedule', queuedAt: now, startedAt: now, heartbeatAt: now, ownerHost: 'nas.local', ownerPid: 4242,
      });
      const foreignId = inserted.identifiers[0].id as number;
      await service.start();
      const mine = await service.runNow('test_sleep', { ms: 5 });
      await sleep(300);
      expect((await service.execution(mine.id))?.status).toBe('queued');
      expect((await service.execution(foreignId))?.status).toBe('running');

      now = new Date(now.getTime() + 61_000);
      await waitFor(async () => (await service.execution(mine.id))?.status === 'success', 5_000, 'the queued job to run');
      expect(await service.execution(foreignId)).toMatchObject({ status: 'interrupted', error: 'interrupted: no sign of life from nas.local (pid 4242) for 61 s' });
    });
  });
});
