import { afterEach, describe, expect, it, vi } from 'vitest';
import { StatsCollector } from '../../main/stats/collector.ts';
import type { SystemProbe } from '../../main/stats/probe.ts';
import { StatsSampleEntity } from '../../main/storage/entities/stats.ts';
import { createTestApp, type TestApp } from '../jobs/test-app.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

const MINUTE = 60_000;
describe.each(testDatabases('the stats collector'))('the stats collector (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);

  let testApp: TestApp;
  let collector: StatsCollector | null = null;

  afterEach(async () => {
    collector?.stop();
    collector = null;
    vi.useRealTimers();
    await testApp?.close();
  });

  function fakeClock(iso: string) {
    vi.useFakeTimers({ now: new Date(iso), toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  }

  async function advanceMinutes(n: number) {
    for (let i = 0; i < n; i++) {
      await vi.advanceTimersByTimeAsync(MINUTE);
      await collector!.whenIdle();
    }
  }

  /** Counters that grow at known rates: 25% CPU busy, 6 kB/s in and 1.2 kB/s out. */
  function scriptedProbe(): SystemProbe {
    let minutes = 0;
    return {
      cpuTimes: () => ({ idle: 3 * minutes * 1000, total: 4 * minutes * 1000 }),
      memory: async () => ({ totalBytes: 8e9, usedBytes: 2e9, swapTotalBytes: 2e9, swapUsedBytes: 5e8 }),
      disk: async () => ({ totalBytes: 1e12, usedBytes: 4e11 }),
      networkTotals: async () => {
        const totals = { rxBytes: 360_000 * minutes, txBytes: 72_000 * minutes };
        minutes++;
        return totals;
      },
    };
  }

  describe('stats collector', () => {
    it('writes one row per minute with the averages over that minute', async () => {
      fakeClock('2025-06-01T12:00:00Z');
      testApp = await createTestApp({ databaseUrl: await freshDatabase() });
      collector = new StatsCollector(testApp.app, { probe: scriptedProbe() });
      collector.start();
      await collector.whenIdle();
      await advanceMinutes(3);
      const rows = await testApp.app.db.getRepository(StatsSampleEntity).find({ order: { sampledAt: 'ASC' } });
      expect(rows.map((r) => r.sampledAt.toISOString())).toEqual(['2025-06-01T12:01:00.000Z', '2025-06-01T12:02:00.000Z', '2025-06-01T12:03:00.000Z']);
      for (const row of rows) {
        expect(row).toMatchObject({ cpuPct: 25, memUsedPct: 25, swapUsedPct: 25, diskUsedPct: 40, netRxBytesPerS: 6000, netTxBytesPerS: 1200 });
      }
      expect(collector.recent()).toHaveLength(3);
      const status = await testApp.app.stats.systemStatus(new Date());
      expect(status).toMatchObject({ cpuPct: 25, memUsedPct: 25, diskUsedPct: 40, cpuHistory: [25, 25, 25], netRxBytesPerS: [6000, 6000, 6000] });
    });

    it('samples the real machine with sane values', async () => {
      fakeClock('2025-06-01T12:00:00Z');
      testApp = await createTestApp({ databaseUrl: await freshDatabase() });
      collector = new StatsCollector(testApp.app);
      collector.start();
      await collector.whenIdle();
      await advanceMinutes(2);
      const rows = await testApp.app.db.getRepository(StatsSampleEntity).find();
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        for (const pct of [row.cpuPct, row.memUsedPct, row.diskUsedPct]) {
          expect(pct).toBeGreaterThanOrEqual(0);
          expect(pct).toBeLessThanOrEqual(100);
        }
        expect(row.memUsedPct).toBeGreaterThan(0);
        expect(row.memTotalBytes).toBeGreaterThan(row.memUsedBytes);
        expect(row.diskTotalBytes).toBeGreaterThan(0);
        expect(row.netRxBytesPerS).toBeGreaterThanOrEqual(0);
        expect(row.netTxBytesPerS).toBeGreaterThanOrEqual(0);
      }
    });

    it('deletes rows older than the retention', async () => {
      fakeClock('2025-06-10T12:00:00Z');
      testApp = await createTestApp({ databaseUrl: await freshDatabase() });
      const repo = testApp.app.db.getRepository(StatsSampleEntity);
      const row = (daysAgo: number) => ({
        sampledAt: new Date(Date.now() - daysAgo * 86_400_000), cpuPct: 1, memUsedPct: 1, memUsedBytes: 1, memTotalBytes: 2, swapUsedPct: null,
        diskUsedPct: 1, diskUsedBytes: 1, diskTotalBytes: 2, netRxBytesPerS: 0, netTxBytesPerS: 0,
      });
      await repo.insert([row(9), row(7.5), row(6.9), row(1)]);
      collector = new StatsCollector(testApp.app, { probe: scriptedProbe() });
      collector.start();
      await collector.whenIdle();
      await advanceMinutes(1);
      const left = await repo.find({ order: { sampledAt: 'ASC' } });
      expect(left.map((r) => Math.round((Date.now() - r.sampledAt.getTime()) / 86_400_000 * 10) / 10)).toEqual([6.9, 1, 0]);
    });
  });
});
