/**
 * How far a frame is from its source as a viewer sees it: both pictures blurred with a Gaussian
 * of σ 1.5 px in linear light (what an eye a little way from the frame averages together), then
 * compared pixel by pixel in CIELAB. Used by the quality test and `npm run bench -- dither`.
 */
import { srgbToLinear } from '../../../main/imaging/color.ts';
import type { Rgb } from '../../../main/imaging/profiles.ts';

export interface SeenError {
  /** Mean CIELAB ΔE76. */
  deltaE: number;
  /** Mean L* of the frame minus that of the source: below 0 the frame looks darker. */
  deltaL: number;
  /** Mean C* of the source and of the frame (their ratio over a set of pictures: below 1 frames look greyer). */
  sourceChroma: number;
  chroma: number;
}

const SIGMA = 1.5;
const TO_LINEAR = Float32Array.from({ length: 256 }, (_, v) => srgbToLinear(v / 255));

/** `source` is sRGB bytes (width·height·3); `indices` index `palette`, the colours the panel shows. */
export function seenError(source: Uint8Array, indices: Uint8Array, palette: readonly Rgb[], width: number, height: number): SeenError {
  const pixels = width * height;
  const shown = new Float32Array(pixels * 3);
  for (let p = 0; p < pixels; p++) {
    const colour = palette[indices[p]];
    shown[3 * p] = TO_LINEAR[colour[0]];
    shown[3 * p + 1] = TO_LINEAR[colour[1]];
    shown[3 * p + 2] = TO_LINEAR[colour[2]];
  }
  const linear = new Float32Array(source.length);
  for (let i = 0; i < source.length; i++) linear[i] = TO_LINEAR[source[i]];
  const a = blurred(linear, width, height);
  const b = blurred(shown, width, height);
  let deltaE = 0;
  let deltaL = 0;
  let chromaA = 0;
  let chromaB = 0;
  const labA: [number, number, number] = [0, 0, 0];
  const labB: [number, number, number] = [0, 0, 0];
  for (let p = 0; p < pixels * 3; p += 3) {
    cieLab(a[p], a[p + 1], a[p + 2], labA);
    cieLab(b[p], b[p + 1], b[p + 2], labB);
    deltaE += Math.sqrt((labB[0] - labA[0]) ** 2 + (labB[1] - labA[1]) ** 2 + (labB[2] - labA[2]) ** 2);
    deltaL += labB[0] - labA[0];
    chromaA += Math.sqrt(labA[1] ** 2 + labA[2] ** 2);
    chromaB += Math.sqrt(labB[1] ** 2 + labB[2] ** 2);
  }
  return { deltaE: deltaE / pixels, deltaL: deltaL / pixels, sourceChroma: chromaA / pixels, chroma: chromaB / pixels };
}

/**
 * Separable Gaussian blur of interleaved linear RGB, edges extended. Both passes sum each pixel's
 * taps in the same order, in doubles; the vertical pass goes tap by tap over a whole row of sums,
 * reading memory in order instead of striding down columns (twice as fast at 1600×1200).
 */
function blurred(image: Float32Array, width: number, height: number): Float32Array {
  const radius = Math.ceil(3 * SIGMA);
  const weights = Float32Array.from({ length: 2 * radius + 1 }, (_, i) => Math.exp(-((i - radius) ** 2) / (2 * SIGMA * SIGMA)));
  const total = weights.reduce((s, w) => s + w, 0);
  weights.forEach((w, i) => (weights[i] = w / total));
  const clamp = (k: number, size: number): number => (k < 0 ? 0 : k >= size ? size - 1 : k);
  const rowLength = width * 3;
  const rows = new Float32Array(image.length);
  for (let y = 0; y < height; y++) {
    const base = y * rowLength;
    for (let x = 0; x < width; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let t = -radius; t <= radius; t++) {
        const at = base + clamp(x + t, width) * 3;
        const w = weights[t + radius];
        r += w * image[at];
        g += w * image[at + 1];
        b += w * image[at + 2];
      }
      const at = base + x * 3;
      rows[at] = r;
      rows[at + 1] = g;
      rows[at + 2] = b;
    }
  }
  const out = new Float32Array(image.length);
  const sums = new Float64Array(rowLength);
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    for (let t = -radius; t <= radius; t++) {
      const w = weights[t + radius];
      const source = clamp(y + t, height) * rowLength;
      for (let i = 0; i < rowLength; i++) sums[i] += w * rows[source + i];
    }
    out.set(sums, y * rowLength);
  }
  return out;
}

/** Linear-light sRGB → CIELAB (D65), into `out`. */
export function cieLab(r: number, g: number, b: number, out: [number, number, number] = [0, 0, 0]): [number, number, number] {
  const x = labF((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = labF(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = labF((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  out[0] = 116 * y - 16;
  out[1] = 500 * (x - y);
  out[2] = 200 * (y - z);
  return out;
}

const labF = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
