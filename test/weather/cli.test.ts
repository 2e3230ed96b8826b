import { afterEach, describe, expect, it } from 'vitest';
import { runJobCommand } from '../../main/cli/commands/jobs.ts';
import { weatherCommand, weatherSearchCommand } from '../../main/cli/commands/weather.ts';
import { startFakeOpenMeteo, type FakeOpenMeteo } from '../fakes/open-meteo-server.ts';
import { captureOutput, createTestApp, type TestApp } from '../jobs/test-app.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

describe.each(testDatabases('the weather commands'))('the weather commands (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);

  let testApp: TestApp;
  let fake: FakeOpenMeteo;

  afterEach(async () => {
    await testApp?.close();
    await fake?.close();
  });

  describe('weather commands', () => {
    it('`inkstand job get_weather` then `inkstand weather --json` shows the stored conditions and days', async () => {
      fake = await startFakeOpenMeteo();
      testApp = await createTestApp({ databaseUrl: await freshDatabase(), now: () => new Date('2025-10-24T12:20:00Z') });
      const none = captureOutput();
      await weatherCommand(testApp.app, { json: true }, none);
      expect(JSON.parse(none.text())).toEqual([]);

      for (const [key, value] of [['weather.base_url', fake.url], ['weather.geocoding_url', fake.url], ['weather.latitude', '52.52'], ['weather.longitude', '13.41'], ['weather.location_name', 'Berlin']]) {
        await testApp.app.settings.set(key, value);
      }
      const log = captureOutput();
      expect(await runJobCommand(testApp.app, 'get_weather', {}, log)).toBe(0);
      expect(log.text()).toMatch(/info {2}asking open-meteo for the weather at Berlin/);

      const out = captureOutput();
      await weatherCommand(testApp.app, { json: true }, out);
      const [berlin] = JSON.parse(out.text());
      expect(berlin).toMatchObject({
        locationName: 'Berlin', latitude: 52.52, longitude: 13.41, timeZone: 'Europe/Berlin', provider: 'open-meteo', fetchedAt: '2025-10-24T12:20:00.000Z',
        current: { temperatureC: 11.8, weatherCode: 3, windSpeedKmh: 14.3, windDirectionDeg: 236, humidityPct: 72, isDay: true },
      });
      expect(berlin.days).toHaveLength(7);
      expect(berlin.days[3]).toEqual({
        date: '2025-10-27', weatherCode: 3, minC: 3.8, maxC: 9.8, precipitationProbabilityPct: 10, windSpeedMaxKmh: 15.1, windDirectionDeg: 302,
        sunrise: '2025-10-27T06:55:00+01:00', sunset: '2025-10-27T16:46:00+01:00',
      });

      const table = captureOutput();
      await weatherCommand(testApp.app, {}, table);
      expect(table.text()).toMatch(/^Berlin \(52\.52, 13\.41\) from open-meteo, fetched 2025-10-24T14:20:00\+02:00\nnow: 11\.8 °C/);

      const places = captureOutput();
      await weatherSearchCommand(testApp.app, 'Berlin', { json: true }, places);
      expect(JSON.parse(places.text())[0]).toMatchObject({ label: 'Berlin, Land Berlin, Germany', latitude: 52.52437 });
    });
  });
});
