import { formatInZone, systemTimeZone } from '../../calendar/zoned-time.ts';
import type { AppContext } from '../../core/app-context.ts';
import { searchLocations } from '../../weather/geocoding.ts';
import type { StoredWeather } from '../../weather/store.ts';
import { printListing } from '../output.ts';

/** `inkstand weather`: the stored current conditions and days of each location fetched. */
export async function weatherCommand(app: AppContext, options: { json?: boolean }, out: NodeJS.WritableStream): Promise<void> {
  const stored = await app.weather.all();
  if (options.json) {
    out.write(JSON.stringify(stored.map(toJson), null, 2) + '\n');
    return;
  }
  if (stored.length === 0) {
    out.write('(no weather stored yet: set a location, then run `inkstand job get_weather`)\n');
    return;
  }
  for (const weather of stored) {
    const zone = weather.timeZone ?? systemTimeZone();
    out.write(`${weather.locationName} (${weather.latitude}, ${weather.longitude}) from ${weather.provider}, fetched ${formatInZone(weather.fetchedAt, zone)}\n`);
    const now = weather.current;
    if (now) {
      const wind = now.windSpeedKmh !== undefined ? `, wind ${now.windSpeedKmh} km/h${now.windDirectionDeg !== undefined ? ` from ${now.windDirectionDeg}°` : ''}` : '';
      const humidity = now.humidityPct !== undefined ? `, humidity ${now.humidityPct}%` : '';
      out.write(`now: ${now.temperatureC} °C, weather code ${now.weatherCode}${wind}${humidity}\n`);
    }
    printListing(weather.days.map((day) => ({
      date: day.date, code: day.weatherCode, minC: day.minC, maxC: day.maxC, rainPct: day.precipitationProbabilityPct, windKmh: day.windSpeedMaxKmh,
      windDeg: day.windDirectionDeg, sunrise: day.sunrise?.slice(11, 16), sunset: day.sunset?.slice(11, 16),
    })), false, ['date', 'code', 'minC', 'maxC', 'rainPct', 'windKmh', 'windDeg', 'sunrise', 'sunset'], out);
  }
}

/** `inkstand weather search QUERY`: places to use as the weather location. */
export async function weatherSearchCommand(app: AppContext, query: string, options: { json?: boolean }, out: NodeJS.WritableStream): Promise<void> {
  const places = await searchLocations(app, query);
  printListing(places as unknown as Record<string, unknown>[], Boolean(options.json), ['label', 'latitude', 'longitude', 'timeZone'], out);
}

function toJson(weather: StoredWeather) {
  return { ...weather, fetchedAt: weather.fetchedAt.toISOString() };
}
