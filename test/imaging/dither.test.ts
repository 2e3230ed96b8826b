import { describe, expect, it } from 'vitest';
import { srgbToLinear } from '../../main/imaging/color.ts';
import { DITHER_ALGORITHMS, ditherPanelImage, ditherRgb, isLinePalette, type DitherAlgorithm } from '../../main/imaging/dither/index.ts';
import { diffusionMatcher, greyMatcher } from '../../main/imaging/dither/palette-matcher.ts';
import { BAYER8, blueNoise64 } from '../../main/imaging/dither/threshold-maps.ts';
import { BUILTIN_PROFILES, type Rgb } from '../../main/imaging/profiles.ts';
import { flatRgb, histogram } from './helpers/images.ts';

const BLACK_WHITE: Rgb[] = [
  [0, 0, 0],
  [255, 255, 255],
];

describe('ditherRgb', () => {
  // The working space of the diffusion is linear light: a grey keeps its share of white light,
  // so sRGB 128 (linear 0.216) becomes about 22% white pixels, not 50%.
  const meanKeeping: DitherAlgorithm[] = ['floyd-steinberg', 'sierra', 'stucki', 'bayer8', 'blue-noise'];
  for (const algorithm of meanKeeping) {
    it(`${algorithm} keeps the mean of a grey in linear light`, () => {
      for (const grey of [32, 128, 200]) {
        const indices = ditherRgb(flatRgb(256, 256, [grey, grey, grey]), 256, 256, BLACK_WHITE, algorithm);
        const whiteShare = histogram(indices, 2)[1] / indices.length;
        expect(Math.abs(whiteShare - srgbToLinear(grey / 255)), `grey ${grey}`).toBeLessThan(0.02);
      }
    });
  }

  it('atkinson passes on only 6/8 of the error, by design, so its greys drift toward the nearer extreme', () => {
    const indices = ditherRgb(flatRgb(256, 256, [128, 128, 128]), 256, 256, BLACK_WHITE, 'atkinson');
    const whiteShare = histogram(indices, 2)[1] / indices.length;
    expect(whiteShare).toBeGreaterThan(0.1);
    expect(whiteShare).toBeLessThan(0.35);
  });

  it('leaves a flat palette colour exactly that colour, with every algorithm and built-in palette', () => {
    for (const profile of BUILTIN_PROFILES) {
      const line = isLinePalette(profile.palette);
      const levels = line ? greyMatcher(profile.palette).levels : diffusionMatcher(profile.palette).linear;
      for (const algorithm of DITHER_ALGORITHMS.filter((a) => a !== 'none')) {
        profile.palette.forEach((_, k) => {
          const colour = line ? [levels[k]] : [...levels.subarray(3 * k, 3 * k + 3)];
          const data = Uint16Array.from({ length: 40 * 30 * colour.length }, (_, i) => colour[i % colour.length]);
          const indices = ditherPanelImage({ data, width: 40, height: 30, channels: line ? 1 : 3 }, profile.palette, algorithm);
          expect(histogram(indices, profile.palette.length)[k], `${profile.id} ${algorithm} colour ${k}`).toBe(indices.length);
        });
      }
    }
  });

  it('turns white paper into the panel\'s white and black into its black, without speckle', () => {
    for (const profile of BUILTIN_PROFILES) {
      const luminance = profile.palette.map(([r, g, b]) => 0.2126 * srgbToLinear(r / 255) + 0.7152 * srgbToLinear(g / 255) + 0.0722 * srgbToLinear(b / 255));
      const whitest = profile.palette.reduce((best, c, k) => (Math.min(...c) > Math.min(...profile.palette[best]) ? k : best), 0);
      const darkest = luminance.indexOf(Math.min(...luminance));
      for (const [grey, expected] of [[255, whitest], [0, darkest]]) {
        const indices = ditherRgb(flatRgb(200, 100, [grey, grey, grey]), 200, 100, profile.palette, 'floyd-steinberg');
        expect(histogram(indices, profile.palette.length)[expected], `${profile.id} grey ${grey}`).toBe(indices.length);
      }
    }
  });

  it('picks the perceptually nearest colour without dithering', () => {
    const palette: Rgb[] = [
      [0, 0, 0],
      [255, 255, 255],
      [255, 0, 0],
    ];
    const rgb = Uint8Array.from([10, 10, 10, 240, 240, 240, 200, 30, 20]);
    expect([...ditherRgb(rgb, 3, 1, palette, 'none')]).toEqual([0, 1, 2]);
  });

  it('refuses a size that does not match the data and an unknown algorithm', () => {
    expect(() => ditherRgb(new Uint8Array(10), 2, 2, BLACK_WHITE, 'none')).toThrow(/expected 12 bytes/);
    expect(() => ditherRgb(new Uint8Array(12), 2, 2, BLACK_WHITE, 'zigzag' as DitherAlgorithm)).toThrow(/unknown dither algorithm "zigzag"/);
  });
});

describe('threshold maps', () => {
  it('Bayer 8×8 and the blue-noise map each hold every threshold once', () => {
    for (const map of [BAYER8, blueNoise64()]) {
      const ranks = [...map.values].map((t) => Math.round(t * map.size * map.size - 0.5)).sort((a, b) => a - b);
      expect(ranks).toEqual(Array.from({ length: map.size * map.size }, (_, i) => i));
    }
  });

  it('the blue-noise map has no clumps: its darkest tenth is spread evenly', () => {
    const { size, values } = blueNoise64();
    const points: [number, number][] = [];
    values.forEach((t, i) => t < 0.1 && points.push([i % size, Math.floor(i / size)]));
    // Nearest-neighbour distance on the torus; white noise would put many points next to each other.
    const closest = points.map(([x, y]) =>
      Math.min(...points.filter(([u, v]) => u !== x || v !== y).map(([u, v]) => Math.hypot(Math.min(Math.abs(u - x), size - Math.abs(u - x)), Math.min(Math.abs(v - y), size - Math.abs(v - y))))),
    );
    expect(Math.min(...closest)).toBeGreaterThanOrEqual(2);
  });
});
