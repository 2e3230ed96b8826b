import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobService } from '../../main/jobs/job-service.ts';
import { JOB_KINDS } from '../../main/jobs/registry.ts';
import { WeatherCurrentEntity, WeatherDayEntity } from '../../main/storage/entities/weather.ts';
import { searchLocations } from '../../main/weather/geocoding.ts';
import { startFakeOpenMeteo, type FakeOpenMeteo } from '../fakes/open-meteo-server.ts';
import { createTestApp, runToEnd, type TestApp } from '../jobs/test-app.ts';
import { useBerlinWeather } from './berlin.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

describe.each(testDatabases('the get_weather job'))('the get_weather job (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);

  let testApp: TestApp;
  let fake: FakeOpenMeteo;
  let service: JobService;
  const fetchedAt = new Date('2025-10-24T12:20:00Z');

  beforeEach(async () => {
    fake = await startFakeOpenMeteo();
    testApp = await createTestApp({ databaseUrl: await freshDatabase(), now: () => fetchedAt });
    const { settings } = testApp.app;
    await useBerlinWeather(settings, fake.url);
    await settings.set('weather.geocoding_url', fake.url);
    service = new JobService(testApp.app, JOB_KINDS, { pollMs: 50 });
    await service.start();
  });

  afterEach(async () => {
    await service.stop();
    await testApp.close();
    await fake.close();
  });

  async function storedRows() {
    const { db } = testApp.app;
    return {
      current: await db.getRepository(WeatherCurrentEntity).find(),
      days: await db.getRepository(WeatherDayEntity).find({ order: { date: 'ASC' } }),
    };
  }

  describe('get_weather with Open-Meteo', () => {
    it('asks for the documented fields and stores current conditions and 7 days', async () => {
      const changes: string[] = [];
      testApp.app.events.on('content-changed', (e) => changes.push(e.kind));
      const execution = await runToEnd(service, 'get_weather');
      expect(execution).toMatchObject({ status: 'success', summary: 'Berlin: 11.8 °C now, 7 days stored (open-meteo)' });

      const request = fake.requests.find((r) => r.pathname === '/v1/forecast')!;
      expect(Object.fromEntries(request.searchParams)).toMatchObject({
        latitude: '52.52', longitude: '13.41', timezone: 'auto', forecast_days: '7',
        current: 'temperature_2m,weather_code,wind_speed_10m,wind_direction_10m,relative_humidity_2m,is_day',
        daily: 'weather_code,temperature_2m_max,temperature_2m_min,precipitation_probability_max,wind_speed_10m_max,wind_direction_10m_dominant,sunrise,sunset',
      });

      const { current, days } = await storedRows();
      expect(current).toEqual([{
        id: expect.any(Number), locationKey: '52.5200,13.4100', locationName: 'Berlin', latitude: 52.52, longitude: 13.41, timeZone: 'Europe/Berlin',
        provider: 'open-meteo', fetchedAt, observedAt: new Date('2025-10-24T12:15:00Z'),
        temperatureC: 11.8, weatherCode: 3, windSpeedKmh: 14.3, windDirectionDeg: 236, humidityPct: 72, isDay: true,
      }]);
      expect(days).toHaveLength(7);
      expect(days[0]).toMatchObject({
        date: '2025-10-24', weatherCode: 3, minC: 7.9, maxC: 12.4, precipitationProbabilityPct: 15, windSpeedMaxKmh: 19.8, windDirectionDeg: 238,
        sunrise: '2025-10-24T07:49:00+02:00', sunset: '2025-10-24T17:52:00+02:00',
      });
      // The clocks go back on 2025-10-26: sunrise and sunset carry the new offset.
      expect(days[2]).toMatchObject({ date: '2025-10-26', weatherCode: 80, sunrise: '2025-10-26T06:53:00+01:00', sunset: '2025-10-26T16:48:00+01:00' });
      expect(days[6]).toMatchObject({ date: '2025-10-30', precipitationProbabilityPct: null, weatherCode: 45 });
      expect(changes).toEqual(['weather']);
    });

    it.each([
      ['refuse', /Open-Meteo refused the request \(400 from http:\/\/127\.0\.0\.1:\d+\/v1\/forecast\): Latitude must be in range/],
      ['html', /Open-Meteo answered 200 with something that is not JSON: "<html>/],
      ['wrong-shape', /Open-Meteo answered with data that is not a forecast \(daily\.time: /],
    ] as const)('ends in error with a clear message when the server answers %s, keeping the previous data', async (mode, message) => {
      await runToEnd(service, 'get_weather');
      const before = await storedRows();
      fake.mode = mode;
      const execution = await runToEnd(service, 'get_weather');
      expect(execution.status).toBe('error');
      expect(execution.error).toMatch(message);
      expect(await storedRows()).toEqual(before);
    });

    it('ends in error when the server does not answer in time, keeping the previous data', async () => {
      await runToEnd(service, 'get_weather');
      const before = await storedRows();
      fake.mode = 'hang';
      const slow = await runToEnd(service, 'get_weather', { timeout_s: 1 });
      expect(slow).toMatchObject({ status: 'error', error: expect.stringMatching(/^no answer from http:\/\/127\.0\.0\.1:\d+\/v1\/forecast within 1 s$/) });
      expect(await storedRows()).toEqual(before);
    });

    it('ends in error when the server is down, keeping the previous data', async () => {
      await runToEnd(service, 'get_weather');
      const before = await storedRows();
      await fake.close();
      const down = await runToEnd(service, 'get_weather');
      expect(down).toMatchObject({ status: 'error', error: expect.stringMatching(/^could not reach http:\/\/127\.0\.0\.1:\d+\/v1\/forecast: connection refused \(ECONNREFUSED\)$/) });
      expect(await storedRows()).toEqual(before);
    });

    it('is skipped with a clear summary when no location is set', async () => {
      const bare = await createTestApp({ databaseUrl: await freshDatabase() });
      const bareService = new JobService(bare.app, JOB_KINDS, { pollMs: 50 });
      await bareService.start();
      const execution = await runToEnd(bareService, 'get_weather');
      expect(execution.status).toBe('skipped');
      expect(execution.summary).toMatch(/no location set: set weather\.latitude and weather\.longitude/);
      await bareService.stop();
      await bare.close();
    });
  });

  describe('searchLocations', () => {
    it('lists places from the geocoding API for the settings UI', async () => {
      const places = await searchLocations(testApp.app, 'Berlin');
      expect(places[0]).toEqual({
        name: 'Berlin', label: 'Berlin, Land Berlin, Germany', latitude: 52.52437, longitude: 13.41053,
        country: 'Germany', countryCode: 'DE', region: 'Land Berlin', timeZone: 'Europe/Berlin',
      });
      expect(places.map((p) => p.label)).toEqual(['Berlin, Land Berlin, Germany', 'Berlin, New Hampshire, United States', 'Berlin, New Jersey, United States']);
      expect(Object.fromEntries(fake.requests.at(-1)!.searchParams)).toEqual({ name: 'Berlin', count: '10', language: 'en', format: 'json' });
      expect(await searchLocations(testApp.app, 'Xyzzyville')).toEqual([]);
      expect(await searchLocations(testApp.app, ' ')).toEqual([]);
    });
  });
});
