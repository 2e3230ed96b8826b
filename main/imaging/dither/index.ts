/**
 * Dithering to a panel palette.
 *
 * Written here on typed arrays (and, for the error diffusion of colour pictures, in WebAssembly:
 * colour-diffusion.ts) rather than taken from npm: the npm dithering libraries we tried are
 * 25–100× slower than Pillow's C code, and rendering speed is what lets a frame get a fresh
 * picture the moment it asks. bench/dither.ts holds us to Pillow.
 *
 * A picture is mapped into the colours the panel can show (gamut/panel-lut.ts) as the dither
 * reads it, and dithered against exactly the palette written into the PNG: the panel's measured
 * colours. Panels whose colours all lie on one line (greys, black/white) are dithered on
 * luminance alone, so a saturated colour keeps its lightness instead of losing the light of its
 * missing channels.
 */
import { DITHER_ALGORITHMS, type DitherAlgorithm } from '../../../contract/dtos.ts';
import type { PictureAdjustments } from '../adjust.ts';
import { srgbToLinear } from '../color.ts';
import { paletteRank } from '../gamut/hull.ts';
import { colourLut, luminanceLut, type ColourLut, type LuminanceLut } from '../gamut/panel-lut.ts';
import type { Rgb } from '../panel-profile.ts';
import { diffuseColourWithKernel, floydSteinbergColour } from './colour-diffusion.ts';
import { KERNELS } from './error-diffusion.ts';
import { diffuseGreyWithKernel } from './grey-diffusion.ts';
import { orderedDither, orderedDitherGrey } from './ordered.ts';
import { diffusionMatcher, greyMatcher, perceptualMatcher, type DiffusionMatcher, type GreyMatcher } from './palette-matcher.ts';
import { BAYER8, blueNoise64 } from './threshold-maps.ts';

export { DITHER_ALGORITHMS, type DitherAlgorithm };

export function isDitherAlgorithm(value: unknown): value is DitherAlgorithm {
  return DITHER_ALGORITHMS.includes(value as DitherAlgorithm);
}

/**
 * A picture on its way to a panel: its sRGB bytes and their mapping into the panel's colours
 * (linear light 0..LINEAR_MAX), which the dither applies as it reads each pixel. A luminance
 * mapping for panels of greys, which are dithered on luminance alone.
 */
export interface PanelImage {
  readonly rgb: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly mapping: ColourLut | LuminanceLut;
}

/** Whether the panel's colours lie on one line (greys, black/white): it is then dithered on luminance alone. */
export const isLinePalette = (palette: readonly Rgb[]): boolean =>
  paletteRank(palette.map((c) => c.map((v) => srgbToLinear(v / 255)) as unknown as [number, number, number])) === 1;

/**
 * Maps each pixel of `rgb` (sRGB bytes, width·height·3) to the index of a palette colour: the
 * adjustments, the mapping into the panel's colours, then the dither. With 'none' each pixel just
 * takes the perceptually nearest palette colour, unmapped, so flat graphics drawn in the panel's
 * colours (the dashboard) stay exactly those colours.
 * Deterministic: the same input gives the same output on every run and machine.
 */
export function ditherRgb(rgb: Uint8Array, width: number, height: number, palette: readonly Rgb[], algorithm: DitherAlgorithm, adjustments: PictureAdjustments = {}): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`image size must be positive whole numbers, not ${width}×${height}`);
  }
  if (rgb.length !== width * height * 3) {
    throw new RangeError(`expected ${width * height * 3} bytes of RGB for ${width}×${height}, got ${rgb.length}`);
  }
  if (!isDitherAlgorithm(algorithm)) {
    throw new RangeError(`unknown dither algorithm "${String(algorithm)}"; choose one of ${DITHER_ALGORITHMS.join(', ')}`);
  }
  if (algorithm === 'none') return nearestColours(rgb, palette);
  const mapping = isLinePalette(palette) ? luminanceLut(palette, adjustments) : colourLut(palette, adjustments);
  return ditherPanelImage({ rgb, width, height, mapping }, palette, algorithm);
}

/** The mapping and the dither, on a picture with its mapping into the panel's colours given. */
export function ditherPanelImage(image: PanelImage, palette: readonly Rgb[], algorithm: Exclude<DitherAlgorithm, 'none'>): Uint8Array {
  const { rgb, width, height, mapping } = image;
  const out = new Uint8Array(width * height);
  if (mapping.kind === 'colour') ditherColour(rgb, width, height, mapping, diffusionMatcher(palette), algorithm, out);
  else ditherGrey(rgb, width, height, mapping, greyMatcher(palette), algorithm, out);
  return out;
}

function ditherColour(rgb: Uint8Array, width: number, height: number, lut: ColourLut, m: DiffusionMatcher, algorithm: Exclude<DitherAlgorithm, 'none'>, out: Uint8Array): void {
  switch (algorithm) {
    case 'floyd-steinberg':
      return floydSteinbergColour(rgb, width, height, lut, m, out);
    case 'atkinson':
    case 'sierra':
    case 'stucki':
      return diffuseColourWithKernel(rgb, width, height, lut, m, KERNELS[algorithm], out);
    case 'bayer8':
    case 'blue-noise':
      return orderedDither(rgb, width, height, lut, m, algorithm === 'bayer8' ? BAYER8 : blueNoise64(), out);
  }
}

function ditherGrey(rgb: Uint8Array, width: number, height: number, lut: LuminanceLut, m: GreyMatcher, algorithm: Exclude<DitherAlgorithm, 'none'>, out: Uint8Array): void {
  switch (algorithm) {
    case 'floyd-steinberg':
    case 'atkinson':
    case 'sierra':
    case 'stucki':
      return diffuseGreyWithKernel(rgb, width, height, lut, m, KERNELS[algorithm], out);
    case 'bayer8':
    case 'blue-noise':
      return orderedDitherGrey(rgb, width, height, lut, m, algorithm === 'bayer8' ? BAYER8 : blueNoise64(), out);
  }
}

function nearestColours(src: Uint8Array, palette: readonly Rgb[]): Uint8Array {
  const cube = perceptualMatcher(palette);
  const out = new Uint8Array(src.length / 3);
  for (let p = 0, s = 0; p < out.length; p++, s += 3) out[p] = cube[((src[s] >> 3) << 10) | ((src[s + 1] >> 3) << 5) | (src[s + 2] >> 3)];
  return out;
}
