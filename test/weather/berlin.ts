import type { SettingsStore } from '../../main/settings/settings-store.ts';

/** Points the weather settings at a fake service and at Berlin, the location the fixtures were recorded for. */
export async function useBerlinWeather(settings: SettingsStore, baseUrl: string): Promise<void> {
  await settings.set('weather.base_url', baseUrl);
  await settings.set('weather.latitude', '52.52');
  await settings.set('weather.longitude', '13.41');
  await settings.set('weather.location_name', 'Berlin');
}
