import type { ColourLut, LuminanceLut } from '../gamut/panel-lut.ts';
import { align, ditherWasm } from './dither-wasm.ts';
import { CELL_BITS, CELL_CENTRES, type DiffusionMatcher, type GreyMatcher } from './palette-matcher.ts';
import type { ThresholdMap } from './threshold-maps.ts';

/**
 * Ordered dithering for any palette, in linear light. Each pixel is shown as a mix of two palette
 * colours: A, the nearest, and the colour B for which some share α of B in A comes closest to the
 * pixel. The threshold map then picks B where its threshold is below α. With black and white
 * this is exact ordered dithering in linear light (a grey of linear value v gets a share v of
 * white); a palette colour gets α = 0 and stays itself.
 *
 * A and B are those of the pixel's cell in the palette matcher's cube (found at the cell's
 * centre, once per palette); the share α is the pixel's own. Run in WebAssembly with the mapping
 * into the panel's colours fused in (diffusion.wat): a search over the palette per pixel, in
 * JavaScript after a separate mapping pass, took five times as long as Pillow's Floyd–Steinberg.
 */
export function orderedDither(rgb: Uint8Array, width: number, height: number, lut: ColourLut, m: DiffusionMatcher, map: ThresholdMap, out: Uint8Array): void {
  const wasm = ditherWasm();
  const { pairCube, pairs } = orderedPairs(m, wasm.bias);
  const thresholdBytes = align(map.values.byteLength);
  const at = wasm.load(rgb, width, height, lut, m, thresholdBytes + pairCube.byteLength + pairs.byteLength);
  const thresholds = at.scratch;
  const cubeAt = thresholds + thresholdBytes;
  const pairsAt = cubeAt + pairCube.byteLength;
  new Float32Array(wasm.buffer, thresholds, map.values.length).set(map.values);
  new Uint16Array(wasm.buffer, cubeAt, pairCube.length).set(pairCube);
  new Uint8Array(wasm.buffer, pairsAt, pairs.length).set(pairs);
  const mask = map.size - 1;
  const rowBytes = map.size * 4;
  for (let y = 0; y < height; y++) {
    wasm.exports.orderedRow(at.rgb + y * width * 3, at.out + y * width, width, thresholds + (y & mask) * rowBytes, mask, cubeAt, pairsAt);
  }
  wasm.read(at.out, out);
}

/** orderedRow's tables for a palette (the layout is described in diffusion.wat), kept with its matcher. */
interface OrderedPairs {
  /** Per cube cell: the index A · colours + B of its pair. */
  readonly pairCube: Uint16Array;
  /** Per pair, 32 bytes: A + bias (i32 × 3), the bytes A and B, then (B − A) / |B − A|² (f32 × 3, 0). */
  readonly pairs: Uint8Array;
}

const pairsOf = new WeakMap<DiffusionMatcher, OrderedPairs>();

function orderedPairs(m: DiffusionMatcher, bias: number): OrderedPairs {
  let tables = pairsOf.get(m);
  if (!tables) {
    tables = { pairCube: pairCubeOf(m), pairs: pairRecords(m, bias) };
    pairsOf.set(m, tables);
  }
  return tables;
}

function pairCubeOf(m: DiffusionMatcher): Uint16Array {
  const { size: colours, cube, linear } = m;
  const pairCube = new Uint16Array(cube.length);
  const cells = CELL_CENTRES.length;
  for (let r = 0; r < cells; r++) {
    for (let g = 0; g < cells; g++) {
      for (let b = 0; b < cells; b++) {
        const cell = (r << (2 * CELL_BITS)) | (g << CELL_BITS) | b;
        const a = cube[cell];
        const dr = CELL_CENTRES[r] - linear[3 * a];
        const dg = CELL_CENTRES[g] - linear[3 * a + 1];
        const db = CELL_CENTRES[b] - linear[3 * a + 2];
        const missed = dr * dr + dg * dg + db * db;
        let best = a;
        let bestResidual = missed;
        for (let k = 0; k < colours; k++) {
          const [er, eg, eb] = [linear[3 * k] - linear[3 * a], linear[3 * k + 1] - linear[3 * a + 1], linear[3 * k + 2] - linear[3 * a + 2]];
          const dot = dr * er + dg * eg + db * eb;
          if (dot <= 0) continue;
          const length = er * er + eg * eg + eb * eb;
          const share = Math.min(1, dot / length);
          // |d − share·(B − A)|², expanded.
          const residual = missed - 2 * share * dot + share * share * length;
          if (residual < bestResidual) {
            bestResidual = residual;
            best = k;
          }
        }
        pairCube[cell] = a * colours + best;
      }
    }
  }
  return pairCube;
}

function pairRecords(m: DiffusionMatcher, bias: number): Uint8Array {
  const { size: colours, linear } = m;
  const buffer = new ArrayBuffer(colours * colours * 32);
  const ints = new Int32Array(buffer);
  const floats = new Float32Array(buffer);
  const bytes = new Uint8Array(buffer);
  for (let a = 0; a < colours; a++) {
    for (let b = 0; b < colours; b++) {
      const at = (a * colours + b) * 8;
      const towards = [0, 1, 2].map((c) => linear[3 * b + c] - linear[3 * a + c]);
      const length = towards.reduce((sum, v) => sum + v * v, 0);
      for (let c = 0; c < 3; c++) {
        ints[at + c] = linear[3 * a + c] + bias;
        floats[at + 4 + c] = length > 0 ? towards[c] / length : 0;
      }
      bytes[at * 4 + 12] = a;
      bytes[at * 4 + 13] = b;
    }
  }
  return bytes;
}

/**
 * The same for panels of greys, on luminance: each pixel is a mix of the level nearest to it and
 * the next level on its other side. In WebAssembly too, the mapping fused in.
 */
export function orderedDitherGrey(rgb: Uint8Array, width: number, height: number, lut: LuminanceLut, m: GreyMatcher, map: ThresholdMap, out: Uint8Array): void {
  const wasm = ditherWasm();
  const at = wasm.loadGrey(rgb, width, height, lut, m, map.values.byteLength);
  new Float32Array(wasm.buffer, at.scratch, map.values.length).set(map.values);
  const mask = map.size - 1;
  const rowBytes = map.size * 4;
  for (let y = 0; y < height; y++) {
    wasm.exports.greyOrderedRow(at.rgb + y * width * 3, at.out + y * width, width, at.scratch + (y & mask) * rowBytes, mask, at.tables);
  }
  wasm.read(at.out, out);
}
