/**
 * Error diffusion on luminance for panels of greys with any kernel of up to 5 × 3 taps
 * (Floyd–Steinberg, Atkinson, Sierra, Stucki), run in WebAssembly (diffusion.wat): in
 * JavaScript the ten read-modify-writes of the rows below per pixel, each checked by V8, took
 * twice Pillow's time for its Floyd–Steinberg. Rows alternate direction (error-diffusion.ts).
 */
import type { LuminanceLut } from '../gamut/panel-lut.ts';
import { ditherWasm } from './dither-wasm.ts';
import { kernelWeights, type DiffusionKernel } from './error-diffusion.ts';
import type { GreyMatcher } from './palette-matcher.ts';

/** Bytes of one cell of a row of error (i32). */
const CELL_BYTES = 4;

export function diffuseGreyWithKernel(rgb: Uint8Array, width: number, height: number, lut: LuminanceLut, m: GreyMatcher, kernel: DiffusionKernel, out: Uint8Array): void {
  const wasm = ditherWasm();
  const { shift, ahead, below } = kernelWeights(kernel);
  const rowBytes = (width + 4) * CELL_BYTES;
  const at = wasm.loadGrey(rgb, width, height, lut, m, 3 * rowBytes);
  const rows = [at.scratch, at.scratch + rowBytes, at.scratch + 2 * rowBytes];
  for (let y = 0; y < height; y++) {
    // The weights go along the scan, so a row scanned leftward needs them as they are.
    wasm.exports.greyKernelRow(at.rgb + y * width * 3, at.out + y * width, width, (y & 1) === 0 ? 1 : 0, rows[0], rows[1], rows[2], shift, ahead[0], ahead[1], ...below[0], ...below[1], at.tables);
    rows.push(rows.shift()!);
  }
  wasm.read(at.out, out);
}
