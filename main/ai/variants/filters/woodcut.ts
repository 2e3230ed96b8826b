import { blankRaster, loadRaster, throughSharp, toPng, type Rgb } from './raster.ts';

/** Distance between engraved lines at working size. */
const LINE_PERIOD = 7;
const INK: Rgb = [0, 0, 0];
const PAPER: Rgb = [255, 255, 255];
/** The panel's own red, so the accent prints as one ink. */
const ACCENT: Rgb = [255, 0, 0];

/**
 * A relief print: engraved lines whose thickness follows the tone (wavy, like gouge marks),
 * solid black shadows, cut outlines from a difference of Gaussians, and one red accent ink where
 * the photo is strongly red or orange.
 */
export async function woodcut(image: Buffer): Promise<Buffer> {
  const grey = await loadRaster(image, 1, (s) => s.median(5).normalise());
  const tone = await throughSharp(grey, (s) => s.blur(1.5));
  const wide = await throughSharp(grey, (s) => s.blur(3));
  const colour = await loadRaster(image, 3, (s) => s.median(9));
  const { width, height } = grey;
  const out = blankRaster(width, height, 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const t = (tone.data[i] / 255) ** 0.7; // prints read lighter than photos
      const edge = (tone.data[i] - wide.data[i]) / 255; // negative on the dark side of an edge
      const phase = (y + 3 * Math.sin(x / 38) + 2 * Math.sin(x / 15 + y / 45)) % LINE_PERIOD;
      const onLine = Math.abs(phase - LINE_PERIOD / 2) < (1 - t) * LINE_PERIOD * 0.5;
      if (isAccent(colour.data, i * 3)) {
        out.data.set(t < 0.3 || edge < -0.08 ? INK : ACCENT, i * 3);
      } else {
        out.data.set(t < 0.16 || edge < -0.06 || (t < 0.74 && onLine) ? INK : PAPER, i * 3);
      }
    }
  }
  return toPng(out);
}

/** Saturated, not dark, hue between red and orange. */
function isAccent(rgb: Uint8Array, p: number): boolean {
  const r = rgb[p], g = rgb[p + 1], b = rgb[p + 2];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  return max === r && max > 110 && (max - min) / max > 0.45 && g - b < (r - b) * 0.55;
}
