import type { PanelProfile, Rgb } from './panel-profile.ts';

/** Pimoroni's default for its saturation slider (Inky `set_image(saturation=0.5)`). */
export const DEFAULT_PALETTE_SATURATION = 0.5;

/**
 * The palette the dithering matches against. Pimoroni's driver blends, per colour,
 * `saturation·measured + (1 − saturation)·pure` (truncated to whole numbers): at 1 the picture
 * is matched to the colours the panel really shows, toward 0 to brighter ideal ones, which makes
 * the dithering use more colour. Profiles without `pureColors` use their palette as it is.
 */
export function matchPalette(profile: PanelProfile, paletteSaturation = DEFAULT_PALETTE_SATURATION): Rgb[] {
  if (!(paletteSaturation >= 0 && paletteSaturation <= 1)) {
    throw new RangeError(`paletteSaturation must be between 0 and 1, not ${paletteSaturation}`);
  }
  const pure = profile.pureColors;
  if (!pure) return profile.palette;
  const s = paletteSaturation;
  return profile.palette.map((measured, i) => [0, 1, 2].map((c) => Math.trunc(s * measured[c] + (1 - s) * pure[i][c])) as unknown as Rgb);
}
