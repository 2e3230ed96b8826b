import { adjustOklab, checkAdjustments, type PictureAdjustments } from '../adjust.ts';
import { linearToSrgb, luminance, srgbToLinear } from '../color.ts';
import type { Rgb } from '../panel-profile.ts';
import { mapColour, toPanelRange } from './colour-map.ts';
import type { Vec3 } from './hull.ts';
import { panelGamut } from './panel-gamut.ts';
import { cubeIndex, diffusionMatcher, greyMatcher } from '../dither/palette-matcher.ts';

/**
 * The colour mapping of a palette and set of adjustments, sampled once into a lookup table and
 * applied to every pixel by interpolation: mapColour costs microseconds, far too slow for two
 * million pixels, and is smooth enough to sample. The table holds sRGB-encoded values, so a
 * colour the mapping leaves alone comes out of the interpolation exactly as it went in; a
 * 4096-step table then turns them into linear light.
 *
 * Output is the dithering's working space: linear light as whole numbers 0..LINEAR_MAX.
 */
export const LINEAR_MAX = 65535;
const GRID = 17;
const STEP = (GRID - 1) / 255;
const ENCODED_STEPS = 4095;
const ENCODED_TO_LINEAR = Uint16Array.from({ length: ENCODED_STEPS + 1 }, (_, v) => Math.round(srgbToLinear(v / ENCODED_STEPS) * LINEAR_MAX));

const cache = new Map<string, Float32Array | Uint16Array>();
const CACHE_LIMIT = 8;

/** A table built once per palette and adjustments, and kept (a few recently used ones). */
function cached<T extends Float32Array | Uint16Array>(kind: string, palette: readonly Rgb[], adjustments: Required<PictureAdjustments>, build: () => T): T {
  const key = `${kind} ${palette.join(';')}|${Object.values(adjustments).join()}`;
  let table = cache.get(key) as T | undefined;
  if (!table) {
    table = build();
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, table);
  }
  return table;
}

/** sRGB-encoded output × ENCODED_STEPS, three values per grid point, blue varying fastest. */
function buildColourLut(palette: readonly Rgb[], adjustments: Required<PictureAdjustments>): Float32Array {
  const gamut = panelGamut(palette);
  const levels = Array.from({ length: GRID }, (_, i) => srgbToLinear(i / (GRID - 1)));
  const table = new Float32Array(GRID ** 3 * 3);
  let at = 0;
  for (const r of levels) {
    for (const g of levels) {
      for (const b of levels) {
        for (const v of mapColour(gamut, adjustments, r, g, b)) table[at++] = linearToSrgb(Math.min(1, Math.max(0, v))) * ENCODED_STEPS;
      }
    }
  }
  return table;
}

/** Per sRGB byte: the grid cell below it and how far into the cell it lies. */
const CELL = Uint16Array.from({ length: 256 }, (_, v) => Math.min(GRID - 2, Math.floor(v * STEP)));
const FRACTION = Float32Array.from({ length: 256 }, (_, v) => v * STEP - CELL[v]);

/**
 * sRGB bytes → the colours the panel should show, linear light, interleaved. Tetrahedral
 * interpolation (the colour-management standard): four grid points per pixel, and a grey is
 * interpolated along the grey diagonal only.
 */
export function mapToPanel(rgb: Uint8Array, palette: readonly Rgb[], adjustments: PictureAdjustments): Uint16Array {
  const checked = checkAdjustments(adjustments);
  const table = cached('colour', palette, checked, () => buildColourLut(palette, checked));
  const { cube, linear } = diffusionMatcher(palette);
  const toLinear = ENCODED_TO_LINEAR;
  const out = new Uint16Array(rgb.length);
  const dR = GRID * GRID * 3;
  const dG = GRID * 3;
  const dB = 3;
  const corner = dR + dG + dB;
  for (let s = 0; s < rgb.length; s += 3) {
    const r = rgb[s];
    const g = rgb[s + 1];
    const b = rgb[s + 2];
    const fr = FRACTION[r];
    const fg = FRACTION[g];
    const fb = FRACTION[b];
    const base = CELL[r] * dR + CELL[g] * dG + CELL[b] * dB;
    // The tetrahedron holding the point: from the cell's base corner along the axes in order of
    // fraction, largest first, to the opposite corner.
    let first: number, second: number, w1: number, w2: number, w3: number;
    if (fr >= fg && fg >= fb) {
      first = dR; second = dR + dG; w1 = fr; w2 = fg; w3 = fb;
    } else if (fr >= fb && fb >= fg) {
      first = dR; second = dR + dB; w1 = fr; w2 = fb; w3 = fg;
    } else if (fb >= fr && fr >= fg) {
      first = dB; second = dB + dR; w1 = fb; w2 = fr; w3 = fg;
    } else if (fg >= fr && fr >= fb) {
      first = dG; second = dG + dR; w1 = fg; w2 = fr; w3 = fb;
    } else if (fg >= fb && fb >= fr) {
      first = dG; second = dG + dB; w1 = fg; w2 = fb; w3 = fr;
    } else {
      first = dB; second = dB + dG; w1 = fb; w2 = fg; w3 = fr;
    }
    const a = base + first;
    const c = base + second;
    const d = base + corner;
    const k0 = 1 - w1;
    const k1 = w1 - w2;
    const k2 = w2 - w3;
    const lr = toLinear[(k0 * table[base] + k1 * table[a] + k2 * table[c] + w3 * table[d] + 0.5) | 0];
    const lg = toLinear[(k0 * table[base + 1] + k1 * table[a + 1] + k2 * table[c + 1] + w3 * table[d + 1] + 0.5) | 0];
    const lb = toLinear[(k0 * table[base + 2] + k1 * table[a + 2] + k2 * table[c + 2] + w3 * table[d + 2] + 0.5) | 0];
    // Within rounding of a palette colour: that colour exactly. Otherwise the rounding, passed on
    // pixel after pixel, would sprinkle a flat area of panel white with other colours.
    const k3 = cube[cubeIndex(lr, lg, lb)] * 3;
    const near = Math.abs(lr - linear[k3]) <= SNAP && Math.abs(lg - linear[k3 + 1]) <= SNAP && Math.abs(lb - linear[k3 + 2]) <= SNAP;
    out[s] = near ? linear[k3] : lr;
    out[s + 1] = near ? linear[k3 + 1] : lg;
    out[s + 2] = near ? linear[k3 + 2] : lb;
  }
  return out;
}

/** How near (in linear light, of LINEAR_MAX) a mapped colour counts as a palette colour: below one step of an sRGB byte. */
const SNAP = 48;

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
