import { linearToSrgb, srgbToLinear } from './color.ts';
import type { Rgb } from './panel-profile.ts';

export interface Adjustments {
  saturation?: number;
  contrast?: number;
  brightness?: number;
}

/**
 * Saturation, contrast and brightness, in place on sRGB bytes, with the meaning of Pillow's
 * ImageEnhance (1 = unchanged, 0 = grey / flat mid-grey / black) except that contrast pivots
 * on mid-grey rather than on the picture's mean, so a crop does not change the result.
 */
export function applyAdjustments(rgb: Uint8Array, { saturation = 1, contrast = 1, brightness = 1 }: Adjustments): void {
  for (const [name, value] of Object.entries({ saturation, contrast, brightness })) {
    if (!(Number.isFinite(value) && value >= 0 && value <= 10)) throw new RangeError(`${name} must be a number from 0 to 10, not ${value}`);
  }
  if (saturation === 1 && contrast === 1 && brightness === 1) return;
  const tone = (v: number): number => (128 + contrast * (v - 128)) * brightness;
  for (let i = 0; i < rgb.length; i += 3) {
    const r = rgb[i];
    const g = rgb[i + 1];
    const b = rgb[i + 2];
    const grey = (299 * r + 587 * g + 114 * b) / 1000;
    // Uint8Array stores round-toward-zero with wrap-around, so clamp and round first.
    rgb[i] = clampByte(tone(grey + saturation * (r - grey)));
    rgb[i + 1] = clampByte(tone(grey + saturation * (g - grey)));
    rgb[i + 2] = clampByte(tone(grey + saturation * (b - grey)));
  }
}

const clampByte = (v: number): number => (v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v));

/**
 * Fits the picture's range of light into the palette's: source black becomes the palette's
 * darkest colour and source white its lightest, channel by channel in linear light. Highlights
 * then keep their detail instead of all clipping to the panel's white, white paper stays the
 * panel's plain white, and the panel's own white tint counts as white (as the eye takes it).
 */
export function fitToPaletteRange(rgb: Uint8Array, palette: readonly Rgb[]): void {
  // The whitest colour has the brightest weakest channel (a yellow can be lighter than the white).
  const black = palette.reduce((best, c) => (Math.max(...c) < Math.max(...best) ? c : best));
  const white = palette.reduce((best, c) => (Math.min(...c) > Math.min(...best) ? c : best));
  if (black.every((v) => v === 0) && white.every((v) => v === 255)) return;
  const curves = [0, 1, 2].map((c) => {
    const low = srgbToLinear(black[c] / 255);
    const high = srgbToLinear(white[c] / 255);
    return Uint8Array.from({ length: 256 }, (_, v) => Math.round(linearToSrgb(low + srgbToLinear(v / 255) * (high - low)) * 255));
  });
  for (let i = 0; i < rgb.length; i += 3) {
    rgb[i] = curves[0][rgb[i]];
    rgb[i + 1] = curves[1][rgb[i + 1]];
    rgb[i + 2] = curves[2][rgb[i + 2]];
  }
}
