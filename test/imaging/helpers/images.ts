import sharp from 'sharp';

/** A flat colour as RGB bytes. */
export function flatRgb(width: number, height: number, [r, g, b]: readonly number[]): Uint8Array {
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < rgb.length; i += 3) rgb.set([r, g, b], i);
  return rgb;
}

/** A JPEG test picture with smooth colour and detail, made on the fly. */
export async function testPhoto(width = 320, height = 200): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" x2="1" y1="0" y2="1"><stop offset="0" stop-color="#3a7bd5"/><stop offset="0.5" stop-color="#f4d35e"/><stop offset="1" stop-color="#c0392b"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width / 3}" cy="${height / 2}" r="${height / 4}" fill="#2d6a4f"/>
    <rect x="${width * 0.6}" y="${height * 0.2}" width="${width / 5}" height="${height / 2}" fill="#ffffff"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}

/** Counts of each index value. */
export function histogram(indices: Uint8Array, size: number): number[] {
  const counts = new Array<number>(size).fill(0);
  for (const k of indices) counts[k]++;
  return counts;
}
