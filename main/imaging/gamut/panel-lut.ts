import { adjustOklab, checkAdjustments, type PictureAdjustments } from '../adjust.ts';
import { linearToSrgb, luminance, srgbToLinear } from '../color.ts';
import type { Rgb } from '../panel-profile.ts';
import { mapColour, toPanelRange } from './colour-map.ts';
import type { Vec3 } from './hull.ts';
import { panelGamut } from './panel-gamut.ts';
import { LINEAR_MAX, SRGB_TO_LINEAR, cubeIndex, diffusionMatcher, greyMatcher } from '../dither/palette-matcher.ts';

/**
 * The colour mapping of a palette and set of adjustments, as lookup tables built once and kept:
 * mapColour costs microseconds, far too slow for two million pixels, and is smooth enough to
 * sample. It is sampled on a coarse grid (17 points a channel), which a finer one (65 points a
 * channel, 4 sRGB steps apart) is filled from by tetrahedral interpolation (the colour-management
 * standard). A pixel then costs one lookup of its nearest fine point plus the linear-light
 * difference between it and that point: exact where the mapping leaves colours alone (most of a
 * big gamut), and close to it elsewhere.
 *
 * Output is the dithering's working space: linear light as whole numbers 0..LINEAR_MAX. The
 * dithering applies the tables as it reads each pixel (dither/colour-diffusion.ts, in
 * WebAssembly), so no mapped copy of the picture is made on the way to the panel.
 */

/**
 * Pixel r, g, b (sRGB bytes) maps to min(LINEAR_MAX, grid[at + c] + rest[byte c]) for channel c,
 * where at = offsetR[r] + offsetG[g] + offsetB[b]: the mapped colour at the pixel's fine grid
 * point plus the light the pixel has above that point.
 */
export interface ColourLut {
  readonly kind: 'colour';
  /** Mapped colours at the grid points, linear light, three values a point. */
  readonly grid: Uint16Array;
  /** Per sRGB byte: the offset in `grid` of its grid point along each channel. */
  readonly offsetR: Int32Array;
  readonly offsetG: Int32Array;
  readonly offsetB: Int32Array;
  /** Per sRGB byte: the linear light it has above its grid point (never negative). */
  readonly rest: Int32Array;
}

/** For panels of greys: pixel r, g, b maps to curve[weightR[r] + weightG[g] + weightB[b]] (its luminance, mapped). */
export interface LuminanceLut {
  readonly kind: 'luminance';
  readonly curve: Uint16Array;
  readonly weightR: Uint32Array;
  readonly weightG: Uint32Array;
  readonly weightB: Uint32Array;
}

const COARSE = 17;
const FINE = 65;
/** Fine grid points: the sRGB values 0, 4, 8, … 252 and 255. */
const FINE_LEVEL = Int32Array.from({ length: FINE }, (_, i) => Math.min(255, i * 4));
/** Per sRGB byte: its fine grid point (as an index times the point's stride), and what it lies above that point in linear light. */
const FINE_INDEX = Int32Array.from({ length: 256 }, (_, v) => (v === 255 ? FINE - 1 : v >> 2));
const FINE_REST = Int32Array.from({ length: 256 }, (_, v) => SRGB_TO_LINEAR[v] - SRGB_TO_LINEAR[FINE_LEVEL[FINE_INDEX[v]]]);
const FINE_R = Int32Array.from(FINE_INDEX, (i) => i * FINE * FINE * 3);
const FINE_G = Int32Array.from(FINE_INDEX, (i) => i * FINE * 3);
const FINE_B = Int32Array.from(FINE_INDEX, (i) => i * 3);

const cache = new Map<string, ColourLut | LuminanceLut>();
const CACHE_LIMIT = 8;

/** Tables built once per palette and adjustments, and kept (a few recently used ones). */
function cached<T extends ColourLut | LuminanceLut>(kind: T['kind'], palette: readonly Rgb[], adjustments: PictureAdjustments, build: (checked: Required<PictureAdjustments>) => T): T {
  const checked = checkAdjustments(adjustments);
  const key = `${kind} ${palette.join(';')}|${Object.values(checked).join()}`;
  let lut = cache.get(key) as T | undefined;
  if (!lut) {
    lut = build(checked);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, lut);
  }
  return lut;
}

/** mapColour on the coarse grid, sRGB-encoded (so a colour left alone interpolates back to itself), three values a point, blue fastest. */
function coarseLut(palette: readonly Rgb[], adjustments: Required<PictureAdjustments>): Float64Array {
  const gamut = panelGamut(palette);
  const levels = Array.from({ length: COARSE }, (_, i) => srgbToLinear(i / (COARSE - 1)));
  const table = new Float64Array(COARSE ** 3 * 3);
  let at = 0;
  for (const r of levels) {
    for (const g of levels) {
      for (const b of levels) {
        for (const v of mapColour(gamut, adjustments, r, g, b)) table[at++] = linearToSrgb(Math.min(1, Math.max(0, v)));
      }
    }
  }
  return table;
}

