import { linearRgbToOklab, linearToSrgb, srgbToLinear } from '../color.ts';
import type { Rgb } from '../panel-profile.ts';

/**
 * The working space of all dithering: linear light, as integers 0..LINEAR_MAX. Error diffusion
 * adds errors here because the eye (and a blur) averages the light the panel reflects, not the
 * gamma-encoded numbers, so a dithered area keeps the brightness of its source.
 */
export const LINEAR_MAX = 65535;

/** sRGB byte → linear light. */
export const SRGB_TO_LINEAR = Int32Array.from({ length: 256 }, (_, v) => Math.round(srgbToLinear(v / 255) * LINEAR_MAX));

/**
 * Nearest colours are looked up in a cube of 32×32×32 cells over gamma-encoded sRGB (cells 8
 * sRGB steps wide, about evenly spaced to the eye). The cube is 32 KB, small enough to stay in
 * the CPU's L1 cache, which is most of the speed of the error diffusion loop; a finer cube
 * barely changes the output, because diffusion passes on whatever a coarse answer missed.
 *
 * CELL_R/G/B[(v >> CELL_SHIFT) + CELL_OFFSET] is a channel's part of the cell index for a linear
 * value v. The tables also cover v from −(LINEAR_MAX + 1) to 2·LINEAR_MAX + 1 (answering the cell
 * of 0 or of LINEAR_MAX there), so error diffusion can look a colour up before clamping it.
 */
const CELL_BITS = 5;
const CELLS_PER_CHANNEL = 1 << CELL_BITS;
export const CELL_SHIFT = 6;
export const CELL_OFFSET = (LINEAR_MAX + 1) >> CELL_SHIFT;
const cellTable = (shift: number): Uint16Array =>
  Uint16Array.from({ length: 3 * CELL_OFFSET }, (_, i) => {
    const linear = Math.min(LINEAR_MAX, Math.max(0, ((i - CELL_OFFSET) << CELL_SHIFT) + (1 << (CELL_SHIFT - 1)))) / LINEAR_MAX;
    const cell = Math.min(CELLS_PER_CHANNEL - 1, Math.floor((linearToSrgb(linear) * 255) / (256 / CELLS_PER_CHANNEL)));
    return cell << shift;
  });
export const CELL_R = cellTable(2 * CELL_BITS);
export const CELL_G = cellTable(CELL_BITS);
export const CELL_B = cellTable(0);

/** Cell index of a linear-light colour. */
export const cellOf = (r: number, g: number, b: number): number =>
  CELL_R[(r >> CELL_SHIFT) + CELL_OFFSET] | CELL_G[(g >> CELL_SHIFT) + CELL_OFFSET] | CELL_B[(b >> CELL_SHIFT) + CELL_OFFSET];

export interface PaletteMatcher {
  readonly size: number;
  /** Cell index → palette index of the colour nearest to the cell's centre in OKLab. */
  readonly nearest: Uint8Array;
  /** The palette in the working space, interleaved: colour k is at 3k, 3k + 1, 3k + 2. */
  readonly linear: Int32Array;
}

/**
 * Colour differences count three times as much as lightness differences when matching. With the
 * plain OKLab distance a dark grey sits nearer a panel's dark blue than its black (OKLab lightness
 * is a cube root, so dark tones are far from black), and error diffusion then scatters blue blotches
 * through every shadow and turns Spectra 6 skies teal. Measured on the sample photos (blurred ΔE,
 * 800×480, Floyd–Steinberg): 7-colour 7.3 → 5.4, Spectra 6 22.8 → 8.1; black/white unchanged.
 */
const CHROMA_WEIGHT = 3;
const cache = new Map<string, PaletteMatcher>();
const CACHE_LIMIT = 16;

/** Builds (or reuses) the lookup table for one palette; a few milliseconds the first time. */
export function paletteMatcher(palette: readonly Rgb[]): PaletteMatcher {
  if (palette.length < 1 || palette.length > 256) throw new RangeError(`a palette needs 1–256 colours, not ${palette.length}`);
  const key = palette.join(';');
  let matcher = cache.get(key);
  if (!matcher) {
    matcher = buildMatcher(palette);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, matcher);
  }
  return matcher;
}

function buildMatcher(palette: readonly Rgb[]): PaletteMatcher {
  const toLinear = (c: Rgb): [number, number, number] => [srgbToLinear(c[0] / 255), srgbToLinear(c[1] / 255), srgbToLinear(c[2] / 255)];
  const paletteLab = palette.map((c) => linearRgbToOklab(...toLinear(c)));
  const centres = Array.from({ length: CELLS_PER_CHANNEL }, (_, i) => srgbToLinear(((i + 0.5) * (256 / CELLS_PER_CHANNEL) - 0.5) / 255));

  const nearest = new Uint8Array(CELLS_PER_CHANNEL ** 3);
  for (let r = 0; r < CELLS_PER_CHANNEL; r++) {
    for (let g = 0; g < CELLS_PER_CHANNEL; g++) {
      for (let b = 0; b < CELLS_PER_CHANNEL; b++) {
        const [l, a, bb] = linearRgbToOklab(centres[r], centres[g], centres[b]);
        let best = 0;
        let bestDistance = Infinity;
        for (let k = 0; k < paletteLab.length; k++) {
          const [pl, pa, pb] = paletteLab[k];
          const d = (l - pl) ** 2 + CHROMA_WEIGHT * ((a - pa) ** 2 + (bb - pb) ** 2);
          if (d < bestDistance) {
            bestDistance = d;
            best = k;
          }
        }
        nearest[(r << (2 * CELL_BITS)) | (g << CELL_BITS) | b] = best;
      }
    }
  }
  // A palette colour's own cell answers that colour, so a flat area of it stays exactly it.
  palette.forEach((c, k) => (nearest[cellOf(SRGB_TO_LINEAR[c[0]], SRGB_TO_LINEAR[c[1]], SRGB_TO_LINEAR[c[2]])] = k));

  const linear = Int32Array.from(palette.flat(), (v) => SRGB_TO_LINEAR[v]);
  return { size: palette.length, nearest, linear };
}
