import { readFileSync } from 'node:fs';
import { resourcePath } from '../core/app-root.ts';
import type { Theme } from './palette.ts';
import type { WeatherIcon } from './weather-codes.ts';
import { svgDataUri } from './elements.ts';

// The placeholder colours the icon files are drawn in (see resources/weather-icons/README.md).
const PLACEHOLDERS: Record<string, keyof Theme> = {
  '#000000': 'ink',
  '#ffffff': 'paper',
  '#ffcc00': 'warm',
  '#0066ff': 'cool',
};

const sources = new Map<WeatherIcon, string>();

/** The icon as a data URI, drawn in the theme's colours. */
export function weatherIconUri(icon: WeatherIcon, theme: Theme): string {
  let svg = sources.get(icon);
  if (svg === undefined) {
    svg = readFileSync(resourcePath('weather-icons', `${icon}.svg`), 'utf8');
    sources.set(icon, svg);
  }
  return svgDataUri(svg.replace(/#[0-9a-f]{6}\b/gi, (hex) => theme[PLACEHOLDERS[hex.toLowerCase()] ?? 'ink']));
}
