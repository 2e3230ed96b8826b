import type { WeatherDay, WeatherSnapshot } from '../dashboard/types.ts';
import { formatInZone, instantOfWallTime, parseWallTime } from '../calendar/zoned-time.ts';

export type WeatherProvider = 'open-meteo' | 'openweathermap';

/** A provider's answer, in the app's terms (°C, km/h, WMO codes, ISO 8601 with offset). */
export interface WeatherReport {
  provider: WeatherProvider;
  locationName: string;
  latitude: number;
  longitude: number;
  /** IANA zone of the location, when the provider said. */
  timeZone: string | null;
  observedAt: Date | null;
  current: WeatherSnapshot['current'];
  days: WeatherDay[];
}

/** One stored row set per location. */
export function locationKey(latitude: number, longitude: number): string {
  return `${latitude.toFixed(4)},${longitude.toFixed(4)}`;
}

/** A provider's local `YYYY-MM-DDTHH:MM` as an instant, by the location's zone or else its UTC offset. */
export function localTimeToInstant(text: string, timeZone: string | null, utcOffsetSeconds: number | undefined): Date | null {
  const wall = parseWallTime(text);
  if (!wall) return null;
  if (timeZone) return instantOfWallTime(wall, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return new Date(asUtc - (utcOffsetSeconds ?? 0) * 1000);
}

/** An instant as ISO 8601 with the location's offset (UTC when the zone is unknown). */
export function isoAtLocation(instant: Date, timeZone: string | null): string {
  return timeZone ? formatInZone(instant, timeZone) : instant.toISOString();
}

/** Optional fields are left out rather than set to undefined. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
