import { afterEach, describe, expect, it, vi } from 'vitest';
import { JobService } from '../../main/jobs/job-service.ts';
import { nextRunTimes } from '../../main/jobs/scheduler.ts';
import { ExecutionEntity } from '../../main/storage/entities/job.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import { TEST_KINDS, addJob } from './test-kinds.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

const HOUR = 3_600_000;
describe.each(testDatabases('the job scheduler'))('the job scheduler (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);

  let testApp: TestApp | null = null;
  let service: JobService | null = null;

  afterEach(async () => {
    await service?.stop();
    service = null;
    vi.useRealTimers();
    await testApp?.close();
    testApp = null;
  });

  function atTime(iso: string) {
    vi.useFakeTimers({ now: new Date(iso), toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  }

  /** Runs the scheduler on a fake clock from `startIso` for `hours`, returning when (by the clock) each run was queued and how it ended. */
  async function firings(cron: string, timeZone: string, startIso: string, hours: number): Promise<string[]> {
    atTime(startIso);
    testApp = await createTestApp({ databaseUrl: await freshDatabase() });
    await addJob(testApp.app, { name: 'clock', kind: 'test_clock', cron, timeZone });
    service = new JobService(testApp.app, TEST_KINDS, { pollMs: 24 * HOUR });
    await service.start();
    for (let i = 0; i < hours; i++) await vi.advanceTimersByTimeAsync(HOUR);
    const rows = await testApp.app.db.getRepository(ExecutionEntity).find({ order: { id: 'ASC' } });
    expect(rows.every((row) => row.status === 'success' && row.trigger === 'schedule')).toBe(true);
    expect(rows.map((row) => row.summary)).toEqual(rows.map((row) => row.queuedAt.toISOString()));
    return rows.map((row) => row.queuedAt.toISOString());
  }

  // SQLite only: the fake clock runs hours of timers without waiting for PostgreSQL's replies on the socket.
  describe.skipIf(database === 'postgres')('cron in the job time zone (fake clock)', () => {
    it('a daily 02:30 in Europe/Berlin skips the spring-forward day, whose 02:30 does not exist', async () => {
      // 2025-03-30: clocks go from 02:00 CET to 03:00 CEST.
      expect(await firings('30 2 * * *', 'Europe/Berlin', '2025-03-28T12:00:00Z', 4 * 24)).toEqual([
        '2025-03-29T01:30:00.000Z', // 02:30 CET
        '2025-03-31T00:30:00.000Z', // 02:30 CEST
        '2025-04-01T00:30:00.000Z',
      ]);
    });

    it('a daily 02:30 in Europe/Berlin runs once on the fall-back day, at the second 02:30', async () => {
      // 2025-10-26: clocks go from 03:00 CEST back to 02:00 CET, so 02:30 happens at 00:30Z and 01:30Z.
      expect(await firings('30 2 * * *', 'Europe/Berlin', '2025-10-24T12:00:00Z', 4 * 24)).toEqual([
        '2025-10-25T00:30:00.000Z',
        '2025-10-26T01:30:00.000Z',
        '2025-10-27T01:30:00.000Z',
        '2025-10-28T01:30:00.000Z',
      ]);
    });

    it('0 7 * * * in America/New_York fires at 12:00Z in winter and 11:00Z in summer', async () => {
      expect(await firings('0 7 * * *', 'America/New_York', '2025-01-10T00:00:00Z', 24)).toEqual(['2025-01-10T12:00:00.000Z']);
      await service!.stop();
      await testApp!.close();
      vi.useRealTimers();
      expect(await firings('0 7 * * *', 'America/New_York', '2025-07-10T00:00:00Z', 24)).toEqual(['2025-07-10T11:00:00.000Z']);
    });

    it('computes next run times in the zone across the US spring-forward', () => {
      vi.useFakeTimers({ now: new Date('2025-03-07T00:00:00Z'), toFake: ['Date'] });
      expect(nextRunTimes('0 7 * * *', 'America/New_York', 4).map((d) => d.toISOString())).toEqual([
        '2025-03-07T12:00:00.000Z',
        '2025-03-08T12:00:00.000Z',
        '2025-03-09T11:00:00.000Z', // EDT from 2025-03-09
        '2025-03-10T11:00:00.000Z',
      ]);
    });

    it('lists the next run of each enabled job, none for manual or disabled ones', async () => {
      vi.useFakeTimers({ now: new Date('2025-01-10T00:00:00Z'), toFake: ['Date'] });
      testApp = await createTestApp({ databaseUrl: await freshDatabase() });
      await addJob(testApp.app, { name: 'morning', kind: 'test_clock', cron: '0 7 * * *', timeZone: 'America/New_York' });
      await addJob(testApp.app, { name: 'off', kind: 'test_clock', cron: '0 7 * * *', enabled: false });
      service = new JobService(testApp.app, TEST_KINDS);
      const jobs = await service.list();
      expect(jobs.find((j) => j.name === 'morning')?.nextRunAt).toBe('2025-01-10T12:00:00.000Z');
      expect(jobs.find((j) => j.name === 'off')?.nextRunAt).toBeNull();
      expect(jobs.find((j) => j.name === 'test_sleep')?.nextRunAt).toBeNull();
    });
  });
});
