import { linearRgbToOklab, linearToSrgb, luminance, srgbToLinear } from '../color.ts';
import type { Rgb } from '../panel-profile.ts';

/**
 * The working space of all dithering: linear light, as whole numbers 0..LINEAR_MAX. Error
 * diffusion adds errors here because the eye (and a blur) averages the light the panel reflects,
 * not gamma-encoded numbers, so a dithered area keeps the light of its source.
 */
export const LINEAR_MAX = 65535;

/** sRGB byte → linear light. */
export const SRGB_TO_LINEAR = Int32Array.from({ length: 256 }, (_, v) => Math.round(srgbToLinear(v / 255) * LINEAR_MAX));

/**
 * How far a value with errors added may stray: one full range below black and above white. Wide
 * enough that the nearest-colour lookup sees where accumulated error is heading — a colour that
 * only a mix of four palette colours makes (a dark brown on Spectra 6: black, red, green and a
 * little yellow) needs its blue error to build up to about −0.7 before black is picked often
 * enough, and a clamp at 0..1 (or −0.5) throws that error away and shifts the mean. Bounded all
 * the same, so a run of colours the panel cannot reach does not smear into the next area.
 */
export const REACH_LOW = -(LINEAR_MAX + 1);
export const REACH_HIGH = 2 * (LINEAR_MAX + 1) - 1;

/**
 * Nearest palette colour for error diffusion, measured where the error lives: plain distance in
 * linear light. Picking the colour that leaves the smallest error to pass on is what keeps the
 * diffusion stable, so every area keeps its mean colour.
 *
 * Looked up in a cube of 32×32×32 cells: per channel 24 cells over 0..1, even steps of the sRGB
 * curve (about evenly spaced to the eye, so the dark colours of a palette fall in cells of their
 * own), 6 below 0 (where owed light builds up in the dark colours a mix needs) and 2 above 1. The cube is 32 KB, small enough to stay in the CPU's L1
 * cache, which is most of the speed of the diffusion loop; the answer at a cell's centre stands
 * for the whole cell, and whatever that misses near a boundary the diffusion passes on.
 * Index: CELL_R[(r − REACH_LOW) >> 6] | CELL_G[(g − REACH_LOW) >> 6] | CELL_B[(b − REACH_LOW) >> 6].
 */
export interface DiffusionMatcher {
  readonly size: number;
  readonly cube: Uint8Array;
  /** The palette in the working space, interleaved: colour k is at 3k, 3k + 1, 3k + 2. */
  readonly linear: Int32Array;
}

export const CELL_BITS = 5;
const INNER_CELLS = 24;
export const CELL_SHIFT = 6;
/** Cell edges in linear light (as fractions of LINEAR_MAX), lowest first. */
const CELL_EDGES = [
  -1, -0.6, -0.35, -0.2, -0.1, -0.03,
  ...Array.from({ length: INNER_CELLS }, (_, i) => srgbToLinear(i / INNER_CELLS)),
  1, 1.25, 2,
];
const cellOfValue = (v: number): number => {
  let cell = 0;
  while (cell < CELL_EDGES.length - 2 && v >= CELL_EDGES[cell + 1]) cell++;
  return cell;
};
const cellTable = (shift: number): Uint16Array =>
  Uint16Array.from({ length: (REACH_HIGH - REACH_LOW + 1) >> CELL_SHIFT }, (_, i) => cellOfValue((REACH_LOW + (i << CELL_SHIFT) + (1 << (CELL_SHIFT - 1))) / LINEAR_MAX) << shift);
export const CELL_R = cellTable(2 * CELL_BITS);
export const CELL_G = cellTable(CELL_BITS);
export const CELL_B = cellTable(0);
/** A cell's centre in linear light × LINEAR_MAX: midway along the sRGB curve inside 0..1, plainly midway outside. */
export const CELL_CENTRES = Array.from({ length: CELL_EDGES.length - 1 }, (_, i) => {
  const [low, high] = [CELL_EDGES[i], CELL_EDGES[i + 1]];
  const inside = low >= 0 && high <= 1;
  return LINEAR_MAX * (inside ? srgbToLinear((linearToSrgb(low) + linearToSrgb(high)) / 2) : (low + high) / 2);
});

export const cubeIndex = (r: number, g: number, b: number): number =>
  CELL_R[(r - REACH_LOW) >> CELL_SHIFT] | CELL_G[(g - REACH_LOW) >> CELL_SHIFT] | CELL_B[(b - REACH_LOW) >> CELL_SHIFT];

