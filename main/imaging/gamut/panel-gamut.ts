import { linearRgbToOklab, srgbToLinear } from '../color.ts';
import type { Rgb } from '../panel-profile.ts';
import { gamutBoundary, type GamutBoundary } from './boundary.ts';
import { paletteHull, type Hull, type Vec3 } from './hull.ts';

/** What the tone and gamut mapping need to know about a palette; built once per palette and kept. */
export interface PanelGamut {
  readonly hull: Hull;
  /** OKLab of the colour source white becomes: the panel's whitest colour (its paper). */
  readonly white: Vec3;
  /** OKLab of the colour source black becomes: the panel's darkest colour. */
  readonly black: Vec3;
  readonly boundary: GamutBoundary;
}

const cache = new Map<string, PanelGamut>();
const CACHE_LIMIT = 16;

export function panelGamut(palette: readonly Rgb[]): PanelGamut {
  const key = palette.join(';');
  let gamut = cache.get(key);
  if (!gamut) {
    gamut = buildGamut(palette);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, gamut);
  }
  return gamut;
}

function buildGamut(palette: readonly Rgb[]): PanelGamut {
  const linear = palette.map((c) => c.map((v) => srgbToLinear(v / 255)) as unknown as Vec3);
  const hull = paletteHull(linear);
  const lab = linear.map((c) => linearRgbToOklab(...c));
  // The whitest colour has the brightest weakest channel (a yellow can be lighter than the white).
  const white = lab[indexOfBest(palette, (c) => Math.min(...c))];
  const black = lab[indexOfBest(palette, (c) => -Math.max(...c))];
  const lightness = lab.map(([l]) => l);
  return { hull, white, black, boundary: gamutBoundary(hull, Math.max(...lightness), Math.min(...lightness)) };
}

const indexOfBest = (palette: readonly Rgb[], score: (c: Rgb) => number): number =>
  palette.reduce((best, c, i) => (score(c) > score(palette[best]) ? i : best), 0);
