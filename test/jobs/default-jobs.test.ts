import { afterEach, describe, expect, it } from 'vitest';
import { JobService } from '../../main/jobs/job-service.ts';
import { JOB_KINDS } from '../../main/jobs/registry.ts';
import { JobEntity } from '../../main/storage/entities/job.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

describe.each(testDatabases('default jobs'))('default jobs (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);

  let testApp: TestApp;

  afterEach(async () => {
    await testApp?.close();
  });

  describe('default jobs', () => {
    it('are created on first start, with get_weather disabled until a location is set', async () => {
      testApp = await createTestApp({ databaseUrl: await freshDatabase() });
      const jobs = await new JobService(testApp.app, JOB_KINDS).list();
      expect(jobs.map((j) => j.name)).toEqual(JOB_KINDS.filter((k) => k.defaultJob).map((k) => k.defaultJob!.name));
      const byName = (name: string) => jobs.find((j) => j.name === name);
      expect([byName('classify'), byName('generate_variants'), byName('get_weather'), byName('get_calendar'), byName('generate_dashboard'), byName('refresh_all'), byName('cleanup')]).toMatchObject([
        { kind: 'classify', cron: '*/5 * * * *', enabled: true },
        { kind: 'generate_variants', cron: '0 3 * * *', enabled: true },
        { kind: 'get_weather', cron: '*/30 * * * *', enabled: false },
        { kind: 'get_calendar', cron: '*/30 * * * *', enabled: true },
        { kind: 'generate_dashboard', cron: '*/15 * * * *', enabled: true },
        { kind: 'refresh_all', cron: null, enabled: true },
        { kind: 'cleanup', cron: '30 3 * * *', enabled: true },
      ]);
      expect(jobs.every((j) => j.registered && j.description && j.lastExecution === null)).toBe(true);
    });

    it('start get_weather enabled when the location is already set', async () => {
      testApp = await createTestApp({ databaseUrl: await freshDatabase() });
      await testApp.app.settings.set('weather.latitude', '52.52');
      await testApp.app.settings.set('weather.longitude', '13.41');
      const jobs = await new JobService(testApp.app, JOB_KINDS).list();
      expect(jobs.find((j) => j.name === 'get_weather')?.enabled).toBe(true);
    });

    it('creation is idempotent and keeps user edits; jobs of kinds not registered are kept but not run', async () => {
      testApp = await createTestApp({ databaseUrl: await freshDatabase() });
      const first = new JobService(testApp.app, JOB_KINDS);
      await first.update('cleanup', { cron: '0 4 * * 0', enabled: false, params: { stats_retention_days: 3 } });
      const withoutCleanup = new JobService(testApp.app, JOB_KINDS.filter((k) => k.kind !== 'cleanup'));
      const jobs = await withoutCleanup.list();
      expect(jobs.find((j) => j.name === 'cleanup')).toMatchObject({ cron: '0 4 * * 0', enabled: false, params: { stats_retention_days: 3 }, registered: false });
      await expect(withoutCleanup.runNow('cleanup')).rejects.toThrow(/kind "cleanup"/);
      await new JobService(testApp.app, JOB_KINDS).list();
      expect(await testApp.app.db.getRepository(JobEntity).count()).toBe(JOB_KINDS.filter((k) => k.defaultJob).length);
    });
  });
});
