import type { LuminanceLut } from '../gamut/panel-lut.ts';
import { GREY_SHIFT, REACH_HIGH, REACH_LOW, type GreyMatcher } from './palette-matcher.ts';

/**
 * Error diffusion in linear light, serpentine scan (rows alternate direction, which stops the
 * diagonal "worms" a one-way scan draws). Each pixel takes the palette colour nearest to its
 * value with the errors it received added, and passes what it missed on to its unvisited
 * neighbours, so every area keeps its mean light. The input is mapped inside the palette's gamut
 * (gamut/panel-lut.ts) as each pixel is read; values with error added are held within
 * REACH_LOW..REACH_HIGH, and the lookup sees where the error is heading.
 *
 * Colour pictures are diffused in WebAssembly (colour-diffusion.ts); panels of greys here, on
 * luminance alone. The loops use integer typed arrays and table lookups only and allocate
 * nothing per pixel.
 */

/** A tap is [dx (along the scan direction), dy (rows down), weight]. */
export interface DiffusionKernel {
  readonly divisor: number;
  readonly taps: readonly (readonly [number, number, number])[];
}

// prettier-ignore
export const KERNELS = {
  // Passes on only 6/8 of the error by design: crisper, higher contrast, clips shadows and highlights.
  atkinson: { divisor: 8, taps: [[1, 0, 1], [2, 0, 1], [-1, 1, 1], [0, 1, 1], [1, 1, 1], [0, 2, 1]] },
  sierra: { divisor: 32, taps: [[1, 0, 5], [2, 0, 3], [-2, 1, 2], [-1, 1, 4], [0, 1, 5], [1, 1, 4], [2, 1, 2], [-1, 2, 2], [0, 2, 3], [1, 2, 2]] },
  stucki: { divisor: 42, taps: [[1, 0, 8], [2, 0, 4], [-2, 1, 2], [-1, 1, 4], [0, 1, 8], [1, 1, 4], [2, 1, 2], [-2, 2, 1], [-1, 2, 2], [0, 2, 4], [1, 2, 2], [2, 2, 1]] },
} satisfies Record<string, DiffusionKernel>;

/**
 * A kernel's weights as whole numbers over 2^shift, so a pixel takes what its cell has gathered
 * shifted right: the divisor itself when it is a power of two, else weights rounded to 1/4096
 * (Stucki's 42nds: they still add up to exactly 4096).
 */
export interface KernelWeights {
  readonly shift: number;
  /** The next pixel's and the one after's, along the scan. */
  readonly ahead: readonly [number, number];
  /** The row below and the one under it, at dx −2..2. */
  readonly below: readonly [readonly number[], readonly number[]];
}

export function kernelWeights({ divisor, taps }: DiffusionKernel): KernelWeights {
  const shift = Number.isInteger(Math.log2(divisor)) ? Math.log2(divisor) : 12;
  const ahead: [number, number] = [0, 0];
  const below: [number[], number[]] = [[0, 0, 0, 0, 0], [0, 0, 0, 0, 0]];
  for (const [dx, dy, weight] of taps) {
    const scaled = Math.round((weight * 2 ** shift) / divisor);
    if (dy === 0 && (dx === 1 || dx === 2)) ahead[dx - 1] = scaled;
    else if ((dy === 1 || dy === 2) && Math.abs(dx) <= 2) below[dy - 1][dx + 2] = scaled;
    else throw new RangeError(`a diffusion kernel reaches 2 pixels ahead and 2 rows down, not [${dx}, ${dy}]`);
  }
  return { shift, ahead, below };
}

/**
 * Floyd–Steinberg for panels of greys, on luminance (7/16 ahead; 3/16, 5/16, 1/16 on the next
 * row). It is the default, so it is written out: errors kept in sixteenths, the shares still owed
 * to the row below carried in locals (each cell of it is written once), everything the loop
 * reads a local, `| 0` and Math.imul to keep V8 on 32-bit integers, the reach as literals.
 */
