import { blankRaster, loadRaster, nearestColour, sobel, toPng, type Rgb } from './raster.ts';

/**
 * Screen-print inks: the nominal colours of 6- and 7-colour e-ink panels (yellow, orange, red,
 * blue, green), so a panel prints each area in one of its own inks, without dithering.
 */
const VIVID: Rgb[] = [[255, 255, 0], [255, 140, 0], [255, 0, 0], [0, 0, 255], [0, 255, 0]];
/** Grey areas are printed by brightness band, darkest first. */
const BANDS: Rgb[] = [[0, 0, 0], [0, 0, 255], [255, 255, 0], [255, 255, 255]];
const BLACK: Rgb = [0, 0, 0];
/** Above this saturation an area keeps (a vivid version of) its own colour. */
const VIVID_SATURATION = 0.4;
/** Sobel magnitude above which a pixel is part of an outline. */
const OUTLINE = 160;

/**
 * 1960s screen print: the photo smoothed into flat areas; colourful areas printed in the nearest
 * vivid ink, grey areas in a colour chosen by brightness band (black, blue, yellow, white, split
 * at the image's own quartiles), with black outlines.
 */
export async function popArt(image: Buffer): Promise<Buffer> {
  const colour = await loadRaster(image, 3, (s) => s.median(11).modulate({ saturation: 1.6 }));
  const grey = await loadRaster(image, 1, (s) => s.median(9).blur(1.5));
  const edges = sobel(grey);
  const cuts = quantiles(grey.data, [0.2, 0.5, 0.8]);
  const { width, height } = colour;
  const out = blankRaster(width, height, 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const outline = edges[i] > OUTLINE || (x > 0 && edges[i - 1] > OUTLINE) || (y > 0 && edges[i - width] > OUTLINE);
      out.data.set(outline ? BLACK : inkFor(colour.data, i * 3, grey.data[i], cuts), i * 3);
    }
  }
  return toPng(out);
}

function inkFor(rgb: Uint8Array, p: number, level: number, cuts: number[]): Rgb {
  const r = rgb[p], g = rgb[p + 1], b = rgb[p + 2];
  const max = Math.max(r, g, b);
  const saturation = max === 0 ? 0 : (max - Math.min(r, g, b)) / max;
  const band = cuts.filter((cut) => level > cut).length;
  if (saturation > VIVID_SATURATION && band > 0 && max > 70) return VIVID[nearestColour(r, g, b, VIVID)];
  return BANDS[band];
}

function quantiles(values: Uint8Array, fractions: number[]): number[] {
  const histogram = new Uint32Array(256);
  for (const v of values) histogram[v]++;
  return fractions.map((fraction) => {
    let seen = 0;
    for (let level = 0; level < 256; level++) {
      seen += histogram[level];
      if (seen >= fraction * values.length) return level;
    }
    return 255;
  });
}
