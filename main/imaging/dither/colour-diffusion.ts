/**
 * Error diffusion of colour pictures, run in WebAssembly (diffusion.wat, where the reason is
 * given; dither-wasm.ts lays the picture and the tables out in the module's memory): called row
 * by row, alternating direction. Calling per row also lets V8 move from its quick first compile
 * of the module to the optimised one in the middle of the first picture.
 */
import type { ColourLut } from '../gamut/panel-lut.ts';
import { ditherWasm } from './dither-wasm.ts';
import { kernelWeights, type DiffusionKernel } from './error-diffusion.ts';
import type { DiffusionMatcher } from './palette-matcher.ts';

/** Bytes of one cell of a row of error: r, g, b and an unused lane. */
const CELL_BYTES = 16;

/** Floyd–Steinberg of an sRGB picture through its colour mapping to the palette of `m`: palette indices into `out`. */
export function floydSteinbergColour(rgb: Uint8Array, width: number, height: number, lut: ColourLut, m: DiffusionMatcher, out: Uint8Array): void {
  const wasm = ditherWasm();
  const rowBytes = (width + 2) * CELL_BYTES;
  const at = wasm.load(rgb, width, height, lut, m, 2 * rowBytes);
  let current = at.scratch;
  let below = at.scratch + rowBytes;
  for (let y = 0; y < height; y++) {
    wasm.exports.floydSteinbergRow(at.rgb + y * width * 3, at.out + y * width, width, (y & 1) === 0 ? 1 : 0, current, below);
    [current, below] = [below, current];
  }
  wasm.read(at.out, out);
}

/** The same with any kernel of up to 5 × 3 taps (Atkinson, Sierra, Stucki). */
export function diffuseColourWithKernel(rgb: Uint8Array, width: number, height: number, lut: ColourLut, m: DiffusionMatcher, kernel: DiffusionKernel, out: Uint8Array): void {
  const wasm = ditherWasm();
  const { shift, ahead, below } = kernelWeights(kernel);
  const rowBytes = (width + 4) * CELL_BYTES;
  const at = wasm.load(rgb, width, height, lut, m, 3 * rowBytes);
  const rows = [at.scratch, at.scratch + rowBytes, at.scratch + 2 * rowBytes];
  const mirrored = below.map((weights) => [...weights].reverse());
  for (let y = 0; y < height; y++) {
    const forward = (y & 1) === 0;
    const [one, two] = forward ? below : mirrored;
    wasm.exports.kernelRow(at.rgb + y * width * 3, at.out + y * width, width, forward ? 1 : 0, rows[0], rows[1], rows[2], shift, ahead[0], ahead[1], ...one, ...two);
    rows.push(rows.shift()!);
  }
  wasm.read(at.out, out);
}
