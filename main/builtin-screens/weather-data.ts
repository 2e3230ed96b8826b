import { z } from 'zod';
import { weatherCondition } from '../dashboard/weather-codes.ts';
import { SourceError } from '../sources/source-http.ts';
import { readWeatherConfig } from '../weather/config.ts';
import { formatInstant, localDay, type LoadContext } from './time-data.ts';

/** "Weather on its own": the stored weather of the configured location (get_weather fetches it; a render never waits on the network). */
export const weatherScreenSettings = z.strictObject({ days: z.number().int().min(1).max(7).default(4) });

export async function weatherData(settings: z.infer<typeof weatherScreenSettings>, context: LoadContext) {
  if (!context.app) throw new SourceError('the weather screen reads the stored weather and needs the app');
  const stored = await context.app.weather.forLocation((await readWeatherConfig(context.app.settings)).location);
  if (!stored) throw new SourceError('no weather stored yet: set the location under Dashboard and run the get_weather job');
  // Today where the weather is (the forecast's days are that place's); earlier days are gone for good.
  const today = localDay(context.now, stored.timeZone ?? context.timeZone);
  const days = stored.days.filter((day) => day.date >= today);
  const round = (c: number) => `${Math.round(c)}°`;
  return {
    location: stored.locationName,
    now: stored.current ? round(stored.current.temperatureC) : (days[0] ? round(days[0].maxC) : ''),
    condition: weatherCondition(stored.current?.weatherCode ?? days[0]?.weatherCode ?? 3, stored.current?.isDay ?? true).label,
    wind: stored.current?.windSpeedKmh !== undefined ? `wind ${Math.round(stored.current.windSpeedKmh)} km/h` : '',
    forecast: days.map((day) => ({
      date: day.date, condition: weatherCondition(day.weatherCode).label, range: `${round(day.minC)} / ${round(day.maxC)}`,
      rain: day.precipitationProbabilityPct !== undefined ? `${day.precipitationProbabilityPct}% rain` : '',
    })),
    day_count: settings.days,
    zone: stored.timeZone ?? null,
    fetched_at: stored.fetchedAt.toISOString(),
  };
}

type StoredForecast = { forecast?: { date: string }[]; day_count?: number; zone?: string | null; fetched_at?: string };

/** When drawn: the days from today on (the place's today at the render's clock), and the fetch time in the display's zone. */
export function presentWeather(data: StoredForecast, context: LoadContext) {
  if (!data.forecast || !data.fetched_at) return data;
  const today = localDay(context.now, data.zone ?? context.timeZone);
  const weekday = (date: string) => (date === today ? 'Today' : new Intl.DateTimeFormat(context.locale, { timeZone: 'UTC', weekday: 'short' }).format(new Date(`${date}T12:00:00Z`)));
  const days = data.forecast.filter((day) => day.date >= today).slice(0, data.day_count ?? 4).map((day) => ({ ...day, name: weekday(day.date) }));
  return { ...data, days, updated: formatInstant(data.fetched_at, context, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }) };
}
