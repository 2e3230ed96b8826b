/**
 * PNG writing by hand on node:zlib: sharp (libvips) cannot write a PNG whose palette is a given
 * list in a given order (it builds its own palette), and a panel needs index i to mean its
 * driver's colour i, at the smallest bit depth.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { Rgb } from '../panel-profile.ts';
import { scratchBytes } from '../scratch.ts';
import { packRow, packedRowBytes } from './pack.ts';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOUR_TYPE_GREY = 0;
const COLOUR_TYPE_INDEXED = 3;
/**
 * Measured on 1600×1200 panel images: a third of level 6's time on flat screens (whose files stay
 * under 20 KB) and a half on dithered photos, whose files grow 2%.
 */
const DEFLATE_LEVEL = 3;

/** Indexed-colour PNG (colour type 3) whose PLTE is exactly `palette`, in order. */
export function encodeIndexedPng(indices: Uint8Array, width: number, height: number, palette: readonly Rgb[], bitDepth: 1 | 2 | 4 | 8): Buffer {
  if (palette.length > 1 << bitDepth) throw new RangeError(`${palette.length} colours do not fit in ${bitDepth}-bit indices`);
  return png(width, height, bitDepth, COLOUR_TYPE_INDEXED, indices, [chunk('PLTE', Buffer.from(palette.flat()))]);
}

/** Greyscale PNG (colour type 0): index i is grey sample i, so black is 0 and white 2^bitDepth − 1. */
export function encodeGreyPng(indices: Uint8Array, width: number, height: number, bitDepth: 1 | 2 | 4 | 8): Buffer {
  return png(width, height, bitDepth, COLOUR_TYPE_GREY, indices, []);
}

function png(width: number, height: number, bitDepth: 1 | 2 | 4 | 8, colourType: number, indices: Uint8Array, extra: Buffer[]): Buffer {
  if (indices.length !== width * height) throw new RangeError(`expected ${width * height} indices for ${width}×${height}, got ${indices.length}`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(bitDepth, 8);
  header.writeUInt8(colourType, 9); // compression, filter and interlace methods stay 0
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), ...extra, chunk('IDAT', deflateSync(scanlines(indices, width, height, bitDepth), { level: DEFLATE_LEVEL })), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * Each row is a filter-type byte then the packed samples. Filter 0 (none): the PNG spec's advice for
 * palette and sub-byte images, where prediction does not help. A row like the one above (most rows
 * of a drawn screen) is copied packed.
 */
function scanlines(indices: Uint8Array, width: number, height: number, bitDepth: 1 | 2 | 4 | 8): Uint8Array {
  const rowBytes = packedRowBytes(width, bitDepth) + 1;
  const out = scratchBytes('png scanlines', rowBytes * height);
  const rows = Buffer.from(indices.buffer, indices.byteOffset, indices.length);
  for (let y = 0; y < height; y++) {
    const at = y * width;
    out[y * rowBytes] = 0;
    if (y > 0 && rows.compare(rows, at - width, at, at, at + width) === 0) out.copyWithin(y * rowBytes + 1, (y - 1) * rowBytes + 1, y * rowBytes);
    else packRow(indices, at, width, bitDepth, out, y * rowBytes + 1);
  }
  return out;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
