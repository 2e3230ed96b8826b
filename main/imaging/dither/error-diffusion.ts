import { CELL_B, CELL_G, CELL_OFFSET, CELL_R, CELL_SHIFT, LINEAR_MAX, SRGB_TO_LINEAR, cellOf, type PaletteMatcher } from './palette-matcher.ts';

/**
 * Error diffusion in the linear-light working space, serpentine scan (rows alternate direction,
 * which stops the diagonal "worms" a one-way scan draws). Each pixel takes the nearest palette
 * colour after the errors it received are added, and passes what it missed on to its unvisited
 * neighbours, so every area keeps its mean light. Values are clamped to 0..1, which bounds the
 * error a colour outside the palette's reach can pile up.
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
 * Floyd–Steinberg (7/16 ahead; 3/16, 5/16, 1/16 on the next row), written out by hand because it
 * is the default and the one the benchmark holds against Pillow. Errors are kept in sixteenths
 * (no rounding until they reach a pixel); the shares still owed to the row below are carried in
 * locals so each cell of it is written once; everything the loop reads is a local, so V8 keeps
 * it in registers; `| 0` and Math.imul tell V8 the sums stay 32-bit integers; LINEAR_MAX,
 * CELL_SHIFT and CELL_OFFSET are written as literals, which V8 folds into the instructions
 * (imported constants it does not).
 */
export function floydSteinberg(src: Uint8Array, width: number, height: number, m: PaletteMatcher, out: Uint8Array): void {
  const toLinear = SRGB_TO_LINEAR;
  const cellR = CELL_R;
  const cellG = CELL_G;
  const cellB = CELL_B;
  const nearest = m.nearest;
  const palette = m.linear;
  const rowLength = (width + 2) * 3; // one cell of padding at each end
  let current = new Int32Array(rowLength);
  let below = new Int32Array(rowLength);

  for (let y = 0; y < height; y++) {
    const step = (y & 1) === 0 ? 3 : -3;
    const rowStart = y * width * 3;
    const errorOffset = 3 - rowStart; // error index = source index + errorOffset
    let s = step > 0 ? rowStart : rowStart + (width - 1) * 3;
    const end = s + step * width;
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
    for (; s !== end; s += step) {
      const e = s + errorOffset;
      let r = (toLinear[src[s]] + ((current[e] + aheadR) >> 4)) | 0;
      let g = (toLinear[src[s + 1]] + ((current[e + 1] + aheadG) >> 4)) | 0;
      let b = (toLinear[src[s + 2]] + ((current[e + 2] + aheadB) >> 4)) | 0;
      const k = nearest[cellR[(r >> 6) + 1024] | cellG[(g >> 6) + 1024] | cellB[(b >> 6) + 1024]];
      out[(s / 3) | 0] = k;
      // Clamp to −¼..1 (−16384..65535) without branches (a branch here is mispredicted too
      // often); the CPU does this while it waits for the lookup above. The room below 0 lets a
      // channel owe light (after a light pixel is placed in a darkish area); none above 1 keeps
      // a colour the palette cannot reach from piling up error that then smears into its neighbours.
      r += 16384;
      g += 16384;
      b += 16384;
      r &= ~(r >> 31);
      g &= ~(g >> 31);
      b &= ~(b >> 31);
      let over = r - 81919;
      r -= over & ~(over >> 31);
      over = g - 81919;
      g -= over & ~(over >> 31);
      over = b - 81919;
      b -= over & ~(over >> 31);
      r -= 16384;
      g -= 16384;
      b -= 16384;

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

if (LINEAR_MAX !== 65535 || CELL_SHIFT !== 6 || CELL_OFFSET !== 1024) throw new Error('floydSteinberg: update its literals');

/** Any other kernel: the same scan with the taps in a loop (about twice the time of the one above). */
export function diffuseWithKernel(
  src: Uint8Array,
  width: number,
  height: number,
  m: PaletteMatcher,
  kernel: DiffusionKernel,
  out: Uint8Array,
): void {
  const { nearest, linear: palette } = m;
  const reach = Math.max(...kernel.taps.map(([dx]) => Math.abs(dx)));
  const depth = Math.max(...kernel.taps.map(([, dy]) => dy));
  const rowLength = (width + 2 * reach) * 3;
  const rows = Array.from({ length: depth + 1 }, () => new Int32Array(rowLength));
  const tapCount = kernel.taps.length;
  const tapRow = Int32Array.from(kernel.taps, ([, dy]) => dy);
  const tapDx = Int32Array.from(kernel.taps, ([dx]) => dx * 3);
  // Tap t gets floor(err·c[t+1]) − floor(err·c[t]) with c the running sum of weight/divisor, so
  // the shares add up to exactly the diffused part of the error.
  const cumulative = new Float64Array(tapCount + 1);
  kernel.taps.forEach(([, , weight], t) => (cumulative[t + 1] = cumulative[t] + weight / kernel.divisor));
  const clamp = (v: number): number => (v < 0 ? 0 : v > LINEAR_MAX ? LINEAR_MAX : v);

  for (let y = 0; y < height; y++) {
    const step = (y & 1) === 0 ? 1 : -1;
    const here = rows[0];
    let p = step > 0 ? y * width : y * width + width - 1;
    let e = (step > 0 ? reach : reach + width - 1) * 3;
    for (let n = 0; n < width; n++, p += step, e += 3 * step) {
      const s = p * 3;
      const r = clamp(SRGB_TO_LINEAR[src[s]] + here[e]);
      const g = clamp(SRGB_TO_LINEAR[src[s + 1]] + here[e + 1]);
      const b = clamp(SRGB_TO_LINEAR[src[s + 2]] + here[e + 2]);
      const k = nearest[cellOf(r, g, b)];
      out[p] = k;

      const er = r - palette[3 * k];
      const eg = g - palette[3 * k + 1];
      const eb = b - palette[3 * k + 2];
      let givenR = 0;
      let givenG = 0;
      let givenB = 0;
      for (let t = 0; t < tapCount; t++) {
        const row = rows[tapRow[t]];
        const at = e + tapDx[t] * step;
        const c = cumulative[t + 1];
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
