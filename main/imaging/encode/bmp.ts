import type { Rgb } from '../panel-profile.ts';
import { packRow, packedRowBytes } from './pack.ts';

const FILE_HEADER_BYTES = 14;
const INFO_HEADER_BYTES = 40;

/**
 * 1-bit Windows BMP for legacy TRMNL firmware: BITMAPINFOHEADER, two-entry colour table from the
 * palette, rows bottom-up and padded to 4 bytes. 800×480 gives the 48,062 bytes TRMNL expects.
 */
export function encodeBmp1(indices: Uint8Array, width: number, height: number, palette: readonly Rgb[]): Buffer {
  if (palette.length !== 2) throw new RangeError(`a 1-bit BMP needs a 2-colour palette, not ${palette.length} colours`);
  if (indices.length !== width * height) throw new RangeError(`expected ${width * height} indices for ${width}×${height}, got ${indices.length}`);
  const stride = Math.ceil(packedRowBytes(width, 1) / 4) * 4;
  const offset = FILE_HEADER_BYTES + INFO_HEADER_BYTES + 4 * palette.length;
  const out = Buffer.alloc(offset + stride * height);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(out.length, 2);
  out.writeUInt32LE(offset, 10);
  out.writeUInt32LE(INFO_HEADER_BYTES, 14);
  out.writeInt32LE(width, 18);
  out.writeInt32LE(height, 22); // positive height: bottom-up rows
  out.writeUInt16LE(1, 26); // planes
  out.writeUInt16LE(1, 28); // bits per pixel
  out.writeUInt32LE(0, 30); // BI_RGB, no compression
  out.writeUInt32LE(stride * height, 34);
  out.writeInt32LE(2835, 38); // 72 dpi, in pixels per metre
  out.writeInt32LE(2835, 42);
  out.writeUInt32LE(palette.length, 46);
  out.writeUInt32LE(palette.length, 50);
  palette.forEach(([r, g, b], i) => out.set([b, g, r, 0], FILE_HEADER_BYTES + INFO_HEADER_BYTES + 4 * i));
  for (let y = 0; y < height; y++) packRow(indices, y * width, width, 1, out, offset + (height - 1 - y) * stride);
  return out;
}
