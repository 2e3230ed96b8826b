/**
 * Error diffusion in linear light, serpentine scan (rows alternate direction, which stops the
 * diagonal "worms" a one-way scan draws). Each pixel takes the palette colour nearest to its
 * value with the errors it received added, and passes what it missed on to its unvisited
 * neighbours, so every area keeps its mean light. The input is mapped inside the palette's gamut
 * (gamut/panel-lut.ts) as each pixel is read; values with error added are held within
 * REACH_LOW..REACH_HIGH, and the lookup sees where the error is heading.
 *
 * This file holds the kernels; the loops run in WebAssembly (diffusion.wat): colour pictures in
 * colour-diffusion.ts, panels of greys, on luminance alone, in grey-diffusion.ts.
 */

/** A tap is [dx (along the scan direction), dy (rows down), weight]. */
export interface DiffusionKernel {
  readonly divisor: number;
  readonly taps: readonly (readonly [number, number, number])[];
}

// prettier-ignore
export const KERNELS = {
  // Written out for colour pictures (colour-diffusion.ts); panels of greys use it as a kernel.
  'floyd-steinberg': { divisor: 16, taps: [[1, 0, 7], [-1, 1, 3], [0, 1, 5], [1, 1, 1]] },
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
