import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobService } from '../../main/jobs/job-service.ts';
import { JOB_KINDS } from '../../main/jobs/registry.ts';
import { WeatherCurrentEntity, WeatherDayEntity } from '../../main/storage/entities/weather.ts';
import { owmToWmo } from '../../main/weather/owm-codes.ts';
import { startFakeOpenWeatherMap, type FakeOpenWeatherMap } from '../fakes/openweathermap-server.ts';
import { createTestApp, runToEnd, type TestApp } from '../jobs/test-app.ts';
import { useBerlinWeather } from './berlin.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

describe.each(testDatabases('get_weather with OpenWeatherMap'))('get_weather with OpenWeatherMap (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);

  let testApp: TestApp;
  let fake: FakeOpenWeatherMap;
  let service: JobService;

  beforeEach(async () => {
    fake = await startFakeOpenWeatherMap();
    testApp = await createTestApp({ databaseUrl: await freshDatabase() });
    const { settings } = testApp.app;
    await settings.set('weather.provider', 'openweathermap');
    await useBerlinWeather(settings, fake.url);
    service = new JobService(testApp.app, JOB_KINDS, { pollMs: 50 });
    await service.start();
  });

  afterEach(async () => {
    await service.stop();
    await testApp.close();
    await fake.close();
  });

  describe('get_weather with OpenWeatherMap One Call 3.0', () => {
    it('maps condition ids to WMO codes, m/s to km/h and probabilities to percent', async () => {
      await testApp.app.settings.set('weather.api_key', fake.apiKey);
      const execution = await runToEnd(service, 'get_weather');
      expect(execution).toMatchObject({ status: 'success', summary: 'Berlin: 11.6 °C now, 3 days stored (openweathermap)' });
      expect(Object.fromEntries(fake.requests[0].searchParams)).toMatchObject({ lat: '52.52', lon: '13.41', units: 'metric', exclude: 'minutely,hourly,alerts' });
      const [current] = await testApp.app.db.getRepository(WeatherCurrentEntity).find();
      expect(current).toMatchObject({ provider: 'openweathermap', temperatureC: 11.62, weatherCode: 3, humidityPct: 74, windDirectionDeg: 240, isDay: true, timeZone: 'Europe/Berlin' });
      expect(current.windSpeedKmh).toBeCloseTo(14.832, 3);
      const days = await testApp.app.db.getRepository(WeatherDayEntity).find({ order: { date: 'ASC' } });
      expect(days.map((d) => [d.date, d.weatherCode, d.minC, d.maxC, d.precipitationProbabilityPct, d.sunrise])).toEqual([
        ['2025-10-24', 61, 7.8, 12.5, 34, '2025-10-24T07:49:00+02:00'],
        ['2025-10-25', 63, 6.2, 11, 81, '2025-10-25T07:51:00+02:00'],
        ['2025-10-26', 81, 5, 10.1, 60, '2025-10-26T06:53:00+01:00'],
      ]);
      expect(days[0].windSpeedMaxKmh).toBeCloseTo(19.8, 5);
    });

    it('fails clearly without a key or with a wrong one, without putting the key in the message', async () => {
      const missing = await runToEnd(service, 'get_weather');
      expect(missing).toMatchObject({ status: 'error', error: expect.stringMatching(/no key is set: set weather\.api_key/) });
      await testApp.app.settings.set('weather.api_key', 'wrong-key-secret');
      const wrong = await runToEnd(service, 'get_weather');
      expect(wrong.status).toBe('error');
      expect(wrong.error).toMatch(/OpenWeatherMap refused the request \(401 from http:\/\/127\.0\.0\.1:\d+\/data\/3\.0\/onecall\): Invalid API key/);
      expect(wrong.error).not.toContain('wrong-key-secret');
      const logs = await service.logs(wrong.id);
      expect(JSON.stringify(logs)).not.toContain('wrong-key-secret');
    });

    it('maps every condition group', () => {
      expect([200, 232, 300, 302, 500, 502, 511, 522, 600, 602, 611, 622, 701, 741, 781, 800, 801, 802, 804].map(owmToWmo))
        .toEqual([95, 95, 51, 55, 61, 65, 66, 82, 71, 75, 66, 86, 45, 45, 45, 0, 1, 2, 3]);
    });
  });
});