export function diffusionMatcher(palette: readonly Rgb[]): DiffusionMatcher {
  return cached(`diffusion ${palette.join(';')}`, () => {
    checkSize(palette);
    const linear = Int32Array.from(palette.flat(), (v) => SRGB_TO_LINEAR[v]);
    const nearest = (r: number, g: number, b: number): number => {
      let best = 0;
      let bestDistance = Infinity;
      for (let k = 0; k < palette.length; k++) {
        const d = (r - linear[3 * k]) ** 2 + (g - linear[3 * k + 1]) ** 2 + (b - linear[3 * k + 2]) ** 2;
        if (d < bestDistance) {
          bestDistance = d;
          best = k;
        }
      }
      return best;
    };
    const cells = CELL_CENTRES.length;
    const cube = new Uint8Array(1 << (3 * CELL_BITS));
    for (let r = 0; r < cells; r++) {
      for (let g = 0; g < cells; g++) {
        for (let b = 0; b < cells; b++) cube[(r << (2 * CELL_BITS)) | (g << CELL_BITS) | b] = nearest(CELL_CENTRES[r], CELL_CENTRES[g], CELL_CENTRES[b]);
      }
    }
    // A palette colour's own cell answers that colour, so a flat area of it stays exactly it.
    for (let k = 0; k < palette.length; k++) cube[cubeIndex(linear[3 * k], linear[3 * k + 1], linear[3 * k + 2])] = k;
    return { size: palette.length, cube, linear };
  });
}

/**
 * For panels of greys: the palette's luminances, and the nearest of them for any luminance in
 * REACH_LOW..REACH_HIGH, in steps of 16 (a 1/4096 of the range 0..1).
 */
export interface GreyMatcher {
  readonly size: number;
  /** Index by (y − REACH_LOW) >> GREY_SHIFT. */
  readonly nearest: Uint8Array;
  readonly levels: Int32Array;
}

export const GREY_SHIFT = 4;

export function greyMatcher(palette: readonly Rgb[]): GreyMatcher {
  return cached(`grey ${palette.join(';')}`, () => {
    checkSize(palette);
    const levels = Int32Array.from(palette, (c) => Math.round(luminance(...(c.map((v) => srgbToLinear(v / 255)) as [number, number, number])) * LINEAR_MAX));
    const nearest = Uint8Array.from({ length: ((REACH_HIGH - REACH_LOW) >> GREY_SHIFT) + 1 }, (_, i) => {
      const y = REACH_LOW + (i << GREY_SHIFT) + (1 << (GREY_SHIFT - 1));
      let best = 0;
      for (let k = 1; k < levels.length; k++) if (Math.abs(y - levels[k]) < Math.abs(y - levels[best])) best = k;
      return best;
    });
    levels.forEach((y, k) => (nearest[(y - REACH_LOW) >> GREY_SHIFT] = k));
    return { size: palette.length, nearest, levels };
  });
}

/**
 * Nearest palette colour without dithering (flat graphics drawn in the panel's own colours, or
 * the user's choice of "none"): judged in OKLab, as the eye judges, on a 32×32×32 cube over sRGB
 * bytes (cells 8 steps wide); a palette colour's own cell answers that colour.
 */
export function perceptualMatcher(palette: readonly Rgb[]): Uint8Array {
  return cached(`perceptual ${palette.join(';')}`, () => {
    checkSize(palette);
    const toLab = (c: readonly number[]): [number, number, number] => linearRgbToOklab(...(c.map((v) => srgbToLinear(v / 255)) as [number, number, number]));
    const paletteLab = palette.map(toLab);
    const cube = new Uint8Array(1 << (3 * CELL_BITS));
    for (let r = 0; r < 32; r++) {
      for (let g = 0; g < 32; g++) {
        for (let b = 0; b < 32; b++) {
          const lab = toLab([r * 8 + 3.5, g * 8 + 3.5, b * 8 + 3.5]);
          const distance = (p: readonly number[]): number => (lab[0] - p[0]) ** 2 + (lab[1] - p[1]) ** 2 + (lab[2] - p[2]) ** 2;
          cube[(r << (2 * CELL_BITS)) | (g << CELL_BITS) | b] = paletteLab.reduce((best, p, k) => (distance(p) < distance(paletteLab[best]) ? k : best), 0);
        }
      }
    }
    palette.forEach(([r, g, b], k) => (cube[((r >> 3) << (2 * CELL_BITS)) | ((g >> 3) << CELL_BITS) | (b >> 3)] = k));
    return cube;
  });
}

const cache = new Map<string, unknown>();
const CACHE_LIMIT = 24;

function cached<T>(key: string, build: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = build();
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, value);
  }
  return value;
}

function checkSize(palette: readonly Rgb[]): void {
  if (palette.length < 1 || palette.length > 256) throw new RangeError(`a palette needs 1–256 colours, not ${palette.length}`);
}
