import sharp from 'sharp';
import type { PanelImage } from '../../../main/imaging/dither/index.ts';
import type { ColourLut, LuminanceLut } from '../../../main/imaging/gamut/panel-lut.ts';

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

/**
 * A flat patch of one colour already in the panel's working space (linear light 0..LINEAR_MAX:
 * three values, or one luminance for panels of greys), as the dither takes it: a mapping that
 * maps every pixel to that colour. Tests of the dither alone use it to feed exact colours.
 */
export function flatPanelImage(width: number, height: number, colour: readonly number[]): PanelImage {
  const rgb = new Uint8Array(width * height * 3);
  const none = new Int32Array(256);
  const mapping: ColourLut | LuminanceLut = colour.length === 1
    ? { kind: 'luminance', curve: Uint16Array.from(colour), weightR: new Uint32Array(256), weightG: new Uint32Array(256), weightB: new Uint32Array(256) }
    : { kind: 'colour', grid: Uint16Array.from(colour), offsetR: none, offsetG: none, offsetB: none, rest: none };
  return { rgb, width, height, mapping };
}
