import { SETTING_DEFAULTS } from '../settings/keys.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { WeatherProvider } from './report.ts';

export interface WeatherConfig {
  provider: WeatherProvider;
  baseUrl: string;
  geocodingUrl: string;
  /** null until the user picks a location. */
  location: { latitude: number; longitude: number; name: string } | null;
  apiKey: string | null;
}

const OPENWEATHERMAP_BASE_URL = 'https://api.openweathermap.org';

/** The weather settings (DESIGN.md §2), with the provider's own base URL when `weather.base_url` was left at Open-Meteo's default. */
export async function readWeatherConfig(settings: SettingsStore): Promise<WeatherConfig> {
  const provider = ((await settings.get('weather.provider')) ?? 'open-meteo') as WeatherProvider;
  const configuredBase = (await settings.get('weather.base_url')) ?? SETTING_DEFAULTS['weather.base_url']!;
  const baseUrl = provider === 'openweathermap' && configuredBase === SETTING_DEFAULTS['weather.base_url'] ? OPENWEATHERMAP_BASE_URL : configuredBase;
  const latitude = await settings.getNumber('weather.latitude');
  const longitude = await settings.getNumber('weather.longitude');
  const name = (await settings.get('weather.location_name')) || (latitude !== undefined && longitude !== undefined ? `${latitude}, ${longitude}` : '');
  return {
    provider,
    baseUrl: trimBase(baseUrl),
    geocodingUrl: trimBase((await settings.get('weather.geocoding_url')) ?? SETTING_DEFAULTS['weather.geocoding_url']!),
    location: latitude !== undefined && longitude !== undefined ? { latitude, longitude, name } : null,
    apiKey: (await settings.get('weather.api_key')) || null,
  };
}

/** Accepts a base URL with or without a trailing slash or API version, e.g. https://api.open-meteo.com/v1/. */
function trimBase(url: string): string {
  return url.replace(/\/+$/, '').replace(/\/(v1|data\/3\.0)$/, '');
}
