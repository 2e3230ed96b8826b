/** Everything a dashboard render needs, read from storage beforehand: a render never waits on the network. */
export interface DashboardData {
  /** The moment the dashboard is rendered for. */
  now: Date;
  /** IANA time zone the dashboard is shown in (the display's). */
  timeZone: string;
  locale?: string;
  weather: WeatherSnapshot | null;
  events: CalendarOccurrence[];
  stats: SystemStatus | null;
}

export interface WeatherSnapshot {
  locationName: string;
  /** When the data was fetched from the provider; the dashboard says so when it is old. */
  fetchedAt: Date;
  current: {
    temperatureC: number;
    weatherCode: number; // WMO code (Open-Meteo); OpenWeatherMap ids are mapped to WMO codes on import
    windSpeedKmh?: number;
    windDirectionDeg?: number;
    humidityPct?: number;
    isDay?: boolean;
  } | null;
  days: WeatherDay[];
}

export interface WeatherDay {
  date: string; // YYYY-MM-DD in the location's time zone
  weatherCode: number;
  minC: number;
  maxC: number;
  precipitationProbabilityPct?: number;
  windSpeedMaxKmh?: number;
  windDirectionDeg?: number;
  sunrise?: string; // ISO 8601
  sunset?: string;
}

export interface CalendarOccurrence {
  uid: string;
  calendarName: string;
  /** CSS hex colour the user picked for the calendar; the renderer maps it to the nearest panel colour. */
  calendarColor: string;
  summary: string;
  location?: string;
  start: Date;
  end: Date;
  allDay: boolean;
}

export interface SystemStatus {
  sampledAt: Date;
  cpuPct: number;
  memUsedPct: number;
  swapUsedPct?: number;
  diskUsedPct: number;
  /** Last hour, one point per minute, oldest first. */
  cpuHistory: number[];
  netRxBytesPerS: number[];
  netTxBytesPerS: number[];
}
