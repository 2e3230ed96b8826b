/**
 * Dithering to a panel palette.
 *
 * Written here on typed arrays rather than taken from npm: the npm dithering libraries we tried
 * are 25–100× slower than Pillow's C code, and rendering speed is what lets a frame get a fresh
 * picture the moment it asks. bench/dither.ts holds us to Pillow.
 *
 * Working space: linear light (see palette-matcher.ts); nearest colours are judged in OKLab.
 */
import type { Rgb } from '../panel-profile.ts';
import { KERNELS, diffuseWithKernel, floydSteinberg } from './error-diffusion.ts';
import { orderedDither } from './ordered.ts';
import { SRGB_TO_LINEAR, cellOf, paletteMatcher, type PaletteMatcher } from './palette-matcher.ts';
import { BAYER8, blueNoise64 } from './threshold-maps.ts';



import { DITHER_ALGORITHMS, type DitherAlgorithm } from '../../../contract/dtos.ts';

export { DITHER_ALGORITHMS, type DitherAlgorithm };

export function isDitherAlgorithm(value: unknown): value is DitherAlgorithm {
  return DITHER_ALGORITHMS.includes(value as DitherAlgorithm);
}

/** How one display wants its pictures prepared. Adjustments are factors: 1 leaves the picture as it is. */
export interface FrameSettings {
  dither: DitherAlgorithm;
  /** 0..1, Pimoroni's saturation slider: how far the palette used for matching leans from the pure colours to the measured ones. */
  paletteSaturation?: number;
  saturation?: number;
  contrast?: number;
  brightness?: number;
}

/**
 * Maps each pixel of `rgb` (sRGB bytes, width·height·3) to the index of a `matchPalette` colour.
 * Deterministic: the same input gives the same output on every run and machine.
 */
export function ditherRgb(rgb: Uint8Array, width: number, height: number, matchPalette: Rgb[], algorithm: DitherAlgorithm): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`image size must be positive whole numbers, not ${width}×${height}`);
  }
  if (rgb.length !== width * height * 3) {
    throw new RangeError(`expected ${width * height * 3} bytes of RGB for ${width}×${height}, got ${rgb.length}`);
  }
  const matcher = paletteMatcher(matchPalette);
  const out = new Uint8Array(width * height);
  switch (algorithm) {
    case 'floyd-steinberg':
      floydSteinberg(rgb, width, height, matcher, out);
      break;
    case 'atkinson':
    case 'sierra':
    case 'stucki':
      diffuseWithKernel(rgb, width, height, matcher, KERNELS[algorithm], out);
      break;
    case 'bayer8':
      orderedDither(rgb, width, height, matcher, BAYER8, out);
      break;
    case 'blue-noise':
      orderedDither(rgb, width, height, matcher, blueNoise64(), out);
      break;
    case 'none':
      nearestColours(rgb, matcher, out);
      break;
    default:
      throw new RangeError(`unknown dither algorithm "${String(algorithm)}"; choose one of ${DITHER_ALGORITHMS.join(', ')}`);
  }
  return out;
}

function nearestColours(src: Uint8Array, m: PaletteMatcher, out: Uint8Array): void {
  const { nearest } = m;
  for (let p = 0, s = 0; p < out.length; p++, s += 3) {
    out[p] = nearest[cellOf(SRGB_TO_LINEAR[src[s]], SRGB_TO_LINEAR[src[s + 1]], SRGB_TO_LINEAR[src[s + 2]])];
  }
}