/**
 * The fine grid, linear light, from the coarse one. A value within rounding of a palette colour
 * is that colour exactly: otherwise the rounding, passed on pixel after pixel by the diffusion,
 * would sprinkle a flat area of panel white with other colours.
 */
function fineLut(palette: readonly Rgb[], adjustments: Required<PictureAdjustments>): Uint16Array {
  const coarse = coarseLut(palette, adjustments);
  const { cube, linear } = diffusionMatcher(palette);
  const table = new Uint16Array(FINE ** 3 * 3);
  const colour: [number, number, number] = [0, 0, 0];
  let at = 0;
  for (const r of FINE_LEVEL) {
    for (const g of FINE_LEVEL) {
      for (const b of FINE_LEVEL) {
        interpolate(coarse, r, g, b, colour);
        const values = colour.map((v) => Math.round(srgbToLinear(v) * LINEAR_MAX));
        const k3 = cube[cubeIndex(values[0], values[1], values[2])] * 3;
        const near = values.every((v, c) => Math.abs(v - linear[k3 + c]) <= SNAP);
        for (let c = 0; c < 3; c++) table[at++] = near ? linear[k3 + c] : values[c];
      }
    }
  }
  return table;
}

/** How near (of LINEAR_MAX) a mapped colour counts as a palette colour: less than a step of an sRGB byte. */
const SNAP = 48;

/**
 * Tetrahedral interpolation of the coarse grid at sRGB bytes r, g, b: four grid points, and a
 * grey is interpolated along the grey diagonal only.
 */
function interpolate(table: Float64Array, r: number, g: number, b: number, out: [number, number, number]): void {
  const scale = (COARSE - 1) / 255;
  const [cr, cg, cb] = [r, g, b].map((v) => Math.min(COARSE - 2, Math.floor(v * scale)));
  const fr = r * scale - cr;
  const fg = g * scale - cg;
  const fb = b * scale - cb;
  const dR = COARSE * COARSE * 3;
  const dG = COARSE * 3;
  const dB = 3;
  const base = cr * dR + cg * dG + cb * dB;
  // From the cell's base corner along the axes in order of fraction, largest first, to the opposite corner.
  const order = [[fr, dR], [fg, dG], [fb, dB]].sort((x, y) => y[0] - x[0]);
  const [w1, w2, w3] = order.map(([w]) => w);
  const first = base + order[0][1];
  const second = first + order[1][1];
  const last = base + dR + dG + dB;
  for (let c = 0; c < 3; c++) {
    out[c] = (1 - w1) * table[base + c] + (w1 - w2) * table[first + c] + (w2 - w3) * table[second + c] + w3 * table[last + c];
  }
}

/** The colour mapping of a palette and adjustments into the panel's colours. */
export const colourLut = (palette: readonly Rgb[], adjustments: PictureAdjustments): ColourLut =>
  cached('colour', palette, adjustments, (checked) => ({
    kind: 'colour', grid: fineLut(palette, checked), offsetR: FINE_R, offsetG: FINE_G, offsetB: FINE_B, rest: FINE_REST,
  }));

/**
 * For panels of greys (and black/white): the luminance the panel should show for a pixel's. Only
 * lightness matters here, so the mapping is a curve on luminance: the adjustments (vividness has
 * nothing to act on) and the lightness range.
 */
export const luminanceLut = (palette: readonly Rgb[], adjustments: PictureAdjustments): LuminanceLut =>
  cached('luminance', palette, adjustments, (checked) => ({
    kind: 'luminance', curve: luminanceCurve(palette, checked), weightR: LUMA_R, weightG: LUMA_G, weightB: LUMA_B,
  }));

const lumaTable = (weight: number): Uint32Array => Uint32Array.from({ length: 256 }, (_, v) => Math.round(weight * srgbToLinear(v / 255) * LINEAR_MAX));
const LUMA_R = lumaTable(luminance(1, 0, 0));
const LUMA_G = lumaTable(luminance(0, 1, 0));
const LUMA_B = lumaTable(luminance(0, 0, 1));

function luminanceCurve(palette: readonly Rgb[], adjustments: Required<PictureAdjustments>): Uint16Array {
  const lightness = palette.map((c) => Math.cbrt(luminance(...(c.map((v) => srgbToLinear(v / 255)) as [number, number, number]))));
  const white: Vec3 = [Math.max(...lightness), 0, 0];
  const black: Vec3 = [Math.min(...lightness), 0, 0];
  const { levels } = greyMatcher(palette);
  const curve = new Uint16Array(LINEAR_MAX + 3);
  for (let i = 0; i < curve.length; i++) {
    const lab: [number, number, number] = [Math.cbrt(Math.min(1, i / LINEAR_MAX)), 0, 0];
    adjustOklab(lab, adjustments);
    toPanelRange(white, black, lab);
    const y = Math.round(Math.min(1, lab[0] ** 3) * LINEAR_MAX);
    const level = levels.find((v) => Math.abs(v - y) <= SNAP);
    curve[i] = level ?? y;
  }
  return curve;
}
