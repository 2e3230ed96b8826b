import type { DataSource } from 'typeorm';
import type { AppEvents } from '../core/events.ts';
import type { WeatherDay, WeatherSnapshot } from '../dashboard/types.ts';
import { WeatherCurrentEntity, WeatherDayEntity, type WeatherCurrent, type WeatherDayRow } from '../storage/entities/weather.ts';
import { locationKey, withoutUndefined, type WeatherReport } from './report.ts';

export interface StoredWeather extends WeatherSnapshot {
  latitude: number;
  longitude: number;
  timeZone: string | null;
  provider: string;
}

/** The stored forecasts, per location; saving one announces `content-changed` (weather) for dashboards. */
export class WeatherStore {
  constructor(private readonly deps: { db: DataSource; events: AppEvents }) {}

  async save(report: WeatherReport, fetchedAt: Date): Promise<void> {
    await saveWeatherReport(this.deps.db, report, fetchedAt);
    this.deps.events.emit('content-changed', { kind: 'weather' });
  }

  all(): Promise<StoredWeather[]> {
    return loadStoredWeather(this.deps.db);
  }

  /** The stored weather for a location (latest fetched when none is given or it has none yet). */
  async forLocation(location: { latitude: number; longitude: number } | null): Promise<StoredWeather | null> {
    const all = await this.all();
    const key = location ? locationKey(location.latitude, location.longitude) : null;
    return all.find((w) => key !== null && locationKey(w.latitude, w.longitude) === key) ?? all[0] ?? null;
  }
}

/** Replaces the stored weather of the report's location in one short transaction. */
async function saveWeatherReport(db: DataSource, report: WeatherReport, fetchedAt: Date): Promise<void> {
  const key = locationKey(report.latitude, report.longitude);
  const current = report.current;
  await db.transaction(async (tx) => {
    await tx.getRepository(WeatherDayEntity).delete({ locationKey: key });
    await tx.getRepository(WeatherCurrentEntity).delete({ locationKey: key });
    await tx.getRepository(WeatherCurrentEntity).insert({
      locationKey: key,
      locationName: report.locationName,
      latitude: report.latitude,
      longitude: report.longitude,
      timeZone: report.timeZone,
      provider: report.provider,
      fetchedAt,
      observedAt: report.observedAt,
      temperatureC: current?.temperatureC ?? null,
      weatherCode: current?.weatherCode ?? null,
      windSpeedKmh: current?.windSpeedKmh ?? null,
      windDirectionDeg: current?.windDirectionDeg ?? null,
      humidityPct: current?.humidityPct ?? null,
      isDay: current?.isDay ?? null,
    });
    await tx.getRepository(WeatherDayEntity).insert(report.days.map((day) => ({
      locationKey: key,
      date: day.date,
      weatherCode: day.weatherCode,
      minC: day.minC,
      maxC: day.maxC,
      precipitationProbabilityPct: day.precipitationProbabilityPct ?? null,
      windSpeedMaxKmh: day.windSpeedMaxKmh ?? null,
      windDirectionDeg: day.windDirectionDeg ?? null,
      sunrise: day.sunrise ?? null,
      sunset: day.sunset ?? null,
    })));
  });
}

/** Every stored location's weather, most recently fetched first. */
async function loadStoredWeather(db: DataSource): Promise<StoredWeather[]> {
  const currents = await db.getRepository(WeatherCurrentEntity).find({ order: { fetchedAt: 'DESC' } });
  const days = await db.getRepository(WeatherDayEntity).find({ order: { date: 'ASC' } });
  return currents.map((current) => toStoredWeather(current, days.filter((day) => day.locationKey === current.locationKey)));
}

function toStoredWeather(current: WeatherCurrent, days: WeatherDayRow[]): StoredWeather {
  const hasCurrent = current.temperatureC !== null && current.weatherCode !== null;
  return {
    locationName: current.locationName,
    latitude: current.latitude,
    longitude: current.longitude,
    timeZone: current.timeZone,
    provider: current.provider,
    fetchedAt: current.fetchedAt,
    current: hasCurrent ? withoutUndefined({
      temperatureC: current.temperatureC!,
      weatherCode: current.weatherCode!,
      windSpeedKmh: current.windSpeedKmh ?? undefined,
      windDirectionDeg: current.windDirectionDeg ?? undefined,
      humidityPct: current.humidityPct ?? undefined,
      isDay: current.isDay === null ? undefined : Boolean(current.isDay),
    }) : null,
    days: days.map((day): WeatherDay => withoutUndefined({
      date: day.date,
      weatherCode: day.weatherCode,
      minC: day.minC,
      maxC: day.maxC,
      precipitationProbabilityPct: day.precipitationProbabilityPct ?? undefined,
      windSpeedMaxKmh: day.windSpeedMaxKmh ?? undefined,
      windDirectionDeg: day.windDirectionDeg ?? undefined,
      sunrise: day.sunrise ?? undefined,
      sunset: day.sunset ?? undefined,
    })),
  };
}
