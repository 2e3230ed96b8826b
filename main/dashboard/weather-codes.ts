/** Icon names, one per file in resources/weather-icons/. */
export type WeatherIcon =
  | 'clear-day'
  | 'clear-night'
  | 'partly-cloudy-day'
  | 'partly-cloudy-night'
  | 'cloudy'
  | 'fog'
  | 'drizzle'
  | 'rain'
  | 'freezing-rain'
  | 'snow'
  | 'showers'
  | 'thunderstorm';

export interface WeatherCondition {
  icon: WeatherIcon;
  label: string;
}

// WMO 4677 present-weather codes as Open-Meteo reports them.
const CONDITIONS: Record<number, WeatherCondition> = {
  0: { icon: 'clear-day', label: 'Clear' },
  1: { icon: 'clear-day', label: 'Mainly clear' },
  2: { icon: 'partly-cloudy-day', label: 'Partly cloudy' },
  3: { icon: 'cloudy', label: 'Overcast' },
  45: { icon: 'fog', label: 'Fog' },
  48: { icon: 'fog', label: 'Freezing fog' },
  51: { icon: 'drizzle', label: 'Light drizzle' },
  53: { icon: 'drizzle', label: 'Drizzle' },
  55: { icon: 'drizzle', label: 'Heavy drizzle' },
  56: { icon: 'freezing-rain', label: 'Freezing drizzle' },
  57: { icon: 'freezing-rain', label: 'Heavy freezing drizzle' },
  61: { icon: 'rain', label: 'Light rain' },
  63: { icon: 'rain', label: 'Rain' },
  65: { icon: 'rain', label: 'Heavy rain' },
  66: { icon: 'freezing-rain', label: 'Light freezing rain' },
  67: { icon: 'freezing-rain', label: 'Freezing rain' },
  71: { icon: 'snow', label: 'Light snow' },
  73: { icon: 'snow', label: 'Snow' },
  75: { icon: 'snow', label: 'Heavy snow' },
  77: { icon: 'snow', label: 'Snow grains' },
  80: { icon: 'showers', label: 'Light showers' },
  81: { icon: 'showers', label: 'Showers' },
  82: { icon: 'showers', label: 'Heavy showers' },
  85: { icon: 'snow', label: 'Snow showers' },
  86: { icon: 'snow', label: 'Heavy snow showers' },
  95: { icon: 'thunderstorm', label: 'Thunderstorm' },
  96: { icon: 'thunderstorm', label: 'Thunder and hail' },
  99: { icon: 'thunderstorm', label: 'Thunder, heavy hail' },
};

const NIGHT_ICONS: Partial<Record<WeatherIcon, WeatherIcon>> = {
  'clear-day': 'clear-night',
  'partly-cloudy-day': 'partly-cloudy-night',
};

/** Icon and label for a WMO weather code; unknown codes read as "Cloudy" rather than failing. */
export function weatherCondition(code: number, isDay = true): WeatherCondition {
  const condition = CONDITIONS[code] ?? { icon: 'cloudy', label: 'Cloudy' };
  const icon = isDay ? condition.icon : (NIGHT_ICONS[condition.icon] ?? condition.icon);
  return { ...condition, icon };
}
