import { afterEach, describe, expect, it } from 'vitest';
import { loadDashboardData } from '../../main/dashboard-data/load.ts';
import { CalendarEntity } from '../../main/storage/entities/calendar.ts';
import { createTestApp, type TestApp } from '../jobs/test-app.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

const NOW = new Date('2025-10-27T06:10:00Z'); // Monday 07:10 in Berlin
const MINUTE = 60_000;
describe.each(testDatabases('the dashboard data'))('the dashboard data (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);

  let testApp: TestApp;

  afterEach(async () => {
    await testApp?.close();
  });

  const event = (uid: string, start: string, end: string, allDay = false) => ({
    uid, recurrenceId: null, start: new Date(start), end: new Date(end), allDay, summary: uid, location: null, sourceTimeZone: null,
  });

  describe('loadDashboardData', () => {
    it('builds the dashboard data from stored weather, occurrences and stats', async () => {
      testApp = await createTestApp({ databaseUrl: await freshDatabase(), now: () => NOW });
      const { app } = testApp;
      await app.settings.set('weather.latitude', '52.52');
      await app.settings.set('weather.longitude', '13.41');
      await app.weather.save({
        provider: 'open-meteo', locationName: 'Berlin', latitude: 52.52, longitude: 13.41, timeZone: 'Europe/Berlin', observedAt: new Date('2025-10-27T06:00:00Z'),
        current: { temperatureC: 4.5, weatherCode: 2, windSpeedKmh: 9 },
        days: [
          { date: '2025-10-26', weatherCode: 80, minC: 5.1, maxC: 10.3 },
          { date: '2025-10-27', weatherCode: 3, minC: 3.8, maxC: 9.8, precipitationProbabilityPct: 10, sunrise: '2025-10-27T06:55:00+01:00' },
          { date: '2025-10-28', weatherCode: 2, minC: 4.2, maxC: 11.5 },
        ],
      }, new Date('2025-10-27T06:05:00Z'));

      const family = await app.calendars.add({ name: 'Family', url: 'https://example.com/f.ics', color: '#e53935' }, NOW);
      const work = await app.calendars.add({ name: 'Work', url: 'https://example.com/w.ics', color: '#1e88e5' }, NOW);
      await app.calendars.replaceOccurrences(family.id, [
        event('yesterday', '2025-10-26T09:00:00Z', '2025-10-26T10:00:00Z'),
        event('holiday', '2025-10-23T22:00:00Z', '2025-10-27T23:00:00Z', true), // ends tonight: still shown
        event('early-today', '2025-10-26T23:30:00Z', '2025-10-27T00:30:00Z'), // 00:30 Berlin today
        event('next-week', '2025-11-02T23:00:00Z', '2025-11-03T23:00:00Z', true), // Monday in a week: beyond 7 days
      ], NOW);
      await app.calendars.replaceOccurrences(work.id, [event('standup', '2025-10-27T08:30:00Z', '2025-10-27T08:45:00Z')], NOW);
      await app.calendars.replaceOccurrences((await app.calendars.add({ name: 'Hidden', url: 'https://example.com/h.ics' }, NOW)).id, [event('hidden', '2025-10-27T10:00:00Z', '2025-10-27T11:00:00Z')], NOW);
      await app.db.getRepository(CalendarEntity).update({ name: 'Hidden' }, { enabled: false });

      for (let i = 70; i >= 1; i--) {
        await app.stats.add({
          sampledAt: new Date(NOW.getTime() - i * MINUTE), cpuPct: i, memUsedPct: 50, memUsedBytes: 4e9, memTotalBytes: 8e9, swapUsedPct: 1,
          diskUsedPct: 61, diskUsedBytes: 6.1e11, diskTotalBytes: 1e12, netRxBytesPerS: 100 * i, netTxBytesPerS: 10 * i,
        });
      }

      const data = await loadDashboardData(app, 'Europe/Berlin', NOW);
      expect(data.now).toBe(NOW);
      expect(data.timeZone).toBe('Europe/Berlin');
      expect(data.weather).toEqual({
        locationName: 'Berlin',
        fetchedAt: new Date('2025-10-27T06:05:00Z'),
        current: { temperatureC: 4.5, weatherCode: 2, windSpeedKmh: 9 },
        days: [
          { date: '2025-10-27', weatherCode: 3, minC: 3.8, maxC: 9.8, precipitationProbabilityPct: 10, sunrise: '2025-10-27T06:55:00+01:00' },
          { date: '2025-10-28', weatherCode: 2, minC: 4.2, maxC: 11.5 },
        ],
      });
      expect(data.events.map((e) => e.uid)).toEqual(['holiday', 'early-today', 'standup']);
      expect(data.events[2]).toEqual({
        uid: 'standup', calendarName: 'Work', calendarColor: '#1e88e5', summary: 'standup',
        start: new Date('2025-10-27T08:30:00Z'), end: new Date('2025-10-27T08:45:00Z'), allDay: false,
      });
      expect(data.stats).toMatchObject({ cpuPct: 1, memUsedPct: 50, swapUsedPct: 1, diskUsedPct: 61, sampledAt: new Date(NOW.getTime() - MINUTE) });
      expect(data.stats!.cpuHistory).toEqual(Array.from({ length: 59 }, (_, i) => 59 - i));
      expect(data.stats!.netRxBytesPerS.at(-1)).toBe(100);
    });

    it('gives null weather and stats and no events when nothing is stored', async () => {
      testApp = await createTestApp({ databaseUrl: await freshDatabase(), now: () => NOW });
      expect(await loadDashboardData(testApp.app, 'UTC', NOW)).toEqual({ now: NOW, timeZone: 'UTC', weather: null, events: [], stats: null });
    });
  });
});
