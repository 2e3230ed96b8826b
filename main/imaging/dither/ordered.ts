import { cubeIndex, GREY_SHIFT, REACH_LOW, type DiffusionMatcher, type GreyMatcher } from './palette-matcher.ts';
import type { ThresholdMap } from './threshold-maps.ts';

/**
 * Ordered dithering for any palette, in linear light. Each pixel is shown as a mix of two palette
 * colours: A, the nearest, and the colour B for which some share α of B in A comes closest to the
 * pixel. The threshold map then picks B where its threshold is below α. With black and white
 * this is exact ordered dithering in linear light (a grey of linear value v gets a share v of
 * white); a palette colour gets α = 0 and stays itself.
 */
export function orderedDither(src: Uint16Array, width: number, height: number, m: DiffusionMatcher, map: ThresholdMap, out: Uint8Array): void {
  const { size: colours, cube, linear } = m;
  const red = Int32Array.from({ length: colours }, (_, k) => linear[3 * k]);
  const green = Int32Array.from({ length: colours }, (_, k) => linear[3 * k + 1]);
  const blue = Int32Array.from({ length: colours }, (_, k) => linear[3 * k + 2]);
  const mapMask = map.size - 1;
  const mapBits = Math.log2(map.size);

  // Squared distances between palette colours, for the projection onto the line A→B.
  const pairLength = new Float64Array(colours * colours);
  for (let a = 0; a < colours; a++) {
    for (let b = 0; b < colours; b++) {
      pairLength[a * colours + b] = (red[b] - red[a]) ** 2 + (green[b] - green[a]) ** 2 + (blue[b] - blue[a]) ** 2;
    }
  }

  for (let y = 0, p = 0; y < height; y++) {
    const mapRow = (y & mapMask) << mapBits;
    for (let x = 0; x < width; x++, p++) {
      const s = p * 3;
      const r = src[s];
      const g = src[s + 1];
      const b = src[s + 2];
      const a = cube[cubeIndex(r, g, b)];
      const dr = r - red[a];
      const dg = g - green[a];
      const db = b - blue[a];
      const missed = dr * dr + dg * dg + db * db;
      let best = a;
      let bestShare = 0;
      let bestResidual = missed;
      for (let k = 0; k < colours; k++) {
        const dot = dr * (red[k] - red[a]) + dg * (green[k] - green[a]) + db * (blue[k] - blue[a]);
        if (dot <= 0) continue;
        const length = pairLength[a * colours + k];
        const share = dot < length ? dot / length : 1;
        // |d − share·(B − A)|², expanded.
        const residual = missed - 2 * share * dot + share * share * length;
        if (residual < bestResidual) {
          bestResidual = residual;
          bestShare = share;
          best = k;
        }
      }
      out[p] = map.values[mapRow | (x & mapMask)] < bestShare ? best : a;
    }
  }
}

/** The same for panels of greys: each luminance is a mix of the two levels around it. */
export function orderedDitherGrey(src: Uint16Array, width: number, height: number, m: GreyMatcher, map: ThresholdMap, out: Uint8Array): void {
  const { nearest, levels } = m;
  const mapMask = map.size - 1;
  const mapBits = Math.log2(map.size);
  for (let y = 0, p = 0; y < height; y++) {
    const mapRow = (y & mapMask) << mapBits;
    for (let x = 0; x < width; x++, p++) {
      const v = src[p];
      const a = nearest[(v - REACH_LOW) >> GREY_SHIFT];
      // The level on the other side of v, if any.
      let b = a;
      for (let k = 0; k < levels.length; k++) {
        if ((levels[k] - levels[a]) * (v - levels[a]) > 0 && (b === a || Math.abs(levels[k] - levels[a]) < Math.abs(levels[b] - levels[a]))) b = k;
      }
      const share = b === a ? 0 : (v - levels[a]) / (levels[b] - levels[a]);
      out[p] = map.values[mapRow | (x & mapMask)] < share ? b : a;
    }
  }
}
