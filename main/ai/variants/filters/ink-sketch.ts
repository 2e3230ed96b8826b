import { blankRaster, loadRaster, throughSharp, toPng } from './raster.ts';

/** Hatching spacing in pixels at working size. */
const HATCH = 6;

/**
 * Pen lines from a colour-dodge sketch (grey ÷ blurred inverse), hatching in the shadows, over a
 * pale wash of the photo's own colours: black ink, white paper and light tints, which an e-ink
 * panel renders cleanly.
 */
export async function inkSketch(image: Buffer): Promise<Buffer> {
  const grey = await loadRaster(image, 1, (s) => s.median(3));
  const blurredInverse = await throughSharp(grey, (s) => s.negate().blur(5));
  const tone = await throughSharp(grey, (s) => s.blur(4));
  const wash = await loadRaster(image, 3, (s) => s.median(9).modulate({ saturation: 1.8 }));
  const out = blankRaster(grey.width, grey.height, 3);
  for (let y = 0; y < grey.height; y++) {
    for (let x = 0; x < grey.width; x++) {
      const i = y * grey.width + x;
      const dodge = Math.min(255, (grey.data[i] * 255) / (256 - blurredInverse.data[i])) / 255;
      let ink = smoothstep(0.6, 0.9, dodge);
      const t = tone.data[i];
      if (t < 110 && (x + y) % HATCH === 0) ink = 0;
      if (t < 60 && (x - y + 8192) % HATCH === 0) ink = 0;
      if (t < 25) ink = 0;
      for (let c = 0; c < 3; c++) out.data[i * 3 + c] = ink * (255 - 0.45 * (255 - wash.data[i * 3 + c]));
    }
  }
  return toPng(out);
}

function smoothstep(edge0: number, edge1: number, v: number): number {
  const t = Math.min(1, Math.max(0, (v - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}
