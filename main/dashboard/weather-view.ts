import type { WeatherSnapshot } from './types.ts';
import { type Clock, dayKey, shortWeekday } from './clock.ts';
import { weatherAgeLabel } from './age.ts';
import { type WeatherCondition, weatherCondition } from './weather-codes.ts';

/** The weather as the dashboard words it. */
export interface WeatherView {
  location: string;
  /** "weather from 3 h ago" when the data is old, else null. */
  ageLabel: string | null;
  /** Now, or today's outlook where the provider gave no current conditions. */
  headline: { temperature: string; condition: WeatherCondition };
  high?: string;
  low?: string;
  rain?: string;
  wind?: string;
  /** The days after today, in order. */
  forecast: ForecastDay[];
}

export interface ForecastDay {
  key: string;
  weekday: string;
  condition: WeatherCondition;
  high: string;
  low: string;
  rain?: string;
}

/** Null when there is nothing to show: no snapshot, or one with neither current conditions nor days. */
export function weatherView(weather: WeatherSnapshot | null, now: Date, clock: Clock): WeatherView | null {
  if (!weather) return null;
  const todayKey = dayKey(now, clock);
  const today = weather.days.find((d) => d.date === todayKey);
  const current = weather.current;
  const headline = current
    ? { temperature: degrees(current.temperatureC), condition: weatherCondition(current.weatherCode, current.isDay ?? true) }
    : today && { temperature: degrees(today.maxC), condition: weatherCondition(today.weatherCode) };
  if (!headline) return null;
  const windKmh = current?.windSpeedKmh ?? today?.windSpeedMaxKmh;
  const windDeg = current?.windSpeedKmh !== undefined ? current.windDirectionDeg : today?.windDirectionDeg;
  return {
    location: weather.locationName,
    ageLabel: weatherAgeLabel(weather.fetchedAt, now),
    headline,
    high: today && degrees(today.maxC),
    low: today && degrees(today.minC),
    rain: today?.precipitationProbabilityPct !== undefined ? percent(today.precipitationProbabilityPct) : undefined,
    wind: windKmh !== undefined ? wind(windKmh, windDeg) : undefined,
    forecast: weather.days
      .filter((d) => d.date > todayKey)
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((d) => ({
        key: d.date,
        weekday: shortWeekday(d.date, clock),
        condition: weatherCondition(d.weatherCode),
        high: degrees(d.maxC),
        low: degrees(d.minC),
        rain: d.precipitationProbabilityPct !== undefined ? percent(d.precipitationProbabilityPct) : undefined,
      })),
  };
}

function degrees(celsius: number): string {
  return `${Math.round(celsius) || 0}°`;
}

function percent(value: number): string {
  return `${Math.round(value)}%`;
}

const COMPASS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'];

function wind(kmh: number, directionDeg?: number): string {
  const speed = `${Math.round(kmh)} km/h`;
  if (directionDeg === undefined) return speed;
  return `${speed} ${COMPASS[Math.round((((directionDeg % 360) + 360) % 360) / 45) % 8]}`;
}
