import { z } from 'zod';
import { weatherCondition } from '../dashboard/weather-codes.ts';
import { SourceError } from '../sources/source-http.ts';
import { readWeatherConfig } from '../weather/config.ts';
import { loadWeatherFor } from '../weather/store.ts';
import { localDay, type LoadContext } from './time-data.ts';

/** "Weather on its own": the stored weather of the configured location (get_weather fetches it; a render never waits on the network). */
export const weatherScreenSettings = z.strictObject({ days: z.number().int().min(1).max(7).default(4) });

export async function weatherData(settings: z.infer<typeof weatherScreenSettings>, context: LoadContext) {
  if (!context.app) throw new SourceError('the weather screen reads the stored weather and needs the app');
  const stored = await loadWeatherFor(context.app.db, (await readWeatherConfig(context.app.settings)).location);
  if (!stored) throw new SourceError('no weather stored yet: set the location under Dashboard and run the get_weather job');
  const today = localDay(context.now, stored.timeZone ?? context.timeZone);
  const days = stored.days.filter((day) => day.date >= today).slice(0, settings.days);
  const round = (c: number) => `${Math.round(c)}°`;
  const weekday = (date: string) => (date === today ? 'Today' : new Intl.DateTimeFormat(context.locale, { timeZone: 'UTC', weekday: 'short' }).format(new Date(`${date}T12:00:00Z`)));
  return {
    location: stored.locationName,
    now: stored.current ? round(stored.current.temperatureC) : (days[0] ? round(days[0].maxC) : ''),
    condition: weatherCondition(stored.current?.weatherCode ?? days[0]?.weatherCode ?? 3, stored.current?.isDay ?? true).label,
    wind: stored.current?.windSpeedKmh !== undefined ? `wind ${Math.round(stored.current.windSpeedKmh)} km/h` : '',
    days: days.map((day) => ({
      name: weekday(day.date), condition: weatherCondition(day.weatherCode).label, range: `${round(day.minC)} / ${round(day.maxC)}`,
      rain: day.precipitationProbabilityPct !== undefined ? `${day.precipitationProbabilityPct}% rain` : '',
    })),
    updated: new Intl.DateTimeFormat(context.locale, { timeZone: context.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(stored.fetchedAt),
  };
}
