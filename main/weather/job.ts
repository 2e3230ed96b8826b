import { z } from 'zod';
import type { JobKind } from '../jobs/types.ts';
import { readWeatherConfig } from './config.ts';
import { fetchOpenMeteoForecast } from './open-meteo.ts';
import { fetchOpenWeatherMapForecast } from './openweathermap.ts';

const params = z.strictObject({
  timeout_s: z.number().int().min(1).max(120).default(20),
});

export const getWeatherJob: JobKind<z.infer<typeof params>> = {
  kind: 'get_weather',
  description: 'Fetches current conditions and the 7-day forecast for the location in the settings (Open-Meteo, or OpenWeatherMap with a key)',
  params,
  defaultJob: { name: 'get_weather', cron: '*/30 * * * *', enabled: true, requiresSettings: ['weather.latitude', 'weather.longitude'] },
  async run({ app, params, log, signal }) {
    const config = await readWeatherConfig(app.settings);
    if (!config.location) {
      return { status: 'skipped', summary: 'no location set: set weather.latitude and weather.longitude (or pick a place in the Dashboard settings)' };
    }
    const request = { ...config.location, locationName: config.location.name, baseUrl: config.baseUrl, timeoutMs: params.timeout_s * 1000, signal };
    log.info(`asking ${config.provider} for the weather at ${config.location.name}`, { latitude: config.location.latitude, longitude: config.location.longitude });
    let report;
    if (config.provider === 'openweathermap') {
      if (!config.apiKey) throw new Error('weather.provider is openweathermap but no key is set: set weather.api_key (or INKSTAND_WEATHER_API_KEY)');
      report = await fetchOpenWeatherMapForecast({ ...request, apiKey: config.apiKey });
    } else {
      report = await fetchOpenMeteoForecast(request);
    }
    await app.weather.save(report, app.now());
    const now = report.current ? `${report.current.temperatureC.toFixed(1)} °C now, ` : '';
    return { summary: `${report.locationName}: ${now}${report.days.length} days stored (${report.provider})` };
  },
};
