import { afterEach, describe, expect, it } from 'vitest';
import { JobService } from '../../main/jobs/job-service.ts';
import { JOB_KINDS } from '../../main/jobs/registry.ts';
import { ExecutionEntity, ExecutionLogEntity, JobEntity } from '../../main/storage/entities/job.ts';
import { StatsSampleEntity } from '../../main/storage/entities/stats.ts';
import { createTestApp, waitFor, type TestApp } from './test-app.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

const DAY = 86_400_000;
describe.each(testDatabases('built-in job kinds'))('built-in job kinds (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);

  let testApp: TestApp;
  let service: JobService;

  afterEach(async () => {
    await service?.stop();
    await testApp?.close();
  });

  async function runToEnd(name: string, params?: Record<string, unknown>) {
    const { id } = await service.runNow(name, params);
    return waitFor(async () => {
      const execution = await service.execution(id);
      return execution && !['queued', 'running'].includes(execution.status) ? execution : undefined;
    });
  }

  function sample(sampledAt: Date) {
    return {
      sampledAt, cpuPct: 5, memUsedPct: 40, memUsedBytes: 4e9, memTotalBytes: 1e10, swapUsedPct: null,
      diskUsedPct: 50, diskUsedBytes: 1e11, diskTotalBytes: 2e11, netRxBytesPerS: 1000, netTxBytesPerS: 200,
    };
  }

  describe('built-in kinds', () => {
    it('refresh_all and generate_dashboard call the display content service', async () => {
      testApp = await createTestApp({ databaseUrl: await freshDatabase() });
      service = new JobService(testApp.app, JOB_KINDS, { pollMs: 50 });
      await service.start();
      expect(await runToEnd('refresh_all')).toMatchObject({ status: 'success', summary: 'refreshed 2 displays' });
      expect(await runToEnd('generate_dashboard')).toMatchObject({ status: 'success', summary: 'rendered the dashboard for 1 display' });
      expect(testApp.screenCalls).toEqual({ refreshAll: 1, prerenderDashboards: 1 });
      await expect(service.runNow('refresh_all', { modes: ['disco'] })).rejects.toThrow(/field "modes.0"/);
    });

    it('cleanup deletes old executions with their logs and old stats samples, and keeps recent ones', async () => {
      const now = new Date('2025-06-01T12:00:00Z');
      testApp = await createTestApp({ databaseUrl: await freshDatabase(), now: () => now });
      service = new JobService(testApp.app, JOB_KINDS, { pollMs: 50 });
      const { db } = testApp.app;
      await service.list();
      const jobId = (await db.getRepository(JobEntity).findOneByOrFail({ name: 'refresh_all' })).id;
      const executions = db.getRepository(ExecutionEntity);
      const old = await executions.insert({ jobId, params: '{}', status: 'success', trigger: 'manual', queuedAt: new Date(now.getTime() - 40 * DAY), finishedAt: new Date(now.getTime() - 40 * DAY) });
      const recent = await executions.insert({ jobId, params: '{}', status: 'error', trigger: 'manual', queuedAt: new Date(now.getTime() - 2 * DAY), finishedAt: new Date(now.getTime() - 2 * DAY) });
      const oldId = old.identifiers[0].id as number;
      await db.getRepository(ExecutionLogEntity).insert({ executionId: oldId, seq: 1, time: new Date(now.getTime() - 40 * DAY), level: 'info', message: 'old' });
      await db.getRepository(StatsSampleEntity).insert([sample(new Date(now.getTime() - 8 * DAY)), sample(new Date(now.getTime() - DAY))]);

      await service.start();
      const result = await runToEnd('cleanup');
      expect(result.status).toBe('success');
      expect(result.summary).toContain('1 execution (with their logs)');
      expect(result.summary).toContain('1 stats sample older');
      expect(await executions.existsBy({ id: oldId })).toBe(false);
      expect(await executions.existsBy({ id: recent.identifiers[0].id })).toBe(true);
      expect(await db.getRepository(ExecutionLogEntity).countBy({ executionId: oldId })).toBe(0);
      expect(await db.getRepository(StatsSampleEntity).count()).toBe(1);
    });
  });
});
