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
 * Output is the dithering's working space: linear light as whole numbers 0..LINEAR_MAX.
 */
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

const cache = new Map<string, Uint16Array>();
const CACHE_LIMIT = 8;

/** A table built once per palette and adjustments, and kept (a few recently used ones). */
function cached(kind: string, palette: readonly Rgb[], adjustments: Required<PictureAdjustments>, build: () => Uint16Array): Uint16Array {
  const key = `${kind} ${palette.join(';')}|${Object.values(adjustments).join()}`;
  let table = cache.get(key);
  if (!table) {
    table = build();
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, table);
  }
  return table;
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

/** sRGB bytes → the colours the panel should show, linear light, interleaved. */
export function mapToPanel(rgb: Uint8Array, palette: readonly Rgb[], adjustments: PictureAdjustments): Uint16Array {
  const checked = checkAdjustments(adjustments);
  const table = cached('colour', palette, checked, () => fineLut(palette, checked));
  const rest = FINE_REST;
  const out = new Uint16Array(rgb.length);
  for (let s = 0; s < rgb.length; s += 3) {
    const r = rgb[s];
    const g = rgb[s + 1];
    const b = rgb[s + 2];
    const at = FINE_R[r] + FINE_G[g] + FINE_B[b];
    const lr = table[at] + rest[r];
    const lg = table[at + 1] + rest[g];
    const lb = table[at + 2] + rest[b];
    // Uint16Array stores wrap around, so clamp first.
    out[s] = lr < 0 ? 0 : lr > LINEAR_MAX ? LINEAR_MAX : lr;
    out[s + 1] = lg < 0 ? 0 : lg > LINEAR_MAX ? LINEAR_MAX : lg;
    out[s + 2] = lb < 0 ? 0 : lb > LINEAR_MAX ? LINEAR_MAX : lb;
  }
  return out;
}

/**
 * For panels of greys (and black/white): sRGB bytes → the luminance the panel should show,
 * linear light 0..LINEAR_MAX, one value per pixel. Only lightness matters here, so the mapping is
 * a curve on luminance: the adjustments (vividness has nothing to act on) and the lightness range.
 */
export function mapLuminanceToPanel(rgb: Uint8Array, palette: readonly Rgb[], adjustments: PictureAdjustments): Uint16Array {
  const checked = checkAdjustments(adjustments);
  const curve = cached('luminance', palette, checked, () => luminanceCurve(palette, checked));
  const out = new Uint16Array(rgb.length / 3);
  for (let p = 0, s = 0; p < out.length; p++, s += 3) out[p] = curve[LUMA_R[rgb[s]] + LUMA_G[rgb[s + 1]] + LUMA_B[rgb[s + 2]]];
  return out;
}

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
