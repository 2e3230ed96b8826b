import { crc32, inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  /** PLTE entries, when there is a PLTE chunk. */
  palette?: [number, number, number][];
  /** One sample per pixel (palette index or grey sample), row-major. */
  samples: Uint8Array;
}

/** A small independent PNG reader for the tests: checks CRCs, undoes all five filters, unpacks 1–8-bit samples (single-channel images only). */
export function readPng(file: Buffer): DecodedPng {
  if (file.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG signature');
  let at = 8;
  let header: Buffer | undefined;
  let palette: [number, number, number][] | undefined;
  const idat: Buffer[] = [];
  for (;;) {
    const length = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    const data = file.subarray(at + 8, at + 8 + length);
    if (crc32(file.subarray(at + 4, at + 8 + length)) !== file.readUInt32BE(at + 8 + length)) throw new Error(`bad CRC in ${type}`);
    at += 12 + length;
    if (type === 'IHDR') header = data;
    else if (type === 'PLTE') palette = Array.from({ length: length / 3 }, (_, i) => [data[3 * i], data[3 * i + 1], data[3 * i + 2]]);
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
  }
  if (!header) throw new Error('no IHDR');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const bitDepth = header[8];
  const colourType = header[9];
  if (colourType !== 0 && colourType !== 3) throw new Error(`colour type ${colourType} is not handled by this reader`);
  const raw = inflateSync(Buffer.concat(idat));
  const rowBytes = Math.ceil((width * bitDepth) / 8);
  const bpp = Math.max(1, bitDepth / 8);
  const rows = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (rowBytes + 1)];
    const line = raw.subarray(y * (rowBytes + 1) + 1, (y + 1) * (rowBytes + 1));
    for (let i = 0; i < rowBytes; i++) {
      const left = i >= bpp ? rows[y * rowBytes + i - bpp] : 0;
      const up = y > 0 ? rows[(y - 1) * rowBytes + i] : 0;
      const upLeft = y > 0 && i >= bpp ? rows[(y - 1) * rowBytes + i - bpp] : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      if (predictor === undefined) throw new Error(`unknown filter ${filter}`);
      rows[y * rowBytes + i] = (line[i] + predictor) & 255;
    }
  }
  const samples = new Uint8Array(width * height);
  const mask = (1 << bitDepth) - 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bit = x * bitDepth;
      samples[y * width + x] = (rows[y * rowBytes + (bit >> 3)] >> (8 - bitDepth - (bit & 7))) & mask;
    }
  }
  return { width, height, bitDepth, colourType, palette, samples };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
