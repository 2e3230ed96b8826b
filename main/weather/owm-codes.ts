/**
 * OpenWeatherMap condition ids (openweathermap.org/weather-conditions) as the WMO weather codes
 * Open-Meteo uses, so the dashboard needs one icon set. Groups: 2xx thunderstorm, 3xx drizzle,
 * 5xx rain, 6xx snow, 7xx atmosphere, 800 clear, 80x clouds.
 */
const EXACT: Record<number, number> = {
  300: 51, 310: 51, 301: 53, 311: 53, 313: 53, 321: 53, 302: 55, 312: 55, 314: 55,
  500: 61, 501: 63, 502: 65, 503: 65, 504: 65, 511: 66, 520: 80, 521: 81, 522: 82, 531: 82,
  600: 71, 601: 73, 602: 75, 611: 66, 612: 66, 613: 67, 615: 71, 616: 73, 620: 85, 621: 85, 622: 86,
  800: 0, 801: 1, 802: 2, 803: 3, 804: 3,
};

export function owmToWmo(id: number): number {
  if (id in EXACT) return EXACT[id];
  if (id >= 200 && id < 300) return 95;
  if (id >= 300 && id < 400) return 53;
  if (id >= 500 && id < 600) return 63;
  if (id >= 600 && id < 700) return 73;
  if (id >= 700 && id < 800) return 45;
  return 3;
}
