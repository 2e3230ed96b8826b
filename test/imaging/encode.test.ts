import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { encodeBmp1 } from '../../main/imaging/encode/bmp.ts';
import { encodeGreyPng, encodeIndexedPng } from '../../main/imaging/encode/png.ts';
import type { Rgb } from '../../main/imaging/profiles.ts';
import { readPng } from './helpers/png-reader.ts';

const randomIndices = (count: number, colours: number): Uint8Array => Uint8Array.from({ length: count }, (_, i) => ((i * 2654435761) >>> 13) % colours);

describe('indexed PNG', () => {
  for (const [bitDepth, colours] of [[1, 2], [2, 4], [4, 7], [8, 200]] as const) {
    it(`${bitDepth}-bit: PLTE is the palette in order and the samples are the indices`, async () => {
      const palette: Rgb[] = Array.from({ length: colours }, (_, i) => [i, 255 - i, (i * 37) % 256]);
      const indices = randomIndices(13 * 7, colours); // odd width: rows end mid-byte
      const png = encodeIndexedPng(indices, 13, 7, palette, bitDepth);
      const decoded = readPng(png);
      expect(decoded).toMatchObject({ width: 13, height: 7, bitDepth, colourType: 3 });
      expect(decoded.palette).toEqual(palette);
      expect(decoded.samples).toEqual(indices);
      // An independent decoder (libpng in sharp) sees the same colours.
      const { data } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      indices.forEach((k, p) => expect([...data.subarray(3 * p, 3 * p + 3)]).toEqual(palette[k]));
    });
  }

  it('refuses a palette that does not fit the bit depth', () => {
    expect(() => encodeIndexedPng(new Uint8Array(4), 2, 2, Array.from({ length: 5 }, () => [0, 0, 0] as Rgb), 2)).toThrow(/do not fit/);
  });
});

describe('grey PNG', () => {
  for (const bitDepth of [1, 2, 4] as const) {
    it(`${bitDepth}-bit: colour type 0, no PLTE, sample = index`, async () => {
      const indices = randomIndices(29 * 5, 1 << bitDepth);
      const png = encodeGreyPng(indices, 29, 5, bitDepth);
      const decoded = readPng(png);
      expect(decoded).toMatchObject({ width: 29, height: 5, bitDepth, colourType: 0, palette: undefined });
      expect(decoded.samples).toEqual(indices);
      const { data } = await sharp(png).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
      expect([...data].map((v) => Math.round((v * ((1 << bitDepth) - 1)) / 255))).toEqual([...indices]);
    });
  }
});

describe('1-bit BMP', () => {
  it('is 48,062 bytes for 800×480 with TRMNL header fields and bottom-up rows', () => {
    const indices = new Uint8Array(800 * 480);
    indices.fill(1, 0, 800); // top row white
    indices[800 * 479] = 1; // bottom-left pixel white
    const bmp = encodeBmp1(indices, 800, 480, [
      [0, 0, 0],
      [255, 255, 255],
    ]);
    expect(bmp.length).toBe(48_062);
    expect(bmp.toString('latin1', 0, 2)).toBe('BM');
    expect(bmp.readUInt32LE(2)).toBe(48_062);
    expect(bmp.readUInt32LE(10)).toBe(62);
    expect(bmp.readUInt32LE(14)).toBe(40);
    expect(bmp.readInt32LE(18)).toBe(800);
    expect(bmp.readInt32LE(22)).toBe(480);
    expect(bmp.readUInt16LE(26)).toBe(1);
    expect(bmp.readUInt16LE(28)).toBe(1);
    expect(bmp.readUInt32LE(30)).toBe(0);
    expect(bmp.readUInt32LE(34)).toBe(48_000);
    expect([...bmp.subarray(54, 62)]).toEqual([0, 0, 0, 0, 255, 255, 255, 0]);
    // The first stored row is the picture's bottom row: only its first pixel is white.
    expect(bmp[62]).toBe(0x80);
    expect(bmp.subarray(63, 162).every((b) => b === 0)).toBe(true);
    // The last stored row is the picture's top row: all white.
    expect(bmp.subarray(62 + 479 * 100).every((b) => b === 0xff)).toBe(true);
  });

  it('pads rows to 4 bytes and refuses a palette that is not two colours', () => {
    const two: Rgb[] = [
      [0, 0, 0],
      [255, 255, 255],
    ];
    expect(encodeBmp1(new Uint8Array(33 * 2), 33, 2, two).length).toBe(62 + 8 * 2);
    expect(() => encodeBmp1(new Uint8Array(4), 2, 2, [...two, [255, 0, 0]])).toThrow(/2-colour palette/);
  });
});
