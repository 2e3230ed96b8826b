import { CELL_B, CELL_G, CELL_R, CELL_SHIFT, GREY_SHIFT, REACH_HIGH, REACH_LOW, cubeIndex, type DiffusionMatcher, type GreyMatcher } from './palette-matcher.ts';

/**
 * Error diffusion in linear light, serpentine scan (rows alternate direction, which stops the
 * diagonal "worms" a one-way scan draws). Each pixel takes the palette colour nearest to its
 * value with the errors it received added, and passes what it missed on to its unvisited
 * neighbours, so every area keeps its mean light. The input is already inside the palette's
 * gamut (gamut/panel-lut.ts); values with error added are held within REACH_LOW..REACH_HIGH
 * before the lookup, so the lookup sees where the error is heading.
 *
 * The loops use integer typed arrays and table lookups only and allocate nothing per pixel.
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
 * Floyd–Steinberg for colour panels (7/16 ahead; 3/16, 5/16, 1/16 on the next row), written out
 * by hand because it is the default and the benchmark holds it to Pillow's C. Errors are kept in
 * sixteenths (no rounding until they reach a pixel); the shares still owed to the row below are
 * carried in locals so each cell of it is written once; everything the loop reads is a local,
 * so V8 keeps it in registers; `| 0` and Math.imul tell V8 the sums stay 32-bit integers; the
 * reach and cube geometry are literals, which V8 folds into the instructions (imported
 * constants it does not).
 */
export function floydSteinberg(src: Uint16Array, width: number, height: number, m: DiffusionMatcher, out: Uint8Array): void {
  const cube = m.cube;
  const palette = m.linear;
  const cellR = CELL_R;
  const cellG = CELL_G;
  const cellB = CELL_B;
  const rowLength = (width + 2) * 3; // one cell of padding at each end
  let current = new Int32Array(rowLength);
  let below = new Int32Array(rowLength);

  for (let y = 0; y < height; y++) {
    const step = (y & 1) === 0 ? 3 : -3;
    const rowStart = y * width * 3;
    const errorOffset = 3 - rowStart; // error index = source index + errorOffset
    let s = step > 0 ? rowStart : rowStart + (width - 1) * 3;
    const end = s + step * width;
    let p = (s / 3) | 0;
    const pixelStep = step > 0 ? 1 : -1;
    // 7/16 of the previous pixel's error, for this one.
    let aheadR = 0;
    let aheadG = 0;
    let aheadB = 0;
    // What the cell below the previous pixel has so far: 5/16 of it and 1/16 of the one before.
    let pendingR = 0;
    let pendingG = 0;
    let pendingB = 0;
    // The previous pixel's whole error; 1/16 of it goes below this pixel.
    let lastR = 0;
    let lastG = 0;
    let lastB = 0;
    for (; s !== end; s += step, p += pixelStep) {
      const e = s + errorOffset;
      let r = (src[s] + ((current[e] + aheadR) >> 4)) | 0;
      let g = (src[s + 1] + ((current[e + 1] + aheadG) >> 4)) | 0;
      let b = (src[s + 2] + ((current[e + 2] + aheadB) >> 4)) | 0;
      r = r < -65536 ? -65536 : r > 131071 ? 131071 : r;
      g = g < -65536 ? -65536 : g > 131071 ? 131071 : g;
      b = b < -65536 ? -65536 : b > 131071 ? 131071 : b;
      const k = cube[cellR[(r + 65536) >> 6] | cellG[(g + 65536) >> 6] | cellB[(b + 65536) >> 6]];
      out[p] = k;

      const k3 = k * 3;
      const er = (r - palette[k3]) | 0;
      const eg = (g - palette[k3 + 1]) | 0;
      const eb = (b - palette[k3 + 2]) | 0;
      aheadR = Math.imul(er, 7);
      aheadG = Math.imul(eg, 7);
      aheadB = Math.imul(eb, 7);
      const behind = e - step;
      below[behind] = pendingR + er * 3;
      below[behind + 1] = pendingG + eg * 3;
      below[behind + 2] = pendingB + eb * 3;
      pendingR = lastR + er * 5;
      pendingG = lastG + eg * 5;
      pendingB = lastB + eb * 5;
      lastR = er;
      lastG = eg;
      lastB = eb;
    }
    const lastCell = end + errorOffset - step;
    below[lastCell] = pendingR;
    below[lastCell + 1] = pendingG;
    below[lastCell + 2] = pendingB;
    const done = current;
    current = below;
    below = done;
  }
}

if (REACH_LOW !== -65536 || REACH_HIGH !== 131071 || CELL_SHIFT !== 6) throw new Error('floydSteinberg: update its literals');

