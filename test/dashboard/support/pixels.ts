import sharp from 'sharp';
import type { CanvasSpec } from '../../../main/dashboard/canvas.ts';

/** Each pixel of a PNG as the index of its nearest palette colour (RGB distance). */
export async function snappedIndices(png: Buffer, canvas: CanvasSpec): Promise<Uint8Array> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const out = new Uint8Array(info.width * info.height);
  const cache = new Map<number, number>();
  for (let p = 0; p < out.length; p++) {
    const r = data[p * 3];
    const g = data[p * 3 + 1];
    const b = data[p * 3 + 2];
    const key = (r << 16) | (g << 8) | b;
    let index = cache.get(key);
    if (index === undefined) {
      index = nearest(r, g, b, canvas);
      cache.set(key, index);
    }
    out[p] = index;
  }
  return out;
}

function nearest(r: number, g: number, b: number, canvas: CanvasSpec): number {
  let best = 0;
  let bestDistance = Infinity;
  canvas.palette.forEach(([pr, pg, pb], i) => {
    const distance = (pr - r) ** 2 + (pg - g) ** 2 + (pb - b) ** 2;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = i;
    }
  });
  return best;
}
