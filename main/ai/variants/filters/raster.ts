import sharp, { type Sharp } from 'sharp';

/** Filters work at panel scale: the largest built-in panel is 1600×1200. */
const WORK_SIDE = 1600;

/** Interleaved 8-bit pixels. */
export interface Raster {
  data: Uint8Array;
  width: number;
  height: number;
  channels: 1 | 3;
}

export type Rgb = readonly [number, number, number];

/** Downscaled to working size (never up), alpha on white; `prepare` may adjust it first (blur, saturation…). */
export async function loadRaster(image: Buffer, channels: 1 | 3, prepare: (s: Sharp) => Sharp = (s) => s): Promise<Raster> {
  let pipeline = sharp(image).resize({ width: WORK_SIDE, height: WORK_SIDE, fit: 'inside', withoutEnlargement: true }).flatten({ background: '#ffffff' });
  pipeline = prepare(pipeline);
  if (channels === 1) pipeline = pipeline.greyscale();
  const { data, info } = await pipeline.toColourspace(channels === 1 ? 'b-w' : 'srgb').raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height, channels };
}

export function blankRaster(width: number, height: number, channels: 1 | 3, fill = 255): Raster {
  return { data: new Uint8Array(width * height * channels).fill(fill), width, height, channels };
}

/** A grey raster run through a sharp operation (e.g. a Gaussian blur) and back. */
export async function throughSharp(raster: Raster, op: (s: Sharp) => Sharp): Promise<Raster> {
  const input = sharp(Buffer.from(raster.data.buffer, raster.data.byteOffset, raster.data.length), { raw: { width: raster.width, height: raster.height, channels: raster.channels } });
  const { data } = await op(input).toColourspace(raster.channels === 1 ? 'b-w' : 'srgb').raw().toBuffer({ resolveWithObject: true });
  return { ...raster, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

export async function toPng(raster: Raster): Promise<Buffer> {
  return sharp(Buffer.from(raster.data.buffer, raster.data.byteOffset, raster.data.length), { raw: { width: raster.width, height: raster.height, channels: raster.channels } })
    .png({ compressionLevel: 9, adaptiveFiltering: true })
    .toBuffer();
}

/** Sobel gradient magnitude of a grey raster (0..~1443). */
export function sobel(grey: Raster): Float32Array {
  const { data, width: w, height: h } = grey;
  const out = new Float32Array(w * h);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const gx = data[i - w + 1] + 2 * data[i + 1] + data[i + w + 1] - data[i - w - 1] - 2 * data[i - 1] - data[i + w - 1];
      const gy = data[i + w - 1] + 2 * data[i + w] + data[i + w + 1] - data[i - w - 1] - 2 * data[i - w] - data[i - w + 1];
      out[i] = Math.hypot(gx, gy);
    }
  }
  return out;
}

/** The nearest palette colour by the "redmean" weighted RGB distance: cheap and close to perceptual for saturated inks. */
export function nearestColour(r: number, g: number, b: number, palette: readonly Rgb[]): number {
  let best = 0;
  let bestDistance = Infinity;
  for (let i = 0; i < palette.length; i++) {
    const [pr, pg, pb] = palette[i];
    const rm = (r + pr) / 2;
    const d = (2 + rm / 256) * (r - pr) ** 2 + 4 * (g - pg) ** 2 + (2 + (255 - rm) / 256) * (b - pb) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  }
  return best;
}