/** Floyd–Steinberg for panels of greys: the same loop on one channel, luminance. */
export function floydSteinbergGrey(src: Uint16Array, width: number, height: number, m: GreyMatcher, out: Uint8Array): void {
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
      const e = p + errorOffset;
      let v = (src[p] + ((current[e] + ahead) >> 4)) | 0;
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

if (GREY_SHIFT !== 4) throw new Error('floydSteinbergGrey: update its literals');

/** Per tap of a kernel: its row, its offset along the scan, and its cumulative share of the error. */
interface Taps {
  count: number;
  row: Int32Array;
  dx: Int32Array;
  /** Tap t gets floor(err·c[t+1]) − floor(err·c[t]): the shares add up to exactly the diffused error. */
  cumulative: Float64Array;
  reach: number;
  depth: number;
}

function tapsOf(kernel: DiffusionKernel, channels: number): Taps {
  const cumulative = new Float64Array(kernel.taps.length + 1);
  kernel.taps.forEach(([, , weight], t) => (cumulative[t + 1] = cumulative[t] + weight / kernel.divisor));
  return {
    count: kernel.taps.length,
    row: Int32Array.from(kernel.taps, ([, dy]) => dy),
    dx: Int32Array.from(kernel.taps, ([dx]) => dx * channels),
    cumulative,
    reach: Math.max(...kernel.taps.map(([dx]) => Math.abs(dx))),
    depth: Math.max(...kernel.taps.map(([, dy]) => dy)),
  };
}

/** Any kernel on a colour picture: the same scan with the taps in a loop (slower than the one above). */
export function diffuseWithKernel(src: Uint16Array, width: number, height: number, m: DiffusionMatcher, kernel: DiffusionKernel, out: Uint8Array): void {
  const { cube, linear } = m;
  const taps = tapsOf(kernel, 3);
  const rows = Array.from({ length: taps.depth + 1 }, () => new Int32Array((width + 2 * taps.reach) * 3));
  for (let y = 0; y < height; y++) {
    const step = (y & 1) === 0 ? 1 : -1;
    const here = rows[0];
    let p = step > 0 ? y * width : y * width + width - 1;
    let e = (step > 0 ? taps.reach : taps.reach + width - 1) * 3;
    for (let n = 0; n < width; n++, p += step, e += 3 * step) {
      const s = p * 3;
      let r = src[s] + here[e];
      let g = src[s + 1] + here[e + 1];
      let b = src[s + 2] + here[e + 2];
      r = r < REACH_LOW ? REACH_LOW : r > REACH_HIGH ? REACH_HIGH : r;
      g = g < REACH_LOW ? REACH_LOW : g > REACH_HIGH ? REACH_HIGH : g;
      b = b < REACH_LOW ? REACH_LOW : b > REACH_HIGH ? REACH_HIGH : b;
      const k = cube[cubeIndex(r, g, b)];
      out[p] = k;
      const er = r - linear[3 * k];
      const eg = g - linear[3 * k + 1];
      const eb = b - linear[3 * k + 2];
      let givenR = 0;
      let givenG = 0;
      let givenB = 0;
      for (let t = 0; t < taps.count; t++) {
        const row = rows[taps.row[t]];
        const at = e + taps.dx[t] * step;
        const c = taps.cumulative[t + 1];
        const shareR = Math.floor(er * c) - givenR;
        const shareG = Math.floor(eg * c) - givenG;
        const shareB = Math.floor(eb * c) - givenB;
        row[at] += shareR;
        row[at + 1] += shareG;
        row[at + 2] += shareB;
        givenR += shareR;
        givenG += shareG;
        givenB += shareB;
      }
    }
    const done = rows.shift()!;
    done.fill(0);
    rows.push(done);
  }
}

/** Any kernel on luminance, for panels of greys. */
export function diffuseGreyWithKernel(src: Uint16Array, width: number, height: number, m: GreyMatcher, kernel: DiffusionKernel, out: Uint8Array): void {
  const { nearest, levels } = m;
  const taps = tapsOf(kernel, 1);
  const rows = Array.from({ length: taps.depth + 1 }, () => new Int32Array(width + 2 * taps.reach));
  for (let y = 0; y < height; y++) {
    const step = (y & 1) === 0 ? 1 : -1;
    const here = rows[0];
    let p = step > 0 ? y * width : y * width + width - 1;
    let e = step > 0 ? taps.reach : taps.reach + width - 1;
    for (let n = 0; n < width; n++, p += step, e += step) {
      let v = src[p] + here[e];
      v = v < REACH_LOW ? REACH_LOW : v > REACH_HIGH ? REACH_HIGH : v;
      const k = nearest[(v - REACH_LOW) >> GREY_SHIFT];
      out[p] = k;
      const error = v - levels[k];
      let given = 0;
      for (let t = 0; t < taps.count; t++) {
        const share = Math.floor(error * taps.cumulative[t + 1]) - given;
        rows[taps.row[t]][e + taps.dx[t] * step] += share;
        given += share;
      }
    }
    const done = rows.shift()!;
    done.fill(0);
    rows.push(done);
  }
}
