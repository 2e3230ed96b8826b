import { blankRaster, loadRaster, toPng, type Rgb } from './raster.ts';

/**
 * Shadows to highlights: black, blue, red, yellow, white — the nominal inks of a colour e-ink
 * panel, so each tone is printed as a mix of just two neighbouring inks.
 */
const STOPS: [number, Rgb][] = [
  [0, [0, 0, 0]],
  [0.3, [0, 0, 255]],
  [0.55, [255, 0, 0]],
  [0.8, [255, 255, 0]],
  [1, [255, 255, 255]],
];

/** A gradient-map poster: the photo's tones (contrast-stretched) mapped from deep blue through red to yellow. */
export async function duotone(image: Buffer): Promise<Buffer> {
  const grey = await loadRaster(image, 1, (s) => s.normalise({ lower: 2, upper: 98 }));
  const lut = gradientTable();
  const out = blankRaster(grey.width, grey.height, 3);
  for (let i = 0; i < grey.data.length; i++) out.data.set(lut[grey.data[i]], i * 3);
  return toPng(out);
}

function gradientTable(): Rgb[] {
  return Array.from({ length: 256 }, (_, level) => {
    const t = level / 255;
    const upper = STOPS.findIndex(([at]) => at >= t);
    if (upper <= 0) return STOPS[0][1];
    const [a, from] = STOPS[upper - 1];
    const [b, to] = STOPS[upper];
    const f = (t - a) / (b - a);
    return [0, 1, 2].map((c) => Math.round(from[c] + (to[c] - from[c]) * f)) as unknown as Rgb;
  });
}