export function floydSteinbergGrey(rgb: Uint8Array, width: number, height: number, lut: LuminanceLut, m: GreyMatcher, out: Uint8Array): void {
  const { curve, weightR, weightG, weightB } = lut;
  const nearest = m.nearest;
  const levels = m.levels;
  let current = new Int32Array(width + 2);
  let below = new Int32Array(width + 2);
  for (let y = 0; y < height; y++) {
    const step = (y & 1) === 0 ? 1 : -1;
    const rowStart = y * width;
    const errorOffset = 1 - rowStart;
    let p = step > 0 ? rowStart : rowStart + width - 1;
    const end = p + step * width;
    let ahead = 0;
    let pending = 0;
    let last = 0;
    for (; p !== end; p += step) {
      const s = p * 3;
      const e = p + errorOffset;
      let v = (curve[weightR[rgb[s]] + weightG[rgb[s + 1]] + weightB[rgb[s + 2]]] + ((current[e] + ahead) >> 4)) | 0;
      v = v < -65536 ? -65536 : v > 131071 ? 131071 : v;
      const k = nearest[(v + 65536) >> 4];
      out[p] = k;
      const error = (v - levels[k]) | 0;
      ahead = Math.imul(error, 7);
      below[e - step] = pending + error * 3;
      pending = last + error * 5;
      last = error;
    }
    below[end + errorOffset - step] = pending;
    const done = current;
    current = below;
    below = done;
  }
}

if (GREY_SHIFT !== 4 || REACH_LOW !== -65536 || REACH_HIGH !== 131071) throw new Error('floydSteinbergGrey: update its literals');

/** Any kernel on luminance, for panels of greys (the taps below written out: a loop over them costs twice the time). */
export function diffuseGreyWithKernel(rgb: Uint8Array, width: number, height: number, lut: LuminanceLut, m: GreyMatcher, kernel: DiffusionKernel, out: Uint8Array): void {
  const { curve, weightR, weightG, weightB } = lut;
  const { nearest, levels } = m;
  const { shift, ahead, below } = kernelWeights(kernel);
  const [ahead1, ahead2] = ahead;
  // Rows of error, this one and the two below, with two cells of padding at either end.
  const rows = [0, 1, 2].map(() => new Int32Array(width + 4));
  for (let y = 0; y < height; y++) {
    const step = (y & 1) === 0 ? 1 : -1;
    const [here, one, two] = rows;
    // The weights of the rows below in memory order, left to right: mirrored on a row scanned leftward.
    const [a1, b1, c1, d1, e1] = step > 0 ? below[0] : [...below[0]].reverse();
    const [a2, b2, c2, d2, e2] = step > 0 ? below[1] : [...below[1]].reverse();
    let p = step > 0 ? y * width : y * width + width - 1;
    let e = step > 0 ? 2 : width + 1;
    let next = 0;
    let afterNext = 0;
    for (let n = 0; n < width; n++, p += step, e += step) {
      const s = p * 3;
      let v = curve[weightR[rgb[s]] + weightG[rgb[s + 1]] + weightB[rgb[s + 2]]] + ((here[e] + next) >> shift);
      v = v < REACH_LOW ? REACH_LOW : v > REACH_HIGH ? REACH_HIGH : v;
      const k = nearest[(v - REACH_LOW) >> GREY_SHIFT];
      out[p] = k;
      const error = v - levels[k];
      next = afterNext + error * ahead1;
      afterNext = error * ahead2;
      one[e - 2] += error * a1;
      one[e - 1] += error * b1;
      one[e] += error * c1;
      one[e + 1] += error * d1;
      one[e + 2] += error * e1;
      two[e - 2] += error * a2;
      two[e - 1] += error * b2;
      two[e] += error * c2;
      two[e + 1] += error * d2;
      two[e + 2] += error * e2;
    }
    here.fill(0);
    rows.push(rows.shift()!);
  }
}
