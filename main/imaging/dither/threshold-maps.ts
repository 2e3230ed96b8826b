import { seededRandom } from '../../core/seeded-random.ts';

/** Tiled threshold maps for ordered dithering: each cell holds a threshold in (0, 1), all distinct. */
export interface ThresholdMap {
  /** Side length, a power of two. */
  readonly size: number;
  /** Row-major thresholds, size × size. */
  readonly values: Float32Array;
}

function fromRanks(size: number, ranks: ArrayLike<number>): ThresholdMap {
  const count = size * size;
  return { size, values: Float32Array.from(ranks, (rank) => (rank + 0.5) / count) };
}

/** The classic 8×8 Bayer matrix, built by the recursive doubling rule. */
export const BAYER8: ThresholdMap = (() => {
  let ranks = [0];
  for (let size = 1; size < 8; size *= 2) {
    const next = new Array<number>(size * size * 4);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const v = 4 * ranks[y * size + x];
        const w = size * 2;
        next[y * w + x] = v;
        next[y * w + x + size] = v + 2;
        next[(y + size) * w + x] = v + 3;
        next[(y + size) * w + x + size] = v + 1;
      }
    }
    ranks = next;
  }
  return fromRanks(8, ranks);
})();

const BLUE_NOISE_BITS = 6;
const BLUE_NOISE_SIGMA = 1.5;
let blueNoise: ThresholdMap | undefined;

/**
 * A 64×64 blue-noise map made with Ulichney's void-and-cluster method from a fixed seed, so it
 * is the same on every machine. Built on first use (a few tens of milliseconds) and kept.
 */
export function blueNoise64(): ThresholdMap {
  blueNoise ??= fromRanks(1 << BLUE_NOISE_BITS, voidAndCluster(BLUE_NOISE_BITS, BLUE_NOISE_SIGMA, 0x1badcafe));
  return blueNoise;
}

function voidAndCluster(bits: number, sigma: number, seed: number): Uint16Array {
  const size = 1 << bits;
  const mask = size - 1;
  const count = size * size;
  const radius = Math.ceil(4 * sigma);
  const offsets: [number, number, number][] = [];
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) offsets.push([dx, dy, Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma))]);
  }

  // Energy of a pixel: the Gaussian-weighted count of set pixels around it, on a torus.
  const pattern = new Uint8Array(count);
  const energy = new Float64Array(count);
  const toggle = (i: number): void => {
    const sign = pattern[i] ? -1 : 1;
    pattern[i] ^= 1;
    const x = i & mask;
    const y = i >> bits;
    for (const [dx, dy, weight] of offsets) energy[(((y + dy) & mask) << bits) | ((x + dx) & mask)] += sign * weight;
  };
  const extreme = (value: 0 | 1, pickHighest: boolean): number => {
    let best = -1;
    for (let i = 0; i < count; i++) {
      if (pattern[i] === value && (best < 0 || (pickHighest ? energy[i] > energy[best] : energy[i] < energy[best]))) best = i;
    }
    return best;
  };
  const tightestCluster = (): number => extreme(1, true);
  const largestVoid = (): number => extreme(0, false);

  // Initial pattern: a tenth of the pixels at random, then moved from clusters into voids until stable.
  const random = seededRandom(seed);
  const initialOnes = Math.round(count / 10);
  for (let ones = 0; ones < initialOnes; ) {
    const i = Math.floor(random() * count);
    if (!pattern[i]) {
      toggle(i);
      ones++;
    }
  }
  for (;;) {
    const cluster = tightestCluster();
    toggle(cluster);
    const hole = largestVoid();
    toggle(hole);
    if (hole === cluster) break;
  }
  const initialPattern = pattern.slice();
  const initialEnergy = energy.slice();

  const ranks = new Uint16Array(count);
  // Ranks below the initial pattern: take out the tightest cluster each time.
  for (let ones = initialOnes; ones > 0; ) {
    const cluster = tightestCluster();
    toggle(cluster);
    ranks[cluster] = --ones;
  }
  // Ranks above it: fill the largest void each time. (Past half full this is the same pixel as
  // Ulichney's "tightest cluster of zeros".)
  pattern.set(initialPattern);
  energy.set(initialEnergy);
  for (let ones = initialOnes; ones < count; ones++) {
    const hole = largestVoid();
    toggle(hole);
    ranks[hole] = ones;
  }
  return ranks;
}
