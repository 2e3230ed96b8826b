import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { FIXTURES } from './test-app.ts';

/** A valid PNG that claims width×height 1-bit pixels: a few kB on disk, a huge canvas once decoded. */
export function decompressionBomb(width = 12_000, height = 12_000): Buffer {
  const row = Buffer.alloc(1 + Math.ceil(width / 8));
  const raw = Buffer.alloc(row.length * height);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([1, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function truncatedJpeg(): Buffer {
  const jpeg = fs.readFileSync(path.join(FIXTURES, 'beach.jpg'));
  return jpeg.subarray(0, Math.floor(jpeg.length * 0.6));
}

/** The start of a HEIC file (ftyp box, brand heic) without a decodable image after it. */
export function heicHeader(): Buffer {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic', 'latin1'), Buffer.alloc(4), Buffer.from('mif1heic', 'latin1')]);
  return Buffer.concat([ftyp, Buffer.alloc(256)]);
}
