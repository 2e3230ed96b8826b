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
  'floyd-steinberg': { divisor: 16, taps: [[1, 0, 7], [-1, 1, 3], [0, 1, 5], [1, 1, 1]] },
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

/**
 * Any kernel, colour or grey (`channels` 3 or 1): the same scan with the taps in a loop (about
 * twice the time of the one above). Colour looks up the diffusion cube, grey the luminance levels.
 */
export function diffuseWithKernel(
  src: Uint16Array,
  width: number,
  height: number,
  matcher: DiffusionMatcher | GreyMatcher,
  kernel: DiffusionKernel,
  out: Uint8Array,
): void {
  const channels = 'cube' in matcher ? 3 : 1;
  const levels = 'cube' in matcher ? matcher.linear : matcher.levels;
  const nearest = (v: Int32Array): number =>
    'cube' in matcher
      ? matcher.cube[cubeIndex(v[0], v[1], v[2])]
      : matcher.nearest[(v[0] - REACH_LOW) >> GREY_SHIFT];
  const reach = Math.max(...kernel.taps.map(([dx]) => Math.abs(dx)));
  const depth = Math.max(...kernel.taps.map(([, dy]) => dy));
  const rows = Array.from({ length: depth + 1 }, () => new Int32Array((width + 2 * reach) * channels));
  const tapCount = kernel.taps.length;
  const tapRow = Int32Array.from(kernel.taps, ([, dy]) => dy);
  const tapDx = Int32Array.from(kernel.taps, ([dx]) => dx * channels);
  // Tap t gets floor(err·c[t+1]) − floor(err·c[t]) with c the running sum of weight/divisor, so
  // the shares add up to exactly the diffused part of the error.
  const cumulative = new Float64Array(tapCount + 1);
  kernel.taps.forEach(([, , weight], t) => (cumulative[t + 1] = cumulative[t] + weight / kernel.divisor));
  const value = new Int32Array(3);
  const given = new Int32Array(3);

  for (let y = 0; y < height; y++) {
    const step = (y & 1) === 0 ? 1 : -1;
    const here = rows[0];
    let p = step > 0 ? y * width : y * width + width - 1;
    let e = (step > 0 ? reach : reach + width - 1) * channels;
    for (let n = 0; n < width; n++, p += step, e += channels * step) {
      for (let c = 0; c < channels; c++) {
        const v = src[p * channels + c] + here[e + c];
        value[c] = v < REACH_LOW ? REACH_LOW : v > REACH_HIGH ? REACH_HIGH : v;
      }
      const k = nearest(value);
      out[p] = k;
      given.fill(0);
      for (let t = 0; t < tapCount; t++) {
        const row = rows[tapRow[t]];
        const at = e + tapDx[t] * step;
        for (let c = 0; c < channels; c++) {
          const share = Math.floor((value[c] - levels[channels * k + c]) * cumulative[t + 1]) - given[c];
          row[at + c] += share;
          given[c] += share;
        }
      }
    }
    const done = rows.shift()!;
    done.fill(0);
    rows.push(done);
  }
}
