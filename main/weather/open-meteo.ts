import { z } from 'zod';
import type { WeatherDay } from '../dashboard/types.ts';
import { describeUrl, fetchJson } from '../jobs/http.ts';
import { ProviderAnswerError, describeBadShape } from './provider-errors.ts';
import { isoAtLocation, localTimeToInstant, withoutUndefined, type WeatherReport } from './report.ts';

const SERVICE = 'Open-Meteo';
const CURRENT = 'temperature_2m,weather_code,wind_speed_10m,wind_direction_10m,relative_humidity_2m,is_day';
const DAILY = 'weather_code,temperature_2m_max,temperature_2m_min,precipitation_probability_max,wind_speed_10m_max,wind_direction_10m_dominant,sunrise,sunset';

const numbers = z.array(z.number().nullable());
const FORECAST = z.object({
  timezone: z.string().optional(),
  utc_offset_seconds: z.number().optional(),
  current: z.object({
    time: z.string(),
    temperature_2m: z.number(),
    weather_code: z.number().int(),
    wind_speed_10m: z.number().nullish(),
    wind_direction_10m: z.number().nullish(),
    relative_humidity_2m: z.number().nullish(),
    is_day: z.number().nullish(),
  }).optional(),
  daily: z.object({
    time: z.array(z.string()),
    weather_code: numbers,
    temperature_2m_max: numbers,
    temperature_2m_min: numbers,
    precipitation_probability_max: numbers.optional(),
    wind_speed_10m_max: numbers.optional(),
    wind_direction_10m_dominant: numbers.optional(),
    sunrise: z.array(z.string().nullable()).optional(),
    sunset: z.array(z.string().nullable()).optional(),
  }),
});

const ERROR_BODY = z.object({ error: z.literal(true), reason: z.string() });

export interface ForecastRequest {
  baseUrl: string;
  latitude: number;
  longitude: number;
  locationName: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Open-Meteo's forecast API (no key): current conditions and 7 days, in the location's own time zone. */
export async function fetchOpenMeteoForecast(request: ForecastRequest): Promise<WeatherReport> {
  const url = new URL(`${request.baseUrl}/v1/forecast`);
  url.search = new URLSearchParams({
    latitude: String(request.latitude), longitude: String(request.longitude),
    current: CURRENT, daily: DAILY, timezone: 'auto', forecast_days: '7', wind_speed_unit: 'kmh',
  }).toString();
  const { status, body } = await fetchJson(url.toString(), { service: SERVICE, timeoutMs: request.timeoutMs, maxBytes: 1_000_000, signal: request.signal });
  if (status !== 200) {
    const refusal = ERROR_BODY.safeParse(body);
    throw new ProviderAnswerError(`${SERVICE} refused the request (${status} from ${describeUrl(url.toString())}): ${refusal.success ? refusal.data.reason : 'no reason given'}`);
  }
  const parsed = FORECAST.safeParse(body);
  if (!parsed.success) throw describeBadShape(SERVICE, 'a forecast', parsed.error);
  return toReport(parsed.data, request);
}

function toReport(forecast: z.infer<typeof FORECAST>, request: ForecastRequest): WeatherReport {
  const timeZone = forecast.timezone && forecast.timezone !== 'GMT' ? forecast.timezone : null;
  const offset = forecast.utc_offset_seconds;
  const at = (text: string | null | undefined) => {
    const instant = text ? localTimeToInstant(text, timeZone, offset) : null;
    return instant ? isoAtLocation(instant, timeZone) : undefined;
  };
  const daily = forecast.daily;
  const days: WeatherDay[] = [];
  daily.time.forEach((date, i) => {
    const code = daily.weather_code[i];
    const max = daily.temperature_2m_max[i];
    const min = daily.temperature_2m_min[i];
    if (code == null || max == null || min == null) return;
    days.push(withoutUndefined({
      date, weatherCode: code, minC: min, maxC: max,
      precipitationProbabilityPct: daily.precipitation_probability_max?.[i] ?? undefined,
      windSpeedMaxKmh: daily.wind_speed_10m_max?.[i] ?? undefined,
      windDirectionDeg: daily.wind_direction_10m_dominant?.[i] ?? undefined,
      sunrise: at(daily.sunrise?.[i]),
      sunset: at(daily.sunset?.[i]),
    }));
  });
  if (days.length === 0) throw new ProviderAnswerError(`${SERVICE} answered with a forecast that has no usable days`);
  const current = forecast.current;
  return {
    provider: 'open-meteo',
    locationName: request.locationName,
    latitude: request.latitude,
    longitude: request.longitude,
    timeZone,
    observedAt: current ? localTimeToInstant(current.time, timeZone, offset) : null,
    current: current ? withoutUndefined({
      temperatureC: current.temperature_2m,
      weatherCode: current.weather_code,
      windSpeedKmh: current.wind_speed_10m ?? undefined,
      windDirectionDeg: current.wind_direction_10m ?? undefined,
      humidityPct: current.relative_humidity_2m ?? undefined,
      isDay: current.is_day == null ? undefined : current.is_day === 1,
    }) : null,
    days,
  };
}
