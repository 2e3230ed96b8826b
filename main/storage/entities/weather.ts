import { EntitySchema } from 'typeorm';
import { TIMESTAMP } from '../column-types.ts';

/** The last successful fetch for one location, with its current conditions (null fields when the provider gave none). */
export interface WeatherCurrent {
  id: number;
  /** `lat,lon` rounded to 4 decimals: one row set per location. */
  locationKey: string;
  locationName: string;
  latitude: number;
  longitude: number;
  /** IANA zone of the location, as the provider reported it. */
  timeZone: string | null;
  provider: string;
  fetchedAt: Date;
  observedAt: Date | null;
  temperatureC: number | null;
  weatherCode: number | null;
  windSpeedKmh: number | null;
  windDirectionDeg: number | null;
  humidityPct: number | null;
  isDay: boolean | null;
}

export interface WeatherDayRow {
  id: number;
  locationKey: string;
  /** YYYY-MM-DD in the location's time zone. */
  date: string;
  weatherCode: number;
  minC: number;
  maxC: number;
  precipitationProbabilityPct: number | null;
  windSpeedMaxKmh: number | null;
  windDirectionDeg: number | null;
  /** ISO 8601 with offset. */
  sunrise: string | null;
  sunset: string | null;
}

export const WeatherCurrentEntity = new EntitySchema<WeatherCurrent>({
  name: 'WeatherCurrent',
  tableName: 'weather_current',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    locationKey: { name: 'location_key', type: 'varchar', length: 32, unique: true },
    locationName: { name: 'location_name', type: 'varchar', length: 100 },
    latitude: { type: 'real' },
    longitude: { type: 'real' },
    timeZone: { name: 'time_zone', type: 'varchar', length: 64, nullable: true },
    provider: { type: 'varchar', length: 32 },
    fetchedAt: { name: 'fetched_at', type: TIMESTAMP },
    observedAt: { name: 'observed_at', type: TIMESTAMP, nullable: true },
    temperatureC: { name: 'temperature_c', type: 'real', nullable: true },
    weatherCode: { name: 'weather_code', type: 'integer', nullable: true },
    windSpeedKmh: { name: 'wind_speed_kmh', type: 'real', nullable: true },
    windDirectionDeg: { name: 'wind_direction_deg', type: 'real', nullable: true },
    humidityPct: { name: 'humidity_pct', type: 'real', nullable: true },
    isDay: { name: 'is_day', type: 'boolean', nullable: true },
  },
});

export const WeatherDayEntity = new EntitySchema<WeatherDayRow>({
  name: 'WeatherDay',
  tableName: 'weather_days',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    locationKey: { name: 'location_key', type: 'varchar', length: 32 },
    date: { type: 'varchar', length: 10 },
    weatherCode: { name: 'weather_code', type: 'integer' },
    minC: { name: 'min_c', type: 'real' },
    maxC: { name: 'max_c', type: 'real' },
    precipitationProbabilityPct: { name: 'precipitation_probability_pct', type: 'real', nullable: true },
    windSpeedMaxKmh: { name: 'wind_speed_max_kmh', type: 'real', nullable: true },
    windDirectionDeg: { name: 'wind_direction_deg', type: 'real', nullable: true },
    sunrise: { type: 'varchar', length: 32, nullable: true },
    sunset: { type: 'varchar', length: 32, nullable: true },
  },
  indices: [{ name: 'uq_weather_days_location_date', columns: ['locationKey', 'date'], unique: true }],
});
