import { z } from 'zod';
import type { WeatherDay } from '../dashboard/types.ts';
import { localDate } from '../calendar/zoned-time.ts';
import { describeUrl, fetchJson } from '../jobs/http.ts';
import { owmToWmo } from './owm-codes.ts';
import { ProviderAnswerError, describeBadShape } from './provider-errors.ts';
import { isoAtLocation, withoutUndefined, type WeatherReport } from './report.ts';
import type { ForecastRequest } from './open-meteo.ts';

const SERVICE = 'OpenWeatherMap';
const MS_TO_KMH = 3.6;

const condition = z.array(z.object({ id: z.number().int() })).min(1);
const ONE_CALL = z.object({
  timezone: z.string(),
  current: z.object({
    dt: z.number(),
    sunrise: z.number().optional(),
    sunset: z.number().optional(),
    temp: z.number(),
    humidity: z.number().optional(),
    wind_speed: z.number().optional(),
    wind_deg: z.number().optional(),
    weather: condition,
  }).optional(),
  daily: z.array(z.object({
    dt: z.number(),
    sunrise: z.number().optional(),
    sunset: z.number().optional(),
    temp: z.object({ min: z.number(), max: z.number() }),
    wind_speed: z.number().optional(),
    wind_deg: z.number().optional(),
    pop: z.number().optional(),
    weather: condition,
  })).min(1),
});

const ERROR_BODY = z.object({ message: z.string() });

/** OpenWeatherMap One Call 3.0 (needs a key), mapped to the same report as Open-Meteo's. */
export async function fetchOpenWeatherMapForecast(request: ForecastRequest & { apiKey: string }): Promise<WeatherReport> {
  const url = new URL(`${request.baseUrl}/data/3.0/onecall`);
  url.search = new URLSearchParams({
    lat: String(request.latitude), lon: String(request.longitude), exclude: 'minutely,hourly,alerts', units: 'metric', appid: request.apiKey,
  }).toString();
  const { status, body } = await fetchJson(url.toString(), { service: SERVICE, timeoutMs: request.timeoutMs, maxBytes: 1_000_000, signal: request.signal });
  if (status !== 200) {
    const refusal = ERROR_BODY.safeParse(body);
    throw new ProviderAnswerError(`${SERVICE} refused the request (${status} from ${describeUrl(url.toString())}): ${refusal.success ? refusal.data.message : 'no reason given'}`);
  }
  const parsed = ONE_CALL.safeParse(body);
  if (!parsed.success) throw describeBadShape(SERVICE, 'a One Call forecast', parsed.error);
  const { timezone, current, daily } = parsed.data;
  const at = (seconds: number | undefined) => (seconds === undefined ? undefined : isoAtLocation(new Date(seconds * 1000), timezone));
  const days: WeatherDay[] = daily.map((day) => withoutUndefined({
    date: localDate(new Date(day.dt * 1000), timezone),
    weatherCode: owmToWmo(day.weather[0].id),
    minC: day.temp.min,
    maxC: day.temp.max,
    precipitationProbabilityPct: day.pop === undefined ? undefined : Math.round(day.pop * 100),
    windSpeedMaxKmh: day.wind_speed === undefined ? undefined : day.wind_speed * MS_TO_KMH,
    windDirectionDeg: day.wind_deg,
    sunrise: at(day.sunrise),
    sunset: at(day.sunset),
  }));
  return {
    provider: 'openweathermap',
    locationName: request.locationName,
    latitude: request.latitude,
    longitude: request.longitude,
    timeZone: timezone,
    observedAt: current ? new Date(current.dt * 1000) : null,
    current: current ? withoutUndefined({
      temperatureC: current.temp,
      weatherCode: owmToWmo(current.weather[0].id),
      windSpeedKmh: current.wind_speed === undefined ? undefined : current.wind_speed * MS_TO_KMH,
      windDirectionDeg: current.wind_deg,
      humidityPct: current.humidity,
      isDay: current.sunrise !== undefined && current.sunset !== undefined ? current.dt >= current.sunrise && current.dt < current.sunset : undefined,
    }) : null,
    days,
  };
}
